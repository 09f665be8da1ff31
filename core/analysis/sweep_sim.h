// The simulation behind rank sweeps: shared prefixes of identical trials and factored low-rank W_k.
#pragma once

#include "core/analysis/basis.h"
#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/simulation/simulate.h"
#include "core/tasks/task.h"

#include <vector>

namespace opdims {

// Without network noise, trials that start from the same initial state and receive the same
// inputs up to step `steps` have identical states until then (the ctxt grid: the 36 trials of a
// context share the 650 burn-in steps), so they are simulated once.
struct SharedPrefix {
    int steps = 0;                   // length of the shared prefix (0: nothing is shared)
    std::vector<int> representative; // per trial: index into `trials` of its representative
    std::vector<int> trials;         // the representatives (batch trial indices)
};

SharedPrefix findSharedPrefix(const Batch& batch);

// W_k of the basis in factored form, W_k = left * right (N x k times k x N).
struct FactoredWeights {
    Eigen::MatrixXd left;
    Eigen::MatrixXd right;
};
FactoredWeights factoredReducedRank(const Eigen::MatrixXd& W, const Basis& basis, int k);

// Cost and state distance of W_k against the reference run, on this thread. The product W_k r
// uses the factored form when it is cheaper (2k < N) and the dense W_k otherwise. Batches with
// network noise take compareToReference itself. Equal to
// compareToReference(model, reducedRankWeights(W, basis, k), ...) up to rounding.
CostAndDistance compareReducedRank(const Model& model, const Basis& basis, int k,
                                   const Batch& batch, const Trajectories& reference,
                                   const SharedPrefix& prefix, const Progress& progress = {});

} // namespace opdims
