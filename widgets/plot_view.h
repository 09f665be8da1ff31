// A 2D plot of named series (cost against k, loss curves, ...), exportable (QCustomPlot inside).
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
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

// Drag to pan, wheel to zoom, double-click to fit; the context menu exports PNG, SVG, PDF or CSV.
class PlotView : public QWidget {
    Q_OBJECT
public:
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    void setTitle(const QString& title);
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

    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);
    bool exportPdf(const QString& path);
    // One row per point: series,x,y (series names quoted as RFC 4180 requires).
    bool exportCsv(const QString& path);
    QImage renderImage();

private:
    void showContextMenu(const QPoint& position);
    void exportWithDialog(const QString& suffix);
    void replotNow();

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace opdims::widgets
