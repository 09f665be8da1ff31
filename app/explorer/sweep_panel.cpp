// SweepPanel: two PlotViews sharing the series colours of each basis.
#include "app/explorer/sweep_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "widgets/palette.h"
#include "widgets/plot_view.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace opdims::explorer {

SweepPanel::SweepPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_cost(new widgets::PlotView(this)),
      m_distance(new widgets::PlotView(this)), m_run(new QPushButton(tr("Sweep k"), this)) {
    m_cost->setTitle(tr("Cost vs k"));
    m_cost->setAxisLabels(tr("kept dimensions k"), tr("cost"));
    m_cost->setLogY(true);
    m_distance->setTitle(tr("State distance vs k"));
    m_distance->setAxisLabels(tr("kept dimensions k"), tr("state distance"));
    m_run->setToolTip(tr("Evaluate the reduced-rank network for every k of the chosen basis"));
    auto* plots = new QHBoxLayout;
    plots->addWidget(m_cost);
    plots->addWidget(m_distance);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(plots, 1);
    layout->addLayout(buttons);
    connect(m_run, &QPushButton::clicked, this, &SweepPanel::sweepRequested);
    connect(m_session, &Session::sweepsChanged, this, &SweepPanel::redraw);
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
    m_cost->setSeries(cost);
    m_distance->setSeries(distance);
}

} // namespace opdims::explorer
