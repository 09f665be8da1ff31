// The rank-sweep dock: cost vs k and state distance vs k for each swept basis, current k marked.
#pragma once

#include "core/analysis/sweep.h"

#include <QWidget>

#include <map>
#include <string>

class QComboBox;
class QPushButton;

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class Session;

class SweepPanel : public QWidget {
    Q_OBJECT
public:
    // Plots the session's rank sweeps.
    SweepPanel(Session* session, QWidget* parent = nullptr);

    // The marker at k on both plots; nullopt hides it (the kept set is not the leading k, which
    // the curves are for).
    void setCurrentK(std::optional<int> k);

    widgets::PlotView* costPlot() const { return m_cost; }
    widgets::PlotView* distancePlot() const { return m_distance; }
    // The cost of each context (ctxt) or frequency band (swg) against k, for every sweep.
    widgets::PlotView* groupPlot() const { return m_groups; }
    // 0: per context or frequency band, 1: per condition.
    QComboBox* levelBox() const { return m_level; }

    // The legend name of the cost plot's reference line at the full network's cost.
    static QString fullNetworkName();

signals:
    void sweepRequested(); // sweep the basis chosen for ablation

private:
    void redraw();
    // The live ablation's reduced-rank network as a point at (k, cost) on the cost plot.
    void showLivePoint();
    QString groupTitle(const std::string& label) const;

    Session* m_session;
    widgets::PlotView* m_cost;
    widgets::PlotView* m_distance;
    widgets::PlotView* m_groups;
    QComboBox* m_level;
    QPushButton* m_run;
};

} // namespace opdims::explorer
