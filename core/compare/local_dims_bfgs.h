// The authors' way of finding local row dimensions, kept as a reference for tests and benchmarks.
#pragma once

#include "core/analysis/local_dims.h"
#include "core/base/rng.h"

#include <cstdint>

namespace opdims {

struct BfgsOptions {
    int maxIterations = 400;         // per dimension
    double gradientTolerance = 1e-5; // on the finite-difference gradient (scipy's default)
};

// One greedy step the authors' way: the unit vector orthogonal to the orthonormal columns of
// `found` that BFGS reaches from one random start (drawn from rng), and its Delta_f.
struct BfgsStep {
    Eigen::VectorXd q;
    double deltaF = 0.0;
};
BfgsStep bestRowDimensionBfgs(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
                              const Eigen::MatrixXd& found, Rng& rng, const BfgsOptions& bfgs = {});

// Greedy row dimensions like localRowDimensions, but each maximises Delta_f by quasi-Newton
// (BFGS) on -Delta_f(P v / |P v|) with forward-difference gradients from one random start
// (P removes the dimensions found so far), as the authors' scripts did with scipy.
LocalDimensions localRowDimensionsBfgs(const Eigen::MatrixXd& W, double alpha,
                                       const SamplingLocation& location,
                                       const LocalOptions& options = {}, std::uint64_t stream = 0,
                                       const BfgsOptions& bfgs = {});

} // namespace opdims
