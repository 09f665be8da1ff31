// Prepares a ModelAnalysis: one reference run of the grid batch (or a trial set), sampling
// locations, quick bases.
#include "core/ablation/model_analysis.h"

#include "core/analysis/pc_dims.h"
#include "core/base/error.h"
#include "core/fixed_points/flow.h"
#include "core/fixed_points/table.h"
#include "core/tasks/generated.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace opdims {

std::vector<NamedBasis> operativeBases(const ModelAnalysis& analysis,
                                       const std::vector<LocalDimensions>& local, Side side) {
    std::vector<NamedBasis> out;
    for (const BasisName& name : operativeBasisNames(analysis.task, side)) {
        GlobalDimensions g = globalDimensions(
            local, side, locationSubset(analysis.task, name.subset, name.frequency));
        NamedBasis nb;
        nb.name = name;
        nb.key = formatBasisName(name);
        nb.varianceExplained = g.varianceExplained;
        nb.basis = std::make_shared<const Basis>(std::move(g.basis));
        out.push_back(std::move(nb));
    }
    return out;
}

std::shared_ptr<const ModelAnalysis> analyseModel(std::shared_ptr<const Model> model,
                                                  bool allFrequencies, const Progress& progress) {
    return analyseModel(std::move(model), nullptr, allFrequencies, progress);
}

std::shared_ptr<const ModelAnalysis> analyseModel(std::shared_ptr<const Model> model,
                                                  std::shared_ptr<const Batch> trials,
                                                  bool allFrequencies, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    auto a = std::make_shared<ModelAnalysis>();
    a->model = model;
    if (trials) {
        if (trials->task != TaskKind::Data)
            throw Error(trials->source + ": not a trial set (a batch of the " +
                        taskName(trials->task) + " task)");
        checkModelFitsBatch(*model, *trials, model->name);
        a->task = TaskKind::Data;
        a->batchData = trials;
        a->trialSet = std::move(trials);
    } else {
        // A network trained on a trial set is shown on the grid of the task its sizes fit.
        a->task = model->task == TaskKind::Unknown || model->task == TaskKind::Data
                      ? guessTask(*model)
                      : model->task;
        if (a->task == TaskKind::Unknown)
            throw Error(model->name + ": the network fits none of the built-in tasks (" +
                        std::to_string(model->inputs()) + " inputs, " +
                        std::to_string(model->outputs()) + " outputs): open a trial set for it");
        checkModelFitsTask(*model, a->task, model->name);
        if (isGeneratedTask(a->task)) {
            // flipflop and decision are made as trial sets (core/tasks/generated.h): their grid
            // is analysed as one, with its labels, phases and mask.
            a->batchData = std::make_shared<const Batch>(generatedGridBatch(a->task));
            checkModelFitsBatch(*model, a->batch(), model->name);
            a->task = TaskKind::Data;
        } else {
            a->batchData = std::make_shared<const Batch>(makeGridBatch(a->task, model->dt));
        }
    }
    a->conditions = groupTrials(a->batch(), viewConditions(a->batch(), allFrequencies));
    a->reference = referenceRun(*model, a->batch(), a->conditions, {}, progress);

    a->locations = samplingLocations(*model, a->task, a->batch(), analysisConditions(a->batch()),
                                     defaultSamplingTimes(a->batch()), progress);
    a->locationStates.resize(model->units(), static_cast<Eigen::Index>(a->locations.size()));
    for (std::size_t i = 0; i < a->locations.size(); ++i)
        a->locationStates.col(static_cast<Eigen::Index>(i)) = a->locations[i].x;
    a->locationFlow = recurrentFlow(model->alpha(), model->W, a->locationStates);
    a->localColumns = localDimensions(*model, a->locations, Side::Columns, {}, progress);

    const PcDimensions pc = pcDimensions(model->W);
    NamedBasis pcb;
    pcb.name = BasisName{};
    pcb.key = formatBasisName(pcb.name);
    pcb.basis = std::make_shared<const Basis>(pcBasis(model->W));
    pcb.varianceExplained = pc.varianceExplained;
    a->bases.push_back(std::move(pcb));
    for (NamedBasis& nb : operativeBases(*a, a->localColumns, Side::Columns))
        a->bases.push_back(std::move(nb));
    a->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return a;
}

