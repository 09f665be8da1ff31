// Running batch plans (batch_run.h, docs/batch.md).
#include "app/cli/batch_run.h"

#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace opdims::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kResultFormat = "opdims-batch-result";
constexpr long long kResultVersion = 1;

// One step's results as they go into /steps/<name>: attributes, 1-D and 2-D datasets.
struct StepResult {
    std::string name, command, commandLine;
    double seconds = 0.0;
    std::vector<std::pair<std::string, std::string>> text;
    std::vector<std::pair<std::string, double>> numbers;
    std::vector<std::pair<std::string, Eigen::VectorXd>> vectors;
    std::vector<std::pair<std::string, Eigen::MatrixXd>> matrices;
};

// The figures of each step the merged table shows (attributes of the step's group).
const std::map<std::string, std::vector<std::string>>& summaryFields() {
    static const std::map<std::string, std::vector<std::string>> f = {
        {"train", {"iterations", "final_loss", "grid_cost"}},
        {"evaluate", {"cost"}},
        {"sweep", {"full_cost", "k_2x", "k_10x"}},
        {"local", {"locations", "dimensions"}},
        {"global", {"locations", "local_dimensions", "top_singular_value"}},
        {"fixed-points", {"points", "fixed", "slow", "stable", "saddles"}},
    };
    return f;
}

