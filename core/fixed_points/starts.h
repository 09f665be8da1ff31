// Starting states for the fixed-point finder, sampled from a task's trajectories.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/conditions.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <cstdint>
#include <string>

namespace opdims {

struct StartOptions {
    int count = 1000;
    std::uint64_t seed = 1;
    double jitter = 0.0; // standard deviation of Gaussian noise added to every sampled state
    int threads = 0;     // 0: all cores
};

// Runs the batch with W (the model's own or a reduced-rank weight matrix) and returns `count`
// states x_t (N x count) drawn uniformly over all trials and steps, distinct (trial, step) pairs
// while there are enough, from options.seed.
Eigen::MatrixXd startsFromBatch(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                                const StartOptions& options, const Progress& progress = {});

// ctxt: the constant input of context 1 or 2 with zero sensory input (u[2] or u[3] = 1).
Eigen::VectorXd contextInput(const Model& model, int context);

// The grid batch restricted to the trials of one ctxt context.
Batch contextGridBatch(int context, double dt = 0.001);

// What the finder is run on: the constant input u and the trials whose states are the starts.
struct FixedPointProblem {
    Eigen::VectorXd input;
    Batch batch;
    std::string description; // "context 1", "frequency id 26" or "input 0.5,0,..."
    // The condition the input stands for: ctxt the context (signs 0), swg the frequency id;
    // all zero for a given input vector.
    Condition condition;
};

// ctxt context 1 or 2 with zero sensory input; starts from that context's grid trials.
FixedPointProblem contextProblem(const Model& model, int context);
// swg frequency id 1..51: input id / 51 + 0.25; starts from the whole grid batch.
FixedPointProblem frequencyProblem(const Model& model, int freqId);
// A given input vector; starts from the task's whole grid batch.
FixedPointProblem inputProblem(const Model& model, TaskKind task, const Eigen::VectorXd& input);
// A given input vector; starts from the states of the given batch (a trial set's trials).
FixedPointProblem inputProblem(const Model& model, Batch starts, const Eigen::VectorXd& input);
// The input of a trial set's condition at 1-based time t (the input u_{t-1} of the update that
// gives x_t), averaged over the condition's trials.
Eigen::VectorXd conditionInput(const Batch& batch, const std::string& label, int t);

// The inputs a user chooses from: ctxt contexts 1 and 2 with zero sensory input; swg frequency
// ids 1, 6, ..., 51 (the analysis conditions). Throws Error for any other task.
std::vector<FixedPointProblem> fixedPointProblems(const Model& model, TaskKind task);
// Index into fixedPointProblems of the one chosen first: context 1, or the middle frequency id 26.
int defaultFixedPointProblem(TaskKind task);

// Parses "v1,v2,..." into a vector; throws Error naming `what` on a malformed entry.
Eigen::VectorXd parseVector(const std::string& text, const std::string& what);

} // namespace opdims
