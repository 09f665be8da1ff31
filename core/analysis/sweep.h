// Rank sweeps: cost and state distance of reduced-rank networks for a list of k.
#pragma once

#include "core/analysis/basis.h"
#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/task.h"

#include <string>
#include <utility>
#include <vector>

namespace opdims {

struct SweepPoint {
    SweepPoint(int k_ = 0, double cost_ = 0.0, double stateDistance_ = 0.0,
               std::vector<double> trialSquaredError_ = {}, std::vector<double> trialDistance_ = {})
        : k(k_), cost(cost_), stateDistance(stateDistance_),
          trialSquaredError(std::move(trialSquaredError_)),
          trialDistance(std::move(trialDistance_)) {}
    int k = 0;
    double cost = 0.0;
    double stateDistance = 0.0; // to the full network on the same batch
    // Per trial (batch order): sums of squared output errors and of state distances, for the
    // per-condition effects (core/simulation/condition_effects.h).
    std::vector<double> trialSquaredError;
    std::vector<double> trialDistance;
};

struct SweepResult {
    std::string basis;                         // the basis' name
    double fullCost = 0.0;                     // cost of the full network on the batch
    std::vector<double> fullTrialSquaredError; // the full network's per-trial sums
    std::vector<SweepPoint> points;            // in the order of the requested ks
};

// Keep: W_k keeps the first k dimensions (the paper's reduced-rank weight matrix); Remove: W with
// the first k dimensions removed. exact: Keep simulates the dense W_k (as `opdims reduce` writes
// it), so that each cost equals evaluateCost of that matrix bit for bit; otherwise the factored
// form, faster and equal up to rounding. Remove always simulates the dense matrix.
enum class SweepMode { Keep, Remove };
struct SweepOptions {
    SweepMode mode = SweepMode::Keep;
    bool exact = false;
};
SweepResult rankSweep(const Model& model, const Batch& batch, const Basis& basis,
                      const std::vector<int>& ks, const SweepOptions& options,
                      const Progress& progress = {}, int threads = 0);

// For each k, the reduced-rank weight matrix W_k of the basis is simulated on the batch and
// compared with the full network's run (computed once). The ks run in parallel on `threads`
// threads (0: all cores), each simulation single-threaded (sweep_sim.h); progress counts finished
// ks and a set cancel flag stops within a few dozen steps of every running simulation.
SweepResult rankSweep(const Model& model, const Batch& batch, const Basis& basis,
                      const std::vector<int>& ks, const Progress& progress = {}, int threads = 0);

// Every k from 1 to the basis size.
std::vector<int> allRanks(const Basis& basis);

// The smallest k of the sweep whose cost is at most factor x the full cost (-1 when none is).
int sufficientRank(const SweepResult& sweep, double factor = 2.0);

} // namespace opdims
