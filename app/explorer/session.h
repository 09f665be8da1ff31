// The explorer's session: the one owner of what the user is looking at (the network, its
// analysis (on the task's grid or a trial set) and bases, the fixed-point inputs, the newest
// ablation result, the searched fixed points, the rank sweeps and the training log). Panels observe
// it through its signals and keep no copies.
#pragma once

#include "app/explorer/ablation_worker.h"
#include "app/explorer/model_source.h"
#include "core/analysis/sweep.h"

#include <QObject>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace opdims::explorer {

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);

    // The opened network. Setting it forgets the previous network's analysis and results (its
    // rank sweeps are put aside, see sweeps()).
    const OpenedModel& network() const { return m_network; }
    void setNetwork(OpenedModel network);

    // The analysis of the opened network (null while it is prepared). Setting it forgets the
    // result, the searched fixed points and the bases computed later, and shows the sweeps of its
    // network and batch.
    std::shared_ptr<const ModelAnalysis> analysis() const { return m_analysis; }
    void setAnalysis(std::shared_ptr<const ModelAnalysis> analysis);
    // The trial set the shown analysis runs on; null for the task's own grid batch.
    std::shared_ptr<const Batch> trialSet() const {
        return m_analysis ? m_analysis->trialSet : nullptr;
    }

    // Every basis the user can choose: the analysis' quick bases, then those added later.
    const std::vector<NamedBasis>& bases() const { return m_bases; }
    const NamedBasis* basis(const std::string& key) const;
    void addBases(const std::vector<NamedBasis>& bases);

    // The constant inputs fixed points can be searched under (with their titles): for a trial
    // set one per condition, at the chosen time.
    const std::vector<FixedPointInput>& fixedPointInputs() const { return m_inputs; }

    // What the user chose: the basis and its kept dimensions, whether fixed points are wanted
    // and under which input (index into fixedPointInputs; for a trial set also the time). A
    // change that alters what live ablation computes emits selectionChanged.
    struct Selection {
        std::string basisKey;
        std::vector<bool> keep; // the ticked dimensions
        bool remove = false;    // the ticked dimensions are removed from W instead of kept
        bool fixedPoints = false;
        int fixedPointInput = -1;
        int fixedPointTime = 1; // trial sets: the 1-based time of the condition's input
    };
    const Selection& selection() const { return m_selection; }
    void setAblationChoice(std::string basisKey, std::vector<bool> keep);
    void setFixedPointChoice(bool wanted, int input);
    // A trial set's inputs at another 1-based time (clamped to its steps); emits
    // fixedPointInputsChanged, and selectionChanged while fixed points are wanted.
    void setFixedPointTime(int t);
    void setAblationMode(bool remove);
    std::shared_ptr<const Basis> selectedBasis() const;
    const FixedPointInput* selectedFixedPointInput() const;

    // The newest ablation result the views show (null before the first of this analysis).
    std::shared_ptr<const AblationResult> result() const { return m_result; }
    void setResult(std::shared_ptr<const AblationResult> result);

    // Points of a thorough search under `input` for the result of `generation`: they replace the
    // quick points while that result is the one shown (and fixed points count as wanted, without
    // a new request that would supersede them).
    // `full`: the full network's points they continue (may be null).
    void setSearchedFixedPoints(quint64 generation, std::shared_ptr<const FixedPointResult> points,
                                const FixedPointInput& input,
                                std::shared_ptr<const FixedPointResult> full = nullptr);

    // The fixed points drawn now and the input they belong to: the searched ones for the shown
    // result, else (when quick points are wanted) the quick ones of the result; with the full
    // network's points they continue, when known.
    struct ShownFixedPoints {
        std::shared_ptr<const FixedPointResult> points;
        FixedPointInput input;
        bool searched = false;
        std::shared_ptr<const FixedPointResult> full;
    };
    std::optional<ShownFixedPoints> shownFixedPoints(bool quickWanted) const;

    // Rank sweeps of the network on the analysis' batch, by basis key (a new sweep of a basis
    // replaces the old one). They belong to the network (its file and network number, and its
    // weights) and the batch (the task's grid or a trial set, by content; all swg frequencies
    // only draw more conditions of the same grid): another network or batch shows its own, and
    // analysing this network on this batch again, also after others, brings them back. The sweeps
    // of the kKeptSweepSets pairs of network and batch with sweeps shown last are kept.
    // sweepsChanged is emitted whenever the sweeps shown change.
    const std::map<std::string, SweepResult>& sweeps() const { return m_sweeps; }
    void addSweep(const std::string& key, SweepResult sweep);
    static constexpr std::size_t kKeptSweepSets = 8;
    // The sweeps of other networks or batches, put aside, shown last first.
    struct SweepSet {
        std::string network;
        std::string batch;
        std::map<std::string, SweepResult> sweeps;
    };
    const std::vector<SweepSet>& sweepsPutAside() const { return m_keptSweeps; }
    // Takes over sweeps put aside by another session (a language switch builds a new window):
    // those of a network and batch this one neither shows nor has put aside, after its own, up to
    // kKeptSweepSets in all.
    void adoptSweepsPutAside(const std::vector<SweepSet>& sets);

    // The time the views mark on the trajectories and over the output: the 0-based column of the
    // condition averages (the state after update t + 1, at time (t + 1) dt). Clamped to the
    // analysis' steps; a new analysis keeps it where it fits.
    int timeStep() const { return m_timeStep; }
    int timeSteps() const;
    void setTimeStep(int t);

    // The loss curve of the training run started last: (iteration, loss).
    const std::vector<std::pair<double, double>>& trainingLog() const { return m_trainingLog; }
    void startTrainingLog();
    void appendLoss(double iteration, double loss);

signals:
    void networkChanged();
    void analysisChanged();
    void basesAdded(int first, int count);
    void resultChanged();
    void fixedPointsChanged();
    void fixedPointInputsChanged();
    void selectionChanged();
    void sweepsChanged();
    void trainingLogReset();
    void lossAppended(double iteration, double loss);
    void timeChanged(int step);

private:
    OpenedModel m_network;
    std::shared_ptr<const ModelAnalysis> m_analysis;
    std::vector<NamedBasis> m_bases;
    std::vector<FixedPointInput> m_inputs;
    Selection m_selection;
    TaskKind m_lastTask = TaskKind::Unknown; // of the last analysis (keeps the input choice)
    Eigen::Index m_lastUnits = 0;
    std::string m_lastTrials; // the file of the last analysis' trial set; empty for a grid
    std::shared_ptr<const AblationResult> m_result;
    quint64 m_searchedGeneration = 0;
    std::shared_ptr<const FixedPointResult> m_searched;
    std::shared_ptr<const FixedPointResult> m_searchedFull;
    FixedPointInput m_searchedInput;
    // The sweeps shown, of the network and batch named by m_sweepNetwork and m_sweepBatch (empty
    // while no analysis is shown: such sweeps are not kept), and those put aside, shown last first.
    // Shows the sweeps of another network and batch; true when the sweeps shown changed.
    bool showSweepsOf(std::string network, std::string batch);
    // Forgets the sets put aside longest ago beyond kKeptSweepSets.
    void keepSweepBound();
    std::map<std::string, SweepResult> m_sweeps;
    std::string m_sweepNetwork;
    std::string m_sweepBatch;
    std::vector<SweepSet> m_keptSweeps;
    std::vector<std::pair<double, double>> m_trainingLog;
    int m_timeStep = 0;
};

} // namespace opdims::explorer
