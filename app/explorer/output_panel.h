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

class Session;

class OutputPanel : public QWidget {
    Q_OBJECT
public:
    // Plots chosen trials of the session's analysis: target, full and reduced-rank output.
    OutputPanel(Session* session, QWidget* parent = nullptr);
    widgets::PlotView* plot() const { return m_plot; }

private:
    void onAnalysisChanged();
    void redraw();

    Session* m_session;
    QListWidget* m_trials;
    widgets::PlotView* m_plot;
};

} // namespace opdims::explorer
