// Plain computations behind the explorer's views: condition averages, activity PCs, evaluated runs.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <memory>
#include <vector>

namespace opdims::explorer {

// Which trials of a batch are averaged into each condition-average trajectory.
struct Conditions {
    std::vector<int> ofTrial;              // condition of each trial of the batch, -1 for none
    std::vector<TrialInfo> representative; // what defines each condition (for labels)
    std::vector<int> trialCount;           // trials averaged per condition
    int count() const { return static_cast<int>(representative.size()); }
};

// ctxt: the paper's 8 conditions, context x sign(coh1) x sign(coh2). swg: frequency ids
// 1, 6, ..., 51 (the paper's 11 conditions) or every frequency id of the batch.
Conditions conditionsFor(const Batch& batch, bool allFrequencies = false);

// One run of the batch with some W: what the views show.
struct RunResult {
    double cost = 0.0;
    double stateDistance = 0.0;            // to the reference run; 0 without one
    std::vector<Eigen::MatrixXd> averages; // per condition: N x steps
    Eigen::MatrixXd output;                // steps x trials, output 0 (both tasks have M = 1)
};

// The full network's run kept as the reference: every state (for state distances) and the
// principal components of its activity (the default 3D axes).
struct Reference {
    RunResult run;
    std::vector<Eigen::MatrixXd> x; // x[t]: N x trials
    Eigen::VectorXd mean;           // mean state over steps and trials
    Eigen::MatrixXd pcs;            // N x N, columns ordered by variance
    Eigen::VectorXd pcVariance;     // variance along each PC
};

// Simulates the batch with W, accumulating cost, condition averages, outputs and, when a
// reference is given, the state distance to it. Threads run chunks of trials.
RunResult evaluateRun(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                      const Conditions& conditions, const Reference* reference,
                      const Progress& progress = {});

// The reference run of the full network.
Reference makeReference(const Model& model, const Batch& batch, const Conditions& conditions,
                        const Progress& progress = {});

// Projects condition averages (N x steps) onto axes (N x 3) about `mean`: 3 x steps.
Eigen::MatrixXd project(const Eigen::MatrixXd& states, const Eigen::MatrixXd& axes,
                        const Eigen::VectorXd& mean);

} // namespace opdims::explorer
