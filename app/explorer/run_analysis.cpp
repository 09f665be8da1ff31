// Condition averages, reference activity PCs and evaluated runs, one simulation pass each.
#include "app/explorer/run_analysis.h"

#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/simulation/simulate.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace opdims::explorer {

namespace {

Conditions ctxtConditions(const Batch& batch) {
    Conditions c;
    c.trialCount.assign(8, 0);
    c.representative.resize(8);
    for (int ctx = 1; ctx <= 2; ++ctx)
        for (int s1 = 0; s1 < 2; ++s1)
            for (int s2 = 0; s2 < 2; ++s2) {
                TrialInfo& t =
                    c.representative[static_cast<std::size_t>((ctx - 1) * 4 + s1 * 2 + s2)];
                t.context = ctx;
                t.coh1 = s1 == 0 ? 1.0 : -1.0;
                t.coh2 = s2 == 0 ? 1.0 : -1.0;
            }
    for (const TrialInfo& t : batch.trials) {
        int k = -1;
        // Zero coherence belongs to no sign group; the paper's grid never has it.
        if ((t.context == 1 || t.context == 2) && t.coh1 != 0.0 && t.coh2 != 0.0)
            k = (t.context - 1) * 4 + (t.coh1 > 0 ? 0 : 2) + (t.coh2 > 0 ? 0 : 1);
        c.ofTrial.push_back(k);
        if (k >= 0)
            ++c.trialCount[static_cast<std::size_t>(k)];
    }
    return c;
}

Conditions swgConditions(const Batch& batch, bool all) {
    std::map<int, int> index; // frequency id -> condition
    for (const TrialInfo& t : batch.trials)
        if (all || (t.freqId - 1) % 5 == 0)
            index.emplace(t.freqId, 0);
    Conditions c;
    for (auto& [id, k] : index) {
        k = c.count();
        TrialInfo t;
        t.freqId = id;
        c.representative.push_back(t);
    }
    c.trialCount.assign(index.size(), 0);
    for (const TrialInfo& t : batch.trials) {
        const auto it = index.find(t.freqId);
        const int k = it == index.end() ? -1 : it->second;
        c.ofTrial.push_back(k);
        if (k >= 0)
            ++c.trialCount[static_cast<std::size_t>(k)];
    }
    return c;
}

// Per-chunk sums, merged after the threads finish so no two threads touch the same numbers.
struct ChunkSums {
    std::vector<Eigen::MatrixXd> averages;
    double sse = 0.0;
    double distance = 0.0;
    Eigen::MatrixXd scatter; // sum of x x^T (reference run only)
    Eigen::VectorXd sum;     // sum of x (reference run only)
};

RunResult runBatch(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                   const Conditions& conditions, const Reference* reference, Reference* keep,
                   const Progress& progress) {
    const int trials = batch.trialCount();
    const int steps = batch.steps;
    const Eigen::Index n = model.units();
    if (trials == 0 || steps == 0)
        throw Error("the batch is empty");
    if (W.rows() != n || W.cols() != n)
        throw Error("the weight matrix does not match the network's " + std::to_string(n) +
                    " units");
    const int chunks = std::max(1, std::min(defaultThreadCount(), trials));
    std::vector<ChunkSums> sums(static_cast<std::size_t>(chunks));
    RunResult out;
    out.output.resize(steps, trials);
    if (keep)
        keep->x.assign(static_cast<std::size_t>(steps), Eigen::MatrixXd(n, trials));
    const int k = conditions.count();
    parallelFor(
        chunks, chunks,
        [&](int c) {
            const int first = static_cast<int>(static_cast<long long>(trials) * c / chunks);
            const int last = static_cast<int>(static_cast<long long>(trials) * (c + 1) / chunks);
            const int count = last - first;
            if (count <= 0)
                return;
            ChunkSums& s = sums[static_cast<std::size_t>(c)];
            s.averages.assign(static_cast<std::size_t>(k), Eigen::MatrixXd::Zero(n, steps));
            if (keep) {
                s.scatter = Eigen::MatrixXd::Zero(n, n);
                s.sum = Eigen::VectorXd::Zero(n);
            }
            Eigen::MatrixXd z(model.outputs(), count);
            runTrials(
                model, W, batch, first, count,
                [&](int t, Eigen::Index f, const Eigen::MatrixXd& x, const Eigen::MatrixXd& r) {
                    z.noalias() = model.W_out * r;
                    z.colwise() += model.b_z;
                    s.sse += (z - batch.y[t].middleCols(f, count)).squaredNorm();
                    out.output.row(t).segment(f, count) = z.row(0);
                    for (Eigen::Index j = 0; j < count; ++j) {
                        const int cond = conditions.ofTrial[static_cast<std::size_t>(f + j)];
                        if (cond >= 0)
                            s.averages[static_cast<std::size_t>(cond)].col(t) += x.col(j);
                    }
                    if (reference)
                        for (Eigen::Index j = 0; j < count; ++j)
                            s.distance +=
                                (reference->x[static_cast<std::size_t>(t)].col(f + j) - x.col(j))
                                    .norm();
                    if (keep) {
                        keep->x[static_cast<std::size_t>(t)].middleCols(f, count) = x;
                        s.scatter.selfadjointView<Eigen::Lower>().rankUpdate(x);
                        s.sum += x.rowwise().sum();
                    }
                    if ((t & 31) == 0)
                        progress.check();
                });
        },
        progress);
    out.averages.assign(static_cast<std::size_t>(k), Eigen::MatrixXd::Zero(n, steps));
    double sse = 0.0, distance = 0.0;
    for (const ChunkSums& s : sums) {
        sse += s.sse;
        distance += s.distance;
        for (int i = 0; i < k && !s.averages.empty(); ++i)
            out.averages[static_cast<std::size_t>(i)] += s.averages[static_cast<std::size_t>(i)];
    }
    for (int i = 0; i < k; ++i)
        if (conditions.trialCount[static_cast<std::size_t>(i)] > 0)
            out.averages[static_cast<std::size_t>(i)] /=
                conditions.trialCount[static_cast<std::size_t>(i)];
    out.cost = sse / (static_cast<double>(model.outputs()) * steps * trials);
    out.stateDistance = reference ? distance / (static_cast<double>(steps) * trials) : 0.0;
    if (keep) {
        Eigen::MatrixXd scatter = Eigen::MatrixXd::Zero(n, n);
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(n);
        for (const ChunkSums& s : sums)
            if (s.scatter.size() > 0) {
                scatter += s.scatter;
                sum += s.sum;
            }
        const double samples = static_cast<double>(steps) * trials;
        keep->mean = sum / samples;
        Eigen::MatrixXd cov = scatter.selfadjointView<Eigen::Lower>();
        cov = cov / samples - keep->mean * keep->mean.transpose();
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
        // Eigen sorts ascending; the views want the largest variance first.
        keep->pcs = eig.eigenvectors().rowwise().reverse();
        keep->pcVariance = eig.eigenvalues().reverse().cwiseMax(0.0);
    }
    return out;
}

} // namespace

Conditions conditionsFor(const Batch& batch, bool allFrequencies) {
    if (batch.task == TaskKind::Ctxt)
        return ctxtConditions(batch);
    if (batch.task == TaskKind::Swg)
        return swgConditions(batch, allFrequencies);
    throw Error("condition averages need a ctxt or swg batch");
}

RunResult evaluateRun(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                      const Conditions& conditions, const Reference* reference,
                      const Progress& progress) {
    return runBatch(model, W, batch, conditions, reference, nullptr, progress);
}

Reference makeReference(const Model& model, const Batch& batch, const Conditions& conditions,
                        const Progress& progress) {
    Reference ref;
    ref.run = runBatch(model, model.W, batch, conditions, nullptr, &ref, progress);
    return ref;
}

Eigen::MatrixXd project(const Eigen::MatrixXd& states, const Eigen::MatrixXd& axes,
                        const Eigen::VectorXd& mean) {
    return axes.transpose() * (states.colwise() - mean);
}

} // namespace opdims::explorer