Eigen::VectorXd toVector(const std::vector<double>& v) {
    return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

void trainStep(const Plan& plan, const PlanItem& item, const Args& args, StepResult& r) {
    TrainState state = prepareTraining(args);
    const TrainConfig& c = state.config;
    const long long evalEvery = args.integer("eval-every", 0);
    const double stopAt = args.number("stop-at-cost", 0.0);
    if (stopAt > 0 && evalEvery <= 0)
        throw Error("--stop-at-cost needs --eval-every N (the grid cost is measured then)");
    const Batch grid = makeGridBatch(c.task, state.model.dt);
    const std::string before = state.model.provenance;
    state.model.provenance = "opdims " OPDIMS_VERSION ": " + r.commandLine + " (batch " +
                             plan.path + ", item " + item.name + ")" +
                             (before.empty() ? "" : "; before that: " + before);
    std::vector<double> iteration, loss, gradNorm, rate, gridCost;
    train(state, [&](const IterationReport& rep, const Model& m) {
        double g = NAN;
        if (evalEvery > 0 && (rep.iteration % evalEvery == 0 || rep.iteration == rep.iterations))
            g = evaluateCost(m, m.W, grid);
        iteration.push_back(static_cast<double>(rep.iteration));
        loss.push_back(rep.loss);
        gradNorm.push_back(rep.gradNorm);
        rate.push_back(rep.learningRate);
        gridCost.push_back(g);
        return !(stopAt > 0 && g <= stopAt);
    });
    nameTrainedModel(state);
    const std::string network = plan.networkPath(item);
    saveModel(state.model, network);
    r.text.emplace_back("network", network);
    r.text.emplace_back("task", taskName(c.task));
    r.numbers.emplace_back("iterations", static_cast<double>(state.iteration));
    r.numbers.emplace_back("final_loss", loss.empty() ? NAN : loss.back());
    r.numbers.emplace_back("grid_cost", evaluateCost(state.model, state.model.W, grid));
    r.numbers.emplace_back("seed", static_cast<double>(c.seed));
    r.vectors.emplace_back("iteration", toVector(iteration));
    r.vectors.emplace_back("loss", toVector(loss));
    r.vectors.emplace_back("grad_norm", toVector(gradNorm));
    r.vectors.emplace_back("learning_rate", toVector(rate));
    r.vectors.emplace_back("log_grid_cost", toVector(gridCost));
}

void evaluateStep(const Args& args, StepResult& r) {
    const Model m = loadModelArg(args);
    const EvaluateStep s = runEvaluate(args, m);
    r.text.emplace_back("task", taskName(s.task));
    r.text.emplace_back("batch", s.batch.kind);
    r.numbers.emplace_back("cost", s.cost);
    r.numbers.emplace_back("trials", static_cast<double>(s.batch.trialCount()));
    r.numbers.emplace_back("steps", static_cast<double>(s.batch.steps));
}

void sweepStep(const Args& args, StepResult& r) {
    const Model m = loadModelArg(args);
    const SweepStep s = runSweep(args, m, {}, {});
    std::vector<double> k, cost, distance;
    for (const SweepPoint& p : s.sweep.points) {
        k.push_back(p.k);
        cost.push_back(p.cost);
        distance.push_back(p.stateDistance);
    }
    r.text.emplace_back("task", taskName(s.task));
    r.text.emplace_back("basis", s.basis.name);
    r.numbers.emplace_back("full_cost", s.sweep.fullCost);
    const int k2 = sufficientRank(s.sweep, 2.0), k10 = sufficientRank(s.sweep, 10.0);
    r.numbers.emplace_back("k_2x", k2 > 0 ? k2 : NAN);
    r.numbers.emplace_back("k_10x", k10 > 0 ? k10 : NAN);
    r.vectors.emplace_back("k", toVector(k));
    r.vectors.emplace_back("cost", toVector(cost));
    r.vectors.emplace_back("state_distance", toVector(distance));
    r.vectors.emplace_back("basis_strength", s.basis.strength);
}

void localStep(const Args& args, StepResult& r) {
    const Model m = loadModelArg(args);
    const LocalStep s = runLocal(args, m, {});
    Eigen::Index total = 0, widest = 0;
    for (const auto& l : s.local) {
        total += l.Q.cols();
        widest = std::max(widest, l.Q.cols());
    }
    const auto L = static_cast<Eigen::Index>(s.local.size());
    Eigen::MatrixXd Q(m.units(), total);
    Eigen::MatrixXd deltaF = Eigen::MatrixXd::Constant(L, widest, NAN);
    Eigen::VectorXd location(total), time(L), context(L), dims(L);
    Eigen::MatrixXd states(L, m.units());
    Eigen::Index c = 0;
    for (Eigen::Index i = 0; i < L; ++i) {
        const LocalDimensions& l = s.local[static_cast<std::size_t>(i)];
        for (Eigen::Index d = 0; d < l.Q.cols(); ++d) {
            Q.col(c) = l.Q.col(d);
            location(c++) = static_cast<double>(i);
            deltaF(i, d) = l.deltaF(d);
        }
        time(i) = l.location.t;
        context(i) =
            s.task == TaskKind::Swg ? l.location.condition.freqId : l.location.condition.context;
        dims(i) = l.dimensions();
        states.row(i) = l.location.x.transpose();
    }
    r.text.emplace_back("task", taskName(s.task));
    r.text.emplace_back("type", sideName(s.side));
    r.numbers.emplace_back("locations", static_cast<double>(L));
    r.numbers.emplace_back("dimensions", static_cast<double>(total));
    r.matrices.emplace_back("Q", Q);
    r.vectors.emplace_back("location_of_dimension", location);
    r.matrices.emplace_back("delta_f", deltaF);
    r.vectors.emplace_back("location_time", time);
    r.vectors.emplace_back(s.task == TaskKind::Swg ? "location_frequency" : "location_context",
                           context);
    r.vectors.emplace_back("location_dimensions", dims);
    r.matrices.emplace_back("location_state", states);
}

void globalStep(const Args& args, StepResult& r) {
    const Model m = loadModelArg(args);
    const GlobalStep s = runGlobal(args, m, {});
    r.text.emplace_back("task", taskName(s.task));
    r.text.emplace_back("type", sideName(s.side));
    r.numbers.emplace_back("locations", s.global.locations);
    r.numbers.emplace_back("local_dimensions", s.global.localDimensions);
    r.numbers.emplace_back("top_singular_value",
                           s.global.basis.strength.size() ? s.global.basis.strength(0) : NAN);
    r.matrices.emplace_back("Q", s.global.basis.Q);
    r.vectors.emplace_back("singular_values", s.global.basis.strength);
    r.vectors.emplace_back("variance_explained", s.global.varianceExplained);
}

void fixedPointsStep(const Args& args, StepResult& r) {
    const Model m = loadModelArg(args);
    const FixedPointsStep s = runFixedPointsStep(args, m, {}, {});
    const auto P = static_cast<Eigen::Index>(s.result.points.size());
    const Eigen::Index n = m.units();
    Eigen::MatrixXd x(P, n), re(P, n), im(P, n);
    Eigen::VectorXd q(P), speed(P), kind(P), stability(P), unstable(P), starts(P), iterations(P);
    int fixed = 0, slow = 0, stable = 0, saddles = 0;
    for (Eigen::Index i = 0; i < P; ++i) {
        const FixedPoint& p = s.result.points[static_cast<std::size_t>(i)];
        x.row(i) = p.x.transpose();
        re.row(i) = p.linear.eigenvalues.real().transpose();
        im.row(i) = p.linear.eigenvalues.imag().transpose();
        q(i) = p.q;
        speed(i) = p.speed;
        kind(i) = p.kind == PointKind::Fixed ? 0 : 1;
        stability(i) = static_cast<double>(static_cast<int>(p.linear.stability));
        unstable(i) = p.linear.unstableModes;
        starts(i) = p.starts;
        iterations(i) = p.iterations;
        fixed += p.kind == PointKind::Fixed;
        slow += p.kind == PointKind::Slow;
        stable += p.linear.stability == Stability::Stable;
        saddles += p.linear.stability == Stability::Saddle;
    }
    r.text.emplace_back("task", taskName(s.task));
    r.text.emplace_back("problem", s.problem.description);
    r.text.emplace_back("weights", s.weights);
    r.numbers.emplace_back("points", static_cast<double>(P));
    r.numbers.emplace_back("fixed", fixed);
    r.numbers.emplace_back("slow", slow);
    r.numbers.emplace_back("stable", stable);
    r.numbers.emplace_back("saddles", saddles);
    r.numbers.emplace_back("starts_used", static_cast<double>(s.result.runs.size()));
    r.numbers.emplace_back("first_pc_fraction", s.summary.firstPcFraction);
    r.vectors.emplace_back("input", s.problem.input);
    r.matrices.emplace_back("x", x);
    r.vectors.emplace_back("q", q);
    r.vectors.emplace_back("speed", speed);
    r.vectors.emplace_back("kind", kind);
    r.vectors.emplace_back("stability", stability);
    r.vectors.emplace_back("unstable_modes", unstable);
    r.vectors.emplace_back("starts", starts);
    r.vectors.emplace_back("iterations", iterations);
    r.matrices.emplace_back("eigenvalues_real", re);
    r.matrices.emplace_back("eigenvalues_imag", im);
}

std::string utcNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0)
        return "";
    return buf;
}

