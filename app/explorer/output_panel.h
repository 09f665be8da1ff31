// The output dock: network output against target for the chosen trials of the grid batch, for
// the full and the reduced-rank network.
#pragma once

#include "app/explorer/ablation_worker.h"

#include <QWidget>

#include <memory>

class QComboBox;
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
    // 0: two contrasting trials, 1: one trial per condition, 2: every trial of the grid batch.
    QComboBox* showBox() const { return m_show; }
    QListWidget* trialList() const { return m_trials; }
    // The line at the session's time over the plot (shown from the first time change on).
    void setTimeCursorShown(bool shown);
    bool timeCursorShown() const { return m_timeCursor; }

private:
    void onAnalysisChanged();
    void selectShown();
    void redraw();
    void showTimeCursor(int step);

    Session* m_session;
    QComboBox* m_show;
    QListWidget* m_trials;
    widgets::PlotView* m_plot;
    bool m_timeCursor = false;
};

} // namespace opdims::explorer
