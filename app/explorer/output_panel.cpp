// OutputPanel: target dashed grey, full network solid, reduced-rank network dashed.
#include "app/explorer/output_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "widgets/palette.h"
#include "widgets/plot_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace opdims::explorer {

OutputPanel::OutputPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_show(new QComboBox(this)),
      m_trials(new QListWidget(this)), m_plot(new widgets::PlotView(this)) {
    m_show->addItem(tr("Two contrasting trials"));
    m_show->addItem(tr("One trial per condition"));
    m_show->addItem(tr("Every trial"));
    m_show->setToolTip(
        tr("Which trials of the grid batch the plot shows (or pick them in the list)"));
    m_plot->setTitle(tr("Output vs target"));
    m_plot->setAxisLabels(tr("time (s)"), tr("output z"));
    m_trials->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_trials->setToolTip(tr("Trials of the grid batch to plot (Ctrl+click for several)"));
    auto* splitter = new QSplitter(this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_show);
    leftLayout->addWidget(m_trials, 1);
    splitter->addWidget(left);
    splitter->addWidget(m_plot);
    splitter->setStretchFactor(1, 4);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);
    connect(m_trials, &QListWidget::itemSelectionChanged, this, &OutputPanel::redraw);
    connect(m_show, &QComboBox::currentIndexChanged, this, &OutputPanel::selectShown);
    connect(m_session, &Session::analysisChanged, this, &OutputPanel::onAnalysisChanged);
    connect(m_session, &Session::resultChanged, this, &OutputPanel::redraw);
    // Time playback: a vertical line at the time the 3D view's markers show.
    connect(m_session, &Session::timeChanged, this, [this](int step) {
        m_timeCursor = true;
        showTimeCursor(step);
    });
}

void OutputPanel::setTimeCursorShown(bool shown) {
    m_timeCursor = shown;
    showTimeCursor(m_session->timeStep());
}

void OutputPanel::showTimeCursor(int step) {
    const auto analysis = m_session->analysis();
    if (!m_timeCursor || !analysis) {
        if (m_plot->markerX())
            m_plot->setMarkerX(std::nullopt);
        return;
    }
    m_plot->setMarkerX((step + 1) * analysis->model->dt);
}

void OutputPanel::onAnalysisChanged() {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const QSignalBlocker block(m_trials);
    m_trials->clear();
    const auto& trials = analysis->batch().trials;
    const bool isTrialSet = analysis->task == TaskKind::Data;
    for (std::size_t j = 0; j < trials.size(); ++j)
        // A trial set's trials of one condition share their label: the number tells them apart.
        m_trials->addItem(
            isTrialSet ? tr("%1, trial %2")
                             .arg(trialLabel(analysis->task, trials[j]), QString::number(j + 1))
                       : trialLabel(analysis->task, trials[j]));
    selectShown();
}

void OutputPanel::selectShown() {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const auto& trials = analysis->batch().trials;
    const int count = static_cast<int>(trials.size());
    {
        const QSignalBlocker block(m_trials);
        m_trials->clearSelection();
        if (m_show->currentIndex() == 2) {
            m_trials->selectAll();
        } else if (m_show->currentIndex() == 1) {
            // The first trial of every condition the views draw.
            const ConditionGroups& g = analysis->conditions;
            std::vector<bool> seen(static_cast<std::size_t>(g.count()), false);
            for (int j = 0; j < count; ++j) {
                const int c = g.ofTrial[static_cast<std::size_t>(j)];
                if (c >= 0 && !seen[static_cast<std::size_t>(c)]) {
                    seen[static_cast<std::size_t>(c)] = true;
                    m_trials->item(j)->setSelected(true);
                }
            }
        } else if (count > 0) {
            // Two contrasting trials: the first and the last of the grid.
            m_trials->item(0)->setSelected(true);
            m_trials->item(count - 1)->setSelected(true);
        }
    }
    redraw();
}

void OutputPanel::redraw() {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const auto result = m_session->result();
    const Batch& batch = analysis->batch();
    const double dt = analysis->model->dt;
    QVector<double> time(batch.steps);
    for (int t = 0; t < batch.steps; ++t)
        time[t] = (t + 1) * dt;
    QVector<widgets::PlotSeries> series;
    const QList<QListWidgetItem*> selected = m_trials->selectedItems();
    // A trial set's trials take the colour of their condition, as in the 3D view.
    const bool byCondition = analysis->task == TaskKind::Data;
    const ConditionGroups& groups = analysis->conditions;
    int colorIndex = 0;
    for (QListWidgetItem* item : selected) {
        const int trial = m_trials->row(item);
        const int condition = groups.ofTrial[static_cast<std::size_t>(trial)];
        const QColor color =
            byCondition && condition >= 0
                ? widgets::conditionColor(condition, std::max(2, groups.count()))
                : widgets::conditionColor(colorIndex++, std::max(2, int(selected.size())));
        // The target is grey, unless the trial's own colour is (the eighth of eight conditions).
        const QColor targetColor =
            color.hslSaturation() < 40 ? QColor(20, 20, 20) : QColor(120, 120, 120);
        widgets::PlotSeries target{
            tr("target: %1").arg(item->text()), targetColor, time, {}, true, false};
        // Where a mask leaves the error out, the target is no target: a gap.
        for (int t = 0; t < batch.steps; ++t)
            target.y.append(!batch.mask.empty() &&
                                    batch.mask[static_cast<std::size_t>(t)](0, trial) == 0.0
                                ? std::numeric_limits<double>::quiet_NaN()
                                : batch.y[static_cast<std::size_t>(t)](0, trial));
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
