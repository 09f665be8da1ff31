// Rank sweeps over the ks in parallel, against one reference run of the full network.
#include "core/analysis/sweep.h"

#include "core/analysis/sweep_sim.h"
#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/simulation/simulate.h"

#include <numeric>

namespace opdims {

std::vector<int> allRanks(const Basis& basis) {
    std::vector<int> ks(static_cast<std::size_t>(basis.size()));
    std::iota(ks.begin(), ks.end(), 1);
    return ks;
}

SweepResult rankSweep(const Model& model, const Batch& batch, const Basis& basis,
                      const std::vector<int>& ks, const Progress& progress, int threads) {
    return rankSweep(model, batch, basis, ks, SweepOptions{}, progress, threads);
}

SweepResult rankSweep(const Model& model, const Batch& batch, const Basis& basis,
                      const std::vector<int>& ks, const SweepOptions& options,
                      const Progress& progress, int threads) {
    if (basis.units() != model.units())
        throw Error("the basis '" + basis.name + "' has " + std::to_string(basis.units()) +
                    " entries per dimension, the network has " + std::to_string(model.units()) +
                    " units");
    for (int k : ks)
        if (k < 0 || k > basis.size())
            throw Error("rank " + std::to_string(k) + " is outside 0.." +
                        std::to_string(basis.size()) + " for the basis '" + basis.name + "'");
    // Simulations only watch the cancel flag; progress counts whole ks.
    Progress cancelOnly;
    cancelOnly.cancel = progress.cancel;
    const Trajectories reference = simulate(model, model.W, batch, SimOptions{threads}, cancelOnly);
    const SharedPrefix prefix = findSharedPrefix(batch);
    SweepResult out;
    out.basis = options.mode == SweepMode::Remove ? basis.name + " (removed)" : basis.name;
    out.fullCost = reference.cost;
    out.fullTrialSquaredError = reference.trialSquaredError;
    out.points.resize(ks.size());
    parallelFor(
        static_cast<int>(ks.size()), threads,
        [&](int i) {
            const int k = ks[static_cast<std::size_t>(i)];
            CostAndDistance cd;
            if (options.mode == SweepMode::Keep && !options.exact)
                cd = compareReducedRank(model, basis, k, batch, reference, prefix, cancelOnly);
            else
                cd = compareToReference(model,
                                        options.mode == SweepMode::Keep
                                            ? reducedRankWeights(model.W, basis, k)
                                            : removedRankWeights(model.W, basis, k),
                                        batch, reference, SimOptions{1}, cancelOnly);
            out.points[static_cast<std::size_t>(i)] = {k, cd.cost, cd.stateDistance,
                                                       cd.trialSquaredError, cd.trialDistance};
        },
        progress);
    return out;
}

int sufficientRank(const SweepResult& sweep, double factor) {
    int best = -1;
    for (const auto& p : sweep.points)
        if (p.cost <= factor * sweep.fullCost && (best < 0 || p.k < best))
            best = p.k;
    return best;
}

} // namespace opdims
