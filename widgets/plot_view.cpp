// A 2D plot of named series (cost against k, loss curves, ...), exportable (QCustomPlot inside).
#include "widgets/plot_view.h"

#include "widgets/internal/plot_csv.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageWriter>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStringList>
#include <QSvgGenerator>
#include <QTextOption>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace opdims::widgets {

namespace {

// QCustomPlot writes a power of ten as 10 with a superscript exponent (the "b" of the number
// formats) only when the label marks the exponent with a lower-case e; some locales (German) write
// an upper-case E, which would then stay as "1E-01".
template <typename Base> class ExponentTicker : public Base {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override {
        QString label = Base::getTickLabel(tick, locale, formatChar, precision);
        const QString exponent = locale.exponential();
        if (exponent != QLatin1String("e"))
            label.replace(exponent, QStringLiteral("e"));
        return label;
    }
};

constexpr double kLabelPoints = 11.0;     // axis labels and title, at interface scale 1
constexpr double kTickPoints = 10.0;      // tick labels, legend and point label
constexpr int kReplotDelayMs = 40;        // coalesces bursts of live points into one redraw
constexpr QSize kFallbackSize(800, 500);  // export size of a view too small to show a plot
constexpr double kExportPngScale = 2.0;   // sharp on slides and high-dpi screens
constexpr int kMaxInsetLegendEntries = 4; // a longer legend would cover the curves
// Free space right of and below the legend beside the axes: QCustomPlot draws a legend's frame up
// to one pixel right of and below its cell, outside the image where the cell meets its edge.
constexpr int kLegendBesideEdge = 4;

// Figures (exportFigure): see FigureOptions in widgets/plot_view.h.
constexpr int kFigureDpi = 96;
constexpr QSize kMinFigurePlot(200, 150); // the view's own minimum size
constexpr int kMaxFigureSide = 16384;
constexpr double kMaxFigurePixels = 64e6;
constexpr int kAnnotationPaddingX = 8;
constexpr int kAnnotationPaddingY = 4;
const QString kSoftware = QStringLiteral("opdims");

// Title, Description and Software: set from FigureOptions' own fields, never from its metadata.
bool isReservedKey(const QString& key) {
    const QString k = key.trimmed();
    return k.compare(QLatin1String("Title"), Qt::CaseInsensitive) == 0 ||
           k.compare(QLatin1String("Description"), Qt::CaseInsensitive) == 0 ||
           k.compare(QLatin1String("Software"), Qt::CaseInsensitive) == 0;
}

// A PNG keyword: 1-79 printable Latin-1 characters, single inner spaces only (libpng refuses the
// whole image otherwise); empty when nothing of `key` is left.
QString pngKeyword(const QString& key) {
    QString kept;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        kept += (u > 0x20 && u < 0x7f) || (u > 0xa0 && u <= 0xff) ? c : QChar(u' ');
    }
    return kept.simplified().left(79).trimmed();
}

// Text for XML (SVG, XMP): without the control characters XML 1.0 forbids.
QString xmlSafe(const QString& text) {
    QString kept;
    kept.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 || c == u'\n' || c == u'\t' || c == u'\r')
            kept += c;
    }
    return kept;
}

// The annotation, then one "key: value" line per metadata entry.
QString figureDescription(const FigureOptions& options) {
    QStringList lines;
    if (!options.annotation.isEmpty())
        lines.append(options.annotation);
    for (auto it = options.metadata.cbegin(); it != options.metadata.cend(); ++it) {
        if (!isReservedKey(it.key()))
            lines.append(it.key() + QStringLiteral(": ") + it.value());
    }
    return lines.join(u'\n');
}

// Stand-ins given to QSvgGenerator for its title and description, replaced by svgWithMetadata:
// Qt 6.4 writes them unescaped ("&" or "<" in a title would break the file), and without them
// "Qt SVG Document" and "Generated with Qt".
constexpr char kSvgTitleToken[] = "opdims-figure-title";
constexpr char kSvgDescriptionToken[] = "opdims-figure-description";

