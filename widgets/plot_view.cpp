// A 2D plot of named series (cost against k, loss curves, ...), exportable (QCustomPlot inside).
#include "widgets/plot_view.h"

#include "widgets/internal/plot_csv.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace opdims::widgets {

namespace {

constexpr int kReplotDelayMs = 40;        // coalesces bursts of live points into one redraw
constexpr QSize kFallbackSize(800, 500);  // export size of a view too small to show a plot
constexpr double kExportPngScale = 2.0;   // sharp on slides and high-dpi screens
constexpr int kMaxInsetLegendEntries = 4; // a longer legend would cover the curves

bool nonEmptyFile(const QString& path) {
    const QFileInfo info(path);
    return info.exists() && info.size() > 0;
}

} // namespace

struct PlotView::Impl {
    QCustomPlot* plot = nullptr;
    QCPTextElement* title = nullptr;
    QCPItemStraightLine* marker = nullptr;
    QCPItemTracer* point = nullptr; // the marker point
    QCPItemText* pointLabel = nullptr;
    QVector<PlotSeries> series;
    QTimer replotTimer;
    bool logY = false;
    bool autoRange = true; // false once the user pans or zooms, until double-click or new data
    bool legendOutside = false;
    bool legendBeside = false; // setLegendBeside: outside whatever its length

    // A short legend sits in the top right corner of the axes; a long one right of them.
    void placeLegend(bool outside) {
        if (outside == legendOutside)
            return;
        QCPLayoutGrid* grid = plot->plotLayout();
        QCPLayoutInset* inset = plot->axisRect()->insetLayout();
        if (legendOutside) {
            grid->take(plot->legend);
            grid->simplify();
        } else {
            inset->take(plot->legend);
        }
        if (outside) {
            int row = 0;
            while (row < grid->rowCount() && grid->element(row, 0) != plot->axisRect())
                ++row;
            grid->addElement(row, 1, plot->legend);
            grid->setColumnStretchFactor(1, 0.001); // as narrow as the entries allow
        } else {
            inset->addElement(plot->legend, Qt::AlignTop | Qt::AlignRight);
        }
        legendOutside = outside;
    }

    // The view's own size: the plot fills it, and a hidden view has not laid out the plot yet.
    QSize exportSize(const QWidget* view) const {
        const QSize size = view->size();
        return size.width() >= 100 && size.height() >= 100 ? size : kFallbackSize;
    }

    void rescale() {
        plot->rescaleAxes(true);
        if (point->visible()) {
            // The marker point stays in view, also where no curve reaches it.
            const QPointF p = point->position->coords();
            bool noData = true;
            for (int i = 0; i < plot->graphCount(); ++i)
                noData = noData && plot->graph(i)->data()->isEmpty();
            QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
            if (noData) {
                x = QCPRange(p.x() - 1.0, p.x() + 1.0);
                y = QCPRange(p.y() * 0.5, p.y() * 2.0);
            }
            x.expand(p.x());
            if (!logY || p.y() > 0)
                y.expand(p.y());
            plot->xAxis->setRange(x);
            plot->yAxis->setRange(y);
        }
        // A little air so that curves do not sit on the frame.
        plot->xAxis->scaleRange(1.04, plot->xAxis->range().center());
        if (logY) {
            const QCPRange r = plot->yAxis->range();
            if (r.lower > 0 && r.upper > 0)
                plot->yAxis->setRange(r.lower / 1.3, r.upper * 1.3);
        } else {
            plot->yAxis->scaleRange(1.08, plot->yAxis->range().center());
        }
    }

    void applyStyle(QCPGraph* graph, const PlotSeries& s) const {
        graph->setName(s.name);
        QPen pen(s.color.isValid() ? s.color : QColor(Qt::black));
        pen.setWidthF(2.5);
        pen.setStyle(s.dashed ? Qt::DashLine : Qt::SolidLine);
        graph->setPen(pen);
        if (s.scatter) {
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(
                s.hollow ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(pen.color(), 1.5),
                                           Qt::NoBrush, 10)
                         : QCPScatterStyle(QCPScatterStyle::ssDisc, pen.color(), pen.color(), 7));
        } else {
            graph->setLineStyle(QCPGraph::lsLine);
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
        }
    }
};

