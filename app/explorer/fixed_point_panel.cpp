// FixedPointPanel: the rows and the eigenvalue plot come from core (pointTable, nearestPoint);
// this file only fills widgets.
#include "app/explorer/fixed_point_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/widget_types.h"
#include "core/fixed_points/table.h"
#include "widgets/palette.h"
#include "widgets/plot_view.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opdims::explorer {

namespace {

const QColor kReducedColor(200, 30, 30); // as the reduced network's flow arrows
const QColor kFullColor(90, 90, 90);

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

FixedPointPanel::FixedPointPanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)),
      m_table(new QTableWidget(0, ColumnCount, this)), m_eigenvalues(new widgets::PlotView(this)),
      m_counterpartLabel(new QLabel(this)) {
    m_title->setWordWrap(true);
    m_counterpartLabel->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("#"), tr("class"), tr("speed ‖F‖"), tr("unstable modes"),
                                        tr("output z"), tr("along axis")});
    const QString tips[ColumnCount] = {
        tr("The point's number, shown beside it in the 3D view while it is selected"),
        tr("Stable, saddle, marginal or unstable fixed point (from the real parts of the "
           "Jacobian's eigenvalues), or slow point"),
        tr("‖F(x)‖: how fast the state moves at the point (0 at a fixed point)"),
        tr("The Jacobian's eigenvalues with a positive real part: the directions in which the "
           "state leaves the point"),
        tr("The network's output z = W_out tanh(x) + b_z at the point"),
        tr("Position along the first principal axis of the listed points, about their mean")};
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_table->setToolTip(tr("The fixed and slow points the 3D view shows, in its order: select a "
                           "row to highlight the point there, or click a point in the 3D view"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Output, QHeaderView::Stretch);

    m_eigenvalues->setAxisLabels(tr("Re λ (1/τ)"), tr("Im λ (1/τ)"));
    // The eigenvalues that matter are near the right edge, where the legend would sit.
    m_eigenvalues->setLegendBeside(true);
    m_eigenvalues->setToolTip(
        tr("The eigenvalues of the chosen point's Jacobian J = −I + W diag(1 − tanh²(x)) in the "
           "complex plane, in units of 1/τ: right of the dashed line (Re λ > 0) a direction is "
           "unstable. Filled red: the reduced-rank network's point; open grey: the full "
           "network's nearest point under the same input"));

    auto* left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addWidget(m_table, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_eigenvalues, 1);
    right->addWidget(m_counterpartLabel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FixedPointPanel::onRowChanged);
    for (auto signal : {&Session::analysisChanged, &Session::resultChanged,
                        &Session::fixedPointsChanged, &Session::selectionChanged})
        connect(m_session, signal, this, &FixedPointPanel::refresh);
    refresh();
}

int FixedPointPanel::selectedPoint() const {
    return m_selected;
}

const Session::ShownFixedPoints* FixedPointPanel::shown() const {
    return m_shown.get();
}

QString FixedPointPanel::boundaryName() {
    return tr("stability boundary (Re λ = 0)");
}

QString FixedPointPanel::fullNetworkName() {
    return tr("full network's nearest point");
}

QString FixedPointPanel::counterpartText() const {
    return m_counterpartLabel->text();
}

void FixedPointPanel::selectPoint(int index) {
    const int rows = m_table->rowCount();
    index = index >= 0 && index < rows ? index : -1;
    {
        const QSignalBlocker block(m_table);
        if (index < 0)
            m_table->clearSelection();
        else
            m_table->selectRow(index);
    }
    if (index < 0)
        m_table->setCurrentItem(nullptr);
    else
        m_table->scrollToItem(m_table->item(index, 0));
    if (index == m_selected)
        return;
    m_selected = index;
    showEigenvalues();
    emit pointSelected(index);
}

void FixedPointPanel::onRowChanged() {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    const int row = items.isEmpty() ? -1 : items.front()->row();
    if (row == m_selected)
        return;
    m_selected = row;
    showEigenvalues();
    emit pointSelected(row);
}

