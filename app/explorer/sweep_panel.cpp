// SweepPanel: two PlotViews sharing the series colours of each basis.
#include "app/explorer/sweep_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "core/simulation/condition_effects.h"
#include "core/tasks/conditions.h"
#include "widgets/palette.h"
#include "widgets/plot_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opdims::explorer {

SweepPanel::SweepPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_cost(new widgets::PlotView(this)),
      m_distance(new widgets::PlotView(this)), m_groups(new widgets::PlotView(this)),
      m_level(new QComboBox(this)), m_run(new QPushButton(tr("Sweep k"), this)) {
    m_level->addItem(tr("per context (ctxt) or frequency band (swg)"));
    m_level->addItem(tr("per condition"));
    m_level->setToolTip(tr("How the third plot splits the cost"));
    m_groups->setTitle(tr("Cost per context or frequency band vs k"));
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
    auto* plots = new QHBoxLayout;
    plots->addWidget(m_cost);
    plots->addWidget(m_distance);
    plots->addWidget(m_groups);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(new QLabel(tr("Third plot:"), this));
    buttons->addWidget(m_level);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(plots, 1);
    layout->addLayout(buttons);
    connect(m_run, &QPushButton::clicked, this, &SweepPanel::sweepRequested);
    connect(m_session, &Session::sweepsChanged, this, &SweepPanel::redraw);
    connect(m_session, &Session::analysisChanged, this, &SweepPanel::redraw);
    connect(m_session, &Session::resultChanged, this, &SweepPanel::showLivePoint);
    connect(m_level, &QComboBox::currentIndexChanged, this, &SweepPanel::redraw);
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
        m_groups->setTitle(perCondition ? tr("Cost per condition vs k")
                                        : tr("Cost per context or frequency band vs k"));
        const std::vector<TrialGroup> g = trialGroups(
            analysis->batch, perCondition ? EffectLevel::Condition : EffectLevel::Group);
        int b = 0;
        for (const auto& [key, c] : sweeps) {
            std::vector<widgets::PlotSeries> lines(g.size());
            for (std::size_t j = 0; j < g.size(); ++j) {
                lines[j].name =
                    basisShortTitle(key) + QStringLiteral(": ") + groupTitle(g[j].label);
                lines[j].color =
                    widgets::conditionColor(static_cast<int>(j), std::max<int>(2, g.size()));
                if (perCondition && !g[j].trials.empty()) {
                    // The condition's title and colour as in the 3D view.
                    const Condition cond = conditionOf(
                        analysis->task,
                        analysis->batch.trials[static_cast<std::size_t>(g[j].trials.front())]);
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
                if (p.trialSquaredError.size() != analysis->batch.trials.size())
                    continue; // a sweep without per-trial sums
                const auto effects =
                    groupEffects(g, p.trialSquaredError, p.trialDistance, analysis->batch);
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

QString SweepPanel::groupTitle(const std::string& label) const {
    const std::string context = "context ";
    if (label.rfind(context, 0) == 0)
        return tr("context %1").arg(QString::fromStdString(label.substr(context.size())));
    return QString::fromStdString(label);
}

} // namespace opdims::explorer
