// A 2D plot of named series (cost against k, loss curves, ...), exportable (QCustomPlot inside).
#pragma once

#include <QColor>
#include <QImage>
#include <QMap>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

namespace opdims::widgets {

struct PlotSeries {
    QString name;
    QColor color;
    QVector<double> x, y;
    bool dashed = false;
    bool scatter = false; // points only, no connecting line
    bool hollow = false;  // scatter points as open circles, a little larger (one set over another)
};

// How PlotView::exportFigure draws and labels a figure. A logical pixel is 1/96 inch in every
// format: fonts keep their on-screen proportions, a PDF page is 0.75 pt per logical pixel and a
// PNG records 96 * scale dots per inch, so each prints at the same physical size.
struct FigureOptions {
    // The whole figure, annotation included, in logical pixels; empty: the view's size on screen
    // (800 x 500 while it is smaller than 100 x 100, never laid out). The plot part, above the
    // annotation, must keep at least 200 x 150 and what its title, labels and a legend beside the
    // axes need; no side may exceed 16384.
    QSize size;
    // PNG only: device pixels per logical pixel (2 for slides, 3 or 4 for print). The image is
    // exactly size * scale pixels (rounded), at most 16384 a side and 64 megapixels.
    double scale = 1.0;
    // Drawn on the figure only (never on screen) when non-empty, e.g. "network ... · basis ... ·
    // k = 20 · cost 0.0013": a strip below the plot, as wide as the figure, small dark grey text,
    // lines kept ('\n') and wrapped to the width. The plot shrinks by the strip's height.
    QString annotation;
    // The metadata title; empty: the plot's own title (setTitle).
    QString title;
    // Settings to keep with the file whether or not they are drawn, e.g. {"network", path}. PNG:
    // one text chunk each (keys reduced to the 1-79 Latin-1 characters PNG allows; entries named
    // Title, Description or Software are left out, those three come from the fields above).
    QMap<QString, QString> metadata;
};

// Drag to pan, wheel to zoom, double-click to fit; the context menu exports PNG, SVG, PDF or CSV.
class PlotView : public QWidget {
    Q_OBJECT
public:
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    void setTitle(const QString& title);
    // Text, lines and markers drawn larger by this factor (the interface scale, 0.5 to 4).
    void setInterfaceScale(double scale);
    double interfaceScale() const;
    void setAxisLabels(const QString& x, const QString& y);
    // Logarithmic y axis; points with y <= 0 are then not drawn.
    void setLogY(bool logY);
    // The legend beside the axes whatever its length (a short one sits in their top right corner
    // otherwise, where it could hide what matters, e.g. points near the right edge).
    void setLegendBeside(bool beside);
    // Replaces all series and rescales the axes to show them.
    void setSeries(const QVector<PlotSeries>& series);
    const QVector<PlotSeries>& series() const;
    // A vertical line at x (e.g. the current number of kept dimensions k); nullopt hides it.
    void setMarkerX(std::optional<double> x);
    std::optional<double> markerX() const;
    // A highlighted point with a short label beside it (e.g. the live reduced-rank network's cost
    // at its k), kept in view when the axes fit the data; nullopt hides it.
    void setMarkerPoint(std::optional<QPointF> point, const QColor& color = QColor(),
                        const QString& label = QString());
    std::optional<QPointF> markerPoint() const;
    QString markerPointLabel() const;
    // Adds one point to a series for live curves; redraws are coalesced (at most one per ~40 ms).
    // An index past the end is ignored.
    void appendPoint(int seriesIndex, double x, double y);

    // Writes the figure as PNG, SVG or PDF by the path's suffix (any case). Metadata, every format:
    // the title, Software/creator "opdims", and a description made of the annotation followed by
    // one "key: value" line per metadata entry (left out when both are empty):
    //   PNG: text chunks Title, Description, Software and one per metadata entry (tEXt, or zTXt
    //        from 40 characters, or iTXt for text beyond Latin-1), resolution 96 * scale dpi;
    //   SVG: <title> and <desc>;
    //   PDF: Info /Title and /Creator, and XMP dc:title, dc:description, xmp:CreatorTool; one page
    //        of exactly the figure's size, no margins.
    // The file is replaced atomically: false, and the previous file (or none) left as it was, when
    // the suffix is unknown, the options impossible or the file cannot be written.
    bool exportFigure(const QString& path, const FigureOptions& options);
    // The defaults (the view's size, its title; PNG at twice the size), whatever the suffix.
    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);
    bool exportPdf(const QString& path);
    // One row per point: series,x,y (series names quoted as RFC 4180 requires).
    bool exportCsv(const QString& path);
    QImage renderImage();

private:
    enum class FigureFormat { Png, Svg, Pdf };
    bool writeFigure(const QString& path, const FigureOptions& options, FigureFormat format);
    void showContextMenu(const QPoint& position);
    void exportWithDialog(const QString& suffix);
    void replotNow();

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace opdims::widgets
