// OutputPanel: target dashed grey, full network solid, reduced-rank network dashed.
#include "app/explorer/output_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "widgets/palette.h"
#include "widgets/plot_view.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSplitter>

#include <algorithm>

namespace opdims::explorer {

OutputPanel::OutputPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_trials(new QListWidget(this)),
      m_plot(new widgets::PlotView(this)) {
    m_plot->setTitle(tr("Output vs target"));
    m_plot->setAxisLabels(tr("time (s)"), tr("output z"));
    m_trials->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_trials->setToolTip(tr("Trials of the grid batch to plot (Ctrl+click for several)"));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_trials);
    splitter->addWidget(m_plot);
    splitter->setStretchFactor(1, 4);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);
    connect(m_trials, &QListWidget::itemSelectionChanged, this, &OutputPanel::redraw);
    connect(m_session, &Session::analysisChanged, this, &OutputPanel::onAnalysisChanged);
    connect(m_session, &Session::resultChanged, this, &OutputPanel::redraw);
}

void OutputPanel::onAnalysisChanged() {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const QSignalBlocker block(m_trials);
    m_trials->clear();
    const auto& trials = analysis->batch.trials;
    for (const TrialInfo& t : trials)
        m_trials->addItem(trialLabel(analysis->task, t));
    // Two contrasting trials by default: the first and the last of the grid.
    if (!trials.empty()) {
        m_trials->item(0)->setSelected(true);
        m_trials->item(static_cast<int>(trials.size()) - 1)->setSelected(true);
    }
    redraw();
}

void OutputPanel::redraw() {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const auto result = m_session->result();
    const Batch& batch = analysis->batch;
    const double dt = analysis->model->dt;
    QVector<double> time(batch.steps);
    for (int t = 0; t < batch.steps; ++t)
        time[t] = (t + 1) * dt;
    QVector<widgets::PlotSeries> series;
    const QList<QListWidgetItem*> selected = m_trials->selectedItems();
    int colorIndex = 0;
    for (QListWidgetItem* item : selected) {
        const int trial = m_trials->row(item);
        const QColor color =
            widgets::conditionColor(colorIndex++, std::max(2, int(selected.size())));
        widgets::PlotSeries target{
            tr("target: %1").arg(item->text()), QColor(120, 120, 120), time, {}, true, false};
        for (int t = 0; t < batch.steps; ++t)
            target.y.append(batch.y[static_cast<std::size_t>(t)](0, trial));
        widgets::PlotSeries full{tr("full: %1").arg(item->text()), color, time, {}, false, false};
        const Eigen::VectorXd z = analysis->reference.run.output.col(trial);
        full.y = QVector<double>(z.data(), z.data() + z.size());
        series << target << full;
        if (result) {
            widgets::PlotSeries reduced{
                tr("reduced: %1").arg(item->text()), color, time, {}, true, false};
            const Eigen::VectorXd zr = result->run.output.col(trial);
            reduced.y = QVector<double>(zr.data(), zr.data() + zr.size());
            series << reduced;
        }
    }
    m_plot->setSeries(series);
}

} // namespace opdims::explorer
