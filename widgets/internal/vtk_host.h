// The widget that hosts a VTK render window inside Qt 6 (VTK's own Qt widget is Qt 5 only).
#pragma once

#include "widgets/surface_format.h"

#include <QImage>
#include <QWidget>

#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;
class QWindow;

namespace opdims::widgets {

// Owns a vtkGenericOpenGLRenderWindow and an interactor with a trackball camera fed from Qt's
// mouse and wheel events. VTK draws into a native child window of its own (a QWindow in a window
// container) with an OpenGL context of its own, so a frame of the 3D view is drawn and shown in an
// event of its own, and the rest of the window stays a plain raster window: Qt never composes the
// whole window through OpenGL, which under a software OpenGL costs more than the 3D frame itself.
// Requests from VTK to render become requestRender().
class VtkHost : public QWidget {
    Q_OBJECT
public:
    explicit VtkHost(QWidget* parent = nullptr);
    ~VtkHost() override;

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkRenderWindowInteractor* interactor() const;

    // Asks for a frame on screen; requests before it is drawn are merged into one.
    void requestRender();

    // Renders now, always at full quality, into an image of the view's size in device pixels,
    // also when the widget is not on screen (it is then laid out off-screen for the duration of
    // the call). Null image when no OpenGL context can be made.
    QImage renderImage();
    // Renders now exactly as the next frame on screen would be drawn (animation frames included,
    // see setAdaptiveQuality) and returns it: what a person sees.
    QImage renderFrame();

    // Animation frames. Multisample anti-aliasing is most of the cost of a frame under a
    // software OpenGL (llvmpipe: about two thirds). While frames follow each other closely (the
    // third frame in a row that starts within kAnimationGapMs of the previous one's end:
    // playback, a dragged slider, a turning camera) they are drawn without it, and once they stop
    // the last picture is drawn again with it after kRefineDelayMs. Off: every frame is
    // anti-aliased. On by default.
    static constexpr int kAnimationGapMs = 400;
    static constexpr int kRefineDelayMs = 400;
    void setAdaptiveQuality(bool on);
    bool adaptiveQuality() const;
    // The multisamples of the newest frame: the render window's setting, or 0 for an animation
    // frame.
    int lastFrameSamples() const;
    // Frames drawn on screen so far (not counting renderImage).
    int framesShown() const;
    // The native window VTK draws into on screen.
    QWindow* surface() const;

signals:
    // The left button went down and up at one place (widget coordinates), without a drag.
    void clicked(QPointF position);
    // A frame was drawn on screen.
    void frameShown();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    class Surface;
    struct Impl;
    // Draws a frame into the framebuffer bound in the current context.
    void draw(bool full);
    // Draws a frame into an image of the view's size in device pixels (null without a context).
    QImage drawToImage(bool full);
    // Makes the context current on the on-screen surface (when it is exposed) or on an
    // off-screen one; false when no context can be made.
    bool makeCurrent(bool onScreen);
    void renderOnScreen();

    std::unique_ptr<Impl> d;
};

} // namespace opdims::widgets
