// VariancePanel: one series per source of "variance explained"; function-specific bases are left
// out to keep the plot readable.
#include "app/explorer/variance_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "core/analysis/pc_dims.h"
#include "widgets/plot_view.h"

#include <QVBoxLayout>

namespace opdims::explorer {

VariancePanel::VariancePanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_plot(new widgets::PlotView(this)) {
    connect(m_session, &Session::analysisChanged, this, &VariancePanel::onAnalysisChanged);
    connect(m_session, &Session::basesAdded, this, &VariancePanel::onBasesAdded);
    m_plot->setTitle(tr("Variance explained"));
    // Short: the dock is low in the default layout and a longer label is cut off (the title says
    // what is plotted).
    m_plot->setAxisLabels(tr("number of dimensions"), tr("cum. fraction"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_plot);
}

void VariancePanel::addSeries(const QString& name, const Eigen::VectorXd& fractions) {
    static const QColor colors[] = {QColor(0, 114, 178), QColor(213, 94, 0), QColor(0, 158, 115),
                                    QColor(204, 121, 167), QColor(86, 180, 233)};
    QVector<widgets::PlotSeries> series = m_plot->series();
    widgets::PlotSeries s;
    s.name = name;
    s.color = colors[series.size() % 5];
    const Eigen::VectorXd c = cumulativeSum(fractions);
    for (Eigen::Index i = 0; i < c.size(); ++i) {
        s.x.append(static_cast<double>(i + 1));
        s.y.append(c(i));
    }
    series.append(s);
    m_plot->setSeries(series);
}

void VariancePanel::onAnalysisChanged() {
    m_plot->setSeries({});
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const Eigen::VectorXd& v = analysis->reference.pcVariance;
    const double total = v.sum();
    if (total > 0)
        addSeries(tr("activity of the full network"), v / total);
    onBasesAdded(0, static_cast<int>(m_session->bases().size()));
}

void VariancePanel::onBasesAdded(int first, int count) {
    const auto& bases = m_session->bases();
    for (int i = first; i < first + count; ++i) {
        const NamedBasis& b = bases[static_cast<std::size_t>(i)];
        if (b.name.kind == BasisKind::Pc)
            addSeries(tr("W (PC dimensions)"), b.varianceExplained);
        else if (b.name.kind == BasisKind::Operative && b.name.subset == LocationSubset::All)
            addSeries(tr("L (%1)").arg(basisTitle(b.name)), b.varianceExplained);
    }
}

} // namespace opdims::explorer
