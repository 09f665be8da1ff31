// Trial-set files: reading (with every check before a batch is made), writing, and the random
// and training batches of a trial set.
#include "core/tasks/trial_set.h"

#include "core/analysis/sampling.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/rng.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/files/npz.h"
#include "core/tasks/conditions.h"

#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>

namespace opdims {

namespace {

constexpr std::size_t kMaxLabelBytes = 200;
// A matrix of a batch's step besides its values: Eigen's header and malloc's chunk overhead.
constexpr double kStepOverheadBytes = 64;
constexpr std::uint64_t kTrialNoiseKey = 0x747269616C736574ULL; // "trialset"

// One array of the file, numbers (row-major) or text.
struct Array {
    std::vector<std::size_t> dims;
    std::vector<double> values;
    std::vector<std::string> text;
    bool isText = false;
};

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string dimsText(const std::vector<std::size_t>& d) {
    if (d.empty())
        return "a scalar";
    std::string s;
    for (std::size_t i = 0; i < d.size(); ++i)
        s += (i ? " x " : "") + std::to_string(d[i]);
    return s;
}

const char* const kNames[] = {"inputs",
                              "targets",
                              "mask",
                              "conditions",
                              "initial_state",
                              "phase_names",
                              "phase_starts",
                              "input_noise",
                              "network_noise",
                              "dt",
                              "sampling_conditions",
                              "sampling_times",
                              "training_draw"};
bool textArray(const std::string& name) {
    return name == "conditions" || name == "phase_names" || name == "sampling_conditions" ||
           name == "training_draw";
}

std::map<std::string, Array> readArrays(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open the file (it does not exist or is not readable)");
    char magic[8] = {};
    in.read(magic, 8);
    std::map<std::string, Array> out;
    if (in.gcount() >= 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0) {
        NpzOptions options;
        options.maxRank = 3;
        options.text = true;
        for (auto& [name, a] : readNpz(path, options)) {
            Array o;
            o.dims = a.shape;
            o.isText = a.isText;
            o.text = std::move(a.text);
            if (!a.isText) {
                // 3-D arrays come as a x (b c) matrices in C order: row by row.
                o.values.reserve(static_cast<std::size_t>(a.matrix.size()));
                for (Eigen::Index r = 0; r < a.matrix.rows(); ++r)
                    for (Eigen::Index c = 0; c < a.matrix.cols(); ++c)
                        o.values.push_back(a.matrix(r, c));
            }
            out[name] = std::move(o);
        }
        return out;
    }
    if (in.gcount() == 8 && std::memcmp(magic, "\x89HDF\r\n\x1a\n", 8) == 0) {
        const h5::File f = h5::File::openRead(path);
        const std::string format =
            f.hasAttribute("/", "format") ? f.stringAttribute("/", "format") : std::string();
        if (format != kTrialSetFormat)
            throw Error(path + ": not a trial set (its root attribute format is '" + format +
                        "', expected '" + kTrialSetFormat + "')");
        for (const char* name : kNames) {
            const std::string ds = std::string("/") + name;
            if (!f.exists(ds))
                continue;
            Array o;
            if (textArray(name)) {
                o.isText = true;
                o.text = f.readStrings(ds);
                o.dims = {o.text.size()};
            } else {
                h5::File::Array a = f.readArray(ds, 3);
                o.dims.assign(a.dims.begin(), a.dims.end());
                o.values = std::move(a.values);
            }
            out[name] = std::move(o);
        }
        return out;
    }
    throw Error(path + ": not a trial set (expected a NumPy .npz or an HDF5 file with format '" +
                kTrialSetFormat + "')");
}

class Checker {
public:
    Checker(std::string path, std::map<std::string, Array> arrays)
        : path_(std::move(path)), arrays_(std::move(arrays)) {}

