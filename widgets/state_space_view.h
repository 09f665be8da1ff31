// A 3D view of state space: trajectories, sampling locations, fixed points and flow (VTK inside).
#pragma once

#include "widgets/scene_types.h"

#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

namespace opdims::widgets {

// Rotate with the left mouse button, pan with the middle one (or Shift + left), zoom with the
// wheel or the right button. Every setter replaces what was shown of its kind.
class StateSpaceView : public QWidget {
    Q_OBJECT
public:
    using Layer = opdims::widgets::Layer;

    explicit StateSpaceView(QWidget* parent = nullptr);
    // The VTK version the view is drawn with ("9.1.0").
    static QString vtkVersion();
    ~StateSpaceView() override;

    // The reduced trajectories are drawn dashed and thinner, beside the full ones.
    void setTrajectories(const QVector<Polyline3D>& full, const QVector<Polyline3D>& reduced);
    void setSamplingLocations(const QVector<Marker3D>& markers);
    // Glyphs coloured by stability, with short lines along their directions.
    void setFixedPoints(const QVector<FixedPointGlyph>& points);
    // The glyph drawn highlighted (its index in setFixedPoints' list; -1: none), with a halo and
    // its 1-based number. New fixed points keep the index while it is in range.
    void setHighlightedFixedPoint(int index);
    int highlightedFixedPoint() const;
    // Where glyph `index` is on screen, in this widget's coordinates (as last rendered); nullopt
    // for an index out of range or before the first render.
    std::optional<QPointF> fixedPointPosition(int index) const;
    void setFlowArrows(const QVector<Arrow3D>& arrows);
    // Markers at the current time on the trajectories (time playback). They do not change the
    // axes or the camera, and are cheap enough to set at every frame.
    void setTimeMarkers(const QVector<Marker3D>& markers);
    // A line of text at the top left (e.g. "t = 0.80 s · stimulus"); empty hides it.
    void setCaption(const QString& text);
    QString caption() const;
    // Text, lines and glyphs drawn larger by this factor (the interface scale, 1 to 2.5).
    void setInterfaceScale(double scale);
    double interfaceScale() const;
    // Frames that follow each other closely (playback, a dragged slider, a turning camera) are
    // drawn without multisample anti-aliasing, and the last one again with it once they stop
    // (VtkHost::setAdaptiveQuality). On by default; off: every frame anti-aliased.
    void setAdaptiveQuality(bool on);
    void setLegend(const QVector<LegendEntry>& entries);
    const QVector<LegendEntry>& legend() const;
    void setAxisLabels(const QString& x, const QString& y, const QString& z);
    void setLayerVisible(Layer layer, bool visible);
    bool isLayerVisible(Layer layer) const;
    // A dark background instead of the default white one (white suits projectors best).
    void setDarkBackground(bool dark);

    // Fits the camera to everything shown, looking from an oblique direction.
    void resetCamera();
    // Where the camera is and looks; setting it (e.g. from another view) redraws, and
    // cameraChanged is emitted whenever it moves (by the user or by setCamera).
    struct CameraState {
        double position[3] = {0, 0, 1};
        double focalPoint[3] = {0, 0, 0};
        double viewUp[3] = {0, 1, 0};
        double viewAngle = 30.0;
        bool operator==(const CameraState& o) const;
    };
    CameraState camera() const;
    void setCamera(const CameraState& state);
    // The current view as an image; works under Xvfb and when the view is not on screen.
    QImage renderImage();
    // Shows what `other` shows, as `other` shows it: content, layers, theme, scale, caption and
    // camera (an off-screen copy renders movie frames and large figures).
    void copyContentFrom(const StateSpaceView& other);
    // The view at another size: `pixels` wide and high, text and glyphs `magnification` times
    // their size on screen (3: a figure three times the window's size that looks the same).
    // Rendered by an off-screen copy; a null image when it cannot be made.
    QImage renderImage(QSize pixels, double magnification);
    // Returns false (and does not crash) when the image cannot be made or written.
    bool savePng(const QString& path);

signals:
    void cameraChanged();
    // A click (no drag) on a fixed point glyph while they are shown: its index.
    void fixedPointPicked(int index);
    // A frame was drawn on screen. The 3D view draws in an event of its own, apart from the
    // window's paint (see VtkHost).
    void frameShown();

private:
    // Emits fixedPointPicked for the glyph at a click (host coordinates), if any.
    void pick(const QPointF& position);
    // Rebuilds everything whose size is in pixels (after a theme or device pixel ratio change).
    void restyle();

    struct Impl;
    std::unique_ptr<Impl> d;
};

// One camera for two views: whichever moves, the other follows (until `context` is destroyed).
void linkCameras(StateSpaceView* a, StateSpaceView* b, QObject* context);

// QWidget::grab() of `widget` with the 3D views inside it drawn in: they draw into native windows
// of their own, which a grab leaves blank. For screenshots of whole windows.
QPixmap grabWithViews(QWidget* widget);

} // namespace opdims::widgets
