// Local operative dimensions at sampling locations (docs/method.md section 4), columns and rows.
#pragma once

#include "core/analysis/reduce.h"
#include "core/analysis/sampling.h"
#include "core/base/progress.h"
#include "core/model/model.h"

#include <Eigen/Dense>

#include <cstdint>
#include <vector>

namespace opdims {

// The greedy local operative dimensions found at one sampling location.
struct LocalDimensions {
    SamplingLocation location;
    Side side = Side::Columns;
    Eigen::MatrixXd Q;      // N x d, mutually orthonormal local dimensions in the order found
    Eigen::VectorXd deltaF; // d effects Delta_f (positive), in the order found
    int dimensions() const { return static_cast<int>(Q.cols()); }
};

// Delta_f(q; x_s) = || x_1(W) - x_1(W') || for a unit vector q (docs/method.md section 4.2):
// columns alpha |q^T W r_s|, rows alpha |q^T r_s| ||W q||, with r_s = tanh(x_s).
double deltaF(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
              const Eigen::VectorXd& q, Side side);
// Delta_f from its definition: one step from x_s with zero input and no noise, with W and with
// q removed (used to check the closed forms).
double deltaFBySimulation(const Model& model, const Eigen::VectorXd& xs, const Eigen::VectorXd& q,
                          Side side);
// Gradient of Delta_f with respect to q (not restricted to the sphere); zero where q^T r = 0.
Eigen::VectorXd deltaFGradient(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
                               const Eigen::VectorXd& q, Side side);

struct LocalOptions {
    double stopBelow = 1e-8; // greedy search stops when the best Delta_f falls below this
    int maxDimensions = 0;   // 0: up to N
    int rowStarts = 2;       // random starts per row dimension, besides the analytic candidates
    std::uint64_t seed = 1;  // seed of the random starts
    int threads = 0;         // locations run in parallel on this many threads (0: all cores)
};

// Columns: closed form, q = W r_s / ||W r_s||, one dimension per location.
LocalDimensions localColumnDimensions(const Eigen::MatrixXd& W, double alpha,
                                      const SamplingLocation& location,
                                      const LocalOptions& options = {});

// Rows: each dimension maximises Delta_f over unit vectors orthogonal to those already found.
// The search works in the orthogonal complement; there the maximum lies on a one-parameter curve
// (a trust-region-like secular family) that is scanned and refined, then polished by Riemannian
// gradient ascent together with `rowStarts` seeded random starts; the best is finished by
// Riemannian Newton iteration, which reaches its maximum to rounding.
// `stream` separates the random starts of different locations.
LocalDimensions localRowDimensions(const Eigen::MatrixXd& W, double alpha,
                                   const SamplingLocation& location,
                                   const LocalOptions& options = {}, std::uint64_t stream = 0);

// Local dimensions at every location, in parallel; the result is independent of the threads.
std::vector<LocalDimensions> localDimensions(const Model& model,
                                             const std::vector<SamplingLocation>& locations,
                                             Side side, const LocalOptions& options = {},
                                             const Progress& progress = {});

} // namespace opdims
