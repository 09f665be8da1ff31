// Live-ablation worker: one request at a time; a newer request makes older ones moot.
#include "app/explorer/ablation_worker.h"

#include "app/explorer/labels.h"
#include "core/base/error.h"
#include "core/fixed_points/starts.h"

#include <QThread>

#include <chrono>

namespace opdims::explorer {

std::vector<FixedPointInput> fixedPointInputs(const ModelAnalysis& analysis) {
    const Model& model = *analysis.model;
    std::vector<FixedPointInput> out;
    if (analysis.task == TaskKind::Ctxt) {
        for (int context : {1, 2})
            out.push_back({fixedPointInputLabel(analysis.task, context, 0),
                           contextInput(model, context), context});
    } else if (analysis.task == TaskKind::Swg && model.inputs() >= 1) {
        for (int id = 1; id <= swg::kFrequencies; id += 5) {
            Eigen::VectorXd u = Eigen::VectorXd::Zero(model.inputs());
            u(0) = static_cast<double>(id) / swg::kFrequencies + 0.25; // method.md's swg input
            out.push_back({fixedPointInputLabel(analysis.task, 0, id), u, 0});
        }
    } else {
        out.push_back(
            {fixedPointInputLabel(analysis.task, 0, 0), Eigen::VectorXd::Zero(model.inputs()), 0});
    }
    return out;
}

int defaultFixedPointInput(const ModelAnalysis& analysis) {
    // swg ids 1, 6, ..., 51: index 5 is id 26, the middle frequency.
    return analysis.task == TaskKind::Swg ? 5 : 0;
}

FixedPointResult findAnalysisFixedPoints(const ModelAnalysis& analysis, const Eigen::MatrixXd& W,
                                         const Eigen::VectorXd& input, const Progress& progress) {
    FixedPointOptions options;
    options.eigenvectors = false; // only the slow and unstable directions are drawn
    return findFixedPoints(*analysis.model, W, input, analysis.locationStates, options, progress);
}

FixedPointResult searchFixedPoints(const ModelAnalysis& analysis, const Eigen::MatrixXd& W,
                                   const FixedPointInput& input, int starts, std::uint64_t seed,
                                   const Progress& progress) {
    const Model& model = *analysis.model;
    const Batch batch = input.context > 0 ? contextGridBatch(input.context) : analysis.batch;
    StartOptions startOptions;
    startOptions.count = starts;
    startOptions.seed = seed;
    // Drawing the starts is one simulation of the batch, about a tenth of the work.
    const Eigen::MatrixXd states =
        startsFromBatch(model, W, batch, startOptions, progress.phase(0.0, 0.1));
    FixedPointOptions options;
    options.eigenvectors = false;
    return findFixedPoints(model, W, input.u, states, options, progress.phase(0.1, 0.9));
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
            evaluateRun(*a.model, result->W, a.batch, a.conditions, &a.reference, progress);
        if (request.fixedPoints) {
            result->fixedPointInput =
                request.fixedPointInput.size() > 0
                    ? request.fixedPointInput
                    : fixedPointInputs(a)[static_cast<std::size_t>(defaultFixedPointInput(a))].u;
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