int defaultTrialSetInput(const ModelAnalysis& analysis) {
    const std::vector<Condition> sampled = analysisConditions(analysis.batch());
    const int at = sampled.empty() ? -1 : indexOf(analysis.conditions.conditions, sampled.front());
    return std::max(0, at);
}

std::vector<FixedPointProblem> trialSetInputs(const ModelAnalysis& analysis, int t) {
    std::vector<FixedPointProblem> out;
    for (const Condition& c : analysis.conditions.conditions) {
        FixedPointProblem p;
        p.input = conditionInput(analysis.batch(), c.label, t);
        p.condition.label = c.label;
        p.description = "input of " + c.label + " at t = " + std::to_string(t);
        out.push_back(std::move(p));
    }
    return out;
}

int defaultTrialSetTime(const ModelAnalysis& analysis) {
    if (analysis.task != TaskKind::Data || !analysis.model ||
        !isGeneratedTask(analysis.model->task) || analysis.conditions.conditions.empty() ||
        analysis.batch().inputs != generatedInputs(analysis.model->task))
        return 1;
    const Eigen::VectorXd rest = generatedRestInput(analysis.model->task);
    const Condition& c =
        analysis.conditions.conditions.at(static_cast<std::size_t>(defaultTrialSetInput(analysis)));
    for (int t = 1; t <= analysis.batch().steps; ++t)
        if (conditionInput(analysis.batch(), c.label, t) == rest)
            return t;
    return 1;
}

Eigen::VectorXd defaultFixedPointInput(const ModelAnalysis& analysis) {
    if (analysis.task == TaskKind::Data) {
        const Condition& c = analysis.conditions.conditions.at(
            static_cast<std::size_t>(defaultTrialSetInput(analysis)));
        return conditionInput(analysis.batch(), c.label, defaultTrialSetTime(analysis));
    }
    return fixedPointProblems(
               *analysis.model,
               analysis.task)[static_cast<std::size_t>(defaultFixedPointProblem(analysis.task))]
        .input;
}

FixedPointProblem withStarts(const ModelAnalysis& analysis, FixedPointProblem problem) {
    if (problem.batch.trials.empty())
        problem.batch = analysis.batch();
    return problem;
}

std::vector<NamedBasis> operativeRowBases(const ModelAnalysis& analysis, const Progress& progress) {
    const std::vector<LocalDimensions> rows =
        localDimensions(*analysis.model, analysis.locations, Side::Rows, {}, progress);
    return operativeBases(analysis, rows, Side::Rows);
}

FixedPointResult quickFixedPoints(const ModelAnalysis& analysis, const Eigen::MatrixXd& W,
                                  const Eigen::VectorXd& input, const Progress& progress) {
    FixedPointOptions options;
    options.eigenvectors = false;
    return findFixedPoints(*analysis.model, W, input, analysis.locationStates, options, progress);
}

Ablation ablate(const ModelAnalysis& analysis, const Basis& basis, const std::vector<bool>& chosen,
                const AblationOptions& options, const Progress& progress) {
    const ModelAnalysis& a = analysis;
    Ablation out;
    const int count = static_cast<int>(std::count(chosen.begin(), chosen.end(), true));
    out.W = options.remove ? removeSelectedDimensions(a.model->W, basis, chosen)
                           : keepDimensions(a.model->W, basis, chosen);
    out.kept = options.remove ? basis.size() - count : count;
    out.run = runConditions(*a.model, out.W, a.batch(), a.conditions, &a.reference, {}, progress);
    out.locationFlow = recurrentFlow(a.model->alpha(), out.W, a.locationStates);
    if (options.fixedPoints) {
        out.fixedPointInput = options.fixedPointInput.size() > 0 ? options.fixedPointInput
                                                                 : defaultFixedPointInput(a);
        out.fixedPoints = quickFixedPoints(a, out.W, out.fixedPointInput, progress);
        out.fullFixedPoints =
            counterpartPoints(*a.model, out.fixedPointInput, out.fixedPoints->points, {}, progress);
    }
    return out;
}

} // namespace opdims
