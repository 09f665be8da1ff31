// Live ablation on the GUI side: numbers each request, posts it to the worker thread and passes
// on only the newest result (older ones are dropped); also prepares newly opened networks.
#pragma once

#include "app/explorer/ablation_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <memory>
#include <vector>

namespace opdims::explorer {

class AblationController : public QObject {
    Q_OBJECT
public:
    explicit AblationController(QObject* parent = nullptr);
    ~AblationController() override;

    // Analyses a newly opened network on the worker thread (on its task's grid, or on `trials`, a
    // trial set); emits analysisReady or analysisFailed. A newer call cancels an older one.
    void prepare(std::shared_ptr<const Model> model, bool allFrequencies);
    void prepare(std::shared_ptr<const Model> model, std::shared_ptr<const Batch> trials,
                 bool allFrequencies);
    std::shared_ptr<const ModelAnalysis> analysis() const { return m_analysis; }
    // Uses an analysis made elsewhere (e.g. by the main window's controller) without preparing
    // it again; requests of the previous one become stale.
    void adopt(std::shared_ptr<const ModelAnalysis> analysis);

    // Evaluates the reduced-rank W keeping `keep` of `basis` (and, when asked, finds its fixed
    // points under the given input; empty: the analysis' default); returns the generation.
    // With `remove`, the chosen dimensions are removed from W instead of kept.
    quint64 request(std::shared_ptr<const Basis> basis, const std::vector<bool>& keep,
                    bool fixedPoints, const Eigen::VectorXd& fixedPointInput = {},
                    bool remove = false);

    quint64 latestGeneration() const { return m_generation; }
    int droppedResults() const { return m_dropped; }
    int shownResults() const { return m_shown; }
    // Measurements and tests observe live ablation through a probe (none in the product).
    void setProbe(std::shared_ptr<AblationProbe> probe) { m_shared->setProbe(std::move(probe)); }

    // Called once the views show a result: tells the probe the change-to-views latency.
    void viewsUpdated(const AblationResult& result);

    static qint64 nowNs();

signals:
    void analysisReady(std::shared_ptr<const opdims::ModelAnalysis> analysis);
    void analysisFailed(const QString& message);
    void resultReady(std::shared_ptr<const opdims::explorer::AblationResult> result);
    void requestFailed(const QString& message);
    void busyChanged(bool busy);

private:
    void onComputed(std::shared_ptr<const AblationResult> result);
    void onPrepared(quint64 modelId, std::shared_ptr<const ModelAnalysis> analysis);
    void setPending(int delta);

    QThread m_thread;
    AblationWorker* m_worker = nullptr;
    std::shared_ptr<AblationShared> m_shared;
    std::shared_ptr<const ModelAnalysis> m_analysis;
    quint64 m_generation = 0;
    quint64 m_modelId = 0;
    int m_pending = 0;
    int m_dropped = 0;
    int m_shown = 0;
};

} // namespace opdims::explorer
