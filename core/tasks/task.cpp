// Task generators for context-dependent integration (ctxt) and sine wave generation (swg).
#include "core/tasks/task.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/rng.h"
#include "core/tasks/generated.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace opdims {

const std::vector<double>& ctxt::coherencies() {
    static const std::vector<double> c = {0.3 * -0.5, 0.3 * -0.12, 0.3 * -0.03,
                                          0.3 * 0.03, 0.3 * 0.12,  0.3 * 0.5};
    return c;
}

double swg::frequency(int freqId) {
    return 1.0 + (freqId - 1) * 0.1;
}

namespace {

void fillCtxtTrial(Batch& batch, Eigen::Index j, const TaskOptions& options) {
    const TrialInfo& info = batch.trials[static_cast<std::size_t>(j)];
    const int context = info.context;
    const double inputNoise = options.inputNoise ? 31.6228 * std::sqrt(options.dt) : 0.0;
    Rng rng(options.inputNoiseSeed, static_cast<std::uint64_t>(j));
    const double gain = options.dt / ctxt::kIntegrationTau;
    double target = 0.0;
    bool atBound = false;
    for (int t = 0; t < batch.steps; ++t) {
        auto u = batch.u[t].col(j);
        u(2) = context == 1 ? 1.0 : 0.0;
        u(3) = context == 2 ? 1.0 : 0.0;
        if (t >= ctxt::kBurnIn) {
            u(0) = info.coh1;
            u(1) = info.coh2;
            if (inputNoise != 0.0) {
                u(0) += inputNoise * rng.normal();
                u(1) += inputNoise * rng.normal();
            }
            // Once the integrated target reaches a bound it stays there.
            if (!atBound) {
                target += gain * u(context - 1);
                if (target >= 1.0 || target <= -1.0) {
                    target = std::clamp(target, -1.0, 1.0);
                    atBound = true;
                }
            }
        }
        batch.y[t](0, j) = target;
    }
}

void fillSwgTrial(Batch& batch, Eigen::Index j, const TaskOptions& options) {
    const int freqId = batch.trials[static_cast<std::size_t>(j)].freqId;
    const double input = swg::input(freqId);
    const double f = swg::frequency(freqId);
    for (int t = 0; t < batch.steps; ++t) {
        batch.u[t](0, j) = input;
        batch.y[t](0, j) = std::sin(2.0 * std::numbers::pi * f * (t + 1) * options.dt);
    }
}

} // namespace

Batch batchFromTrials(TaskKind task, std::vector<TrialInfo> trials, const TaskOptions& options) {
    // Inputs and targets of every trial and step, checked before they are made.
    const double values =
        static_cast<double>(trials.size()) *
        (task == TaskKind::Ctxt ? ctxt::kSteps * (ctxt::kInputs + 1.0) : swg::kSteps * 2.0);
    limits::checkMemory("a batch of " + std::to_string(trials.size()) + " trials", values * 8.0);
    Batch b;
    b.task = task;
    b.outputs = 1;
    if (task == TaskKind::Ctxt) {
        b.steps = ctxt::kSteps;
        b.inputs = ctxt::kInputs;
        for (TrialInfo& t : trials) {
            if (t.context != 1 && t.context != 2)
                throw Error("ctxt trials have context 1 or 2, not " + std::to_string(t.context));
            t.x0Column = t.context - 1;
        }
    } else if (task == TaskKind::Swg) {
        b.steps = swg::kSteps;
        b.inputs = 1;
        for (TrialInfo& t : trials) {
            if (t.freqId < 1 || t.freqId > swg::kFrequencies)
                throw Error("swg frequency ids run from 1 to 51, not " + std::to_string(t.freqId));
            t.x0Column = 0;
        }
    } else {
        throw Error("a batch needs a task (ctxt or swg)");
    }
    b.trials = std::move(trials);
    const Eigen::Index n = static_cast<Eigen::Index>(b.trials.size());
    b.u.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd::Zero(b.inputs, n));
    b.y.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd::Zero(b.outputs, n));
    for (Eigen::Index j = 0; j < n; ++j) {
        if (task == TaskKind::Ctxt)
            fillCtxtTrial(b, j, options);
        else
            fillSwgTrial(b, j, options);
    }
    return b;
}

Batch makeGridBatch(TaskKind task, double dt) {
    TaskOptions options;
    options.dt = dt;
    std::vector<TrialInfo> trials;
    if (task == TaskKind::Ctxt) {
        for (int context = 1; context <= 2; ++context)
            for (double c1 : ctxt::coherencies())
                for (double c2 : ctxt::coherencies())
                    trials.push_back({context, c1, c2, 0, context - 1, {}});
    } else {
        for (int id = 1; id <= swg::kFrequencies; ++id)
            trials.push_back({0, 0.0, 0.0, id, 0, {}});
    }
    Batch b = batchFromTrials(task, std::move(trials), options);
    b.kind = "grid";
    return b;
}

