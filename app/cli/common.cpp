// Shared CLI helpers.
#include "app/cli/common.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/model/io.h"
#include "core/tasks/generated.h"
#include "core/tasks/trial_set.h"

#include "core/files/atomic_file.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace opdims::cli {

Model loadModelArg(const Args& args) {
    LoadOptions options;
    options.net = static_cast<int>(args.integer("net", 1, 1, 2147483647));
    options.weights = args.value("weights", "final");
    return loadModel(args.positional(0), options);
}

bool hasTrialSet(const Args& args) {
    if (!args.has("trials"))
        return false;
    // A file when it looks like one (an extension of the trial-set formats, a directory part) or
    // exists; anything else is a trial count, and its parse error names both forms.
    const std::string v = args.value("trials");
    if (v.empty() || v.find_first_not_of("0123456789") == std::string::npos)
        return false;
    auto endsWith = [&](const std::string& ext) {
        if (v.size() < ext.size())
            return false;
        for (std::size_t i = 0; i < ext.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(v[v.size() - ext.size() + i])) != ext[i])
                return false;
        return true;
    };
    std::error_code ec;
    return endsWith(".npz") || endsWith(".h5") || endsWith(".hdf5") ||
           v.find('/') != std::string::npos || std::filesystem::exists(v, ec);
}

std::string trialSetPath(const Args& args) {
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::absolute(args.value("trials"), ec);
    return ec ? args.value("trials") : p.lexically_normal().string();
}

TaskKind generatedTaskArg(const Args& args, const Model& model) {
    if (hasTrialSet(args))
        return TaskKind::Unknown;
    TaskKind task = args.has("task") ? parseTask(args.value("task")) : model.task;
    if (task == TaskKind::Unknown)
        task = guessTask(model);
    return isGeneratedTask(task) ? task : TaskKind::Unknown;
}

const Batch& trialSetArg(const Args& args, const Model& model) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Batch>> cache;
    const TaskKind generated = generatedTaskArg(args, model);
    const std::string key = generated != TaskKind::Unknown
                                ? std::string("task:") + taskName(generated)
                                : "file:" + args.value("trials");
    const std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[key];
    if (!slot)
        slot = std::make_shared<const Batch>(generated != TaskKind::Unknown
                                                 ? generatedGridBatch(generated)
                                                 : readTrialSet(args.value("trials")));
    return *slot;
}

TaskKind taskArg(const Args& args, const Model& model) {
    if (hasTrialSet(args)) {
        if (args.has("task"))
            throw Error("give either --task or --trials FILE, not both");
        checkModelFitsBatch(model, trialSetArg(args, model), args.positional(0));
        return TaskKind::Data;
    }
    TaskKind task = model.task;
    if (args.has("task"))
        task = parseTask(args.value("task"));
    if (task == TaskKind::Unknown)
        task = guessTask(model);
    checkModelFitsTask(model, task, args.positional(0));
    // The built-in tasks beyond the paper's run as trial sets.
    return isGeneratedTask(task) ? TaskKind::Data : task;
}

std::vector<OptionSpec> networkBatchOptions() {
    return joinOptions({modelOptions(), {taskOption()}, batchOptions()});
}

std::vector<OptionSpec> batchOptions() {
    return {{"batch", "grid|random", "evaluation batch (default grid: noise-free, deterministic)"},
            {"trials", "N|FILE",
             "random batch size: ctxt trials per context and coherency pair (default 10), swg "
             "trials with random frequency ids (default 100), flipflop trials (default 256), "
             "decision trials per coherence (default 20); or a trial-set file (.npz, .h5) "
             "instead of --task"},
            {"repeat", "N", "with --trials FILE --batch random: copies of each trial (default 1)"},
            {"seed", "S", "seed of the random batch (default 1)"}};
}

Batch batchArg(const Args& args, TaskKind task, const Model& model) {
    const std::string kind = args.value("batch", "grid");
    // A generated task (flipflop, decision): named here or resolved by taskArg to Data.
    const TaskKind generated = isGeneratedTask(task)    ? task
                               : task == TaskKind::Data ? generatedTaskArg(args, model)
                                                        : TaskKind::Unknown;
    if (generated != TaskKind::Unknown) {
        if (args.has("repeat"))
            throw Error("--repeat applies to a trial set (--trials FILE) only");
        if (kind == "grid" && args.has("trials"))
            throw Error("--trials applies to --batch random only (the grid batch is fixed)");
        if (kind == "grid")
            return generatedGridBatch(generated);
        if (kind != "random")
            throw Error("unknown batch '" + kind + "' (expected grid or random)");
        return generatedRandomBatch(
            generated,
            static_cast<int>(
                args.integer("trials", generatedRandomTrials(generated), 1, limits::kMaxTrials)),
            args.seed("seed", 1));
    }
    if (task == TaskKind::Data) {
        const Batch& set = trialSetArg(args, model);
        if (kind == "grid") {
            if (args.has("repeat"))
                throw Error("--repeat applies to --batch random only");
            return set;
        }
        if (kind != "random")
            throw Error("unknown batch '" + kind + "' (expected grid or random)");
        return randomTrialBatch(set,
                                static_cast<int>(args.integer("repeat", 1, 1, limits::kMaxTrials)),
                                args.seed("seed", 1));
    }
    if (args.has("repeat"))
        throw Error("--repeat applies to a trial set (--trials FILE) only");
    const long long trials =
        args.integer("trials", task == TaskKind::Ctxt ? 10 : 100, 1, limits::kMaxTrials);
    if (kind == "grid" && args.has("trials"))
        throw Error("--trials applies to --batch random only (the grid batch is fixed)");

    return makeBatch(task, kind, static_cast<int>(trials), args.seed("seed", 1), model.dt);
}

