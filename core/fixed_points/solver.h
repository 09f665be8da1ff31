// The finder's minimiser of q(x) = 1/2 ||F(x)||^2 from one start: damped Newton.
#pragma once

#include "core/base/progress.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/flow.h"

#include <Eigen/Dense>

#include <vector>

namespace opdims {

// Levenberg-Marquardt-damped Newton on q with the exact Hessian: near a root the step is the
// Newton step -J^{-1} F (quadratic convergence to machine precision), near a slow point (a
// minimum of q > 0) it is Newton on q (still quadratic, where Gauss-Newton would be linear).
// Stops at ||F|| on the rounding level, at a stationary point of q, or after maxIterations.
FixedPointRun minimiseSpeed(const Flow& flow, const Eigen::VectorXd& start, int maxIterations);

} // namespace opdims