Batch makeRandomBatch(TaskKind task, int trials, std::uint64_t seed, double dt) {
    if (trials < 1)
        throw Error("a random batch needs at least one trial (got " + std::to_string(trials) + ")");
    TaskOptions options;
    options.dt = dt;
    std::vector<TrialInfo> list;
    if (task == TaskKind::Ctxt) {
        options.inputNoise = true;
        options.inputNoiseSeed = seed;
        for (int context = 1; context <= 2; ++context)
            for (double c1 : ctxt::coherencies())
                for (double c2 : ctxt::coherencies())
                    for (int k = 0; k < trials; ++k)
                        list.push_back({context, c1, c2, 0, context - 1, {}});
    } else {
        Rng rng(seed, 0xF4E0);
        for (int k = 0; k < trials; ++k)
            list.push_back(
                {0, 0.0, 0.0, 1 + static_cast<int>(rng.below(swg::kFrequencies)), 0, {}});
    }
    Batch b = batchFromTrials(task, std::move(list), options);
    b.kind = "random";
    b.networkNoise = true;
    b.noiseSeed = seed;
    return b;
}

Batch makeBatch(TaskKind task, const std::string& kind, int trials, std::uint64_t seed, double dt) {
    if (kind == "grid")
        return makeGridBatch(task, dt);
    if (kind == "random")
        return makeRandomBatch(task, trials, seed, dt);
    throw Error("unknown batch '" + kind + "' (expected grid or random)");
}

double Batch::costCount() const {
    if (mask.empty())
        return static_cast<double>(outputs) * steps * static_cast<double>(trials.size());
    double n = 0.0;
    for (const Eigen::MatrixXd& m : mask)
        n += m.sum();
    return n;
}

double Batch::trialCostCount(int j) const {
    if (mask.empty())
        return static_cast<double>(outputs) * steps;
    double n = 0.0;
    for (const Eigen::MatrixXd& m : mask)
        n += m.col(j).sum();
    return n;
}

double networkNoiseOf(const Model& model, const Batch& batch) {
    if (!batch.networkNoise)
        return 0.0;
    return batch.networkNoiseSigma >= 0.0 ? batch.networkNoiseSigma : model.noiseSigma;
}

void checkModelFitsBatch(const Model& model, const Batch& batch, const std::string& source) {
    if (batch.task != TaskKind::Data) {
        checkModelFitsTask(model, batch.task, source);
        return;
    }
    const std::string trials = batch.source.empty() ? "the trial set" : batch.source;
    if (model.inputs() != batch.inputs)
        throw Error(source + ": the network has " + std::to_string(model.inputs()) + " inputs, " +
                    trials + " has " + std::to_string(batch.inputs));
    if (model.outputs() != batch.outputs)
        throw Error(source + ": the network has " + std::to_string(model.outputs()) + " outputs, " +
                    trials + " has " + std::to_string(batch.outputs));
    int columns = 0;
    for (const TrialInfo& t : batch.trials)
        columns = std::max(columns, t.x0Column + 1);
    if (model.initialStates() < columns)
        throw Error(source + ": the network has " + std::to_string(model.initialStates()) +
                    " initial states, " + trials + " starts trials from state " +
                    std::to_string(columns - 1) + " (0-based)");
    if (batch.dt > 0.0 && batch.dt != model.dt)
        throw Error(source + ": the network's dt is " + std::to_string(model.dt) + ", " + trials +
                    " was made for dt = " + std::to_string(batch.dt));
}

void checkModelFitsTask(const Model& model, TaskKind task, const std::string& source) {
    if (task == TaskKind::Unknown)
        throw Error(source + ": the task is unknown; pass --task ctxt or --task swg");
    if (task == TaskKind::Data)
        throw Error(source + ": a trial set's trials are needed (--trials FILE)");
    const bool generated = isGeneratedTask(task);
    const int v = task == TaskKind::Ctxt ? ctxt::kInputs : generated ? generatedInputs(task) : 1;
    const int m = generated ? generatedOutputs(task) : 1;
    const int c = task == TaskKind::Ctxt ? 2 : 1;
    if (model.inputs() != v)
        throw Error(source + ": the network has " + std::to_string(model.inputs()) +
                    " inputs, the " + taskName(task) + " task needs " + std::to_string(v));
    if (model.outputs() != m)
        throw Error(source + ": the network has " + std::to_string(model.outputs()) +
                    " outputs, the " + taskName(task) + " task needs " + std::to_string(m));
    if (model.initialStates() < c)
        throw Error(source + ": the network has " + std::to_string(model.initialStates()) +
                    " initial states, the " + taskName(task) + " task needs " + std::to_string(c));
}

} // namespace opdims