void checkOutputs(const Args& args, std::initializer_list<const char*> outputs,
                  std::initializer_list<const char*> mayBeInput) {
    auto listed = [](std::initializer_list<const char*> list, const std::string& name) {
        for (const char* n : list)
            if (name == n)
                return true;
        return false;
    };
    for (const char* option : outputs) {
        if (!args.has(option) || args.value(option) == "-")
            continue;
        std::vector<std::string> inputs = args.positionals_;
        for (const auto& [name, value] : args.values_) {
            std::error_code ec;
            if (!listed(outputs, name) && !listed(mayBeInput, name) &&
                std::filesystem::is_regular_file(value, ec))
                inputs.push_back(value);
        }
        // Two outputs of one command must differ too.
        for (const char* other : outputs)
            if (std::string(other) != option && args.has(other))
                inputs.push_back(args.value(other));
        checkOutputPath(args.value(option), std::string("--") + option, inputs);
    }
}

std::string num(double v) {
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::string escapeJson(const std::string& s) {
    std::string o;
    for (char c : s) {
        switch (c) {
        case '"':
            o += "\\\"";
            break;
        case '\\':
            o += "\\\\";
            break;
        case '\n':
            o += "\\n";
            break;
        case '\t':
            o += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char b[8];
                std::snprintf(b, sizeof b, "\\u%04x", c);
                o += b;
            } else {
                o += c;
            }
        }
    }
    return o;
}

void Json::sep(const std::string& key) {
    if (!first_.empty()) {
        if (!first_.back())
            out_ += ", ";
        first_.back() = false;
    }
    if (!key.empty())
        out_ += "\"" + escapeJson(key) + "\": ";
}

namespace {
std::string jsonNumber(double v) {
    return std::isfinite(v) ? num(v) : std::string("null");
}
} // namespace

Json& Json::beginObject(const std::string& key) {
    sep(key);
    out_ += "{";
    first_.push_back(true);
    return *this;
}
Json& Json::endObject() {
    out_ += "}";
    first_.pop_back();
    return *this;
}
Json& Json::beginArray(const std::string& key) {
    sep(key);
    out_ += "[";
    first_.push_back(true);
    return *this;
}
Json& Json::endArray() {
    out_ += "]";
    first_.pop_back();
    return *this;
}
Json& Json::field(const std::string& key, double v) {
    sep(key);
    out_ += jsonNumber(v);
    return *this;
}
Json& Json::field(const std::string& key, long long v) {
    sep(key);
    out_ += std::to_string(v);
    return *this;
}
Json& Json::field(const std::string& key, bool v) {
    sep(key);
    out_ += v ? "true" : "false";
    return *this;
}
Json& Json::field(const std::string& key, const std::string& v) {
    sep(key);
    out_ += "\"" + escapeJson(v) + "\"";
    return *this;
}
Json& Json::field(const std::string& key, const Eigen::VectorXd& v) {
    beginArray(key);
    for (Eigen::Index i = 0; i < v.size(); ++i)
        value(v(i));
    return endArray();
}
Json& Json::value(double v) {
    sep({});
    out_ += jsonNumber(v);
    return *this;
}
Json& Json::value(const Eigen::VectorXd& v) {
    return field(std::string(), v);
}

namespace {
struct ProgressState {
    std::mutex mutex;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last{};
    bool shown = false;
};
std::shared_ptr<ProgressState>& progressState() {
    static std::shared_ptr<ProgressState> s;
    return s;
}
} // namespace

Progress terminalProgress(const std::string& label) {
    Progress p;
    if (!stderrIsTerminal())
        return p;
    auto state = std::make_shared<ProgressState>();
    progressState() = state;
    p.onProgress = [state, label](double done, double total) {
        std::lock_guard<std::mutex> lock(state->mutex);
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - state->last < std::chrono::milliseconds(100))
            return;
        state->last = now;
        const double elapsed = std::chrono::duration<double>(now - state->start).count();
        const double frac = total > 0 ? done / total : 0.0;
        const double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0.0;
        std::fprintf(stderr, "\r%s: %3.0f%% (%.0f s left)   ", label.c_str(), 100 * frac, eta);
        std::fflush(stderr);
        state->shown = true;
    };
    return p;
}

void finishTerminalProgress() {
    auto& s = progressState();
    if (s && s->shown)
        std::fprintf(stderr, "\r%60s\r", "");
    s.reset();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace opdims::cli