    const Array* find(const std::string& name) const {
        const auto it = arrays_.find(name);
        return it == arrays_.end() ? nullptr : &it->second;
    }
    const Array& need(const std::string& name) const {
        const Array* a = find(name);
        if (!a)
            fail(name, "is missing (a trial set needs inputs, targets and conditions; see "
                       "docs/file-format.md)");
        return *a;
    }
    [[noreturn]] void fail(const std::string& name, const std::string& what) const {
        throw Error(path_ + ": array '" + name + "' " + what);
    }
    const Array& numbers(const std::string& name, const Array& a) const {
        if (a.isText)
            fail(name, "holds text, expected numbers");
        for (const double v : a.values)
            if (!std::isfinite(v))
                fail(name, "holds a value that is not finite (NaN or infinite)");
        return a;
    }
    const Array& shaped(const std::string& name, const std::vector<std::size_t>& want,
                        const std::string& meaning) const {
        const Array& a = need(name);
        if (a.dims != want)
            fail(name,
                 "is " + dimsText(a.dims) + ", expected " + dimsText(want) + " (" + meaning + ")");
        return a;
    }
    std::optional<double> scalar(const std::string& name, double lo, bool positive) const {
        const Array* a = find(name);
        if (!a)
            return std::nullopt;
        numbers(name, *a);
        if (a->values.size() != 1)
            fail(name, "is " + dimsText(a->dims) + ", expected a single number");
        const double v = a->values[0];
        if (v < lo || (positive && !(v > 0)) || v > 1e100)
            fail(name, "is " + std::to_string(v) + ", expected " +
                           (positive ? "a positive number" : "a number from 0"));
        return v;
    }
    std::vector<std::string> labels(const std::string& name, std::size_t count,
                                    const std::string& meaning) const {
        const Array& a = need(name);
        std::vector<std::string> out = a.text;
        if (!a.isText) {
            if (a.dims.size() > 1)
                fail(name, "is " + dimsText(a.dims) + ", expected " + meaning);
            for (const double v : a.values) {
                if (!(v == std::floor(v)) || std::abs(v) > 1e15)
                    fail(name, "holds " + std::to_string(v) + ", expected text or whole numbers");
                out.push_back(std::to_string(static_cast<long long>(v)));
            }
        }
        if (count != 0 && out.size() != count)
            fail(name, "has " + std::to_string(out.size()) + " values, expected " + meaning);
        for (const std::string& s : out)
            if (s.empty() || s.size() > kMaxLabelBytes)
                fail(name, "holds a label of " + std::to_string(s.size()) +
                               " bytes, expected 1 to " + std::to_string(kMaxLabelBytes));
        return out;
    }
    std::vector<long long> wholeNumbers(const std::string& name, std::size_t count, long long lo,
                                        long long hi, const std::string& meaning) const {
        const Array& a = numbers(name, need(name));
        if (a.dims.size() != 1 || (count != 0 && a.dims[0] != count))
            fail(name, "is " + dimsText(a.dims) + ", expected " + meaning);
        std::vector<long long> out;
        for (const double v : a.values) {
            if (!(v == std::floor(v)) || v < static_cast<double>(lo) || v > static_cast<double>(hi))
                fail(name, "holds " + std::to_string(v) + ", expected whole numbers from " +
                               std::to_string(lo) + " to " + std::to_string(hi));
            out.push_back(static_cast<long long>(v));
        }
        return out;
    }

private:
    std::string path_;
    std::map<std::string, Array> arrays_;
};

} // namespace

Batch readTrialSet(const std::string& path) {
    Checker c(path, readArrays(path));
    const Array& inputs = c.numbers("inputs", c.need("inputs"));
    if (inputs.dims.size() != 3)
        c.fail("inputs", "is " + dimsText(inputs.dims) + ", expected trials x steps x inputs");
    const std::size_t trials = inputs.dims[0], steps = inputs.dims[1], v = inputs.dims[2];
    if (trials < 1 || steps < 1 || v < 1)
        c.fail("inputs", "is " + dimsText(inputs.dims) +
                             ", expected at least one trial, one step and one input");
    if (trials > static_cast<std::size_t>(limits::kMaxTrials))
        c.fail("inputs", "has " + std::to_string(trials) + " trials, more than opdims runs (" +
                             std::to_string(limits::kMaxTrials) + ")");
    // A batch holds matrices per step: a long trial costs far more than its values (a 50 KB
    // deflated file of 16 million steps took 4 GB).
    if (steps > static_cast<std::size_t>(limits::kMaxSteps))
        c.fail("inputs", "has " + std::to_string(steps) + " steps, more than opdims runs (" +
                             std::to_string(limits::kMaxSteps) + ")");
    if (v > static_cast<std::size_t>(limits::kMaxInputs))
        c.fail("inputs", "has " + std::to_string(v) + " inputs, more than " +
                             std::to_string(limits::kMaxInputs));
    const Array& targets = c.numbers("targets", c.need("targets"));
    if (targets.dims.size() != 3 || targets.dims[0] != trials || targets.dims[1] != steps ||
        targets.dims[2] < 1)
        c.fail("targets", "is " + dimsText(targets.dims) + ", expected " + std::to_string(trials) +
                              " x " + std::to_string(steps) +
                              " x outputs (trials and steps as in inputs)");
    const std::size_t m = targets.dims[2];
    if (m > static_cast<std::size_t>(limits::kMaxOutputs))
        c.fail("targets", "has " + std::to_string(m) + " outputs, more than " +
                              std::to_string(limits::kMaxOutputs));
    const Array* mask = c.find("mask");
    if (mask) {
        c.shaped("mask", targets.dims, "the shape of targets");
        c.numbers("mask", *mask);
        double counted = 0;
        for (const double x : mask->values) {
            if (x != 0.0 && x != 1.0)
                c.fail("mask", "holds " + std::to_string(x) + ", expected only 0 and 1");
            counted += x;
        }
        if (counted == 0)
            c.fail("mask", "is 0 everywhere: no output would count in the cost");
    }
    const std::vector<std::string> labels =
        c.labels("conditions", trials, std::to_string(trials) + " labels, one per trial");
    std::vector<long long> x0(trials, 0);
    if (c.find("initial_state"))
        x0 = c.wholeNumbers("initial_state", trials, 0, limits::kMaxInitialStates - 1,
                            std::to_string(trials) + " indices, one per trial");

    Batch b;
    b.task = TaskKind::Data;
    b.kind = "trials";
    b.source = path;
    b.steps = static_cast<int>(steps);
    b.inputs = static_cast<int>(v);
    b.outputs = static_cast<int>(m);
    if (c.find("phase_names") || c.find("phase_starts")) {
        const std::vector<std::string> names = c.labels("phase_names", 0, "");
        const std::vector<long long> starts =
            c.wholeNumbers("phase_starts", names.size(), 0, static_cast<long long>(steps) - 1,
                           std::to_string(names.size()) + " steps, one per phase name");
        for (std::size_t i = 0; i < names.size(); ++i) {
            if ((i == 0 && starts[i] != 0) || (i > 0 && starts[i] <= starts[i - 1]))
                c.fail("phase_starts",
                       "must start at 0 and increase (phase " + std::to_string(i + 1) + ")");
            b.phases.push_back({names[i], static_cast<int>(starts[i])});
        }
    }
    if (const auto s = c.scalar("input_noise", 0.0, false))
        b.inputNoise = *s;
    if (const auto s = c.scalar("network_noise", 0.0, false))
        b.networkNoiseSigma = *s;
    if (const auto s = c.scalar("dt", 0.0, true))
        b.dt = *s;
    if (c.find("training_draw")) {
        const std::vector<std::string> draw = c.labels("training_draw", 1, "one word");
        if (draw[0] != "epochs" && draw[0] != "uniform")
            c.fail("training_draw", "is '" + draw[0] + "', expected epochs or uniform");
        b.uniformDraw = draw[0] == "uniform";
    }
    if (c.find("sampling_conditions")) {
        b.samplingConditions = c.labels("sampling_conditions", 0, "");
        const std::set<std::string> known(labels.begin(), labels.end());
        for (const std::string& s : b.samplingConditions)
            if (!known.count(s))
                c.fail("sampling_conditions", "names '" + s + "', which no trial has");
    }
    if (c.find("sampling_times")) {
        for (const long long t : c.wholeNumbers(
                 "sampling_times", 0, 1, static_cast<long long>(steps), "a list of 1-based steps"))
            b.samplingTimes.push_back(static_cast<int>(t));
    }

    // The values, and per step the three matrices' headers and allocations.
    limits::checkMemory("the trial set " + path,
                        static_cast<double>(trials) * steps * (v + 2.0 * m) * 8.0 +
                            static_cast<double>(steps) * 3.0 * kStepOverheadBytes);
    const auto n = static_cast<Eigen::Index>(trials);
    b.u.assign(steps, Eigen::MatrixXd(static_cast<Eigen::Index>(v), n));
    b.y.assign(steps, Eigen::MatrixXd(static_cast<Eigen::Index>(m), n));
    if (mask)
        b.mask.assign(steps, Eigen::MatrixXd(static_cast<Eigen::Index>(m), n));
    for (std::size_t j = 0; j < trials; ++j)
        for (std::size_t t = 0; t < steps; ++t) {
            for (std::size_t k = 0; k < v; ++k)
                b.u[t](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) =
                    inputs.values[(j * steps + t) * v + k];
            for (std::size_t k = 0; k < m; ++k) {
                const std::size_t at = (j * steps + t) * m + k;
                b.y[t](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) =
                    targets.values[at];
                if (mask)
                    b.mask[t](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) =
                        mask->values[at];
            }
        }
    b.trials.resize(trials);
    for (std::size_t j = 0; j < trials; ++j) {
        b.trials[j].label = labels[j];
        b.trials[j].x0Column = static_cast<int>(x0[j]);
    }
    return b;
}

std::vector<Phase> inputPhases(const Batch& batch) {
    if (!batch.phases.empty() || batch.task == TaskKind::Data)
        return batch.phases;
    if (batch.task == TaskKind::Ctxt)
        return {{"context cue", 0}, {"stimulus", ctxt::kBurnIn}};
    if (batch.task == TaskKind::Swg)
        return {{"frequency cue", 0}};
    return {};
}

Batch asTrialSet(const Batch& batch) {
    if (batch.task == TaskKind::Data)
        return batch;
    Batch b = batch;
    b.task = TaskKind::Data;
    for (TrialInfo& t : b.trials)
        t.label = conditionLabel(batch.task, conditionOf(batch.task, t));
    b.phases = inputPhases(batch);
    // The paper's swg training draws frequencies uniformly; ctxt deals the grid in epochs.
    b.uniformDraw = batch.task == TaskKind::Swg;
    for (const Condition& c : defaultConditions(batch.task))
        b.samplingConditions.push_back(conditionLabel(batch.task, c));
    // Only the conditions the batch has (a random swg batch may lack some).
    std::set<std::string> present;
    for (const TrialInfo& t : b.trials)
        present.insert(t.label);
    std::erase_if(b.samplingConditions, [&](const std::string& s) { return !present.count(s); });
    b.samplingTimes = defaultSamplingTimes(batch.task);
    b.dt = 0.0;
    return b;
}

void writeTrialSet(const std::string& path, const Batch& batch) {
    const Batch b = asTrialSet(batch);
    const std::size_t trials = b.trials.size(), steps = static_cast<std::size_t>(b.steps);
    const std::size_t v = static_cast<std::size_t>(b.inputs),
                      m = static_cast<std::size_t>(b.outputs);
    std::vector<double> u(trials * steps * v), y(trials * steps * m), mask;
    if (!b.mask.empty())
        mask.resize(y.size());
    for (std::size_t j = 0; j < trials; ++j)
        for (std::size_t t = 0; t < steps; ++t) {
            for (std::size_t k = 0; k < v; ++k)
                u[(j * steps + t) * v + k] =
                    b.u[t](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j));
            for (std::size_t k = 0; k < m; ++k) {
                y[(j * steps + t) * m + k] =
                    b.y[t](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j));
                if (!mask.empty())
                    mask[(j * steps + t) * m + k] =
                        b.mask[t](static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j));
            }
        }
    std::vector<std::string> labels, phaseNames;
    std::vector<double> x0, phaseStarts, times;
    for (const TrialInfo& t : b.trials) {
        labels.push_back(t.label);
        x0.push_back(t.x0Column);
    }
    for (const Phase& p : b.phases) {
        phaseNames.push_back(p.name);
        phaseStarts.push_back(p.start);
    }
    for (const int t : b.samplingTimes)
        times.push_back(t);
    const bool hdf5 = endsWith(path, ".h5") || endsWith(path, ".hdf5");
    if (!hdf5) {
        std::map<std::string, NpyOut> out;
        out["inputs"] = {{trials, steps, v}, std::move(u), {}, false};
        out["targets"] = {{trials, steps, m}, std::move(y), {}, false};
        if (!mask.empty())
            out["mask"] = {{trials, steps, m}, std::move(mask), {}, false};
        out["conditions"] = {{}, {}, labels, true};
        out["initial_state"] = {{trials}, x0, {}, false};
        if (!phaseNames.empty()) {
            out["phase_names"] = {{}, {}, phaseNames, true};
            out["phase_starts"] = {{phaseNames.size()}, phaseStarts, {}, false};
        }
        if (!b.samplingConditions.empty())
            out["sampling_conditions"] = {{}, {}, b.samplingConditions, true};
        if (!times.empty())
            out["sampling_times"] = {{times.size()}, times, {}, false};
        if (b.inputNoise > 0)
            out["input_noise"] = {{}, {b.inputNoise}, {}, false};
        if (b.networkNoiseSigma >= 0)
            out["network_noise"] = {{}, {b.networkNoiseSigma}, {}, false};
        if (b.dt > 0)
            out["dt"] = {{}, {b.dt}, {}, false};
        if (b.uniformDraw)
            out["training_draw"] = {{}, {}, {"uniform"}, true};
        writeNpzArrays(path, out);
        return;
    }
    writeAtomically(path, [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        f.setAttribute("/", "format", std::string(kTrialSetFormat));
        f.setAttribute("/", "version", 1LL);
        f.writeArray("/inputs", {trials, steps, v}, u);
        f.writeArray("/targets", {trials, steps, m}, y);
        if (!mask.empty())
            f.writeArray("/mask", {trials, steps, m}, mask);
        f.writeStrings("/conditions", labels);
        f.writeArray("/initial_state", {trials}, x0);
        if (!phaseNames.empty()) {
            f.writeStrings("/phase_names", phaseNames);
            f.writeArray("/phase_starts", {phaseNames.size()}, phaseStarts);
        }
        if (!b.samplingConditions.empty())
            f.writeStrings("/sampling_conditions", b.samplingConditions);
        if (!times.empty())
            f.writeArray("/sampling_times", {times.size()}, times);
        auto scalar = [&](const char* name, double value) {
            f.writeArray(std::string("/") + name, {1}, {value});
        };
        if (b.inputNoise > 0)
            scalar("input_noise", b.inputNoise);
        if (b.networkNoiseSigma >= 0)
            scalar("network_noise", b.networkNoiseSigma);
        if (b.dt > 0)
            scalar("dt", b.dt);
        if (b.uniformDraw)
            f.writeStrings("/training_draw", {"uniform"});
        if (H5Fflush(f.id(), H5F_SCOPE_GLOBAL) < 0)
            throw Error(path + ": cannot write the file");
    });
}