PlotView::PlotView(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
    d->plot = new QCustomPlot(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->plot);
    setMinimumSize(200, 150);

    QCustomPlot* plot = d->plot;
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setAntialiasedElements(QCP::aeAll);
    // replot() schedules a paint instead of painting at once: in a window that also holds an
    // OpenGL view every paint composes the whole window, so one paint per frame is enough.
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    QFont labelFont = font();
    labelFont.setPointSizeF(std::max(11.0, labelFont.pointSizeF() + 1.0));
    QFont tickFont = font();
    tickFont.setPointSizeF(std::max(10.0, tickFont.pointSizeF()));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(tickFont);
        axis->setBasePen(QPen(Qt::black, 1.5));
        axis->setTickPen(QPen(Qt::black, 1.5));
        axis->setSubTickPen(QPen(Qt::black, 1.0));
        axis->grid()->setPen(QPen(QColor(0xd0, 0xd0, 0xd0), 1.0, Qt::DotLine));
    }
    plot->legend->setFont(tickFont);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(0xa0, 0xa0, 0xa0)));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->legend->setMargins(QMargins(6, 4, 6, 4));

    QFont titleFont = labelFont;
    titleFont.setBold(true);
    // The title joins the layout only when it has text: an empty title row would still take space.
    d->title = new QCPTextElement(plot, QString(), titleFont);
    d->title->setVisible(false);

    d->marker = new QCPItemStraightLine(plot);
    d->marker->setPen(QPen(QColor(0x50, 0x50, 0x50), 1.5, Qt::DashLine));
    d->marker->point1->setCoords(0.0, 1.0);
    d->marker->point2->setCoords(0.0, 2.0);
    d->marker->setVisible(false);
    d->marker->setSelectable(false);

    d->point = new QCPItemTracer(plot);
    d->point->setStyle(QCPItemTracer::tsCircle);
    d->point->setSize(12);
    d->point->setVisible(false);
    d->point->setSelectable(false);
    d->pointLabel = new QCPItemText(plot);
    d->pointLabel->position->setParentAnchor(d->point->position);
    d->pointLabel->position->setCoords(10, 0); // pixels right of the point
    d->pointLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Readable where it crosses a curve.
    d->pointLabel->setBrush(QColor(255, 255, 255, 210));
    d->pointLabel->setPadding(QMargins(2, 0, 2, 0));
    d->pointLabel->setFont(tickFont);
    d->pointLabel->setVisible(false);
    d->pointLabel->setSelectable(false);

    d->replotTimer.setSingleShot(true);
    d->replotTimer.setInterval(kReplotDelayMs);
    connect(&d->replotTimer, &QTimer::timeout, this, [this] {
        if (d->autoRange)
            d->rescale();
        d->plot->replot(QCustomPlot::rpQueuedReplot);
    });

    connect(plot, &QCustomPlot::mouseWheel, this, [this] { d->autoRange = false; });
    connect(plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() != Qt::NoButton)
            d->autoRange = false;
    });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        d->autoRange = true;
        d->rescale();
        d->plot->replot();
    });
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this, &PlotView::showContextMenu);
}

PlotView::~PlotView() = default;

void PlotView::setTitle(const QString& title) {
    QCPLayoutGrid* layout = d->plot->plotLayout();
    const bool shown = layout->hasElement(0, 0) && layout->element(0, 0) == d->title;
    d->title->setText(title);
    if (!title.isEmpty() && !shown) {
        layout->insertRow(0);
        layout->addElement(0, 0, d->title);
        d->title->setVisible(true);
    } else if (title.isEmpty() && shown) {
        layout->take(d->title);
        layout->simplify();
        d->title->setVisible(false);
    }
    d->plot->replot();
}

void PlotView::setAxisLabels(const QString& x, const QString& y) {
    d->plot->xAxis->setLabel(x);
    d->plot->yAxis->setLabel(y);
    d->plot->replot();
}

void PlotView::setLogY(bool logY) {
    d->logY = logY;
    QCPAxis* axis = d->plot->yAxis;
    if (logY) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
    }
    d->rescale();
    d->plot->replot();
}

void PlotView::setLegendBeside(bool beside) {
    d->legendBeside = beside;
    d->placeLegend(beside || d->plot->legend->itemCount() > kMaxInsetLegendEntries);
    d->plot->replot();
}

void PlotView::setSeries(const QVector<PlotSeries>& series) {
    d->series = series;
    d->plot->clearGraphs();
    bool anyName = false;
    for (const PlotSeries& s : series) {
        QCPGraph* graph = d->plot->addGraph();
        d->applyStyle(graph, s);
        const auto n = std::min(s.x.size(), s.y.size());
        graph->setData(s.x.mid(0, n), s.y.mid(0, n));
        if (s.name.isEmpty())
            graph->removeFromLegend();
        anyName = anyName || !s.name.isEmpty();
    }
    d->plot->legend->setVisible(anyName);
    d->placeLegend(d->legendBeside || d->plot->legend->itemCount() > kMaxInsetLegendEntries);
    d->autoRange = true;
    d->rescale();
    d->replotTimer.stop();
    d->plot->replot();
}

