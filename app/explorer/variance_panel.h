// The dimensionality dock: cumulative variance explained of W (PC dimensions), of the full
// network's activity and of L (global operative dimensions).
#pragma once

#include "core/ablation/model_analysis.h"

#include <QWidget>

#include <vector>

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class Session;

class VariancePanel : public QWidget {
    Q_OBJECT
public:
    // Plots the variance explained by the activity's PCs and by the session's bases.
    VariancePanel(Session* session, QWidget* parent = nullptr);
    widgets::PlotView* plot() const { return m_plot; }

private:
    void onAnalysisChanged();
    void onBasesAdded(int first, int count);
    void addSeries(const QString& name, const Eigen::VectorXd& fractions);

    Session* m_session;
    widgets::PlotView* m_plot;
    QVector<QColor> m_colors;
};

} // namespace opdims::explorer