// `generated` (QSvgGenerator's output) with the title and description, escaped, as the first
// children of its <svg> element; empty when it holds no <svg> element.
QByteArray svgWithMetadata(QByteArray generated, const QString& title, const QString& description) {
    QByteArray svg = std::move(generated);
    svg.replace(QByteArray("<title>") + kSvgTitleToken + "</title>", QByteArray());
    svg.replace(QByteArray("<desc>") + kSvgDescriptionToken + "</desc>", QByteArray());
    const qsizetype start = svg.indexOf("<svg");
    const qsizetype end = start < 0 ? -1 : svg.indexOf('>', start);
    if (end < 0)
        return QByteArray();
    QString elements;
    if (!title.isEmpty())
        elements += QStringLiteral("\n<title>%1</title>").arg(xmlSafe(title).toHtmlEscaped());
    if (!description.isEmpty())
        elements += QStringLiteral("\n<desc>%1</desc>").arg(xmlSafe(description).toHtmlEscaped());
    svg.insert(end + 1, elements.toUtf8());
    return svg;
}

// The PDF's XMP packet (QPdfWriter writes the Info dictionary from setTitle/setCreator itself).
QByteArray xmpPacket(const QString& title, const QString& description) {
    const auto alt = [](const QString& text) {
        return QStringLiteral("<rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt>")
            .arg(xmlSafe(text).toHtmlEscaped());
    };
    QString dc;
    if (!title.isEmpty())
        dc += QStringLiteral("   <dc:title>%1</dc:title>\n").arg(alt(title));
    if (!description.isEmpty())
        dc += QStringLiteral("   <dc:description>%1</dc:description>\n").arg(alt(description));
    const QString packet =
        QStringLiteral(
            "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            "   <dc:format>application/pdf</dc:format>\n"
            "%1"
            "  </rdf:Description>\n"
            "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
            "    xmp:CreatorTool=\"%2\"/>\n"
            " </rdf:RDF>\n"
            "</x:xmpmeta>\n"
            "<?xpacket end=\"w\"?>")
            .arg(dc, kSoftware);
    return packet.toUtf8();
}

} // namespace

struct PlotView::Impl {
    QCustomPlot* plot = nullptr;
    QCPTextElement* title = nullptr;
    QCPItemStraightLine* marker = nullptr;
    QCPItemTracer* point = nullptr; // the marker point
    QCPItemText* pointLabel = nullptr;
    // While the legend is beside the axes, the plot layout's row of the axes holds `beside`: the
    // axes and right of them `legendColumn`, the legend above an empty element (so the legend
    // keeps its own height and the title, a row of the plot layout, spans the whole width).
    QCPLayoutGrid* beside = nullptr;
    QCPLayoutGrid* legendColumn = nullptr;
    QVector<PlotSeries> series;
    QTimer replotTimer;
    bool logY = false;
    bool autoRange = true; // false once the user pans or zooms, until double-click or new data
    bool legendOutside = false;
    bool legendBeside = false; // setLegendBeside: outside whatever its length
    double scale = 1.0;        // the interface scale (setInterfaceScale)

