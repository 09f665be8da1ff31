// Live-ablation worker: one request at a time; a newer request makes older ones moot.
#include "app/explorer/ablation_worker.h"

#include "app/explorer/labels.h"
#include "core/base/error.h"
#include "core/fixed_points/flow.h"

#include <chrono>

namespace opdims::explorer {

std::vector<FixedPointInput> fixedPointInputs(const ModelAnalysis& analysis, int t) {
    std::vector<FixedPointInput> out;
    if (analysis.task == TaskKind::Data) {
        for (FixedPointProblem& p : trialSetInputs(analysis, t)) {
            const QString label = trialSetInputLabel(analysis.batch(), p.condition.label, t);
            out.push_back({label, std::move(p)});
        }
        return out;
    }
    for (FixedPointProblem& p : fixedPointProblems(*analysis.model, analysis.task)) {
        const QString label =
            fixedPointInputLabel(analysis.task, p.condition.context, p.condition.freqId);
        out.push_back({label, std::move(p)});
    }
    return out;
}

AblationWorker::AblationWorker(std::shared_ptr<AblationShared> shared, QObject* parent)
    : QObject(parent), m_shared(std::move(shared)) {}

void AblationWorker::prepare(quint64 modelId, std::shared_ptr<const Model> model,
                             std::shared_ptr<const Batch> trials, bool allFrequencies) {
    // Reset before comparing: a prepare posted after this line sets the flag again.
    m_shared->modelSuperseded.store(false);
    if (modelId < m_shared->latestModel.load()) {
        emit prepareSkipped(modelId);
        return;
    }
    Progress progress;
    progress.cancel = &m_shared->modelSuperseded;
    try {
        emit prepared(modelId,
                      analyseModel(std::move(model), std::move(trials), allFrequencies, progress));
    } catch (const Cancelled&) {
        emit prepareSkipped(modelId);
    } catch (const std::exception& e) {
        emit prepareFailed(modelId, QString::fromStdString(e.what()));
    }
}

void AblationWorker::compute(AblationRequest request) {
    // Reset before comparing: a request posted after this line sets the flag again.
    m_shared->superseded.store(false);
    if (request.generation < m_shared->latest.load()) {
        emit skipped(request.generation);
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    Progress progress;
    progress.cancel = &m_shared->superseded;
    try {
        auto result = std::make_shared<AblationResult>();
        result->generation = request.generation;
        result->issuedNs = request.issuedNs;
        result->analysis = request.analysis;
        result->basis = request.basis;
        result->keep = request.keep;
        result->remove = request.remove;
        AblationOptions options;
        options.remove = request.remove;
        options.fixedPoints = request.fixedPoints;
        options.fixedPointInput = request.fixedPointInput;
        Ablation ab = ablate(*request.analysis, *request.basis, request.keep, options, progress);
        result->kept = ab.kept;
        result->W = std::move(ab.W);
        result->run = std::move(ab.run);
        result->locationFlow = std::move(ab.locationFlow);
        result->fixedPoints = std::move(ab.fixedPoints);
        result->fullFixedPoints = std::move(ab.fullFixedPoints);
        result->fixedPointInput = std::move(ab.fixedPointInput);
        result->computeSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (const auto probe = m_shared->currentProbe())
            probe->beforeDelivery(request.generation);
        emit computed(result);
    } catch (const Cancelled&) {
        emit skipped(request.generation);
    } catch (const std::exception& e) {
        emit failed(request.generation, QString::fromStdString(e.what()));
    }
}

} // namespace opdims::explorer
