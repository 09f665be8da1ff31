// The rank-sweep dock: cost vs k and state distance vs k for each swept basis, current k marked,
// and the cost per context, frequency band or condition. The three plots stand side by side,
// right of the controls, each with its legend beside the axes; a plot keeps the width its title,
// legend and axes need and a readable height, and the row scrolls where the dock is smaller.
#pragma once

#include "core/analysis/sweep.h"

#include <QWidget>

#include <map>
#include <optional>
#include <string>

class QComboBox;
class QPushButton;
class QScrollArea;

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

    // The smallest height of each plot at interface scale 1 (it grows with the scale): the axes
    // keep room for a few decades of log ticks under the title and above the x axis' labels.
    static constexpr int kPlotMinimumHeight = 180;

signals:
    void sweepRequested(); // sweep the basis chosen for ablation

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    // Each plot's minimum size from its title, legend and axes at its interface scale.
    void fitPlotSizes();
    // The live ablation's reduced-rank network as a point at (k, cost) on the cost plot.
    void showLivePoint();

    Session* m_session;
    widgets::PlotView* m_cost;
    widgets::PlotView* m_distance;
    widgets::PlotView* m_groups;
    QComboBox* m_level;
    QPushButton* m_run;
    QScrollArea* m_scroll; // holds the row of plots
    QString m_groupTitle;  // the third plot's title
};

} // namespace opdims::explorer
