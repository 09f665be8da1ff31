// Training a network on ctxt or swg: BPTT, Adam with clipping, a cosine learning-rate schedule,
// per-iteration reports, cancellation and periodic checkpoints.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/task.h"
#include "core/train/adam.h"
#include "core/train/bptt.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace opdims {

struct TrainConfig {
    TaskKind task = TaskKind::Ctxt;
    std::uint64_t seed = 1; // seeds the initial network and every training batch
    long long iterations = 1000;
    int batchSize = 64;
    // Cosine schedule from learningRate to finalLearningRate over scheduleIterations (0: the
    // run's iterations), after a linear warm-up; finalLearningRate afterwards.
    double learningRate = 1e-3;
    double finalLearningRate = 1e-4;
    long long warmupIterations = 0;
    long long scheduleIterations = 0;
    AdamSettings adam;
    FrozenParams frozen{};         // all trainable by default
    bool noise = true;             // the paper's input and network noise in the training batches
    int parts = 2;                 // mini-batch parts (fixed, so results do not depend on threads)
    int threads = 0;               // 0: all cores
    long long checkpointEvery = 0; // 0: no checkpoints
    std::string checkpointPath;
    // Task Data: the trial set the training batches are drawn from (trialSetTrainingBatch), and
    // the file it was read from (kept in checkpoints; read again when `trials` is empty).
    std::string trialsPath;
    std::shared_ptr<const Batch> trials;
};

// A training run: everything needed to continue it bit for bit.
struct TrainState {
    Model model;
    AdamState adam;
    TrainConfig config;
    long long iteration = 0; // completed iterations; batch i is trainingBatch(..., seed, i)
    double seconds = 0.0;    // wall time spent so far
};

struct IterationReport {
    long long iteration = 0; // 1-based: the iteration just completed
    long long iterations = 0;
    double loss = 0.0;     // cost of the iteration's (noisy) batch before the update
    double gradNorm = 0.0; // before clipping
    double learningRate = 0.0;
    double seconds = 0.0; // wall time since the run began (including earlier sessions)
};

// Return false to stop training after this iteration (the state stays consistent).
using IterationCallback = std::function<bool(const IterationReport&, const Model&)>;

double learningRateAt(const TrainConfig& config, long long iteration);

// A fresh run from `initial` (checked against the task); the optimiser starts from zero.
TrainState startTraining(Model initial, const TrainConfig& config);

// Runs iterations until state.iteration reaches state.config.iterations or the callback says
// stop. A set cancel flag throws Cancelled between or during iterations; the state then holds
// the last completed iteration. progress.report(iteration, iterations) after each iteration;
// checkpoints are written atomically every config.checkpointEvery iterations.
void train(TrainState& state, const IterationCallback& onIteration = {},
           const Progress& progress = {});

} // namespace opdims
