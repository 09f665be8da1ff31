// The rank-sweep dock: cost vs k and state distance vs k for each swept basis, current k marked.
#pragma once

#include "core/analysis/sweep.h"

#include <QWidget>

#include <map>
#include <string>

class QPushButton;

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class SweepPanel : public QWidget {
    Q_OBJECT
public:
    explicit SweepPanel(QWidget* parent = nullptr);

    void clear();
    // Adds (or replaces) the sweep of the basis with this key.
    void addCurve(const std::string& key, const SweepResult& sweep);
    void setCurrentK(int k);
    bool hasCurve(const std::string& key) const { return m_curves.count(key) > 0; }

    widgets::PlotView* costPlot() const { return m_cost; }
    widgets::PlotView* distancePlot() const { return m_distance; }

signals:
    void sweepRequested(); // sweep the basis chosen for ablation

private:
    void redraw();

    widgets::PlotView* m_cost;
    widgets::PlotView* m_distance;
    QPushButton* m_run;
    std::map<std::string, SweepResult> m_curves;
};

} // namespace opdims::explorer
