// The worker object of live ablation: lives on its own thread, prepares a network's analysis and
// evaluates reduced-rank weight matrices; superseded requests are skipped or cancelled.
#pragma once

#include "app/explorer/ablation_probe.h"
#include "core/ablation/model_analysis.h"
#include "core/analysis/basis.h"
#include "core/fixed_points/fixed_points.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace opdims::explorer {

struct AblationRequest {
    quint64 generation = 0;
    std::shared_ptr<const ModelAnalysis> analysis;
    std::shared_ptr<const Basis> basis;
    std::vector<bool> keep;          // the chosen dimensions of the basis: kept, or removed
    bool remove = false;             // the chosen dimensions are removed from W
    bool fixedPoints = false;        // also find the reduced network's fixed points
    Eigen::VectorXd fixedPointInput; // the constant input u they are searched under
    qint64 issuedNs = 0;             // steady clock when the user made the change (latency)
};

struct AblationResult {
    quint64 generation = 0;
    qint64 issuedNs = 0;
    std::shared_ptr<const ModelAnalysis> analysis;
    std::shared_ptr<const Basis> basis;
    std::vector<bool> keep;
    bool remove = false;
    int kept = 0;
    Eigen::MatrixXd W; // the reduced-rank weight matrix
    ConditionRun run;
    Eigen::MatrixXd locationFlow; // recurrentFlow of W at the sampling locations
    std::optional<FixedPointResult> fixedPoints;
    std::optional<FixedPointResult> fullFixedPoints; // the full network's points they continue
    Eigen::VectorXd fixedPointInput;                 // the input u they were searched under
    double computeSeconds = 0.0;
};

// A constant input under which fixed points are searched (they depend on it), with its title.
struct FixedPointInput {
    QString label; // "context 1", "3.5 Hz (id 26)", "left at t = 120 (stimulus)", ...
    // The input u, its condition and the batch of the thorough search (empty for a trial set's
    // input: the search starts from the set's trials, withStarts).
    FixedPointProblem problem;
};

// The inputs a user can choose with their translated titles: core's fixedPointProblems, or for a
// trial set the input of each of its conditions at 1-based time t (trialSetInputs).
std::vector<FixedPointInput> fixedPointInputs(const ModelAnalysis& analysis, int t = 1);

// State shared between the controller (GUI thread) and the worker: which generation is newest
// and whether the running computation has been superseded.
struct AblationShared {
    std::atomic<quint64> latest{0};
    std::atomic<bool> superseded{false};
    // The same for analyses: the newest network (or trial set) to prepare, and whether the
    // analysis running now has been superseded by a newer one.
    std::atomic<quint64> latestModel{0};
    std::atomic<bool> modelSuperseded{false};

    void setProbe(std::shared_ptr<AblationProbe> p) {
        const std::lock_guard lock(probeMutex);
        probe = std::move(p);
    }
    std::shared_ptr<AblationProbe> currentProbe() const {
        const std::lock_guard lock(probeMutex);
        return probe;
    }

private:
    mutable std::mutex probeMutex;
    std::shared_ptr<AblationProbe> probe; // measurements and tests only; null in the product
};

class AblationWorker : public QObject {
    Q_OBJECT
public:
    explicit AblationWorker(std::shared_ptr<AblationShared> shared, QObject* parent = nullptr);

public slots:
    // Analyses the network on its task's grid, or on `trials` when given (a trial set).
    void prepare(quint64 modelId, std::shared_ptr<const opdims::Model> model,
                 std::shared_ptr<const opdims::Batch> trials, bool allFrequencies);
    void compute(opdims::explorer::AblationRequest request);

signals:
    void prepared(quint64 modelId, std::shared_ptr<const opdims::ModelAnalysis> analysis);
    void prepareFailed(quint64 modelId, QString message);
    void prepareSkipped(quint64 modelId);
    void computed(std::shared_ptr<const opdims::explorer::AblationResult> result);
    void skipped(quint64 generation);
    void failed(quint64 generation, QString message);

private:
    std::shared_ptr<AblationShared> m_shared;
};

} // namespace opdims::explorer
