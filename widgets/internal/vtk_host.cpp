// The QOpenGLWidget that hosts a VTK render window inside Qt 6 (VTK's own Qt widget is Qt 5 only).
#include "widgets/internal/vtk_host.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QSurfaceFormat>
#include <QTimer>
#include <QWheelEvent>

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkSmartPointer.h>

#include <cmath>
#include <optional>

namespace opdims::widgets {

void setDefaultSurfaceFormat() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    QSurfaceFormat::setDefaultFormat(format);
}

struct VtkHost::Impl {
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    bool inPaint = false;
    bool initialized = false;
    QMetaObject::Connection contextConnection;
    QPointF wheelRemainder;           // touchpads send fractions of a wheel step
    std::optional<QPointF> leftPress; // where the left button went down, until it moves away
    // Animation frames (setAdaptiveQuality).
    bool adaptive = true;
    bool forceFull = false;   // renderImage: always anti-aliased
    int fullSamples = 0;      // the render window's multisamples, as configured
    int streak = 0;           // frames in a row that started soon after the previous one
    int lastSamples = -1;     // multisamples of the newest frame
    QElapsedTimer sinceFrame; // since the end of the newest frame
    QTimer refine;            // redraws an animation's last frame anti-aliased
};

namespace {

// VTK observers take a plain function pointer and client data; F is a capture-less lambda type.
template <typename F> void observe(vtkObject* object, unsigned long event, VtkHost* host, F) {
    vtkNew<vtkCallbackCommand> command;
    command->SetClientData(host);
    command->SetCallback([](vtkObject*, unsigned long, void* clientData, void* callData) {
        F{}(static_cast<VtkHost*>(clientData), callData);
    });
    object->AddObserver(event, command);
}

} // namespace

VtkHost::VtkHost(QWidget* parent) : QOpenGLWidget(parent), d(std::make_unique<Impl>()) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(160, 120);

    // The context belongs to Qt and is not ready until initializeGL(); rendering before that
    // would make VTK create a window of its own.
    d->window->SetReadyForRendering(false);
    d->window->SetOwnContext(false);
    // QOpenGLWidget renders into its own framebuffer object, not framebuffer 0.
    d->window->SetFrameBlitModeToBlitToCurrent();

    observe(d->window, vtkCommand::WindowMakeCurrentEvent, this, [](VtkHost* host, void*) {
        // QOpenGLWidget::makeCurrent() also binds Qt's framebuffer behind the back of
        // VTK's cached GL state (VTK then renders into the wrong framebuffer and blits
        // garbage); during paintGL the context is current already.
        if (QOpenGLContext::currentContext() != host->context())
            host->makeCurrent();
    });
    // Without an answer VTK assumes the context is not current and silently skips rendering.
    observe(d->window, vtkCommand::WindowIsCurrentEvent, this, [](VtkHost* host, void* callData) {
        *static_cast<bool*>(callData) =
            host->context() != nullptr && QOpenGLContext::currentContext() == host->context();
    });
    observe(d->window, vtkCommand::WindowSupportsOpenGLEvent, this,
            [](VtkHost*, void* callData) { *static_cast<int*>(callData) = 1; });
    observe(d->window, vtkCommand::WindowIsDirectEvent, this,
            [](VtkHost*, void* callData) { *static_cast<int*>(callData) = 1; });
    observe(d->window, vtkCommand::WindowFrameEvent, this, [](VtkHost* host, void*) {
        if (!host->d->inPaint)
            host->update();
    });

    d->interactor->SetRenderWindow(d->window);
    d->interactor->SetInteractorStyle(d->style);
    // The interactor must not render by itself: it asks Qt to repaint, and paintGL() renders.
    d->interactor->EnableRenderOff();
    observe(d->interactor, vtkCommand::RenderEvent, this,
            [](VtkHost* host, void*) { host->update(); });
    d->interactor->Initialize();

    d->fullSamples = d->window->GetMultiSamples();
    d->refine.setSingleShot(true);
    d->refine.setInterval(kRefineDelayMs);
    connect(&d->refine, &QTimer::timeout, this, [this] {
        d->streak = 0;
        d->sinceFrame.invalidate();
        update();
    });
}

