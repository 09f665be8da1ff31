// The dimensionality dock: cumulative variance explained of W (PC dimensions), of the full
// network's activity and of L (global operative dimensions).
#pragma once

#include "app/explorer/model_analysis.h"

#include <QWidget>

#include <vector>

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class VariancePanel : public QWidget {
    Q_OBJECT
public:
    explicit VariancePanel(QWidget* parent = nullptr);

    void setAnalysis(const ModelAnalysis& analysis);
    void addBases(const std::vector<NamedBasis>& bases);
    widgets::PlotView* plot() const { return m_plot; }

private:
    void addSeries(const QString& name, const Eigen::VectorXd& fractions);

    widgets::PlotView* m_plot;
    QVector<QColor> m_colors;
};

// Running sum of fractions: entry i is the share explained by the first i + 1 dimensions.
Eigen::VectorXd cumulative(const Eigen::VectorXd& fractions);

} // namespace opdims::explorer
