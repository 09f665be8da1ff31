// Minimisers of q(x) = 1/2 ||F(x)||^2 from one start: damped Newton (the finder's) and Adam.
#pragma once

#include "core/fixed_point_flow.h"
#include "core/fixed_points.h"
#include "core/progress.h"

#include <Eigen/Dense>

#include <vector>

namespace opdims {

// Levenberg-Marquardt-damped Newton on q with the exact Hessian: near a root the step is the
// Newton step -J^{-1} F (quadratic convergence to machine precision), near a slow point (a
// minimum of q > 0) it is Newton on q (still quadratic, where Gauss-Newton would be linear).
// Stops at ||F|| on the rounding level, at a stationary point of q, or after maxIterations.
FixedPointRun minimiseSpeed(const Flow& flow, const Eigen::VectorXd& start, int maxIterations);

struct AdamOptions {
    int maxIterations = 5000;
    double learningRate = 0.1; // initial; adapted per start (x1.05 when q falls, x0.5 when not)
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    double targetSpeed = 1e-10; // a start stops once ||F|| is below this
    // Speeds whose first crossing is recorded per start (for comparing convergence).
    std::vector<double> milestones;
    int threads = 0;
};

struct AdamRun {
    FixedPointRun run;
    std::vector<int> milestoneIterations; // first iteration with ||F|| below each milestone, -1
};

// First-order reference for the benchmark: Adam on q from every column of starts, with the
// gradient J^T F. A run counts as converged when it reaches targetSpeed; `iterations` is the
// number of gradient steps taken.
std::vector<AdamRun> minimiseSpeedAdam(const Flow& flow, const Eigen::MatrixXd& starts,
                                       const AdamOptions& options, const Progress& progress = {});

} // namespace opdims
