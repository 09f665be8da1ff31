// The model panel: where the network came from, its sizes, task, spectral radius and cost.
#pragma once

#include "app/explorer/model_source.h"
#include "core/tasks/task.h"

#include <QWidget>

#include <memory>
#include <optional>

class QGridLayout;
class QLabel;

namespace opdims::explorer {

struct AblationResult;

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget* parent = nullptr);

    void setModel(const OpenedModel& opened);
    // The trials the network is analysed on: a trial set, or (null) the task's grid batch.
    void setTrialSet(const std::shared_ptr<const Batch>& trials);
    // The full network's cost on them (shown once the reference run exists), "computing…" before.
    void setFullCost(double cost);
    void setComputing();
    // The reduced-rank network's cost and state distance, with the number of kept dimensions.
    void setReduced(const QString& basis, int kept, int total, double cost, double distance);
    void clearReduced();

    QString summaryText() const; // everything shown, for tests and copying

private:
    // A row "label: value"; returns the value's label (word-wrapped), and its name's in *name.
    QLabel* addRow(QGridLayout* grid, const QString& label, QLabel** name = nullptr);

    QLabel* m_origin;
    QLabel* m_name;
    QLabel* m_task;
    QLabel* m_trials;
    QLabel* m_sizes;
    QLabel* m_timing;
    QLabel* m_radius;
    QLabel* m_cost;
    QLabel* m_costLabel;
    QLabel* m_reduced;
};

} // namespace opdims::explorer
