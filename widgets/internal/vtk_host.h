// The QOpenGLWidget that hosts a VTK render window inside Qt 6 (VTK's own Qt widget is Qt 5 only).
#pragma once

#include "widgets/surface_format.h"

#include <QImage>
#include <QOpenGLWidget>

#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;

namespace opdims::widgets {

// Owns a vtkGenericOpenGLRenderWindow that renders into this widget's framebuffer, and an
// interactor with a trackball camera fed from Qt's mouse and wheel events. All VTK rendering
// happens in paintGL(); requests from VTK to render become update().
class VtkHost : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VtkHost(QWidget* parent = nullptr);
    ~VtkHost() override;

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkRenderWindowInteractor* interactor() const;

    // Renders now, always at full quality, and returns the frame, also when the widget is not on
    // screen (it is then shown off-screen for the duration of the call). Null image when no
    // OpenGL context can be made.
    QImage renderImage();

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

signals:
    // The left button went down and up at one place (widget coordinates), without a drag.
    void clicked(QPointF position);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace opdims::widgets
