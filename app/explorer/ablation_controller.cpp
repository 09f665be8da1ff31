// Generation-numbered requests to the ablation worker; only the newest result reaches the views.
#include "app/explorer/ablation_controller.h"

#include <QFile>
#include <QTextStream>

#include <chrono>

namespace opdims::explorer {

AblationController::AblationController(QObject* parent)
    : QObject(parent), m_shared(std::make_shared<AblationShared>()) {
    qRegisterMetaType<std::shared_ptr<const ModelAnalysis>>();
    qRegisterMetaType<std::shared_ptr<const AblationResult>>();
    m_worker = new AblationWorker(m_shared);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AblationWorker::computed, this, &AblationController::onComputed);
    connect(m_worker, &AblationWorker::skipped, this, [this](quint64) { setPending(-1); });
    connect(m_worker, &AblationWorker::failed, this, [this](quint64 generation, QString message) {
        setPending(-1);
        if (generation == m_generation)
            emit requestFailed(message);
    });
    connect(m_worker, &AblationWorker::prepared, this, &AblationController::onPrepared);
    connect(m_worker, &AblationWorker::prepareSkipped, this, [this](quint64) { setPending(-1); });
    connect(m_worker, &AblationWorker::prepareFailed, this, [this](quint64 id, QString message) {
        setPending(-1);
        if (id == m_modelId)
            emit analysisFailed(message);
    });
    m_thread.setObjectName(QStringLiteral("ablation"));
    m_thread.start();
}

AblationController::~AblationController() {
    // Stop whatever runs so that quitting does not wait for a stale computation.
    m_shared->latest.store(~quint64{0});
    m_shared->superseded.store(true);
    m_thread.quit();
    m_thread.wait();
}

qint64 AblationController::nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void AblationController::setPending(int delta) {
    const bool wasBusy = m_pending > 0;
    m_pending += delta;
    if (wasBusy != (m_pending > 0))
        emit busyChanged(m_pending > 0);
}

void AblationController::prepare(std::shared_ptr<const Model> model, bool allFrequencies) {
    prepare(std::move(model), nullptr, allFrequencies);
}

void AblationController::prepare(std::shared_ptr<const Model> model,
                                 std::shared_ptr<const Batch> trials, bool allFrequencies) {
    const quint64 id = ++m_modelId;
    // A new network makes every ablation request of the old one stale, and its analysis moot.
    m_shared->latest.store(++m_generation);
    m_shared->superseded.store(true);
    m_shared->latestModel.store(id);
    m_shared->modelSuperseded.store(true);
    setPending(+1);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id, model, trials, allFrequencies] {
            w->prepare(id, model, trials, allFrequencies);
        },
        Qt::QueuedConnection);
}

void AblationController::onPrepared(quint64 modelId,
                                    std::shared_ptr<const ModelAnalysis> analysis) {
    setPending(-1);
    if (modelId != m_modelId)
        return;
    m_analysis = std::move(analysis);
    emit analysisReady(m_analysis);
}

void AblationController::adopt(std::shared_ptr<const ModelAnalysis> analysis) {
    ++m_modelId; // an analysis being prepared is moot now
    m_shared->latest.store(++m_generation);
    m_shared->superseded.store(true);
    m_analysis = std::move(analysis);
}

quint64 AblationController::request(std::shared_ptr<const Basis> basis,
                                    const std::vector<bool>& keep, bool fixedPoints,
                                    const Eigen::VectorXd& fixedPointInput, bool remove) {
    AblationRequest r;
    r.issuedNs = nowNs();
    r.generation = ++m_generation;
    r.analysis = m_analysis;
    r.basis = std::move(basis);
    r.keep = keep;
    r.remove = remove;
    r.fixedPoints = fixedPoints;
    r.fixedPointInput = fixedPointInput;
    if (!r.analysis || !r.basis)
        return r.generation;
    m_shared->latest.store(r.generation);
    m_shared->superseded.store(true);
    setPending(+1);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, r] { w->compute(r); }, Qt::QueuedConnection);
    return r.generation;
}

void AblationController::onComputed(std::shared_ptr<const AblationResult> result) {
    setPending(-1);
    if (result->generation != m_generation || result->analysis != m_analysis) {
        ++m_dropped;
        return;
    }
    ++m_shown;
    emit resultReady(result);
}

void AblationController::viewsUpdated(const AblationResult& result) {
    if (const auto probe = m_shared->currentProbe())
        probe->resultShown(result, static_cast<double>(nowNs() - result.issuedNs) / 1e6);
}

} // namespace opdims::explorer
