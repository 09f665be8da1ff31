// The worker object of live ablation: lives on its own thread, prepares a network's analysis and
// evaluates reduced-rank weight matrices; superseded requests are skipped or cancelled.
#pragma once

#include "app/explorer/model_analysis.h"
#include "core/basis.h"
#include "core/fixed_points.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace opdims::explorer {

struct AblationRequest {
    quint64 generation = 0;
    std::shared_ptr<const ModelAnalysis> analysis;
    std::shared_ptr<const Basis> basis;
    std::vector<bool> keep;   // which dimensions of the basis the reduced-rank W keeps
    bool fixedPoints = false; // also find the reduced network's fixed points
    qint64 issuedNs = 0;      // steady clock when the user made the change (latency)
};

struct AblationResult {
    quint64 generation = 0;
    qint64 issuedNs = 0;
    std::shared_ptr<const ModelAnalysis> analysis;
    std::shared_ptr<const Basis> basis;
    std::vector<bool> keep;
    int kept = 0;
    Eigen::MatrixXd W; // the reduced-rank weight matrix
    RunResult run;
    std::optional<FixedPointResult> fixedPoints;
    double computeSeconds = 0.0;
};

// The input under which fixed points are searched: ctxt context 1 with zero coherence, swg the
// middle frequency id (26). Fixed points depend on the input; these show the typical structure.
Eigen::VectorXd fixedPointInput(const ModelAnalysis& analysis);

// Finds fixed points of W started from the sampling locations.
FixedPointResult findAnalysisFixedPoints(const ModelAnalysis& analysis, const Eigen::MatrixXd& W,
                                         const Progress& progress = {});

// State shared between the controller (GUI thread) and the worker: which generation is newest
// and whether the running computation has been superseded.
struct AblationShared {
    std::atomic<quint64> latest{0};
    std::atomic<bool> superseded{false};
    std::atomic<int> delayMs{0}; // tests make the worker deliberately slow with this
};

class AblationWorker : public QObject {
    Q_OBJECT
public:
    explicit AblationWorker(std::shared_ptr<AblationShared> shared, QObject* parent = nullptr);

public slots:
    void prepare(quint64 modelId, std::shared_ptr<const opdims::Model> model, bool allFrequencies);
    void compute(opdims::explorer::AblationRequest request);

signals:
    void prepared(quint64 modelId, std::shared_ptr<const opdims::explorer::ModelAnalysis> analysis);
    void prepareFailed(quint64 modelId, QString message);
    void computed(std::shared_ptr<const opdims::explorer::AblationResult> result);
    void skipped(quint64 generation);
    void failed(quint64 generation, QString message);

private:
    std::shared_ptr<AblationShared> m_shared;
};

} // namespace opdims::explorer