void writeResult(const Plan& plan, const PlanItem& item, const std::string& command,
                 const std::vector<StepResult>& steps, const std::string& status,
                 const std::string& error, const std::string& failedStep, double seconds,
                 const std::string& started) {
    writeAtomically(plan.resultPath(item), [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        f.setAttribute("/", "format", std::string(kResultFormat));
        f.setAttribute("/", "format_version", kResultVersion);
        f.setAttribute("/", "item", item.name);
        f.setAttribute("/", "item_index", static_cast<long long>(item.index));
        f.setAttribute("/", "network", item.network);
        f.setAttribute("/", "status", status);
        f.setAttribute("/", "error", error);
        f.setAttribute("/", "failed_step", failedStep);
        f.setAttribute("/", "plan", plan.path);
        f.setAttribute("/", "entry", item.entry);
        f.setAttribute("/", "command", command);
        f.setAttribute("/", "version", std::string(OPDIMS_VERSION));
        f.setAttribute("/", "host", hostName());
        f.setAttribute("/", "started", started);
        f.setAttribute("/", "seconds", seconds);
        f.createGroup("/steps");
        std::string order;
        for (const StepResult& s : steps) {
            const std::string g = "/steps/" + s.name;
            f.createGroup(g);
            f.setAttribute(g, "step", s.command);
            f.setAttribute(g, "command", s.commandLine);
            f.setAttribute(g, "seconds", s.seconds);
            for (const auto& [k, v] : s.text)
                f.setAttribute(g, k, v);
            for (const auto& [k, v] : s.numbers)
                f.setAttribute(g, k, v);
            for (const auto& [k, v] : s.vectors)
                f.writeVector(g + "/" + k, v);
            for (const auto& [k, v] : s.matrices)
                f.writeRowMajor(g + "/" + k, v);
            order += (order.empty() ? "" : ",") + s.name;
        }
        f.setAttribute("/steps", "order", order);
    });
}

// The result file's status and entry, or empty strings when it is missing or unreadable.
struct ResultHead {
    std::string status, entry, error;
    double seconds = 0.0;
};