namespace {

// The set's trials in `order`, with input noise from the seed when asked.
Batch trialsOf(const Batch& set, const std::vector<int>& order, std::uint64_t seed, bool noise) {
    Batch b;
    b.task = set.task;
    b.steps = set.steps;
    b.inputs = set.inputs;
    b.outputs = set.outputs;
    b.phases = set.phases;
    b.inputNoise = set.inputNoise;
    b.networkNoiseSigma = set.networkNoiseSigma;
    b.samplingConditions = set.samplingConditions;
    b.samplingTimes = set.samplingTimes;
    b.source = set.source;
    b.dt = set.dt;
    b.uniformDraw = set.uniformDraw;
    const auto n = static_cast<Eigen::Index>(order.size());
    limits::checkMemory("a batch of " + std::to_string(order.size()) + " trials",
                        static_cast<double>(n) * b.steps * (b.inputs + 2.0 * b.outputs) * 8.0);
    b.u.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd(b.inputs, n));
    b.y.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd(b.outputs, n));
    if (!set.mask.empty())
        b.mask.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd(b.outputs, n));
    for (Eigen::Index j = 0; j < n; ++j) {
        const Eigen::Index from = order[static_cast<std::size_t>(j)];
        b.trials.push_back(set.trials[static_cast<std::size_t>(from)]);
        Rng rng(seed ^ kTrialNoiseKey, static_cast<std::uint64_t>(j));
        for (int t = 0; t < b.steps; ++t) {
            const auto ts = static_cast<std::size_t>(t);
            b.u[ts].col(j) = set.u[ts].col(from);
            if (noise && set.inputNoise > 0)
                for (Eigen::Index k = 0; k < b.inputs; ++k)
                    b.u[ts](k, j) += set.inputNoise * rng.normal();
            b.y[ts].col(j) = set.y[ts].col(from);
            if (!set.mask.empty())
                b.mask[ts].col(j) = set.mask[ts].col(from);
        }
    }
    return b;
}

} // namespace

