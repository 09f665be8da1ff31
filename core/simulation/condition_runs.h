// Runs of a batch as the explorer shows them: cost, state distance, condition-average
// trajectories, outputs and the activity principal components of the full network.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/simulation/simulate.h"
#include "core/tasks/conditions.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <vector>

namespace opdims {

// One run of the batch with some W.
struct ConditionRun {
    double cost = 0.0;          // as evaluateCost, bit for bit
    double stateDistance = 0.0; // to the reference run (as compareToReference); 0 without one
    std::vector<Eigen::MatrixXd> averages; // per condition: N x steps, the condition-average states
    Eigen::MatrixXd output;                // steps x trials, output 0 (both tasks have M = 1)
    // Per trial: sums of squared errors and of state distances (condition_effects.h).
    std::vector<double> trialSquaredError;
    std::vector<double> trialDistance;
};

// The full network's run kept as the reference: every state (for state distances) and the
// principal components of its activity.
struct ReferenceRun {
    ConditionRun run;
    Trajectories trajectories; // every state and output
    Eigen::VectorXd mean;      // mean state over steps and trials
    Eigen::MatrixXd pcs;       // N x N, columns ordered by variance
    Eigen::VectorXd pcVariance;
};

// Simulates the batch with W: cost, condition averages and outputs, and with a reference run of
// the same batch the state distance to it. Every result is bit-identical for any thread count.
ConditionRun runConditions(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                           const ConditionGroups& groups, const ReferenceRun* reference,
                           const SimOptions& options = {}, const Progress& progress = {});

// The full network's run with its activity principal components.
ReferenceRun referenceRun(const Model& model, const Batch& batch, const ConditionGroups& groups,
                          const SimOptions& options = {}, const Progress& progress = {});

// Projects states (N x S) onto axes (N x d) about `mean`: d x S.
Eigen::MatrixXd projectStates(const Eigen::MatrixXd& states, const Eigen::MatrixXd& axes,
                              const Eigen::VectorXd& mean);

} // namespace opdims
