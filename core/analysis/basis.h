// The stable analysis API: an ordered orthonormal basis of dimensions and reduced-rank weights.
#pragma once

#include "core/analysis/basis_names.h"
#include "core/analysis/reduce.h"
#include "core/base/progress.h"
#include "core/model/model.h"

#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <vector>

namespace opdims {

// An ordered orthonormal basis of dimensions (PC dimensions, global operative dimensions, or one
// the user supplies).
struct Basis {
    std::string name; // "PC", "operative columns", ...
    Side side = Side::Columns;
    Eigen::MatrixXd Q;        // N x K, orthonormal columns, most important first
    Eigen::VectorXd strength; // K singular values (or other importance), for plots

    int size() const { return static_cast<int>(Q.cols()); }
    int units() const { return static_cast<int>(Q.rows()); }
};

// The reduced-rank weight matrix keeping the first k dimensions of the basis:
// W_k = Q_k Q_k^T W (columns) or W Q_k Q_k^T (rows). k = 0 gives a zero matrix.
Eigen::MatrixXd reducedRankWeights(const Eigen::MatrixXd& W, const Basis& basis, int k);

// The paper's removal: W with the first k dimensions of the basis removed,
// W - Q_k Q_k^T W (columns) or W - W Q_k Q_k^T (rows). k = 0 gives W.
Eigen::MatrixXd removedRankWeights(const Eigen::MatrixXd& W, const Basis& basis, int k);

// The chosen dimensions of the basis (chosen[i] true: column i of Q), in the basis' order.
Eigen::MatrixXd chosenDimensions(const Basis& basis, const std::vector<bool>& chosen);

// W with an arbitrary subset of the basis removed (remove[i] true removes dimension i).
Eigen::MatrixXd removeSelectedDimensions(const Eigen::MatrixXd& W, const Basis& basis,
                                         const std::vector<bool>& remove);

// W with an arbitrary subset of the basis kept (keep[i] true keeps dimension i).
Eigen::MatrixXd keepDimensions(const Eigen::MatrixXd& W, const Basis& basis,
                               const std::vector<bool>& keep);

// PC dimensions: left singular vectors of W by decreasing singular value, removed as columns.
Basis pcBasis(const Eigen::MatrixXd& W);

// How operativeBasis() chooses sampling locations and optimises local row dimensions.
struct OperativeOptions {
    std::string batch = "grid"; // "grid" (noise-free) or "random" (the paper's noisy batch)
    int trials = 10;            // random batch size (see makeRandomBatch)
    std::uint64_t seed = 1;     // random batch and the optimiser's random starts
    std::vector<int> times;     // 1-based sampling times; empty: the paper's defaults
    int rowStarts = 2;          // random starts per local row dimension (besides the analytic one)
    LocationSubset subset = LocationSubset::All; // the sampling locations of the global dimensions
    int frequency = 0;                           // subset Frequency: the swg frequency id
};

// Global operative dimensions of a model on its task computed from scratch: sampling locations
// on the condition-average trajectories, local operative dimensions at each, then the SVD of the
// Delta_f-scaled local dimensions (docs/method.md sections 4 and 5).
Basis operativeBasis(const Model& model, TaskKind task, Side side, const Progress& progress = {},
                     const OperativeOptions& options = {});

// Throws Error("<source>: ...") unless Q has `units` rows, at most `units` columns and
// orthonormal columns (|Q^T Q - I| <= tolerance).
void checkOrthonormal(const Eigen::MatrixXd& Q, int units, const std::string& source,
                      double tolerance = 1e-6);

} // namespace opdims