Batch randomTrialBatch(const Batch& set, int repeats, std::uint64_t seed) {
    if (repeats < 1)
        throw Error("a random batch needs at least one repeat of each trial");
    std::vector<int> order;
    for (int j = 0; j < set.trialCount(); ++j)
        for (int k = 0; k < repeats; ++k)
            order.push_back(j);
    Batch b = trialsOf(set, order, seed, true);
    b.kind = "random";
    b.networkNoise = true;
    b.noiseSeed = seed;
    return b;
}

Batch trialSetTrainingBatch(const Batch& set, int count, std::uint64_t seed, long long iteration,
                            bool noise) {
    if (count < 1)
        throw Error("a training batch needs at least one trial (got " + std::to_string(count) +
                    ")");
    // The same streams as a paper task's training batches (trainingBatch), so that a task's grid
    // written as a trial set trains the same network.
    const std::uint64_t batchSeed =
        Rng(seed ^ kTrainingStreamKey, static_cast<std::uint64_t>(iteration)).next();
    Rng rng(batchSeed, 1);
    std::vector<int> deck(static_cast<std::size_t>(set.trialCount()));
    for (int j = 0; j < set.trialCount(); ++j)
        deck[static_cast<std::size_t>(j)] = j;
    std::vector<int> order;
    if (set.uniformDraw)
        while (static_cast<int>(order.size()) < count)
            order.push_back(static_cast<int>(rng.below(deck.size())));
    while (static_cast<int>(order.size()) < count) {
        // Fisher-Yates with our own generator: std::shuffle differs between libraries.
        for (std::size_t i = deck.size() - 1; i > 0; --i)
            std::swap(deck[i], deck[static_cast<std::size_t>(rng.below(i + 1))]);
        for (const int j : deck)
            if (static_cast<int>(order.size()) < count)
                order.push_back(j);
    }
    Batch b = trialsOf(set, order, batchSeed, noise);
    b.kind = "training";
    b.networkNoise = noise;
    b.noiseSeed = batchSeed;
    return b;
}

} // namespace opdims
