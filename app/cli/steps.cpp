// The computations behind the analysis commands (steps.h).
#include "app/cli/steps.h"

#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/basis_names.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"
#include "core/tasks/generated.h"
#include "core/tasks/trial_set.h"
#include "core/train/checkpoint.h"

#include <algorithm>
#include <filesystem>
#include <memory>

namespace opdims::cli {

std::vector<OptionSpec> selectionOptions() {
    return {{"basis", "pc|op-columns|op-rows[:SUBSET]",
             "evaluate W with dimensions of this basis kept or removed (with --rank, --keep or "
             "--remove); SUBSET: ctxt1, ctxt2, pos-choice, neg-choice (ctxt), freqN (swg)"},
            {"basis-file", "FILE", "a user basis instead (N x K matrix Q in .npz or .h5)"},
            {"type", "columns|rows", "side of the --basis-file dimensions (default columns)"},
            {"rank", "K", "keep the first K dimensions (the reduced-rank weight matrix W_K)"},
            {"keep", "LIST", "keep these dimensions, e.g. 1-8 or 1,3,5 (numbered from 1)"},
            {"remove", "LIST", "remove these dimensions from W (W minus their projection)"}};
}

Eigen::MatrixXd selectedWeights(const Args& args, const Model& m, TaskKind task,
                                const Progress& progress, std::string& label) {
    const int chosen = args.has("rank") + args.has("keep") + args.has("remove");
    if (!args.has("basis") && !args.has("basis-file")) {
        if (chosen)
            throw Error("--rank, --keep and --remove need --basis or --basis-file");
        label = "full";
        return m.W;
    }
    if (args.has("basis") && args.has("basis-file"))
        throw Error("give either --basis or --basis-file, not both");
    if (chosen != 1)
        throw Error("with a basis, give exactly one of --rank K, --keep LIST and --remove LIST");
    const std::string spec =
        args.has("basis-file") ? "file:" + args.value("basis-file") : args.value("basis");
    const Basis basis =
        basisFromSpec(args, spec, args.value("local"), args.value("locations", "all"), m, task,
                      samplingBatchArg(args, task, m), progress);
    if (args.has("rank")) {
        const long long k = args.integer("rank", 0, 0, basis.size());
        label = spec + ": first " + std::to_string(k) + " kept";
        return reducedRankWeights(m.W, basis, static_cast<int>(k));
    }
    const std::string option = args.has("keep") ? "keep" : "remove";
    std::vector<bool> selected(static_cast<std::size_t>(basis.size()), false);
    for (int d : parseIntList(args.value(option), option)) {
        if (d < 1 || d > basis.size())
            throw Error("--" + option + ": dimension " + std::to_string(d) + " is outside 1.." +
                        std::to_string(basis.size()) + " of the basis '" + basis.name + "'");
        selected[static_cast<std::size_t>(d - 1)] = true;
    }
    label = spec + ": " + args.value(option) + (option == "keep" ? " kept" : " removed");
    return option == "keep" ? keepDimensions(m.W, basis, selected)
                            : removeSelectedDimensions(m.W, basis, selected);
}

EvaluateStep runEvaluate(const Args& args, const Model& m, const Progress& basisProgress) {
    EvaluateStep s;
    s.task = taskArg(args, m);
    s.batch = batchArg(args, s.task, m);
    const Eigen::MatrixXd W = selectedWeights(args, m, s.task, basisProgress, s.weights);
    if (s.weights == "full") {
        s.sums = evaluateTrials(m, m.W, s.batch);
    } else {
        // With the state distance to the full network on the same batch.
        s.sums = compareToReference(m, W, s.batch, simulate(m, m.W, s.batch));
    }
    s.cost = s.sums.cost;
    if (args.has("accuracy") || generatedTaskArg(args, m) != TaskKind::Unknown)
        s.accuracy = signAccuracy(m, W, s.batch);
    return s;
}

SweepStep runSweep(const Args& args, const Model& m, const Progress& basisProgress,
                   const Progress& sweepProgress) {
    SweepStep s;
    s.task = taskArg(args, m);
    s.batch = batchArg(args, s.task, m);
    if (args.has("basis") == args.has("basis-file"))
        throw Error("give exactly one of --basis pc|op-columns|op-rows and --basis-file FILE");
    const std::string spec =
        args.has("basis-file") ? "file:" + args.value("basis-file") : args.value("basis");
    s.basis = basisFromSpec(args, spec, args.value("local"), args.value("locations", "all"), m,
                            s.task, samplingBatchArg(args, s.task, m), basisProgress);
    const std::vector<int> ks =
        args.has("ks") ? parseIntList(args.value("ks"), "ks") : allRanks(s.basis);
    SweepOptions options;
    options.mode = args.has("remove") ? SweepMode::Remove : SweepMode::Keep;
    options.exact = args.has("exact");
    s.sweep = rankSweep(m, s.batch, s.basis, ks, options, sweepProgress);
    return s;
}

LocalStep runLocal(const Args& args, const Model& m, const Progress& progress) {
    LocalStep s;
    s.task = taskArg(args, m);
    s.batch = samplingBatchArg(args, s.task, m);
    if (!args.has("type"))
        throw Error("--type columns|rows is required");
    s.side = parseSide(args.value("type"));
    const auto locations = locationsArg(args, m, s.task, s.batch, {});
    s.local = localDimensions(m, locations, s.side, localOptionsArg(args), progress);
    return s;
}

GlobalStep runGlobal(const Args& args, const Model& m, const Progress& progress) {
    GlobalStep s;
    s.task = taskArg(args, m);
    if (!args.has("type"))
        throw Error("--type columns|rows is required");
    s.side = parseSide(args.value("type"));
    const Batch batch = samplingBatchArg(args, s.task, m);
    const LocationFilter filter = locationFilterArg(args, s.task, "locations"); // fail early
    const auto local = localDimsArg(args, args.value("local"), m, s.task, s.side, batch, progress);
    s.global = globalDimsArg(args, args.value("local"), local, s.side, filter);
    return s;
}

namespace {

FixedPointProblem problemArg(const Args& args, const Model& m, TaskKind task) {
    if (args.has("context") + args.has("input") + args.has("input-of") > 1)
        throw Error("give one of --context, --input and --input-of");
    if (task == TaskKind::Data) {
        const Batch& set = trialSetArg(args, m);
        if (args.has("input"))
            return inputProblem(m, set, parseVector(args.value("input"), "--input"));
        if (args.has("context"))
            throw Error("--context applies to the ctxt task only");
        const TaskKind generated = generatedTaskArg(args, m);
        if (!args.has("input-of") && generated != TaskKind::Unknown) {
            FixedPointProblem p = inputProblem(m, set, generatedRestInput(generated));
            p.description = generatedRestInputName(generated);
            return p;
        }
        if (!args.has("input-of"))
            throw Error("a trial set has no contexts: give the constant input with --input "
                        "v1,v2,... or --input-of CONDITION,T");
        const std::string spec = args.value("input-of");
        const std::size_t comma = spec.rfind(',');
        if (comma == std::string::npos || comma == 0)
            throw Error("--input-of: expected CONDITION,T (a condition label and a 1-based time), "
                        "got '" +
                        spec + "'");
        const std::string label = spec.substr(0, comma);
        const std::vector<int> t = parseIntList(spec.substr(comma + 1), "input-of");
        if (t.size() != 1)
            throw Error("--input-of: expected one time after the condition, got '" +
                        spec.substr(comma + 1) + "'");
        FixedPointProblem p = inputProblem(m, set, conditionInput(set, label, t.front()));
        p.description = "input of " + label + " at t = " + std::to_string(t.front());
        p.condition.label = label;
        return p;
    }
    if (args.has("input-of"))
        throw Error("--input-of needs a trial set (--trials FILE)");
    if (args.has("input"))
        return inputProblem(m, task, parseVector(args.value("input"), "--input"));
    if (task != TaskKind::Ctxt)
        throw Error("the " + std::string(taskName(task)) +
                    " task has no contexts: give the constant input with --input v1,v2,...");
    return contextProblem(m, static_cast<int>(args.integer("context", 1)));
}

// The model's W, or the reduced-rank weight matrix keeping --rank dimensions of --basis.
Eigen::MatrixXd weightsArg(const Args& args, const Model& m, TaskKind task, std::string& label,
                           const Progress& progress) {
    label = "full";
    if (!args.has("basis")) {
        if (args.has("rank"))
            throw Error("--rank needs --basis pc|op-columns|op-rows");
        return m.W;
    }
    const std::string text = args.value("basis");
    const BasisName name = parseBasisName(text);
    if (!args.has("rank"))
        throw Error("--basis needs --rank k (the number of dimensions kept)");
    const long long k = args.integer("rank", 0, 0, m.units());
    Basis basis;
    if (name.kind == BasisKind::Pc) {
        basis = pcBasis(m.W);
    } else if (name.kind == BasisKind::File) {
        basis = readBasisFile(name.path, m.units(), Side::Columns);
    } else {
        OperativeOptions options;
        options.subset = name.subset;
        basis = operativeBasis(m, task, name.side, progress, options);
    }
    label = text + " rank " + std::to_string(k);
    return reducedRankWeights(m.W, basis, static_cast<int>(k));
}

FixedPointOptions fixedPointOptionsArg(const Args& args) {
    FixedPointOptions o;
    o.maxIterations = static_cast<int>(args.integer("max-iterations", o.maxIterations));
    o.slowQ = args.number("slow-q", o.slowQ);
    o.mergeDistance = args.number("merge-distance", o.mergeDistance);
    o.outlierScale = args.number("outlier-scale", o.outlierScale);
    o.marginal = args.number("marginal", o.marginal);
    o.threads = static_cast<int>(args.integer("threads", 0));
    return o;
}

} // namespace

FixedPointsStep runFixedPointsStep(const Args& args, const Model& m, const Progress& basisProgress,
                                   const Progress& searchProgress) {
    FixedPointsStep s;
    s.task = taskArg(args, m);
    s.problem = problemArg(args, m, s.task);
    const Eigen::MatrixXd W = weightsArg(args, m, s.task, s.weights, basisProgress);
    const long long count = args.integer("starts", s.starts.count, 1, limits::kMaxStarts);
    s.starts.count = static_cast<int>(count);
    s.starts.seed = args.seed("seed", s.starts.seed);
    s.starts.jitter = args.number("jitter", 0.0);
    s.starts.threads = static_cast<int>(args.integer("threads", 0, 0, 1024));
    s.options = fixedPointOptionsArg(args);
    s.result = searchFixedPoints(m, W, s.problem, s.starts, s.options, searchProgress);
    s.summary = summarisePoints(s.result.points);
    return s;
}

std::string commandLine(const std::string& command, const Args& args) {
    std::string s = "opdims " + command;
    for (const auto& p : args.positionals_)
        s += " " + p;
    for (const auto& [name, value] : args.values_)
        s += " --" + name + (value.empty() ? "" : " " + value);
    return s;
}

namespace {

// Options that change the configuration of a new run or override a resumed one.
void applyTrainOptions(const Args& args, TrainConfig& c) {
    c.iterations = args.integer("iterations", c.iterations, 0, 1000000000);
    c.batchSize =
        static_cast<int>(args.integer("batch-size", c.batchSize, 1, limits::kMaxBatchSize));
    c.learningRate = args.number("lr", c.learningRate);
    c.finalLearningRate = args.number("lr-final", c.finalLearningRate);
    c.warmupIterations = args.integer("warmup", c.warmupIterations);
    c.scheduleIterations = args.integer("schedule", c.scheduleIterations);
    c.adam.clipNorm = args.number("clip", c.adam.clipNorm);
    if (args.has("freeze"))
        c.frozen = parseFrozen(args.value("freeze"));
    if (args.has("no-noise"))
        c.noise = false;
    c.threads = static_cast<int>(args.integer("threads", c.threads, 0, 1024));
    c.checkpointEvery = args.integer("checkpoint-every", c.checkpointEvery);
    if (args.has("checkpoint"))
        c.checkpointPath = args.value("checkpoint");
    if (c.checkpointEvery > 0 && c.checkpointPath.empty())
        c.checkpointPath = args.value("out") + ".checkpoint.h5";
}

} // namespace

TrainState prepareTraining(const Args& args) {
    const std::string from = args.value("from");
    if (!from.empty() && isCheckpoint(from)) {
        // Resume: the stored configuration, unless an option overrides it.
        TrainState s = loadCheckpoint(from);
        if (args.has("task") && parseTask(args.value("task")) != s.config.task)
            throw Error(from + ": the checkpoint trains the " +
                        std::string(taskName(s.config.task)) + " task, not " + args.value("task"));
        if (hasTrialSet(args) && s.config.task != TaskKind::Data)
            throw Error(from + ": the checkpoint trains the " +
                        std::string(taskName(s.config.task)) + " task, not a trial set");
        if (s.config.task == TaskKind::Data) {
            // The trial set the run started with, or the one given now (a moved file).
            if (hasTrialSet(args))
                s.config.trialsPath = trialSetPath(args);
            s.config.trials = std::make_shared<const Batch>(readTrialSet(s.config.trialsPath));
            checkModelFitsBatch(s.model, *s.config.trials, from);
        }
        applyTrainOptions(args, s.config);
        return s;
    }
    TrainConfig c;
    c.learningRate = 2e-3;
    c.finalLearningRate = 1e-4;
    c.seed = args.seed("seed", 1);
    Model initial;
    if (hasTrialSet(args)) {
        if (args.has("task"))
            throw Error("give either --task or --trials FILE, not both");
        c.task = TaskKind::Data;
        c.trialsPath = trialSetPath(args);
        c.trials = std::make_shared<const Batch>(trialSetArg(args, initial));
    }
    if (!from.empty()) {
        initial = loadModel(from, {static_cast<int>(args.integer("net", 1, 1, 2147483647)),
                                   args.value("weights", "final")});
        if (c.task != TaskKind::Data) {
            c.task = args.has("task") ? parseTask(args.value("task")) : initial.task;
            if (c.task == TaskKind::Unknown || c.task == TaskKind::Data)
                c.task = guessTask(initial);
        }
    } else {
        if (c.task != TaskKind::Data && !args.has("task"))
            throw Error("--task ctxt|swg|flipflop|decision or --trials FILE is required when "
                        "training from nothing");
        const long long units = args.integer("units", 100, 1, limits::kMaxUnits);
        if (c.task == TaskKind::Data) {
            // The network's shape follows the trials: V inputs, M outputs, one initial state per
            // initial-state index the trials use.
            int states = 1;
            for (const TrialInfo& t : c.trials->trials)
                states = std::max(states, t.x0Column + 1);
            initial = randomModel(static_cast<int>(units), c.trials->inputs, c.trials->outputs,
                                  states, c.seed, args.number("g", 1.5));
            if (c.trials->dt > 0)
                initial.dt = c.trials->dt;
        } else {
            c.task = parseTask(args.value("task"));
            initial = randomModel(c.task, static_cast<int>(units), c.seed, args.number("g", 1.5));
        }
    }
    if (!args.has("iterations"))
        throw Error("--iterations K is required");
    applyTrainOptions(args, c);
    return startTraining(std::move(initial), c);
}

void nameTrainedModel(TrainState& state) {
    Model& m = state.model;
    m.task = state.config.task;
    const std::string task =
        state.config.task == TaskKind::Data
            ? std::filesystem::path(state.config.trialsPath).filename().string()
            : std::string(taskName(state.config.task));
    if (m.name.empty() || m.name.rfind("random ", 0) == 0)
        m.name =
            "opdims-trained " + task + " network (seed " + std::to_string(state.config.seed) + ")";
}

} // namespace opdims::cli
