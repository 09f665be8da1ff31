// SweepPanel: three PlotViews sharing the series colours of each basis.
#include "app/explorer/sweep_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "core/simulation/condition_effects.h"
#include "core/tasks/conditions.h"
#include "widgets/palette.h"
#include "widgets/plot_view.h"

#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace opdims::explorer {

namespace {

// Sizes at interface scale 1. The title's and the legend's text as widgets/plot_view.cpp draws
// them (points; the title bold).
constexpr double kTitlePoints = 11.0;
constexpr double kLegendPoints = 10.0;
constexpr int kTitleMargin = 16; // pixels left and right of the title together
// Right of the axes: the room the last x tick label takes beyond them, then the legend's line
// icon, margins and frame, in pixels.
constexpr int kLegendChrome = 84;
constexpr int kYAxisWidth = 68;        // the y axis' tick labels (10^-3) and its label
constexpr int kAxesMinimumWidth = 150; // x tick labels 0, 20, .. 100 well apart

} // namespace

SweepPanel::SweepPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_cost(new widgets::PlotView(this)),
      m_distance(new widgets::PlotView(this)), m_groups(new widgets::PlotView(this)),
      m_level(new QComboBox(this)), m_run(new QPushButton(tr("Sweep k"), this)),
      m_scroll(new QScrollArea(this)) {
    m_level->addItem(tr("per context or band"));
    m_level->addItem(tr("per condition"));
    m_level->setToolTip(tr("How the third plot splits the cost: per context (ctxt) or frequency "
                           "band (swg), or per condition"));
    m_groupTitle = tr("Cost per context or frequency band vs k");
    m_groups->setTitle(m_groupTitle);
    m_groups->setAxisLabels(tr("kept dimensions k"), tr("cost"));
    m_groups->setLogY(true);
    m_groups->setToolTip(tr("Which function breaks: the cost of each context (ctxt) or band of "
                            "frequencies (swg) for each swept basis; the first basis solid, the "
                            "others dashed"));
    m_cost->setTitle(tr("Cost vs k"));
    m_cost->setAxisLabels(tr("kept dimensions k"), tr("cost"));
    m_cost->setLogY(true);
    m_cost->setToolTip(tr("The cost of the reduced-rank network keeping the leading k dimensions "
                          "of each swept basis; the dashed grey line is the full network's cost, "
                          "the dot the network of Live ablation at its k"));
    m_distance->setTitle(tr("State distance vs k"));
    m_distance->setAxisLabels(tr("kept dimensions k"), tr("state distance"));
    m_run->setToolTip(tr("Evaluate the reduced-rank network for every k of the chosen basis"));
    // The legends beside the axes: inside they would cover curves that stay high, such as PC's.
    for (widgets::PlotView* plot : {m_cost, m_distance, m_groups})
        plot->setLegendBeside(true);

    // The controls in a column left of the plots, which so take the dock's whole height.
    auto* controls = new QVBoxLayout;
    controls->addWidget(m_run);
    controls->addSpacing(6);
    controls->addWidget(new QLabel(tr("Third plot:"), this));
    controls->addWidget(m_level);
    controls->addStretch(1);
    // The plots side by side; where the dock is narrower or lower than they need, the row
    // scrolls rather than cut titles, overlap tick labels or squash the axes.
    auto* row = new QWidget(this);
    auto* plots = new QHBoxLayout(row);
    plots->setContentsMargins(0, 0, 0, 0);
    for (widgets::PlotView* plot : {m_cost, m_distance, m_groups})
        plots->addWidget(plot, 1);
    m_scroll->setWidget(row);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_scroll, 1);
    fitPlotSizes();

    connect(m_run, &QPushButton::clicked, this, &SweepPanel::sweepRequested);
    connect(m_session, &Session::sweepsChanged, this, &SweepPanel::redraw);
    connect(m_session, &Session::analysisChanged, this, &SweepPanel::redraw);
    connect(m_session, &Session::resultChanged, this, &SweepPanel::showLivePoint);
    connect(m_level, &QComboBox::currentIndexChanged, this, &SweepPanel::redraw);
}

void SweepPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The interface scale sets the application's font before the plots' scale (see
    // app/explorer/presentation.cpp): measure once both are set.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange)
        QTimer::singleShot(0, this, &SweepPanel::fitPlotSizes);
}

void SweepPanel::fitPlotSizes() {
    const std::pair<widgets::PlotView*, QString> plots[] = {{m_cost, tr("Cost vs k")},
                                                            {m_distance, tr("State distance vs k")},
                                                            {m_groups, m_groupTitle}};
    for (const auto& [plot, title] : plots) {
        const double scale = plot->interfaceScale();
        auto scaled = [scale](double n) { return static_cast<int>(std::ceil(n * scale)); };
        QFont titleFont = plot->font();
        titleFont.setPointSizeF(kTitlePoints * scale);
        titleFont.setBold(true);
        QFont legendFont = plot->font();
        legendFont.setPointSizeF(kLegendPoints * scale);
        const QFontMetrics legendMetrics(legendFont);
        int legend = 0;
        for (const widgets::PlotSeries& s : plot->series())
            if (!s.name.isEmpty())
                legend = std::max(legend, legendMetrics.horizontalAdvance(s.name));
        if (legend > 0)
            legend += scaled(kLegendChrome);
        const int titleWidth =
            QFontMetrics(titleFont).horizontalAdvance(title) + scaled(kTitleMargin);
        const int axesWidth = scaled(kYAxisWidth + kAxesMinimumWidth) + legend;
        plot->setMinimumSize(std::max(titleWidth, axesWidth), scaled(kPlotMinimumHeight));
    }
    // The dock keeps the plots' height at interface scale 1, also under a horizontal scroll bar
    // (the main window's layout gives the dock area no less); larger scales may scroll.
    m_scroll->setMinimumHeight(kPlotMinimumHeight +
                               m_scroll->horizontalScrollBar()->sizeHint().height());
}

