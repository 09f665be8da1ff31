// Live ablation (the explorer's core): everything about an opened network that does not change
// while dimensions are ablated (the grid batch or a trial set, its condition averages, the
// reference run, sampling locations, bases), and the computation of one ablation request.
#pragma once

#include "core/analysis/basis.h"
#include "core/analysis/basis_names.h"
#include "core/analysis/global_dims.h"
#include "core/analysis/local_dims.h"
#include "core/analysis/sampling.h"
#include "core/base/progress.h"
#include "core/fixed_points/fixed_points.h"
#include "core/model/model.h"
#include "core/simulation/condition_runs.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace opdims {

// A basis the user can ablate, with what the variance-explained plot needs.
struct NamedBasis {
    BasisName name;
    std::string key; // formatBasisName(name), the stable id: "pc", "op-columns:ctxt1", ...
    std::shared_ptr<const Basis> basis;
    Eigen::VectorXd varianceExplained; // of W (PC) or of L (operative)
};

struct ModelAnalysis {
    std::shared_ptr<const Model> model;
    TaskKind task = TaskKind::Unknown; // the network's task, or Data for a trial set
    // The batch analysed: the noise-free grid batch, or the trial set (the same object as
    // trialSet, not a copy: a trial set can be large).
    std::shared_ptr<const Batch> batchData;
    const Batch& batch() const { return *batchData; }
    std::shared_ptr<const Batch> trialSet; // the trial set analysed; null for the task's grid
    ConditionGroups conditions;            // the conditions drawn (viewConditions)
    ReferenceRun reference;
    // The paper's sampling locations; a trial set's at its sampling conditions and times.
    std::vector<SamplingLocation> locations;
    Eigen::MatrixXd locationStates; // the same as columns (N x count)
    Eigen::MatrixXd locationFlow;   // recurrentFlow of the full W at each location
    std::vector<LocalDimensions> localColumns;
    // PC dimensions, global operative column dimensions and (ctxt) the function-specific column
    // dimensions; row dimensions need a long job (operativeRowBases).
    std::vector<NamedBasis> bases;
    double seconds = 0.0; // time taken to prepare all this
};

// Simulates the grid batch with the full W, finds the sampling locations and the quick bases.
// The grid of the flipflop and decision tasks is a trial set in memory: task Data, as below.
// Throws Error when the network fits no task, Cancelled when the flag is set.
std::shared_ptr<const ModelAnalysis> analyseModel(std::shared_ptr<const Model> model,
                                                  bool allFrequencies,
                                                  const Progress& progress = {});
// The same on a trial set (a Batch of task Data, readTrialSet) instead of the task's grid: its
// trials (mask respected), its conditions (viewConditions, analysisConditions) and sampling times
// (defaultSamplingTimes); a trial set has only the global operative bases, no function-specific
// ones. Null `trials` is the overload above. Throws Error naming the file when the network does
// not fit the set (checkModelFitsBatch).
std::shared_ptr<const ModelAnalysis> analyseModel(std::shared_ptr<const Model> model,
                                                  std::shared_ptr<const Batch> trials,
                                                  bool allFrequencies,
                                                  const Progress& progress = {});

// The constant input fixed points are searched under when none is chosen: the task's default
// problem (ctxt context 1, swg frequency id 26); for a trial set the input of its first sampling
// condition at defaultTrialSetTime (trialSetInputs), which for the ctxt grid written as a trial
// set is the context-1 input alone, the task's own default.
Eigen::VectorXd defaultFixedPointInput(const ModelAnalysis& analysis);
// A trial set's fixed-point inputs: the input of each of its conditions (the order of
// analysis.conditions) at 1-based time t (conditionInput, averaged over the condition's
// trials), with condition.label and description set. Their batch is empty: a search starts from
// the set's own trials (withStarts), which are not copied once per input.
std::vector<FixedPointProblem> trialSetInputs(const ModelAnalysis& analysis, int t);
// The condition index (into analysis.conditions) of the default trial-set input.
int defaultTrialSetInput(const ModelAnalysis& analysis);
// The 1-based time of the default trial-set input: for a network of a generated task (flipflop,
// decision) the first time at which that condition's input is the task's rest input
// (generatedRestInput: every bit held, the fixation cue alone), where its attractors are; 1
// otherwise or when the input never rests.
int defaultTrialSetTime(const ModelAnalysis& analysis);
// The problem with the analysis' batch as its starts when it has none (a trial-set input).
FixedPointProblem withStarts(const ModelAnalysis& analysis, FixedPointProblem problem);

// Global and function-specific operative bases from local dimensions of one side.
std::vector<NamedBasis> operativeBases(const ModelAnalysis& analysis,
                                       const std::vector<LocalDimensions>& local, Side side);

// The long job: local row dimensions at every sampling location, then the row bases.
std::vector<NamedBasis> operativeRowBases(const ModelAnalysis& analysis,
                                          const Progress& progress = {});

// The quick fixed-point search of live ablation: fixed points of W under input u, started from
// the sampling locations (no eigenvectors: only the slow and unstable directions are drawn).
FixedPointResult quickFixedPoints(const ModelAnalysis& analysis, const Eigen::MatrixXd& W,
                                  const Eigen::VectorXd& input, const Progress& progress = {});

// One ablation: the reduced-rank weight matrix keeping the chosen dimensions of a basis, its run
// of the grid batch against the reference, its flow at the sampling locations and, on request,
// its fixed points under an input (empty: the task's default fixed-point problem) with the full
// network's points they continue (counterpartPoints, for comparing their linearisations).
struct AblationOptions {
    // false: W keeps the chosen dimensions (the reduced-rank weight matrix); true: they are
    // removed from W (W minus its projection onto them), the paper's function-specific test.
    bool remove = false;
    bool fixedPoints = false;
    Eigen::VectorXd fixedPointInput;
};

struct Ablation {
    Eigen::MatrixXd W;            // the reduced-rank weight matrix (or W with dimensions removed)
    int kept = 0;                 // dimensions of the basis kept (all but the removed ones)
    ConditionRun run;             // cost, state distance, condition averages, outputs
    Eigen::MatrixXd locationFlow; // recurrentFlow of W at the sampling locations
    std::optional<FixedPointResult> fixedPoints;
    std::optional<FixedPointResult> fullFixedPoints; // the full network's counterparts
    Eigen::VectorXd fixedPointInput;                 // the input u they were searched under
};

// `chosen[i]`: dimension i is kept (or, with options.remove, removed).
Ablation ablate(const ModelAnalysis& analysis, const Basis& basis, const std::vector<bool>& chosen,
                const AblationOptions& options = {}, const Progress& progress = {});

} // namespace opdims