void FixedPointPanel::refresh() {
    const auto shown = m_session->shownFixedPoints(m_session->selection().fixedPoints);
    if (shown && m_shown && shown->points == m_shown->points && shown->full == m_shown->full)
        return; // the same points: keep the table and its selection
    // The new points keep the choice on the point nearest to the chosen one.
    Eigen::VectorXd chosen;
    if (m_shown && m_selected >= 0)
        chosen = m_shown->points->points[static_cast<std::size_t>(m_selected)].x;
    m_shown = shown ? std::make_unique<Session::ShownFixedPoints>(*shown) : nullptr;
    const auto analysis = m_session->analysis();
    const auto result = m_session->result();
    const bool removed = result && result->remove;
    const std::vector<FixedPoint> none;
    const std::vector<FixedPoint>& points = m_shown ? m_shown->points->points : none;

    if (!m_shown)
        m_title->setText(tr("No fixed points shown: tick Fixed points in the 3D view or run "
                            "Analysis > Find fixed points thoroughly."));
    else
        m_title->setText(
            (removed ? tr("%1 points of W with the ticked dimensions removed under %2 (%3)")
                     : tr("%1 points of the reduced-rank network under %2 (%3)"))
                .arg(points.size())
                .arg(m_shown->input.label, m_shown->searched
                                               ? tr("thorough search")
                                               : tr("quick search from the sampling locations")));

    const QSignalBlocker block(m_table);
    m_table->clearSelection();
    m_table->setRowCount(static_cast<int>(points.size()));
    m_selected = -1;
    const QLocale locale;
    const PointTable rows = analysis ? pointTable(*analysis->model, points) : PointTable{};
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
        const PointRow& r = rows.rows[i];
        const int row = static_cast<int>(i);
        m_table->setItem(row, Number, cell(QString::number(row + 1)));
        auto* kind = cell(pointClassTitle(r.kind, r.stability));
        kind->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        // The glyph's colour (slow points are drawn in the colour of their stability too).
        kind->setData(Qt::DecorationRole, widgets::stabilityColor(toWidget(r.stability)));
        m_table->setItem(row, Class, kind);
        m_table->setItem(row, Speed, cell(locale.toString(r.speed, 'e', 2)));
        m_table->setItem(row, UnstableModes, cell(QString::number(r.unstableModes)));
        QStringList z;
        for (Eigen::Index j = 0; j < r.output.size(); ++j)
            // Rounded to zero, a tiny negative number would read "-0.000".
            z << locale.toString(std::abs(r.output(j)) < 5e-4 ? 0.0 : r.output(j), 'f', 3);
        // Not a comma: it is the decimal separator of some languages.
        m_table->setItem(row, Output, cell(z.join(QStringLiteral("; "))));
        m_table->setItem(
            row, AlongAxis,
            cell(std::isfinite(r.alongAxis) ? locale.toString(r.alongAxis, 'g', 3) : QString()));
    }
    // A position along the points' axis says something only when they spread along a line.
    const bool alongLine = rows.rows.size() >= 2 && rows.axisShare >= 0.5;
    m_table->setColumnHidden(AlongAxis, !alongLine);
    if (alongLine)
        m_table->horizontalHeaderItem(AlongAxis)->setToolTip(
            tr("Position along the first principal axis of the listed points, about "
               "their mean (the axis holds %1 % of their variance)")
                .arg(100.0 * rows.axisShare, 0, 'f', 0));

    // The first point is chosen at first, so that its eigenvalues show at once.
    const int next = chosen.size() > 0 ? nearestPoint(points, chosen) : points.empty() ? -1 : 0;
    if (next >= 0)
        m_table->selectRow(next);
    m_selected = next;
    showEigenvalues();
    emit pointSelected(next);
}

void FixedPointPanel::showEigenvalues() {
    m_counterpart = -1;
    if (!m_shown || m_selected < 0) {
        m_eigenvalues->setTitle(tr("Jacobian eigenvalues"));
        m_eigenvalues->setSeries({});
        m_counterpartLabel->setText(
            m_shown && !m_shown->points->points.empty()
                ? tr("Choose a point in the table, or click one in the 3D view, to see its "
                     "eigenvalues.")
                : QString());
        return;
    }
    const FixedPoint& p = m_shown->points->points[static_cast<std::size_t>(m_selected)];
    const auto result = m_session->result();
    const bool removed = result && result->remove;
    auto eigenSeries = [](const FixedPoint& point, const QString& name, const QColor& color) {
        widgets::PlotSeries s;
        s.name = name;
        s.color = color;
        s.scatter = true;
        for (Eigen::Index i = 0; i < point.linear.eigenvalues.size(); ++i) {
            s.x.append(point.linear.eigenvalues(i).real());
            s.y.append(point.linear.eigenvalues(i).imag());
        }
        return s;
    };
    widgets::PlotSeries reduced =
        eigenSeries(p,
                    (removed ? tr("W with the ticked dimensions removed, #%1")
                             : tr("reduced-rank network, #%1"))
                        .arg(m_selected + 1),
                    kReducedColor);
    widgets::PlotSeries full;
    const FixedPoint* other = nullptr;
    if (m_shown->full) {
        m_counterpart = nearestPoint(m_shown->full->points, p.x);
        if (m_counterpart >= 0) {
            other = &m_shown->full->points[static_cast<std::size_t>(m_counterpart)];
            full = eigenSeries(*other, fullNetworkName(), kFullColor);
            full.hollow = true;
        }
    }
    // The imaginary axis, over the height of the eigenvalues (or a little when all are real).
    double lo = 0.0, hi = 0.0, reach = 0.0;
    for (const widgets::PlotSeries* s : {&reduced, &full}) {
        for (double y : s->y) {
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
        for (double x : s->x)
            reach = std::max(reach, std::abs(x));
    }
    const double span = std::max({hi - lo, 0.2 * reach, 0.1});
    widgets::PlotSeries boundary;
    boundary.name = boundaryName();
    boundary.color = Qt::black;
    boundary.dashed = true;
    boundary.x = {0.0, 0.0};
    boundary.y = {lo - 0.1 * span, hi + 0.1 * span};
    QVector<widgets::PlotSeries> series{boundary};
    if (other)
        series.append(full);
    series.append(reduced);
    m_eigenvalues->setTitle(tr("Jacobian eigenvalues of #%1 (%2)")
                                .arg(m_selected + 1)
                                .arg(pointClassTitle(p.kind, p.linear.stability)));
    m_eigenvalues->setSeries(series);

    if (other)
        m_counterpartLabel->setText(
            tr("The full network's nearest point: %1, %2 unstable modes, speed %3, at a distance "
               "of %4 from #%5.")
                .arg(pointClassTitle(other->kind, other->linear.stability))
                .arg(other->linear.unstableModes)
                .arg(QLocale().toString(other->speed, 'e', 2))
                .arg(QLocale().toString((other->x - p.x).norm(), 'g', 3))
                .arg(m_selected + 1));
    else if (m_shown->full)
        m_counterpartLabel->setText(
            tr("The full network has no fixed or slow point near #%1 under this input.")
                .arg(m_selected + 1));
    else
        m_counterpartLabel->setText(QString());
}

} // namespace opdims::explorer
