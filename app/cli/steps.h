// The computations behind the analysis commands, given parsed arguments: `opdims evaluate`,
// `sweep`, `local`, `global`, `fixed-points` and `train` print or save these results, and
// `opdims batch` stores them in its result files. One code path, so a batch step gives the
// command's result bit for bit.
#pragma once

#include "app/cli/command.h"
#include "core/analysis/basis.h"
#include "core/analysis/global_dims.h"
#include "core/analysis/local_dims.h"
#include "core/analysis/sweep.h"
#include "core/base/progress.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/starts.h"
#include "core/fixed_points/summary.h"
#include "core/model/model.h"
#include "core/simulation/condition_effects.h"
#include "core/simulation/simulate.h"
#include "core/tasks/task.h"
#include "core/train/train.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace opdims::cli {

// `opdims evaluate`: the cost of the network on the batch of --batch, --trials, --seed.
struct EvaluateStep {
    TaskKind task = TaskKind::Unknown;
    Batch batch;
    std::string weights; // "full", or the basis and dimensions kept or removed
    double cost = 0.0;
    CostAndDistance sums; // with the per-trial sums (per-condition effects)
    // With --accuracy, and always for flipflop and decision: how often the output's sign is right.
    std::optional<SignAccuracy> accuracy;
};
EvaluateStep runEvaluate(const Args& args, const Model& m, const Progress& basisProgress = {});

// The weights of --basis (or --basis-file) with --rank K (keep the first K), --keep LIST or
// --remove LIST (1-based dimension numbers, e.g. 1-8 or 2,5): the model's W when no basis is
// given. `label` says which ("full", "op-columns: 1-8 removed", ...).
Eigen::MatrixXd selectedWeights(const Args& args, const Model& m, TaskKind task,
                                const Progress& progress, std::string& label);
// The options of selectedWeights (for the commands that take them).
std::vector<OptionSpec> selectionOptions();

// `opdims sweep`: the basis of --basis or --basis-file and the rank sweep over --ks.
struct SweepStep {
    TaskKind task = TaskKind::Unknown;
    Batch batch; // the batch the costs were measured on
    Basis basis;
    SweepResult sweep;
};
SweepStep runSweep(const Args& args, const Model& m, const Progress& basisProgress,
                   const Progress& sweepProgress);

// `opdims local`: local operative dimensions of --type at every sampling location.
struct LocalStep {
    TaskKind task = TaskKind::Unknown;
    Side side = Side::Columns;
    Batch batch;
    std::vector<LocalDimensions> local;
};
LocalStep runLocal(const Args& args, const Model& m, const Progress& progress);

// `opdims global`: global operative dimensions of --type.
struct GlobalStep {
    TaskKind task = TaskKind::Unknown;
    Side side = Side::Columns;
    GlobalDimensions global;
};
GlobalStep runGlobal(const Args& args, const Model& m, const Progress& progress);

// `opdims fixed-points`: the search for --context or --input on the full or reduced W.
struct FixedPointsStep {
    TaskKind task = TaskKind::Unknown;
    FixedPointProblem problem;
    std::string weights; // "full" or "BASIS rank K"
    StartOptions starts;
    FixedPointOptions options;
    FixedPointResult result;
    PointSetSummary summary;
};
FixedPointsStep runFixedPointsStep(const Args& args, const Model& m, const Progress& basisProgress,
                                   const Progress& searchProgress);

// `opdims train`: the run prepared from the options (new, from a network file or resumed from a
// checkpoint), ready for train(); the options of a resumed run override its stored ones.
TrainState prepareTraining(const Args& args);
// After training: the model's task, and its name when it had none of its own.
void nameTrainedModel(TrainState& state);
// The command as typed (options in alphabetical order), for a model's provenance.
std::string commandLine(const std::string& command, const Args& args);

} // namespace opdims::cli
