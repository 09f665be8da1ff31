// The training loop: one seeded batch, one BPTT gradient and one Adam step per iteration.
#include "core/train/train.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/tasks/generated.h"
#include "core/tasks/task.h"
#include "core/tasks/trial_set.h"
#include "core/train/batch.h"
#include "core/train/checkpoint.h"

#include <chrono>
#include <cmath>
#include <numbers>

namespace opdims {

double learningRateAt(const TrainConfig& c, long long iteration) {
    if (c.warmupIterations > 0 && iteration < c.warmupIterations)
        return c.learningRate * static_cast<double>(iteration + 1) /
               static_cast<double>(c.warmupIterations);
    const long long horizon = c.scheduleIterations > 0 ? c.scheduleIterations : c.iterations;
    const long long span = horizon - c.warmupIterations;
    if (span <= 0 || iteration >= horizon)
        return c.finalLearningRate;
    const double progress = static_cast<double>(iteration - c.warmupIterations) / span;
    return c.finalLearningRate + 0.5 * (c.learningRate - c.finalLearningRate) *
                                     (1.0 + std::cos(std::numbers::pi * progress));
}

namespace {

void checkConfig(const TrainConfig& c) {
    if (c.task == TaskKind::Unknown)
        throw Error("training needs a task (ctxt, swg, flipflop or decision) or a trial set");
    if (c.task == TaskKind::Data && !c.trials)
        throw Error("training on a trial set needs the trial-set file");
    if (c.iterations < 0)
        throw Error("the number of iterations must be at least 0");
    limits::checkCount("", "the batch size", c.batchSize, limits::kMaxBatchSize);
    if (!(c.learningRate > 0) || !(c.finalLearningRate >= 0) || !std::isfinite(c.learningRate) ||
        !std::isfinite(c.finalLearningRate))
        throw Error("the learning rates must be finite, the initial one positive");
    if (!(c.adam.beta1 >= 0 && c.adam.beta1 < 1) || !(c.adam.beta2 >= 0 && c.adam.beta2 < 1) ||
        !(c.adam.epsilon > 0) || !(c.adam.clipNorm >= 0))
        throw Error("Adam needs 0 <= beta1, beta2 < 1, epsilon > 0 and a clip norm >= 0");
    if (c.parts < 1)
        throw Error("the mini-batch needs at least one part");
    if (c.checkpointEvery < 0)
        throw Error("the checkpoint interval must be at least 0");
    if (c.checkpointEvery > 0 && c.checkpointPath.empty())
        throw Error("checkpoints need a file name");
}

// What backpropagation through time keeps per iteration: states, rates and their gradients of
// every trial and step, and the batch's inputs and targets.
void checkTrainingMemory(const Model& m, const TrainConfig& c) {
    const double steps = c.task == TaskKind::Data       ? c.trials->steps
                         : c.task == TaskKind::Ctxt     ? ctxt::kSteps
                         : c.task == TaskKind::FlipFlop ? flipflop::kSteps
                         : c.task == TaskKind::Decision ? decision::kSteps
                                                        : swg::kSteps;
    const double perStep = 4.0 * m.units() + m.inputs() + m.outputs();
    limits::checkMemory("training with a batch of " + std::to_string(c.batchSize) + " trials",
                        static_cast<double>(c.batchSize) * steps * perStep * 8.0);
}

// A trial set named by its file but not yet read (a resumed checkpoint) is read now.
void loadTrials(TrainConfig& c) {
    if (c.task == TaskKind::Data && !c.trials && !c.trialsPath.empty())
        c.trials = std::make_shared<const Batch>(readTrialSet(c.trialsPath));
}

void checkFits(const Model& m, const TrainConfig& c, const std::string& source) {
    if (c.task == TaskKind::Data)
        checkModelFitsBatch(m, *c.trials, source);
    else
        checkModelFitsTask(m, c.task, source);
}

} // namespace

TrainState startTraining(Model initial, const TrainConfig& config) {
    TrainConfig c = config;
    loadTrials(c);
    checkConfig(c);
    checkTrainingMemory(initial, c);
    checkFits(initial, c, initial.name.empty() ? "the network" : initial.name);
    initial.task = c.task;
    TrainState s;
    s.model = std::move(initial);
    s.config = std::move(c);
    s.adam.reset(s.model);
    return s;
}

void train(TrainState& state, const IterationCallback& onIteration, const Progress& progress) {
    loadTrials(state.config);
    checkConfig(state.config);
    checkTrainingMemory(state.model, state.config);
    const TrainConfig& c = state.config;
    checkFits(state.model, c, state.model.name);
    Bptt bptt;
    Gradients grad;
    BpttOptions options;
    options.parts = c.parts;
    options.threads = c.threads;
    while (state.iteration < c.iterations) {
        progress.check();
        const auto start = std::chrono::steady_clock::now();
        const Batch batch =
            c.task == TaskKind::Data
                ? trialSetTrainingBatch(*c.trials, c.batchSize, c.seed, state.iteration, c.noise)
            : isGeneratedTask(c.task)
                ? generatedTrainingBatch(c.task, c.batchSize, c.seed, state.iteration, c.noise)
                : trainingBatch(c.task, c.batchSize, c.seed, state.iteration, c.noise,
                                state.model.dt);
        const double loss = bptt.lossAndGradient(state.model, batch, grad, options, progress);
        if (!std::isfinite(loss))
            throw Error("training diverged at iteration " + std::to_string(state.iteration + 1) +
                        " (the cost is not finite); try a smaller learning rate");
        // Cancelling inside lossAndGradient leaves the model at the last completed iteration.
        const double lr = learningRateAt(c, state.iteration);
        const double norm = adamStep(state.model, grad, state.adam, lr, c.adam, c.frozen);
        ++state.iteration;
        state.seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (c.checkpointEvery > 0 &&
            (state.iteration % c.checkpointEvery == 0 || state.iteration == c.iterations))
            saveCheckpoint(state, c.checkpointPath);
        progress.report(static_cast<double>(state.iteration), static_cast<double>(c.iterations));
        if (onIteration) {
            const IterationReport r{state.iteration, c.iterations, loss, norm, lr, state.seconds};
            if (!onIteration(r, state.model))
                return;
        }
    }
}

} // namespace opdims
