// Rank sweeps: cost and state distance of reduced-rank networks for a list of k.
#pragma once

#include "core/analysis/basis.h"
#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/task.h"

#include <string>
#include <vector>

namespace opdims {

struct SweepPoint {
    int k = 0;
    double cost = 0.0;
    double stateDistance = 0.0; // to the full network on the same batch
};

struct SweepResult {
    std::string basis;              // the basis' name
    double fullCost = 0.0;          // cost of the full network on the batch
    std::vector<SweepPoint> points; // in the order of the requested ks
};

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