const QVector<PlotSeries>& PlotView::series() const {
    return d->series;
}

std::optional<double> PlotView::markerX() const {
    if (!d->marker->visible())
        return std::nullopt;
    return d->marker->point1->coords().x();
}

void PlotView::setMarkerX(std::optional<double> x) {
    d->marker->setVisible(x.has_value());
    if (x) {
        d->marker->point1->setCoords(*x, 1.0);
        d->marker->point2->setCoords(*x, 2.0);
    }
    d->plot->replot();
}

void PlotView::setMarkerPoint(std::optional<QPointF> point, const QColor& color,
                              const QString& label) {
    d->point->setVisible(point.has_value());
    d->pointLabel->setVisible(point.has_value() && !label.isEmpty());
    if (point) {
        const QColor c = color.isValid() ? color : QColor(Qt::black);
        d->point->position->setCoords(*point);
        d->point->setPen(QPen(c.darker(130), 2.0));
        d->point->setBrush(QColor(c.red(), c.green(), c.blue(), 170));
        d->pointLabel->setText(label);
        d->pointLabel->setColor(c.darker(130));
    }
    if (d->autoRange)
        d->rescale();
    d->plot->replot();
}

std::optional<QPointF> PlotView::markerPoint() const {
    if (!d->point->visible())
        return std::nullopt;
    return d->point->position->coords();
}

QString PlotView::markerPointLabel() const {
    return d->pointLabel->visible() ? d->pointLabel->text() : QString();
}

void PlotView::appendPoint(int seriesIndex, double x, double y) {
    if (seriesIndex < 0 || seriesIndex >= d->series.size() || seriesIndex >= d->plot->graphCount())
        return;
    PlotSeries& s = d->series[seriesIndex];
    s.x.append(x);
    s.y.append(y);
    d->plot->graph(seriesIndex)->addData(x, y);
    if (!d->replotTimer.isActive())
        d->replotTimer.start();
}

void PlotView::replotNow() {
    d->replotTimer.stop();
    if (d->autoRange)
        d->rescale();
    d->plot->replot();
}

bool PlotView::exportPng(const QString& path) {
    replotNow();
    const QSize size = d->exportSize(this);
    return d->plot->savePng(path, size.width(), size.height(), kExportPngScale) &&
           nonEmptyFile(path);
}

bool PlotView::exportSvg(const QString& path) {
    replotNow();
    const QSize size = d->exportSize(this);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(d->title->text());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    d->plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return nonEmptyFile(path);
}

bool PlotView::exportPdf(const QString& path) {
    replotNow();
    const QSize size = d->exportSize(this);
    return d->plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
                            QStringLiteral("opdims"), d->title->text()) &&
           nonEmptyFile(path);
}

bool PlotView::exportCsv(const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    const QByteArray bytes = plotSeriesToCsv(d->series).toUtf8();
    if (file.write(bytes) != bytes.size())
        return false;
    return file.commit();
}

QImage PlotView::renderImage() {
    replotNow();
    const QSize size = d->exportSize(this);
    return d->plot->toPixmap(size.width(), size.height()).toImage();
}

void PlotView::showContextMenu(const QPoint& position) {
    QMenu menu(this);
    menu.addAction(tr("Fit to Data"), this, [this] {
        d->autoRange = true;
        replotNow();
    });
    menu.addSeparator();
    menu.addAction(tr("Export PNG..."), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu.addAction(tr("Export SVG..."), this, [this] { exportWithDialog(QStringLiteral("svg")); });
    menu.addAction(tr("Export PDF..."), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu.addAction(tr("Export CSV..."), this, [this] { exportWithDialog(QStringLiteral("csv")); });
    menu.exec(d->plot->mapToGlobal(position));
}

void PlotView::exportWithDialog(const QString& suffix) {
    const QString filter = tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix);
    QString path = QFileDialog::getSaveFileName(this, tr("Export Plot"), QString(), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = exportPng(path);
    else if (suffix == QLatin1String("svg"))
        ok = exportSvg(path);
    else if (suffix == QLatin1String("pdf"))
        ok = exportPdf(path);
    else
        ok = exportCsv(path);
    if (!ok)
        QMessageBox::warning(this, tr("Export Plot"), tr("Could not write %1.").arg(path));
}

} // namespace opdims::widgets
