// Batched Euler simulation of the RNN (docs/method.md section 1) with cost and state distance.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/simulation/trial_sums.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <vector>

namespace opdims {

// Trial j of a batch with network noise draws its noise from Rng(batch.noiseSeed ^
// kNetworkNoiseKey, j): keyed apart from the input-noise streams of the same seed, and shared by
// every forward pass (simulation, training) so that they see the same noise.
inline constexpr std::uint64_t kNetworkNoiseKey = 0x6E6574776F726BULL;

struct SimOptions {
    int threads = 0; // trial chunks run on this many threads (0: all cores, 1: this thread)
};

// Called after each update with the chunk's states x_{t+1} (N x n), rates r = tanh(x) and the
// chunk's first trial index in the batch; t = 0 .. steps-1.
using StepObserver = std::function<void(int t, Eigen::Index firstTrial, const Eigen::MatrixXd& x,
                                        const Eigen::MatrixXd& r)>;

// Runs trials [first, first + count) of the batch with recurrent weights W (N x N; the model's
// own W or a reduced-rank weight matrix). Network noise is on when batch.networkNoise is set;
// trial j draws its noise from its own stream, so results do not depend on the chunking.
void runTrials(const Model& model, const Eigen::MatrixXd& W, const Batch& batch, Eigen::Index first,
               Eigen::Index count, const StepObserver& observer);

// Trials are cut into blocks of kTrialBlock (the last block takes the batch's remainder) and each
// thread runs a contiguous run of blocks. Eigen chooses its GEMM and GEMV micro-kernels by a
// column's position within the product, in groups of 4 and 8 counted from the first column: with
// chunk boundaries at multiples of 8 and the remainder always in the batch's last chunk, every
// trial goes through the same kernel whatever the thread count, so results are bit-identical for
// any number of threads.
inline constexpr int kTrialBlock = 8;

// Runs body(first, count) for the batch's chunks of trials, in parallel (every forward pass of
// the batch uses these chunks).
void forTrialChunks(const Batch& batch, const SimOptions& options, const Progress& progress,
                    const std::function<void(int first, int count)>& body);

// z = W_out r + b_z for a chunk's rates r (N x n), as every forward pass computes it.
void modelOutputs(const Model& model, const Eigen::MatrixXd& r, Eigen::Ref<Eigen::MatrixXd> z);

// Cost (MSE over outputs, steps and trials) without storing states, with the per-trial sums
// (stateDistance and trialDistance are zero).
CostAndDistance evaluateTrials(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                               const SimOptions& options = {}, const Progress& progress = {});
// How often the output has the sign of its target: over the entries the mask counts (every entry
// without a mask) whose target is not 0. The measure of tasks with binary answers (flipflop bits,
// decision choices).
struct SignAccuracy {
    long long correct = 0; // entries with z * target > 0
    long long counted = 0; // entries counted (mask 1, target != 0)
    double fraction() const { return counted > 0 ? static_cast<double>(correct) / counted : 0.0; }
};
SignAccuracy signAccuracy(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                          const SimOptions& options = {}, const Progress& progress = {});

// Cost (MSE over outputs, steps and trials) without storing states: evaluateTrials' cost.
double evaluateCost(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                    const SimOptions& options = {}, const Progress& progress = {});
inline double evaluateCost(const Model& model, const Batch& batch, const SimOptions& options = {}) {
    return evaluateCost(model, model.W, batch, options);
}

// Every state and output of every trial.
struct Trajectories {
    std::vector<Eigen::MatrixXd> x; // x[t]: N x trials, the state x_{t+1}
    std::vector<Eigen::MatrixXd> z; // z[t]: M x trials, the output z_{t+1}
    double cost = 0.0;
    std::vector<double> trialSquaredError; // per trial: sum over outputs and steps
    int steps() const { return static_cast<int>(x.size()); }
};

Trajectories simulate(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                      const SimOptions& options = {}, const Progress& progress = {});

// Cost of W on the batch and its state distance to a reference run of the same batch (mean over
// steps and trials of ||x_ref - x||_2), without storing the new states.
CostAndDistance compareToReference(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                                   const Trajectories& reference, const SimOptions& options = {},
                                   const Progress& progress = {});

// State distance between runs of the same batch with two weight matrices.
double stateDistance(const Model& model, const Eigen::MatrixXd& WA, const Eigen::MatrixXd& WB,
                     const Batch& batch, const SimOptions& options = {});

} // namespace opdims