void SweepPanel::setCurrentK(std::optional<int> k) {
    const std::optional<double> x = k ? std::optional<double>(*k) : std::nullopt;
    m_cost->setMarkerX(x);
    m_distance->setMarkerX(x);
}

void SweepPanel::redraw() {
    QVector<widgets::PlotSeries> cost, distance;
    int i = 0;
    const auto& sweeps = m_session->sweeps();
    const int count = static_cast<int>(sweeps.size());
    for (const auto& [key, c] : sweeps) {
        widgets::PlotSeries s;
        s.name = basisShortTitle(key);
        s.color = widgets::conditionColor(i++, std::max(count, 2));
        for (const SweepPoint& p : c.points)
            s.x.append(p.k);
        for (const SweepPoint& p : c.points)
            s.y.append(p.cost);
        cost.append(s);
        s.y.clear();
        for (const SweepPoint& p : c.points)
            s.y.append(p.stateDistance);
        distance.append(s);
    }
    if (const auto analysis = m_session->analysis()) {
        // The full network's cost: where the curves end when every dimension is kept.
        widgets::PlotSeries full;
        full.name = fullNetworkName();
        full.color = QColor(110, 110, 110);
        full.dashed = true;
        double last = static_cast<double>(analysis->model->units());
        for (const auto& [key, c] : sweeps)
            if (!c.points.empty())
                last = std::max(last, static_cast<double>(c.points.back().k));
        full.x = {0.0, last};
        full.y = {analysis->reference.run.cost, analysis->reference.run.cost};
        cost.append(full);
    }
    m_cost->setSeries(cost);
    m_distance->setSeries(distance);
    showLivePoint();

    // Per context (ctxt) or frequency band (swg): one colour per group, one line style per basis.
    QVector<widgets::PlotSeries> groups;
    if (const auto analysis = m_session->analysis()) {
        const bool perCondition = m_level->currentIndex() == 1;
        m_groupTitle = perCondition ? tr("Cost per condition vs k")
                                    : tr("Cost per context or frequency band vs k");
        m_groups->setTitle(m_groupTitle);
        const std::vector<TrialGroup> g = trialGroups(
            analysis->batch(), perCondition ? EffectLevel::Condition : EffectLevel::Group);
        int b = 0;
        for (const auto& [key, c] : sweeps) {
            std::vector<widgets::PlotSeries> lines(g.size());
            for (std::size_t j = 0; j < g.size(); ++j) {
                lines[j].name =
                    basisShortTitle(key) + QStringLiteral(": ") + conditionGroupTitle(g[j].label);
                lines[j].color =
                    widgets::conditionColor(static_cast<int>(j), std::max<int>(2, g.size()));
                if (perCondition && !g[j].trials.empty()) {
                    // The condition's title and colour as in the 3D view.
                    const Condition cond = conditionOf(
                        analysis->task,
                        analysis->batch().trials[static_cast<std::size_t>(g[j].trials.front())]);
                    lines[j].name = basisShortTitle(key) + QStringLiteral(": ") +
                                    conditionTitle(analysis->task, cond);
                    const int at = indexOf(analysis->conditions.conditions, cond);
                    if (at >= 0)
                        lines[j].color =
                            widgets::conditionColor(at, std::max(2, analysis->conditions.count()));
                }
                lines[j].dashed = b > 0;
            }
            for (const SweepPoint& p : c.points) {
                if (p.trialSquaredError.size() != analysis->batch().trials.size())
                    continue; // a sweep without per-trial sums
                const auto effects =
                    groupEffects(g, p.trialSquaredError, p.trialDistance, analysis->batch());
                for (std::size_t j = 0; j < effects.size(); ++j) {
                    lines[j].x.append(p.k);
                    lines[j].y.append(effects[j].cost);
                }
            }
            for (auto& l : lines)
                groups.append(std::move(l));
            ++b;
        }
    }
    m_groups->setSeries(groups);
    fitPlotSizes(); // the legends' entries changed
}

QString SweepPanel::fullNetworkName() {
    return tr("full network");
}

void SweepPanel::showLivePoint() {
    const auto result = m_session->result();
    // A network with dimensions removed is not on the curves, which keep the leading k.
    if (!result || result->remove || result->analysis != m_session->analysis() ||
        !std::isfinite(result->run.cost)) {
        m_cost->setMarkerPoint(std::nullopt);
        return;
    }
    // In the colour of its basis' curve when that basis was swept.
    QColor color(Qt::black);
    const auto& sweeps = m_session->sweeps();
    int i = 0;
    for (const auto& [key, c] : sweeps) {
        if (key == m_session->selection().basisKey)
            color = widgets::conditionColor(i, std::max(static_cast<int>(sweeps.size()), 2));
        ++i;
    }
    m_cost->setMarkerPoint(QPointF(result->kept, result->run.cost), color,
                           tr("live: k = %1").arg(result->kept));
}

} // namespace opdims::explorer