ResultHead readHead(const std::string& path) {
    ResultHead h;
    std::error_code ec;
    if (!fs::exists(path, ec))
        return h;
    try {
        const h5::File f = h5::File::openRead(path);
        if (f.stringAttribute("/", "format") != kResultFormat)
            return h;
        h.status = f.stringAttribute("/", "status");
        h.entry = f.stringAttribute("/", "entry");
        h.error = f.stringAttribute("/", "error");
        h.seconds = f.doubleAttribute("/", "seconds");
    } catch (const Error&) {
        return {};
    }
    return h;
}

} // namespace

bool itemDone(const Plan& plan, const PlanItem& item) {
    const ResultHead h = readHead(plan.resultPath(item));
    return h.status == "done" && h.entry == item.entry;
}

ItemOutcome runItem(const Plan& plan, const PlanItem& item, const std::string& command,
                    bool force) {
    ItemOutcome out;
    if (!force && itemDone(plan, item)) {
        out.status = ItemStatus::Skipped;
        out.seconds = readHead(plan.resultPath(item)).seconds;
        return out;
    }
    std::error_code ec;
    fs::create_directories(plan.results, ec);
    if (ec)
        throw Error(plan.results + ": cannot create the results folder (" + ec.message() + ")");
    const std::string started = utcNow();
    const auto start = std::chrono::steady_clock::now();
    std::vector<StepResult> results;
    std::string failedStep;
    for (const PlanStep& step : item.steps) {
        StepResult r;
        r.name = step.name;
        r.command = step.command;
        r.commandLine = stepCommandLine(plan, item, step);
        const auto stepStart = std::chrono::steady_clock::now();
        try {
            const Args args = stepArguments(plan, item, step);
            if (step.command == "train")
                trainStep(plan, item, args, r);
            else if (step.command == "evaluate")
                evaluateStep(args, r);
            else if (step.command == "sweep")
                sweepStep(args, r);
            else if (step.command == "local")
                localStep(args, r);
            else if (step.command == "global")
                globalStep(args, r);
            else if (step.command == "fixed-points")
                fixedPointsStep(args, r);
            else
                throw Error("unknown step " + step.command);
        } catch (const Cancelled&) {
            throw;
        } catch (const std::bad_alloc&) {
            out.error = step.name + ": out of memory";
        } catch (const std::exception& e) {
            out.error = step.name + ": " + e.what();
        }
        if (!out.error.empty()) {
            failedStep = step.name;
            break;
        }
        r.seconds = secondsSince(stepStart);
        results.push_back(std::move(r));
    }
    out.seconds = secondsSince(start);
    out.status = out.error.empty() ? ItemStatus::Done : ItemStatus::Failed;
    writeResult(plan, item, command, results, out.error.empty() ? "done" : "failed", out.error,
                failedStep, out.seconds, started);
    return out;
}

std::string selfExecutable() {
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        throw Error("cannot find the opdims executable (/proc/self/exe: " + ec.message() + ")");
    return p.string();
}