void VtkHost::setAdaptiveQuality(bool on) {
    if (d->adaptive == on)
        return;
    d->adaptive = on;
    if (!on && d->lastSamples == 0) {
        d->refine.stop();
        d->streak = 0;
        d->sinceFrame.invalidate();
        update();
    }
}

bool VtkHost::adaptiveQuality() const {
    return d->adaptive;
}

int VtkHost::lastFrameSamples() const {
    return d->lastSamples;
}

VtkHost::~VtkHost() {
    disconnect(d->contextConnection);
    if (d->initialized && context() != nullptr) {
        makeCurrent();
        d->window->Finalize();
        doneCurrent();
    }
}

vtkGenericOpenGLRenderWindow* VtkHost::renderWindow() const {
    return d->window;
}

vtkRenderWindowInteractor* VtkHost::interactor() const {
    return d->interactor;
}

QImage VtkHost::renderImage() {
    // A QOpenGLWidget only gets a context once its window exists; a hidden view is shown
    // off-screen for the grab so that saving works without a visible window.
    QWidget* top = window();
    const bool hidden = !top->isVisible();
    if (hidden) {
        top->setAttribute(Qt::WA_DontShowOnScreen, true);
        top->show();
    }
    d->forceFull = true;
    QImage image = grabFramebuffer();
    d->forceFull = false;
    if (hidden) {
        top->hide();
        top->setAttribute(Qt::WA_DontShowOnScreen, false);
    }
    return image;
}

void VtkHost::initializeGL() {
    d->window->SetReadyForRendering(true);
    d->window->SetMapped(1);
    d->window->InitializeFromCurrentContext();
    d->initialized = true;
    const qreal dpr = devicePixelRatioF();
    d->window->SetSize(static_cast<int>(width() * dpr), static_cast<int>(height() * dpr));
    // VTK's GL objects must be released while Qt's context still exists.
    disconnect(d->contextConnection);
    d->contextConnection = connect(
        context(), &QOpenGLContext::aboutToBeDestroyed, this,
        [this] {
            makeCurrent();
            d->window->Finalize();
            d->window->SetReadyForRendering(false);
            d->initialized = false;
            doneCurrent();
        },
        Qt::DirectConnection);
}

void VtkHost::resizeGL(int w, int h) {
    const qreal dpr = devicePixelRatioF();
    const int pw = static_cast<int>(std::lround(w * dpr));
    const int ph = static_cast<int>(std::lround(h * dpr));
    d->window->SetSize(pw, ph);
    d->interactor->UpdateSize(pw, ph);
}

void VtkHost::paintGL() {
    if (!d->initialized)
        return;
    d->inPaint = true;
    vtkOpenGLState* state = d->window->GetState();
    // Qt changes GL state behind VTK's back between frames.
    state->Reset();
    state->Push();
    const bool soon = d->sinceFrame.isValid() && d->sinceFrame.elapsed() < kAnimationGapMs;
    d->streak = soon ? d->streak + 1 : 0;
    const bool animation = d->adaptive && !d->forceFull && d->streak >= 2;
    const int samples = animation ? 0 : d->fullSamples;
    if (d->window->GetMultiSamples() != samples)
        d->window->SetMultiSamples(samples);
    d->window->Render();
    state->Pop();
    d->lastSamples = samples;
    d->inPaint = false;
    d->sinceFrame.restart();
    if (animation)
        d->refine.start();
    else
        d->refine.stop();
}

