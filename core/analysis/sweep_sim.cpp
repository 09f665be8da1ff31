// A single-threaded simulation specialised for rank sweeps (see sweep_sim.h for the shortcuts).
#include "core/analysis/sweep_sim.h"

#include "core/base/error.h"
#include "core/base/fast_math.h"

#include <algorithm>
#include <numeric>

namespace opdims {

SharedPrefix findSharedPrefix(const Batch& batch) {
    SharedPrefix p;
    const int n = batch.trialCount();
    p.representative.assign(static_cast<std::size_t>(n), 0);
    if (batch.networkNoise || n == 0)
        return p;
    // The representative of a trial is the first trial with the same initial state.
    std::vector<int> repTrial(static_cast<std::size_t>(n));
    for (int j = 0; j < n; ++j) {
        int r = j;
        for (int i = 0; i < j; ++i)
            if (batch.trials[static_cast<std::size_t>(i)].x0Column ==
                batch.trials[static_cast<std::size_t>(j)].x0Column) {
                r = i;
                break;
            }
        repTrial[static_cast<std::size_t>(j)] = r;
        if (r == j)
            p.trials.push_back(j);
    }
    int shared = batch.steps;
    for (int t = 0; t < shared; ++t)
        for (int j = 0; j < n && t < shared; ++j)
            if (batch.u[static_cast<std::size_t>(t)].col(j) !=
                batch.u[static_cast<std::size_t>(t)].col(repTrial[static_cast<std::size_t>(j)]))
                shared = t;
    // Sharing only pays off when there are fewer representatives than trials.
    if (shared == 0 || static_cast<int>(p.trials.size()) == n) {
        p.trials.clear();
        return p;
    }
    p.steps = shared;
    for (int j = 0; j < n; ++j) {
        const int r = repTrial[static_cast<std::size_t>(j)];
        p.representative[static_cast<std::size_t>(j)] =
            static_cast<int>(std::find(p.trials.begin(), p.trials.end(), r) - p.trials.begin());
    }
    return p;
}

FactoredWeights factoredReducedRank(const Eigen::MatrixXd& W, const Basis& basis, int k) {
    if (k < 0 || k > basis.size() || basis.units() != W.rows())
        throw Error("cannot keep " + std::to_string(k) + " dimensions of the basis '" + basis.name +
                    "'");
    const auto Qk = basis.Q.leftCols(k);
    FactoredWeights f;
    if (basis.side == Side::Columns) {
        f.left = Qk;
        f.right = Qk.transpose() * W;
    } else {
        f.left = W * Qk;
        f.right = Qk.transpose();
    }
    return f;
}

CostAndDistance compareReducedRank(const Model& model, const Basis& basis, int k,
                                   const Batch& batch, const Trajectories& reference,
                                   const SharedPrefix& prefix, const Progress& progress) {
    const int trials = batch.trialCount();
    const Eigen::Index n = model.units();
    if (trials == 0 || batch.steps == 0)
        throw Error("the batch is empty");
    if (reference.steps() != batch.steps || reference.x.front().cols() != trials)
        throw Error("the reference run does not match the batch");
    // Network noise must follow simulate.cpp's streams exactly: take the plain path then.
    if (batch.networkNoise)
        return compareToReference(model, reducedRankWeights(model.W, basis, k), batch, reference,
                                  SimOptions{1}, progress);
    const bool factored = 2 * k < n;
    FactoredWeights f;
    Eigen::MatrixXd Wk;
    if (factored)
        f = factoredReducedRank(model.W, basis, k);
    else
        Wk = reducedRankWeights(model.W, basis, k);
    const double a = model.alpha();
    TrialSums sums(trials);

    auto run = [&](Eigen::MatrixXd& x, const std::vector<int>& cols, int t0, int t1,
                   const std::vector<int>* members) {
        const Eigen::Index c = x.cols();
        Eigen::MatrixXd r(n, c), drive(n, c), low(k, c), z(model.outputs(), c), u(batch.inputs, c);
        tanhInto(x, r);
        for (int t = t0; t < t1; ++t) {
            if (factored) {
                low.noalias() = f.right * r;
                drive.noalias() = f.left * low;
            } else {
                drive.noalias() = Wk * r;
            }
            const auto& ut = batch.u[static_cast<std::size_t>(t)];
            for (Eigen::Index j = 0; j < c; ++j)
                u.col(j) = ut.col(cols[static_cast<std::size_t>(j)]);
            drive.noalias() += model.W_in * u;
            drive.colwise() += model.b;
            x = (1.0 - a) * x + a * drive;
            tanhInto(x, r);
            z.noalias() = model.W_out * r;
            z.colwise() += model.b_z;
            const auto& yt = batch.y[static_cast<std::size_t>(t)];
            const auto& xr = reference.x[static_cast<std::size_t>(t)];
            // Every trial's own target and reference state, even when it shares its run.
            for (int j = 0; j < trials; ++j) {
                const Eigen::Index col = members ? (*members)[static_cast<std::size_t>(j)] : j;
                if (batch.mask.empty())
                    sums.addError(j, (z.col(col) - yt.col(j)).squaredNorm());
                else
                    sums.addError(j, ((z.col(col) - yt.col(j)).array() *
                                      batch.mask[static_cast<std::size_t>(t)].col(j).array())
                                         .square()
                                         .sum());
                sums.addDistance(j, (xr.col(j) - x.col(col)).norm());
            }
            if ((t & 31) == 0)
                progress.check();
        }
    };

    std::vector<int> all(static_cast<std::size_t>(trials));
    std::iota(all.begin(), all.end(), 0);
    Eigen::MatrixXd x(n, trials);
    if (prefix.steps > 0) {
        Eigen::MatrixXd xs(n, static_cast<Eigen::Index>(prefix.trials.size()));
        for (std::size_t i = 0; i < prefix.trials.size(); ++i)
            xs.col(static_cast<Eigen::Index>(i)) =
                model.x0.col(batch.trials[static_cast<std::size_t>(prefix.trials[i])].x0Column);
        run(xs, prefix.trials, 0, prefix.steps, &prefix.representative);
        for (int j = 0; j < trials; ++j)
            x.col(j) = xs.col(prefix.representative[static_cast<std::size_t>(j)]);
    } else {
        for (int j = 0; j < trials; ++j)
            x.col(j) = model.x0.col(batch.trials[static_cast<std::size_t>(j)].x0Column);
    }
    run(x, all, prefix.steps, batch.steps, nullptr);

    return sums.result(batch);
}

} // namespace opdims