    // Fonts and line widths for the interface scale.
    void applyScale() {
        auto sized = [](QFont f, double points) {
            f.setPointSizeF(points);
            return f;
        };
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setLabelFont(sized(axis->labelFont(), kLabelPoints * scale));
            axis->setTickLabelFont(sized(axis->tickLabelFont(), kTickPoints * scale));
            axis->setBasePen(QPen(Qt::black, 1.5 * scale));
            axis->setTickPen(QPen(Qt::black, 1.5 * scale));
            axis->setSubTickPen(QPen(Qt::black, 1.0 * scale));
            axis->setTickLengthIn(static_cast<int>(std::lround(5 * scale)));
            axis->setSubTickLengthIn(static_cast<int>(std::lround(2 * scale)));
        }
        plot->legend->setFont(sized(plot->legend->font(), kTickPoints * scale));
        plot->legend->setIconSize(static_cast<int>(std::lround(32 * scale)),
                                  static_cast<int>(std::lround(18 * scale)));
        title->setFont(sized(title->font(), kLabelPoints * scale));
        pointLabel->setFont(sized(pointLabel->font(), kTickPoints * scale));
        point->setSize(12 * scale);
        marker->setPen(QPen(QColor(0x50, 0x50, 0x50), 1.5 * scale, Qt::DashLine));
        for (int i = 0; i < plot->graphCount() && i < series.size(); ++i)
            applyStyle(plot->graph(i), series[i]);
    }

    // A short legend sits in the top right corner of the axes; a long one right of them.
    void placeLegend(bool outside) {
        if (outside == legendOutside)
            return;
        QCPLayoutGrid* grid = plot->plotLayout();
        QCPAxisRect* axes = plot->axisRect();
        if (!beside) {
            beside = new QCPLayoutGrid;
            legendColumn = new QCPLayoutGrid;
            grid->addElement(grid->rowCount(), 0, beside); // adopted by the plot, taken out below
            beside->addElement(0, 1, legendColumn);
            beside->setColumnStretchFactor(1, 0.001); // as narrow as the entries allow
            legendColumn->addElement(1, 0, new QCPLayoutElement(plot));
            legendColumn->setRowStretchFactor(0, 0.001); // as short as the entries allow
            legendColumn->setAutoMargins(QCP::msNone);
            // The legend's top level with the axes' top (the axes have no labels above them).
            legendColumn->setMargins(
                QMargins(0, axes->minimumMargins().top(), kLegendBesideEdge, kLegendBesideEdge));
            grid->take(beside);
            grid->simplify();
        }
        QCPLayoutElement* const from = outside ? static_cast<QCPLayoutElement*>(axes) : beside;
        int row = 0;
        while (row < grid->rowCount() && grid->element(row, 0) != from)
            ++row;
        grid->take(from);
        if (outside) {
            axes->insetLayout()->take(plot->legend);
            beside->addElement(0, 0, axes);
            legendColumn->addElement(0, 0, plot->legend);
            grid->addElement(row, 0, beside);
        } else {
            legendColumn->take(plot->legend);
            beside->take(axes);
            grid->addElement(row, 0, axes);
            axes->insetLayout()->addElement(plot->legend, Qt::AlignTop | Qt::AlignRight);
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

    // Draws a figure of `size` logical pixels on `painter` (begun on a device of kFigureDpi whose
    // coordinates are logical pixels): the plot, and below it the annotation, if any. False, with
    // nothing drawn, when the plot would be cut: the annotation leaves it less than kMinFigurePlot
    // or less than its layout needs (title, labels, a legend beside the axes).
    bool paintFigure(QCPPainter& painter, const QSize& size, const QString& annotation,
                     const QFont& annotationFont) const {
        const QRectF textArea(kAnnotationPaddingX, 0, size.width() - 2 * kAnnotationPaddingX,
                              size.height());
        QTextOption textOption(Qt::AlignLeft | Qt::AlignTop);
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        int stripHeight = 0;
        if (!annotation.isEmpty()) {
            painter.setFont(annotationFont);
            const QRectF bounds = painter.boundingRect(textArea, annotation, textOption);
            stripHeight = static_cast<int>(std::ceil(bounds.height())) + 2 * kAnnotationPaddingY;
        }
        const QSize plotSize(size.width(), size.height() - stripHeight);
        // Titles, labels and legend entries take what they need; anything left for the axes.
        const QSize needed = plot->plotLayout()->minimumOuterSizeHint().expandedTo(kMinFigurePlot);
        if (plotSize.width() < needed.width() || plotSize.height() < needed.height())
            return false;
        painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        plot->toPainter(&painter, plotSize.width(), plotSize.height());
        if (!annotation.isEmpty()) {
            painter.save();
            painter.setRenderHint(QPainter::TextAntialiasing);
            painter.setFont(annotationFont);
            painter.setPen(QColor(0x40, 0x40, 0x40));
            painter.drawText(textArea.translated(0, plotSize.height() + kAnnotationPaddingY),
                             annotation, textOption);
            painter.restore();
        }
        return true;
    }

    void applyStyle(QCPGraph* graph, const PlotSeries& s) const {
        graph->setName(s.name);
        QPen pen(s.color.isValid() ? s.color : QColor(Qt::black));
        pen.setWidthF(2.5 * scale);
        pen.setStyle(s.dashed ? Qt::DashLine : Qt::SolidLine);
        graph->setPen(pen);
        if (s.scatter) {
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(s.hollow ? QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                              QPen(pen.color(), 1.5 * scale),
                                                              Qt::NoBrush, 10 * scale)
                                            : QCPScatterStyle(QCPScatterStyle::ssDisc, pen.color(),
                                                              pen.color(), 7 * scale));
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
    // replot() schedules a paint instead of painting at once: one paint of the window per frame.
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    // Text sizes are fixed (not the widget's font, which an interface scale may have enlarged
    // already) and grow with setInterfaceScale.
    QFont labelFont = font();
    labelFont.setPointSizeF(kLabelPoints);
    QFont tickFont = font();
    tickFont.setPointSizeF(kTickPoints);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(tickFont);
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
    // The marker moves at every frame of time playback: on a buffered layer of its own it is
    // redrawn alone, without the curves under it (QCPLayer::replot).
    if (QCPLayer* overlay = plot->layer(QStringLiteral("overlay"))) {
        overlay->setMode(QCPLayer::lmBuffered);
        d->marker->setLayer(overlay);
    }

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

    d->applyScale();
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
        axis->setTicker(QSharedPointer<ExponentTicker<QCPAxisTickerLog>>::create());
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<ExponentTicker<QCPAxisTicker>>::create());
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

void PlotView::setInterfaceScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == d->scale)
        return;
    d->scale = scale;
    d->applyScale();
    d->plot->replot(QCustomPlot::rpQueuedReplot);
}