std::vector<ItemOutcome> runItemsInChildren(const Plan& plan, const std::vector<int>& items,
                                            int jobs, int threads, bool force) {
    std::vector<ItemOutcome> outcomes(items.size());
    const std::string exe = selfExecutable();
    std::error_code ec;
    fs::create_directories(fs::path(plan.results) / "logs", ec);
    if (ec)
        throw Error(plan.results + ": cannot create the results folder (" + ec.message() + ")");
    // Temporaries of items killed in an earlier run, also of items that are done by now.
    removeStaleTemporariesIn(plan.results);
    const pid_t parent = getpid();
    std::map<pid_t, std::size_t> running;
    std::map<pid_t, std::chrono::steady_clock::time_point> started;
    std::size_t next = 0, finished = 0;
    const std::size_t total = items.size();
    auto report = [&](std::size_t i) {
        const PlanItem& item = plan.items[static_cast<std::size_t>(items[i])];
        const ItemOutcome& o = outcomes[i];
        std::ostringstream line;
        line << "[" << ++finished << "/" << total << "] " << item.name << ": ";
        if (o.status == ItemStatus::Done)
            line << "done in " << num(std::round(o.seconds * 10) / 10) << " s";
        else if (o.status == ItemStatus::Skipped)
            line << "done before (skipped)";
        else
            line << "failed: " << o.error;
        std::cout << line.str() << std::endl;
    };
    while (next < total || !running.empty()) {
        while (next < total && static_cast<int>(running.size()) < jobs) {
            const std::size_t i = next++;
            const PlanItem& item = plan.items[static_cast<std::size_t>(items[i])];
            if (!force && itemDone(plan, item)) {
                outcomes[i].status = ItemStatus::Skipped;
                report(i);
                continue;
            }
            const std::string log = plan.logPath(item);
            std::vector<std::string> argv = {
                exe, "batch", plan.path, "--item", item.name, "--threads", std::to_string(threads)};
            if (force)
                argv.push_back("--force");
            std::vector<char*> cargv;
            for (auto& a : argv)
                cargv.push_back(a.data());
            cargv.push_back(nullptr);
            std::cout.flush();
            const pid_t pid = fork();
            if (pid < 0)
                throw Error(std::string("cannot start a process for an item (") +
                            std::strerror(errno) + ")");
            if (pid == 0) {
                // The child dies with the batch: a killed run leaves no item running.
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (getppid() != parent)
                    _exit(127);
                const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
                if (fd >= 0) {
                    dup2(fd, 1);
                    dup2(fd, 2);
                }
                execv(exe.c_str(), cargv.data());
                _exit(127);
            }
            running[pid] = i;
            started[pid] = std::chrono::steady_clock::now();
        }
        if (running.empty())
            continue;
        int status = 0;
        const pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            throw Error(std::string("waiting for the item processes failed (") +
                        std::strerror(errno) + ")");
        }
        auto it = running.find(pid);
        if (it == running.end())
            continue;
        const std::size_t i = it->second;
        running.erase(it);
        const PlanItem& item = plan.items[static_cast<std::size_t>(items[i])];
        ItemOutcome& o = outcomes[i];
        o.seconds = secondsSince(started[pid]);
        const ResultHead h = readHead(plan.resultPath(item));
        if (WIFEXITED(status) && h.entry == item.entry && h.status == "done") {
            o.status = ItemStatus::Done;
            o.seconds = h.seconds;
        } else if (WIFEXITED(status) && h.entry == item.entry && h.status == "failed") {
            o.status = ItemStatus::Failed;
            o.error = h.error;
        } else {
            o.status = ItemStatus::Failed;
            o.error = WIFSIGNALED(status)
                          ? "the process running the item was killed by signal " +
                                std::to_string(WTERMSIG(status)) + " (" +
                                strsignal(WTERMSIG(status)) + "); see " + plan.logPath(item)
                          : "the process running the item stopped with exit code " +
                                std::to_string(WEXITSTATUS(status)) + " without a result; see " +
                                plan.logPath(item);
            writeResult(plan, item, "opdims batch " + plan.path, {}, "failed", o.error, "",
                        o.seconds, utcNow());
        }
        report(i);
    }
    return outcomes;
}

