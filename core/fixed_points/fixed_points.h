// Fixed and slow points of the RNN's flow (docs/method.md section 7) with their linearisation.
#pragma once

#include "core/base/progress.h"
#include "core/fixed_points/starts.h"
#include "core/model/model.h"

#include <Eigen/Dense>

#include <complex>
#include <string>
#include <vector>

namespace opdims {

// A fixed point has speed ||F(x)|| below FixedPointOptions::fixedSpeed; a slow point is a local
// minimum of q(x) = 1/2 ||F(x)||^2 that is not a fixed point but has q below slowQ.
enum class PointKind { Fixed, Slow };

// From the eigenvalues of the Jacobian J = -I + W diag(1 - tanh(x)^2):
// Stable: every real part < -marginal; Marginal: none > marginal but some within +-marginal;
// Saddle: some but not all real parts > marginal; Unstable: every real part > marginal.
enum class Stability { Stable, Marginal, Saddle, Unstable };

const char* pointKindName(PointKind kind); // "fixed", "slow"
const char* stabilityName(Stability s);    // "stable", "marginal", "saddle", "unstable"

// The linear flow around a point.
struct Linearisation {
    Eigen::VectorXcd eigenvalues;  // of J, sorted by real part, largest (least stable) first
    Eigen::MatrixXcd eigenvectors; // column i belongs to eigenvalue i, unit norm (may be empty)
    Stability stability = Stability::Stable;
    int unstableModes = 0; // eigenvalues with real part > marginal
    // For drawing: unit real vectors in state space. slowDirection belongs to the eigenvalue with
    // the real part nearest zero among the non-unstable ones; unstableDirection to the eigenvalue
    // with the largest real part when it is unstable (else empty). A complex eigenvector gives
    // the real part of its phase-normalised vector (the major axis of its rotation plane).
    Eigen::VectorXd slowDirection;
    std::complex<double> slowEigenvalue;
    Eigen::VectorXd unstableDirection;
    std::complex<double> unstableEigenvalue;
};

struct FixedPoint {
    Eigen::VectorXd x;
    double q = 0.0;     // 1/2 ||F(x)||^2
    double speed = 0.0; // ||F(x)||
    PointKind kind = PointKind::Fixed;
    int start = -1;     // index (column of the starts) of the run that ended here with least q
    int starts = 0;     // how many runs ended here (merged duplicates)
    int iterations = 0; // iterations of that run
    Linearisation linear;
};

struct FixedPointOptions {
    int maxIterations = 200;   // per start
    double fixedSpeed = 1e-10; // ||F|| below this: fixed point
    double slowQ = 1e-6;       // q below this (and not fixed): slow point; otherwise discarded
    // Points closer than this (Euclidean, state space) are one point; the one with least q stays.
    double mergeDistance = 1e-3;
    // A point farther from the starts' centroid than this times the starts' mean distance to it
    // is an outlier and dropped (0: keep all).
    double outlierScale = 10.0;
    double marginal = 1e-3;   // |Re(eigenvalue)| at most this counts as marginal (1/tau units)
    bool eigenvectors = true; // keep all eigenvectors in Linearisation (N x N complex each)
    int threads = 0;          // 0: all cores
};

// What happened to one start.
struct FixedPointRun {
    Eigen::VectorXd x; // where the minimiser ended
    double q = 0.0;
    double speed = 0.0;
    int iterations = 0;
    bool converged = false; // stopped at a root or a stationary point of q (not the iteration cap)
};

struct FixedPointResult {
    std::vector<FixedPoint> points;  // fixed points first, then slow points, each by ascending q
    std::vector<FixedPointRun> runs; // one per start, in the order of the starts
    int fixedRuns = 0;               // runs that ended at a fixed point
    int slowRuns = 0;                // runs that ended at a slow point
    int discardedRuns = 0;           // runs that ended with q >= slowQ
    int outliers = 0;                // distinct points dropped as outliers
    int duplicates = 0;              // runs merged into another run's point
};

// The constant input term W_in u + b of F for input vector u (V entries); throws Error on a size
// mismatch.
Eigen::VectorXd constantDrive(const Model& model, const Eigen::VectorXd& input);

// Minimises q from every column of `starts` (N x S) with a damped Newton method using the exact
// Jacobian and Hessian, sorts the ends into fixed and slow points, merges duplicates, drops
// outliers and linearises every point. W is the model's own W or a reduced-rank weight matrix.
// Runs on options.threads threads, reports progress per start and throws Cancelled when the
// progress' cancel flag is set.
FixedPointResult findFixedPoints(const Model& model, const Eigen::MatrixXd& W,
                                 const Eigen::VectorXd& input, const Eigen::MatrixXd& starts,
                                 const FixedPointOptions& options = {},
                                 const Progress& progress = {});

// The whole search of `opdims fixed-points` and the explorer's thorough search: starts drawn from
// the problem's batch run with W (a tenth of the progress), then findFixedPoints under the
// problem's input.
FixedPointResult searchFixedPoints(const Model& model, const Eigen::MatrixXd& W,
                                   const FixedPointProblem& problem,
                                   const StartOptions& startOptions,
                                   const FixedPointOptions& options = {},
                                   const Progress& progress = {});

// The Jacobian's eigen-decomposition and stability class at x.
Linearisation linearise(const Eigen::MatrixXd& W, const Eigen::VectorXd& x, double marginal,
                        bool eigenvectors = true);

} // namespace opdims