double PlotView::interfaceScale() const {
    return d->scale;
}

void PlotView::setMarkerX(std::optional<double> x) {
    d->marker->setVisible(x.has_value());
    if (x) {
        d->marker->point1->setCoords(*x, 1.0);
        d->marker->point2->setCoords(*x, 2.0);
    }
    d->marker->layer()->replot();
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

bool PlotView::exportFigure(const QString& path, const FigureOptions& options) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return writeFigure(path, options, FigureFormat::Png);
    if (suffix == QLatin1String("svg"))
        return writeFigure(path, options, FigureFormat::Svg);
    if (suffix == QLatin1String("pdf"))
        return writeFigure(path, options, FigureFormat::Pdf);
    return false;
}

bool PlotView::writeFigure(const QString& path, const FigureOptions& options, FigureFormat format) {
    replotNow();
    const QSize size = options.size.isEmpty() ? d->exportSize(this) : options.size;
    const double scale = format == FigureFormat::Png ? options.scale : 1.0;
    const double pixelWidth = std::round(size.width() * scale);
    const double pixelHeight = std::round(size.height() * scale);
    if (size.width() < kMinFigurePlot.width() || size.height() < kMinFigurePlot.height() ||
        size.width() > kMaxFigureSide || size.height() > kMaxFigureSide || !std::isfinite(scale) ||
        scale <= 0.0 || pixelWidth < 1.0 || pixelHeight < 1.0 || pixelWidth > kMaxFigureSide ||
        pixelHeight > kMaxFigureSide || pixelWidth * pixelHeight > kMaxFigurePixels)
        return false;
    const QString title = options.title.isEmpty() ? d->title->text() : options.title;
    const QString description = figureDescription(options);
    QFont annotationFont = font();
    annotationFont.setPointSizeF(std::max(9.0, annotationFont.pointSizeF() - 1.0));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    bool painted = false;
    QCPPainter painter;
    // Tick labels as text, not cached pixmaps: sharp at any scale, selectable in SVG and PDF;
    // hairlines (pen width 0) one logical pixel wide, so they grow with the PNG's scale.
    const QCPPainter::PainterModes vectorModes =
        QCPPainter::pmVectorized | QCPPainter::pmNoCaching | QCPPainter::pmNonCosmetic;
    switch (format) {
    case FigureFormat::Png: {
        QImage image(static_cast<int>(pixelWidth), static_cast<int>(pixelHeight),
                     QImage::Format_RGB32);
        if (image.isNull())
            break;
        const int dotsPerMeter = static_cast<int>(std::lround(kFigureDpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMeter); // fonts as at kFigureDpi, before the scaling
        image.setDotsPerMeterY(dotsPerMeter);
        if (!painter.begin(&image))
            break;
        painter.setModes(QCPPainter::pmNoCaching | QCPPainter::pmNonCosmetic);
        painter.scale(pixelWidth / size.width(), pixelHeight / size.height());
        painted = d->paintFigure(painter, size, options.annotation, annotationFont);
        painter.end();
        if (!painted)
            break;
        // Printed at the logical size.
        image.setDotsPerMeterX(static_cast<int>(std::lround(dotsPerMeter * scale)));
        image.setDotsPerMeterY(static_cast<int>(std::lround(dotsPerMeter * scale)));
        // QImage::setText keeps line breaks, QImageWriter::setText would simplify them away.
        for (auto it = options.metadata.cbegin(); it != options.metadata.cend(); ++it) {
            const QString key = pngKeyword(it.key());
            if (!key.isEmpty() && !isReservedKey(key))
                image.setText(key, it.value());
        }
        if (!title.isEmpty())
            image.setText(QStringLiteral("Title"), title);
        if (!description.isEmpty())
            image.setText(QStringLiteral("Description"), description);
        image.setText(QStringLiteral("Software"), kSoftware);
        QImageWriter writer(&file, "png");
        painted = writer.write(image);
        break;
    }
    case FigureFormat::Svg: {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setResolution(kFigureDpi);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(QString::fromLatin1(kSvgTitleToken));
        generator.setDescription(QString::fromLatin1(kSvgDescriptionToken));
        if (!painter.begin(&generator))
            break;
        painter.setModes(vectorModes);
        painted = d->paintFigure(painter, size, options.annotation, annotationFont);
        painter.end();
        const QByteArray svg = svgWithMetadata(buffer.data(), title, description);
        painted = painted && !svg.isEmpty() && file.write(svg) == svg.size();
        break;
    }
    case FigureFormat::Pdf: {
        QPdfWriter writer(&file);
        writer.setTitle(title);
        writer.setCreator(kSoftware);
        writer.setDocumentXmpMetadata(xmpPacket(title, description));
        writer.setResolution(kFigureDpi);
        const QSizeF points = QSizeF(size) * (72.0 / kFigureDpi);
        if (!writer.setPageLayout(
                QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                            QPageLayout::Portrait, QMarginsF())))
            break;
        if (!painter.begin(&writer))
            break;
        painter.setModes(vectorModes);
        // The page is whole points: the figure fills it whatever the rounding.
        painter.setWindow(QRect(QPoint(0, 0), size));
        painter.setViewport(QRect(0, 0, writer.width(), writer.height()));
        painted = d->paintFigure(painter, size, options.annotation, annotationFont);
        painter.end();
        break;
    }
    }
    // Back to the view's own layout (the export laid the plot out at the figure's size).
    d->plot->replot();
    return painted && file.commit();
}

bool PlotView::exportPng(const QString& path) {
    FigureOptions options;
    options.scale = kExportPngScale;
    return writeFigure(path, options, FigureFormat::Png);
}

bool PlotView::exportSvg(const QString& path) {
    return writeFigure(path, FigureOptions(), FigureFormat::Svg);
}

bool PlotView::exportPdf(const QString& path) {
    return writeFigure(path, FigureOptions(), FigureFormat::Pdf);
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
