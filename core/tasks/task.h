// The paper's tasks (docs/method.md section 2): exact generators of the grid and random batches.
#pragma once

#include "core/model/model.h"

#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <vector>

namespace opdims {

// What defines one trial's input condition.
struct TrialInfo {
    int context = 0;   // ctxt: 1 or 2; swg: 0
    double coh1 = 0.0; // ctxt: coherence of sensory input 1
    double coh2 = 0.0; // ctxt: coherence of sensory input 2
    int freqId = 0;    // swg: frequency id 1..51
    int x0Column = 0;  // which column of x0 the trial starts from
    std::string label; // data: the trial's condition label
};

// A named input phase of a trial set: steps [start, next phase's start).
struct Phase {
    std::string name;
    int start = 0; // 0-based step
};

struct Batch {
    TaskKind task = TaskKind::Unknown;
    std::string kind; // "grid", "random" or a description
    int steps = 0;
    int inputs = 0;
    int outputs = 0;
    std::vector<TrialInfo> trials;
    // u[t] (inputs x trials) drives the update from x_t to x_{t+1}; y[t] (outputs x trials) is
    // the target for z_{t+1}; t = 0 .. steps-1.
    std::vector<Eigen::MatrixXd> u;
    std::vector<Eigen::MatrixXd> y;
    // Network noise (sigma from the model) is on for the paper's random batches.
    bool networkNoise = false;
    std::uint64_t noiseSeed = 0;

    // Data (trial sets) only. mask[t] (outputs x trials): 1 where the squared error of z_{t+1}
    // counts in the cost; empty: every entry counts.
    std::vector<Eigen::MatrixXd> mask;
    std::vector<Phase> phases;
    double inputNoise = 0.0;                     // std of the input noise of random batches
    double networkNoiseSigma = -1.0;             // sigma of the network noise; < 0: the model's
    std::vector<std::string> samplingConditions; // default conditions of sampling locations
    std::vector<int> samplingTimes;              // default 1-based sampling times
    std::string source;                          // the file it was read from
    double dt = 0.0;                             // the file's dt (0: none given)
    // Training batches draw trials uniformly (true) or deal every trial once per epoch (false).
    bool uniformDraw = false;

    // The number of entries the cost averages over (outputs x steps x trials without a mask).
    double costCount() const;
    // The same for trial j alone.
    double trialCostCount(int j) const;

    int trialCount() const { return static_cast<int>(trials.size()); }
};

// Keeps the streams of training batches apart from the tasks' own.
inline constexpr std::uint64_t kTrainingStreamKey = 0x747261696E696E67ULL; // "training"

namespace ctxt {
constexpr int kSteps = 1400;
constexpr int kBurnIn = 650;
constexpr int kInputs = 5;
constexpr double kIntegrationTau = 0.05;
// The six coherencies 0.3 * {-0.5, -0.12, -0.03, 0.03, 0.12, 0.5}.
const std::vector<double>& coherencies();
} // namespace ctxt

namespace swg {
constexpr int kSteps = 500;
constexpr int kFrequencies = 51;
double frequency(int freqId); // 1 + (id-1) * 0.1 Hz
// The constant input for frequency id freqId: id / 51 + 0.25 (docs/method.md section 2.2).
inline double input(int freqId) {
    return freqId / static_cast<double>(kFrequencies) + 0.25;
}
} // namespace swg

struct TaskOptions {
    double dt = 0.001;
    bool inputNoise = false;          // ctxt only
    std::uint64_t inputNoiseSeed = 0; // seed of the input noise
};

// Builds inputs and targets for the given trials (ctxt: context, coh1, coh2; swg: freqId).
// With input noise, trial j draws its noise from stream j of options.inputNoiseSeed.
Batch batchFromTrials(TaskKind task, std::vector<TrialInfo> trials, const TaskOptions& options);

// The deterministic grid: ctxt 2 x 6 x 6 = 72 trials, swg 51 trials; no noise.
Batch makeGridBatch(TaskKind task, double dt = 0.001);

// The paper's random batch from an explicit seed. ctxt: `trials` per context and coherency pair
// (72 * trials in all) with input and network noise; swg: `trials` trials with uniformly random
// frequency ids and network noise.
Batch makeRandomBatch(TaskKind task, int trials, std::uint64_t seed, double dt = 0.001);

Batch makeBatch(TaskKind task, const std::string& kind, int trials, std::uint64_t seed,
                double dt = 0.001);

// Checks that a model fits a task (input and output counts, initial states); throws Error.
void checkModelFitsTask(const Model& model, TaskKind task, const std::string& source);
// The same for any batch, a trial set's too (also its dt when the file gives one).
void checkModelFitsBatch(const Model& model, const Batch& batch, const std::string& source);

// The sigma of a batch's network noise with this model (0 when the batch has none).
double networkNoiseOf(const Model& model, const Batch& batch);

} // namespace opdims