MergeCounts mergeResults(const Plan& plan, const std::string& csvPath, const std::string& h5Path) {
    MergeCounts counts;
    // Columns: every step of every item in the order first seen, with its figures.
    std::vector<std::pair<std::string, std::string>> stepColumns; // (step name, command)
    for (const PlanItem& item : plan.items)
        for (const PlanStep& s : item.steps)
            if (std::none_of(stepColumns.begin(), stepColumns.end(),
                             [&](const auto& c) { return c.first == s.name; }))
                stepColumns.emplace_back(s.name, s.command);
    std::ostringstream csv;
    csv << "item,name,status,network,seconds,error";
    for (const auto& [name, command] : stepColumns) {
        for (const std::string& field : summaryFields().at(command))
            csv << "," << name << "." << field;
        csv << "," << name << ".seconds";
    }
    csv << "\n";
    auto quote = [](const std::string& s) {
        if (s.find_first_of(",\"\n") == std::string::npos)
            return s;
        std::string q = "\"";
        for (char c : s)
            q += c == '"' ? std::string("\"\"") : std::string(1, c == '\n' ? ' ' : c);
        return q + "\"";
    };
    writeAtomically(h5Path, [&](const std::string& tmp) {
        h5::File out = h5::File::create(tmp);
        out.setAttribute("/", "format", std::string("opdims-batch-summary"));
        out.setAttribute("/", "plan", plan.path);
        out.setAttribute("/", "version", std::string(OPDIMS_VERSION));
        out.createGroup("/items");
        for (const PlanItem& item : plan.items) {
            const std::string path = plan.resultPath(item);
            const ResultHead h = readHead(path);
            std::string status = "missing", error;
            if (h.entry == item.entry && (h.status == "done" || h.status == "failed")) {
                status = h.status;
                error = h.error;
            } else if (!h.status.empty()) {
                error = "the result file was made for another plan entry";
            }
            const std::string g = "/items/" + item.name;
            out.createGroup(g);
            out.setAttribute(g, "status", status);
            out.setAttribute(g, "error", error);
            out.setAttribute(g, "network", item.network);
            csv << item.index << "," << quote(item.name) << "," << status << ","
                << quote(item.network) << "," << (status == "missing" ? "" : num(h.seconds)) << ","
                << quote(error);
            std::map<std::string, std::string> cells;
            if (status != "missing") {
                const h5::File in = h5::File::openRead(path);
                for (const auto& [name, command] : stepColumns) {
                    const std::string sg = "/steps/" + name;
                    if (!in.exists(sg))
                        continue;
                    const std::string og = g + "/" + name;
                    out.createGroup(og);
                    for (const std::string& field : summaryFields().at(command))
                        if (in.hasAttribute(sg, field)) {
                            const double v = in.doubleAttribute(sg, field);
                            cells[name + "." + field] = std::isnan(v) ? "" : num(v);
                            out.setAttribute(og, field, v);
                        }
                    cells[name + ".seconds"] = num(in.doubleAttribute(sg, "seconds"));
                    for (const std::string& child : in.children(sg)) {
                        const auto dims = in.dims(sg + "/" + child);
                        const Eigen::MatrixXd m = in.readRowMajor(sg + "/" + child);
                        if (dims.size() == 1)
                            out.writeVector(og + "/" + child, m.col(0));
                        else
                            out.writeRowMajor(og + "/" + child, m);
                    }
                }
            }
            for (const auto& [name, command] : stepColumns) {
                for (const std::string& field : summaryFields().at(command))
                    csv << "," << cells[name + "." + field];
                csv << "," << cells[name + ".seconds"];
            }
            csv << "\n";
            counts.done += status == "done";
            counts.failed += status == "failed";
            counts.missing += status == "missing";
        }
        out.setAttribute("/", "done", static_cast<long long>(counts.done));
        out.setAttribute("/", "failed", static_cast<long long>(counts.failed));
        out.setAttribute("/", "missing", static_cast<long long>(counts.missing));
    });
    writeTextOutput(csvPath, csv.str());
    return counts;
}

namespace {

std::string shellQuote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

} // namespace

std::string slurmScript(const Plan& plan, const SlurmOptions& o) {
    const int items = static_cast<int>(plan.items.size());
    const int tasks = (items + o.chunk - 1) / o.chunk;
    const std::string logs =
        o.logs.empty() ? (fs::path(plan.results) / "slurm-logs").string() : o.logs;
    const std::string exe = o.executable.empty() ? selfExecutable() : o.executable;
    std::ostringstream s;
    s << "#!/bin/bash\n"
      << "# Written by opdims " OPDIMS_VERSION " for the plan " << plan.path << ":\n"
      << "# " << items << " items, " << o.chunk << " per array task. Submit with sbatch; a task\n"
      << "# finds its items from SLURM_ARRAY_TASK_ID and skips those already done.\n"
      << "#SBATCH --job-name=opdims-" << fs::path(plan.path).stem().string() << "\n"
      << "#SBATCH --array=0-" << tasks - 1
      << (o.throttle > 0 ? "%" + std::to_string(o.throttle) : "") << "\n"
      << "#SBATCH --ntasks=1\n"
      << "#SBATCH --cpus-per-task=" << o.cpus << "\n"
      << "#SBATCH --output=" << logs << "/%A_%a.out\n";
    if (!o.memory.empty())
        s << "#SBATCH --mem=" << o.memory << "\n";
    if (!o.time.empty())
        s << "#SBATCH --time=" << o.time << "\n";
    if (!o.partition.empty())
        s << "#SBATCH --partition=" << o.partition << "\n";
    if (!o.account.empty())
        s << "#SBATCH --account=" << o.account << "\n";
    s << "set -euo pipefail\n"
      << "exec " << shellQuote(exe) << " batch " << shellQuote(plan.path)
      << " --array-task --chunk " << o.chunk << " --threads \"${SLURM_CPUS_PER_TASK:-" << o.cpus
      << "}\"\n";
    return s.str();
}

} // namespace opdims::cli
