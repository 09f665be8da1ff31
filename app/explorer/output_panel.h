// The output dock: network output against target for the chosen trials of the grid batch, for
// the full and the reduced-rank network.
#pragma once

#include "app/explorer/ablation_worker.h"

#include <QWidget>

#include <memory>

class QListWidget;

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class OutputPanel : public QWidget {
    Q_OBJECT
public:
    explicit OutputPanel(QWidget* parent = nullptr);

    void setAnalysis(std::shared_ptr<const ModelAnalysis> analysis);
    void setResult(std::shared_ptr<const AblationResult> result);
    widgets::PlotView* plot() const { return m_plot; }

private:
    void redraw();

    QListWidget* m_trials;
    widgets::PlotView* m_plot;
    std::shared_ptr<const ModelAnalysis> m_analysis;
    std::shared_ptr<const AblationResult> m_result;
};

} // namespace opdims::explorer
