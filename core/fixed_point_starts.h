// Starting states for the fixed-point finder, sampled from a task's trajectories.
#pragma once

#include "core/model.h"
#include "core/progress.h"
#include "core/task.h"

#include <Eigen/Dense>

#include <cstdint>

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

} // namespace opdims
