// Live-ablation worker: one request at a time; a newer request makes older ones moot.
#include "app/explorer/ablation_worker.h"

#include "app/explorer/labels.h"
#include "core/base/error.h"
#include "core/fixed_points/flow.h"

#include <QThread>

#include <chrono>

namespace opdims::explorer {

std::vector<FixedPointInput> fixedPointInputs(const ModelAnalysis& analysis) {
    std::vector<FixedPointInput> out;
    for (FixedPointProblem& p : fixedPointProblems(*analysis.model, analysis.task)) {
        const QString label =
            fixedPointInputLabel(analysis.task, p.condition.context, p.condition.freqId);
        out.push_back({label, std::move(p)});
    }
    return out;
}

FixedPointResult findAnalysisFixedPoints(const ModelAnalysis& analysis, const Eigen::MatrixXd& W,
                                         const Eigen::VectorXd& input, const Progress& progress) {
    FixedPointOptions options;
    options.eigenvectors = false; // only the slow and unstable directions are drawn
    return findFixedPoints(*analysis.model, W, input, analysis.locationStates, options, progress);
}

AblationWorker::AblationWorker(std::shared_ptr<AblationShared> shared, QObject* parent)
    : QObject(parent), m_shared(std::move(shared)) {}

void AblationWorker::prepare(quint64 modelId, std::shared_ptr<const Model> model,
                             bool allFrequencies) {
    try {
        emit prepared(modelId, analyseModel(std::move(model), allFrequencies));
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
        for (bool k : request.keep)
            result->kept += k ? 1 : 0;
        const ModelAnalysis& a = *request.analysis;
        result->W = keepDimensions(a.model->W, *request.basis, request.keep);
        result->run =
            runConditions(*a.model, result->W, a.batch, a.conditions, &a.reference, {}, progress);
        result->locationFlow = recurrentFlow(a.model->alpha(), result->W, a.locationStates);
        if (request.fixedPoints) {
            result->fixedPointInput =
                request.fixedPointInput.size() > 0
                    ? request.fixedPointInput
                    : fixedPointProblems(
                          *a.model,
                          a.task)[static_cast<std::size_t>(defaultFixedPointProblem(a.task))]
                          .input;
            result->fixedPoints =
                findAnalysisFixedPoints(a, result->W, result->fixedPointInput, progress);
        }
        // Deliberately not cancellable: tests use it to produce results that arrive stale.
        if (const int delay = m_shared->delayMs.load(); delay > 0)
            QThread::msleep(static_cast<unsigned long>(delay));
        result->computeSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        emit computed(result);
    } catch (const Cancelled&) {
        emit skipped(request.generation);
    } catch (const std::exception& e) {
        emit failed(request.generation, QString::fromStdString(e.what()));
    }
}

} // namespace opdims::explorer
