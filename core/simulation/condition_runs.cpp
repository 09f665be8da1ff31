// Condition averages, outputs, cost and state distance of a batch in one simulation pass.
#include "core/simulation/condition_runs.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/linalg.h"

#include <algorithm>
#include <map>
#include <utility>

namespace opdims {

namespace {

// Condition sums are kept per (block of kTrialBlock trials, condition) and added in block order
// at the end: a block never spans two chunks, so the sums do not depend on the thread count.
struct AverageSlots {
    std::vector<int> ofTrial;     // slot of each trial, -1 for trials of no condition
    std::vector<int> conditionOf; // condition of each slot; slots are ordered by block
};

AverageSlots averageSlots(const Batch& batch, const ConditionGroups& groups) {
    const int trials = batch.trialCount();
    const int blocks = std::max(1, trials / kTrialBlock);
    AverageSlots s;
    s.ofTrial.assign(static_cast<std::size_t>(trials), -1);
    std::map<std::pair<int, int>, int> slot;
    for (int j = 0; j < trials; ++j) {
        const int cond = groups.ofTrial[static_cast<std::size_t>(j)];
        if (cond < 0)
            continue;
        const int block = std::min(j / kTrialBlock, blocks - 1);
        const auto [it, added] = slot.emplace(std::pair{block, cond}, 0);
        if (added) {
            it->second = static_cast<int>(s.conditionOf.size());
            s.conditionOf.push_back(cond);
        }
        s.ofTrial[static_cast<std::size_t>(j)] = it->second;
    }
    return s;
}

ConditionRun runBatch(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                      const ConditionGroups& groups, const ReferenceRun* reference,
                      Trajectories* keep, const SimOptions& options, const Progress& progress) {
    const int trials = batch.trialCount();
    const int steps = batch.steps;
    const Eigen::Index n = model.units();
    if (trials == 0 || steps == 0)
        throw Error("the batch is empty");
    if (W.rows() != n || W.cols() != n)
        throw Error("the weight matrix does not match the network's " + std::to_string(n) +
                    " units");
    if (static_cast<int>(groups.ofTrial.size()) != trials)
        throw Error("the condition groups do not match the batch");
    if (reference && (reference->trajectories.steps() != steps ||
                      reference->trajectories.x.front().cols() != trials))
        throw Error("the reference run does not match the batch");
    const AverageSlots slots = averageSlots(batch, groups);
    limits::checkMemory("the condition averages of " + std::to_string(groups.count()) +
                            " conditions x " + std::to_string(steps) + " steps",
                        static_cast<double>(slots.conditionOf.size()) * n * steps * 8.0);
    std::vector<Eigen::MatrixXd> partial(slots.conditionOf.size(), Eigen::MatrixXd::Zero(n, steps));
    TrialSums sums(trials);
    ConditionRun out;
    out.output.resize(steps, trials);
    if (keep) {
        limits::checkMemory("storing the states of " + std::to_string(trials) + " trials x " +
                                std::to_string(steps) + " steps x " + std::to_string(n) + " units",
                            static_cast<double>(trials) * steps * (n + model.outputs()) * 8.0);
        keep->x.assign(static_cast<std::size_t>(steps), Eigen::MatrixXd(n, trials));
        keep->z.assign(static_cast<std::size_t>(steps), Eigen::MatrixXd(model.outputs(), trials));
    }
    forTrialChunks(batch, options, progress, [&](int first, int count) {
        Eigen::MatrixXd z(model.outputs(), count);
        runTrials(model, W, batch, first, count,
                  [&](int t, Eigen::Index f, const Eigen::MatrixXd& x, const Eigen::MatrixXd& r) {
                      modelOutputs(model, r, z);
                      sums.addErrors(f, z, batch, t);
                      out.output.row(t).segment(f, count) = z.row(0);
                      for (Eigen::Index j = 0; j < count; ++j) {
                          const int s = slots.ofTrial[static_cast<std::size_t>(f + j)];
                          if (s >= 0)
                              partial[static_cast<std::size_t>(s)].col(t) += x.col(j);
                      }
                      if (reference)
                          sums.addDistances(f, x,
                                            reference->trajectories.x[static_cast<std::size_t>(t)]);
                      if (keep) {
                          keep->x[static_cast<std::size_t>(t)].middleCols(f, count) = x;
                          keep->z[static_cast<std::size_t>(t)].middleCols(f, count) = z;
                      }
                      if ((t & 31) == 0)
                          progress.check();
                  });
    });
    out.averages.assign(static_cast<std::size_t>(groups.count()), Eigen::MatrixXd::Zero(n, steps));
    for (std::size_t s = 0; s < partial.size(); ++s)
        out.averages[static_cast<std::size_t>(slots.conditionOf[s])] += partial[s];
    for (int i = 0; i < groups.count(); ++i)
        if (const int c = groups.trialCount[static_cast<std::size_t>(i)]; c > 0)
            out.averages[static_cast<std::size_t>(i)] /= c;
    CostAndDistance cd = sums.result(batch);
    out.cost = cd.cost;
    out.stateDistance = reference ? cd.stateDistance : 0.0;
    out.trialSquaredError = std::move(cd.trialSquaredError);
    out.trialDistance = std::move(cd.trialDistance);
    if (keep)
        keep->cost = out.cost;
    return out;
}

} // namespace

ConditionRun runConditions(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                           const ConditionGroups& groups, const ReferenceRun* reference,
                           const SimOptions& options, const Progress& progress) {
    return runBatch(model, W, batch, groups, reference, nullptr, options, progress);
}

ReferenceRun referenceRun(const Model& model, const Batch& batch, const ConditionGroups& groups,
                          const SimOptions& options, const Progress& progress) {
    ReferenceRun ref;
    ref.run =
        runBatch(model, model.W, batch, groups, nullptr, &ref.trajectories, options, progress);
    // Activity statistics over every step and trial, summed in step order.
    const Eigen::Index n = model.units();
    Eigen::MatrixXd scatter = Eigen::MatrixXd::Zero(n, n);
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(n);
    for (const Eigen::MatrixXd& x : ref.trajectories.x) {
        scatter.selfadjointView<Eigen::Lower>().rankUpdate(x);
        sum += x.rowwise().sum();
        progress.check();
    }
    const double samples = static_cast<double>(batch.steps) * batch.trialCount();
    ref.mean = sum / samples;
    Eigen::MatrixXd cov = scatter.selfadjointView<Eigen::Lower>();
    cov = cov / samples - ref.mean * ref.mean.transpose();
    const linalg::SymmetricEigen eig = linalg::symmetricEigen(cov);
    // Eigenvalues ascend; the views want the largest variance first.
    ref.pcs = eig.vectors.rowwise().reverse();
    ref.pcVariance = eig.values.reverse().cwiseMax(0.0);
    return ref;
}

Eigen::MatrixXd projectStates(const Eigen::MatrixXd& states, const Eigen::MatrixXd& axes,
                              const Eigen::VectorXd& mean) {
    return axes.transpose() * (states.colwise() - mean);
}

} // namespace opdims