namespace {

constexpr double kClickSlop = 4.0; // pixels the mouse may move during a click

unsigned long pressEvent(Qt::MouseButton button) {
    switch (button) {
    case Qt::LeftButton:
        return vtkCommand::LeftButtonPressEvent;
    case Qt::MiddleButton:
        return vtkCommand::MiddleButtonPressEvent;
    case Qt::RightButton:
        return vtkCommand::RightButtonPressEvent;
    default:
        return vtkCommand::NoEvent;
    }
}

unsigned long releaseEvent(Qt::MouseButton button) {
    switch (button) {
    case Qt::LeftButton:
        return vtkCommand::LeftButtonReleaseEvent;
    case Qt::MiddleButton:
        return vtkCommand::MiddleButtonReleaseEvent;
    case Qt::RightButton:
        return vtkCommand::RightButtonReleaseEvent;
    default:
        return vtkCommand::NoEvent;
    }
}

// VTK wants device pixels with y pointing up.
void setEventPosition(vtkRenderWindowInteractor* interactor, const QPointF& position,
                      Qt::KeyboardModifiers modifiers, qreal dpr, int repeat = 0) {
    interactor->SetEventInformationFlipY(static_cast<int>(std::lround(position.x() * dpr)),
                                         static_cast<int>(std::lround(position.y() * dpr)),
                                         (modifiers & Qt::ControlModifier) ? 1 : 0,
                                         (modifiers & Qt::ShiftModifier) ? 1 : 0, 0, repeat);
    interactor->SetAltKey((modifiers & Qt::AltModifier) ? 1 : 0);
}

} // namespace

void VtkHost::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        d->leftPress = event->position();
    const unsigned long vtkEvent = pressEvent(event->button());
    if (vtkEvent == vtkCommand::NoEvent)
        return QOpenGLWidget::mousePressEvent(event);
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF());
    d->interactor->InvokeEvent(vtkEvent, event);
    event->accept();
}

void VtkHost::mouseDoubleClickEvent(QMouseEvent* event) {
    const unsigned long vtkEvent = pressEvent(event->button());
    if (vtkEvent == vtkCommand::NoEvent)
        return QOpenGLWidget::mouseDoubleClickEvent(event);
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF(), 1);
    d->interactor->InvokeEvent(vtkEvent, event);
    event->accept();
}

void VtkHost::mouseReleaseEvent(QMouseEvent* event) {
    const unsigned long vtkEvent = releaseEvent(event->button());
    if (vtkEvent == vtkCommand::NoEvent)
        return QOpenGLWidget::mouseReleaseEvent(event);
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF());
    d->interactor->InvokeEvent(vtkEvent, event);
    event->accept();
    // A press and release at one place is a click; a drag rotates the camera instead.
    if (event->button() == Qt::LeftButton && d->leftPress) {
        const QPointF press = *d->leftPress;
        d->leftPress.reset();
        if ((event->position() - press).manhattanLength() <= kClickSlop)
            emit clicked(event->position());
    }
}

void VtkHost::mouseMoveEvent(QMouseEvent* event) {
    if (d->leftPress && (event->position() - *d->leftPress).manhattanLength() > kClickSlop)
        d->leftPress.reset();
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF());
    d->interactor->InvokeEvent(vtkCommand::MouseMoveEvent, event);
    event->accept();
}

void VtkHost::wheelEvent(QWheelEvent* event) {
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF());
    // One VTK wheel event per 15 degrees, as a mouse wheel notch; touchpads accumulate.
    d->wheelRemainder += QPointF(event->angleDelta());
    while (d->wheelRemainder.y() >= 120.0) {
        d->interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
        d->wheelRemainder.ry() -= 120.0;
    }
    while (d->wheelRemainder.y() <= -120.0) {
        d->interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
        d->wheelRemainder.ry() += 120.0;
    }
    d->wheelRemainder.setX(0.0);
    event->accept();
}

void VtkHost::enterEvent(QEnterEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::EnterEvent, event);
    QOpenGLWidget::enterEvent(event);
}

void VtkHost::leaveEvent(QEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::LeaveEvent, event);
    QOpenGLWidget::leaveEvent(event);
}

} // namespace opdims::widgets
