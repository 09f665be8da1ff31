// Comparison only (opdims_compare, linked by `opdims bench fixed-points` and the tests): a
// first-order minimiser of q(x) = 1/2 ||F(x)||^2 to measure the Newton finder against.
#pragma once

#include "core/base/progress.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/flow.h"

#include <Eigen/Dense>

#include <vector>

namespace opdims {

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
