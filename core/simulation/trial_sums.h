// The one accumulator of cost and state distance (docs/method.md section 1): per-trial sums, added
// in trial order at the end, so that the result does not depend on how trials were chunked or
// spread over threads. Every forward pass that reports a cost or a state distance uses it.
#pragma once

#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace opdims {

struct CostAndDistance {
    CostAndDistance(double cost_ = 0.0, double stateDistance_ = 0.0,
                    std::vector<double> trialSquaredError_ = {},
                    std::vector<double> trialDistance_ = {})
        : cost(cost_), stateDistance(stateDistance_),
          trialSquaredError(std::move(trialSquaredError_)),
          trialDistance(std::move(trialDistance_)) {}
    double cost = 0.0;
    double stateDistance = 0.0;
    // Per trial, in batch order: the sum over outputs and steps of the squared output error, and
    // the sum over steps of the state distance (zero where no reference run was compared). The
    // per-condition effects (condition_effects.h) are made from them.
    std::vector<double> trialSquaredError;
    std::vector<double> trialDistance;
};

class TrialSums {
public:
    explicit TrialSums(int trials)
        : sse_(static_cast<std::size_t>(trials), 0.0),
          dist_(static_cast<std::size_t>(trials), 0.0) {}

    // Squared output errors of a chunk at one step: column j of z and y is trial first + j.
    template <typename Z, typename Y> void addErrors(Eigen::Index first, const Z& z, const Y& y) {
        const auto err = (z - y).array().square();
        for (Eigen::Index j = 0; j < z.cols(); ++j)
            sse_[static_cast<std::size_t>(first + j)] += err.col(j).sum();
    }
    // The same at step t of a batch, with the batch's mask when it has one.
    template <typename Z>
    void addErrors(Eigen::Index first, const Z& z, const Batch& batch, int t) {
        const auto y = batch.y[static_cast<std::size_t>(t)].middleCols(first, z.cols());
        if (batch.mask.empty()) {
            addErrors(first, z, y);
            return;
        }
        const auto m = batch.mask[static_cast<std::size_t>(t)].middleCols(first, z.cols());
        const auto err = ((z - y).array() * m.array()).square();
        for (Eigen::Index j = 0; j < z.cols(); ++j)
            sse_[static_cast<std::size_t>(first + j)] += err.col(j).sum();
    }
    // State distances of a chunk at one step: ||xref_{first+j} - x_j||.
    template <typename X, typename R>
    void addDistances(Eigen::Index first, const X& x, const R& reference) {
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            dist_[static_cast<std::size_t>(first + j)] +=
                (reference.col(first + j) - x.col(j)).norm();
    }
    // One trial's terms, for passes whose columns are not the batch's trials.
    void addError(int trial, double squaredError) {
        sse_[static_cast<std::size_t>(trial)] += squaredError;
    }
    void addDistance(int trial, double distance) {
        dist_[static_cast<std::size_t>(trial)] += distance;
    }

    // Mean over outputs, steps and trials of the squared error.
    double cost(int outputs, int steps) const {
        return costOver(static_cast<double>(outputs) * steps * static_cast<double>(sse_.size()));
    }
    // Sum of the squared errors over `count` entries (a batch's costCount()).
    double costOver(double count) const {
        return std::accumulate(sse_.begin(), sse_.end(), 0.0) / count;
    }
    // Mean over steps and trials of the state distance.
    double stateDistance(int steps) const {
        return std::accumulate(dist_.begin(), dist_.end(), 0.0) /
               (static_cast<double>(steps) * static_cast<double>(dist_.size()));
    }
    CostAndDistance result(int outputs, int steps) const {
        return {cost(outputs, steps), stateDistance(steps), sse_, dist_};
    }
    // Cost over the entries the batch's mask counts.
    CostAndDistance result(const Batch& batch) const {
        return {costOver(batch.costCount()), stateDistance(batch.steps), sse_, dist_};
    }

private:
    std::vector<double> sse_;
    std::vector<double> dist_;
};

} // namespace opdims
