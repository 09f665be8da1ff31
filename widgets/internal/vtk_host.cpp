// The widget that hosts a VTK render window inside Qt 6 (VTK's own Qt widget is Qt 5 only).
#include "widgets/internal/vtk_host.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QExposeEvent>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QWindow>

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

// The native child window VTK draws into. It draws when Qt asks (expose, update request) and hands
// the mouse to the host widget, whose coordinates it shares (the container fills the host).
class VtkHost::Surface : public QWindow {
public:
    explicit Surface(VtkHost* host) : m_host(host) {
        setSurfaceType(QSurface::OpenGLSurface);
        setFormat(QSurfaceFormat::defaultFormat());
        // A click would otherwise make this window the focus window and take the keys away from
        // the widgets (the presenter's shortcuts); the host widget takes the focus instead.
        setFlag(Qt::WindowDoesNotAcceptFocus);
    }

protected:
    bool event(QEvent* event) override {
        switch (event->type()) {
        case QEvent::UpdateRequest:
            m_host->renderOnScreen();
            return true;
        case QEvent::MouseMove:
            // As a widget without mouse tracking: moves only while a button is down.
            if (static_cast<QMouseEvent*>(event)->buttons() == Qt::NoButton)
                return true;
            [[fallthrough]];
        case QEvent::MouseButtonPress:
            // As a click on a widget: its window is activated and the host takes the keyboard
            // focus.
            if (event->type() == QEvent::MouseButtonPress) {
                if (!m_host->window()->isActiveWindow())
                    m_host->window()->activateWindow();
                if ((m_host->focusPolicy() & Qt::ClickFocus) == Qt::ClickFocus)
                    m_host->setFocus(Qt::MouseFocusReason);
            }
            [[fallthrough]];
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::Wheel:
        case QEvent::Enter:
        case QEvent::Leave:
            QCoreApplication::sendEvent(m_host, event);
            return true;
        default:
            return QWindow::event(event);
        }
    }
    void exposeEvent(QExposeEvent*) override {
        if (isExposed())
            m_host->renderOnScreen();
    }

private:
    VtkHost* m_host;
};

struct VtkHost::Impl {
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    Surface* surface = nullptr; // owned by the container
    QWidget* container = nullptr;
    QOpenGLContext context;
    QOffscreenSurface offscreen; // for pictures while the surface is not on screen
    bool contextFailed = false;
    bool inPaint = false;
    bool initialized = false;
    QPointF wheelRemainder;           // touchpads send fractions of a wheel step
    std::optional<QPointF> leftPress; // where the left button went down, until it moves away
    // Animation frames (setAdaptiveQuality).
    bool adaptive = true;
    int fullSamples = 0;      // the render window's multisamples, as configured
    int streak = 0;           // frames in a row that started soon after the previous one
    int lastSamples = -1;     // multisamples of the newest frame
    QElapsedTimer sinceFrame; // since the end of the newest frame
    QTimer refine;            // redraws an animation's last frame anti-aliased
    int framesShown = 0;
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

VtkHost::VtkHost(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(160, 120);

    d->surface = new Surface(this);
    d->container = QWidget::createWindowContainer(d->surface, this);
    // Keys stay with the widgets (the presenter's shortcuts); the host takes the focus.
    d->container->setFocusPolicy(Qt::NoFocus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->container);

    // No context until the first frame; rendering before it would make VTK create a window of
    // its own.
    d->window->SetReadyForRendering(false);
    d->window->SetOwnContext(false);
    // Frames are blitted into whatever framebuffer is bound: the surface's or a picture's.
    d->window->SetFrameBlitModeToBlitToCurrent();

    observe(d->window, vtkCommand::WindowMakeCurrentEvent, this, [](VtkHost* host, void*) {
        if (host->d->initialized && QOpenGLContext::currentContext() != &host->d->context)
            host->makeCurrent(false);
    });
    // Without an answer VTK assumes the context is not current and silently skips rendering.
    observe(d->window, vtkCommand::WindowIsCurrentEvent, this, [](VtkHost* host, void* callData) {
        *static_cast<bool*>(callData) = QOpenGLContext::currentContext() == &host->d->context;
    });
    observe(d->window, vtkCommand::WindowSupportsOpenGLEvent, this,
            [](VtkHost*, void* callData) { *static_cast<int*>(callData) = 1; });
    observe(d->window, vtkCommand::WindowIsDirectEvent, this,
            [](VtkHost*, void* callData) { *static_cast<int*>(callData) = 1; });
    observe(d->window, vtkCommand::WindowFrameEvent, this, [](VtkHost* host, void*) {
        if (!host->d->inPaint)
            host->requestRender();
    });

    d->interactor->SetRenderWindow(d->window);
    d->interactor->SetInteractorStyle(d->style);
    // The interactor must not render by itself: it asks for a frame, drawn in its own event.
    d->interactor->EnableRenderOff();
    observe(d->interactor, vtkCommand::RenderEvent, this,
            [](VtkHost* host, void*) { host->requestRender(); });
    d->interactor->Initialize();

    d->fullSamples = d->window->GetMultiSamples();
    d->refine.setSingleShot(true);
    d->refine.setInterval(kRefineDelayMs);
    connect(&d->refine, &QTimer::timeout, this, [this] {
        d->streak = 0;
        d->sinceFrame.invalidate();
        requestRender();
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
        requestRender();
    }
}

bool VtkHost::adaptiveQuality() const {
    return d->adaptive;
}

int VtkHost::lastFrameSamples() const {
    return d->lastSamples;
}

int VtkHost::framesShown() const {
    return d->framesShown;
}

QWindow* VtkHost::surface() const {
    return d->surface;
}

VtkHost::~VtkHost() {
    // The surface goes first: it must not call into a half-destroyed host.
    delete d->container;
    d->container = nullptr;
    d->surface = nullptr;
    // VTK's GL objects are released while the context still exists.
    if (d->initialized && makeCurrent(false)) {
        d->window->Finalize();
        d->context.doneCurrent();
    }
    d->initialized = false;
}

vtkGenericOpenGLRenderWindow* VtkHost::renderWindow() const {
    return d->window;
}

vtkRenderWindowInteractor* VtkHost::interactor() const {
    return d->interactor;
}

void VtkHost::requestRender() {
    if (d->surface)
        d->surface->requestUpdate();
}

bool VtkHost::makeCurrent(bool onScreen) {
    if (d->contextFailed)
        return false;
    if (!d->context.isValid()) {
        d->context.setFormat(QSurfaceFormat::defaultFormat());
        if (!d->context.create()) {
            d->contextFailed = true;
            return false;
        }
        d->offscreen.setFormat(d->context.format());
        d->offscreen.create();
    }
    QSurface* target = onScreen && d->surface && d->surface->isExposed()
                           ? static_cast<QSurface*>(d->surface)
                           : static_cast<QSurface*>(&d->offscreen);
    if (!d->context.makeCurrent(target))
        return false;
    if (!d->initialized) {
        d->window->SetReadyForRendering(true);
        d->window->SetMapped(1);
        d->window->InitializeFromCurrentContext();
        d->initialized = true;
    }
    // The frame's size in device pixels: the host's (the container fills it).
    const qreal dpr = devicePixelRatioF();
    const int w = std::max(1, static_cast<int>(std::lround(width() * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(height() * dpr)));
    const int* size = d->window->GetSize();
    if (size[0] != w || size[1] != h) {
        d->window->SetSize(w, h);
        d->interactor->UpdateSize(w, h);
    }
    return true;
}

void VtkHost::renderOnScreen() {
    if (!d->surface || !d->surface->isExposed() || !makeCurrent(true))
        return;
    d->context.functions()->glBindFramebuffer(GL_FRAMEBUFFER,
                                              d->context.defaultFramebufferObject());
    draw(false);
    d->context.swapBuffers(d->surface);
    ++d->framesShown;
    emit frameShown();
}

QImage VtkHost::renderImage() {
    // A hidden view is laid out off-screen for the picture, so that it has its size.
    QWidget* top = window();
    const bool hidden = !top->isVisible();
    if (hidden) {
        top->setAttribute(Qt::WA_DontShowOnScreen, true);
        top->show();
    }
    QImage image = drawToImage(true);
    if (hidden) {
        top->hide();
        top->setAttribute(Qt::WA_DontShowOnScreen, false);
    }
    return image;
}

QImage VtkHost::renderFrame() {
    return drawToImage(false);
}

QImage VtkHost::drawToImage(bool full) {
    QImage image;
    if (!makeCurrent(false))
        return image;
    const int* size = d->window->GetSize();
    QOpenGLFramebufferObject target(size[0], size[1]);
    if (target.isValid() && target.bind()) {
        draw(full);
        image = target.toImage();
        target.release();
        image.setDevicePixelRatio(devicePixelRatioF());
    }
    return image;
}

void VtkHost::draw(bool full) {
    d->inPaint = true;
    vtkOpenGLState* state = d->window->GetState();
    // The framebuffer bound, and anything else Qt set, changed behind VTK's back.
    state->Reset();
    state->Push();
    const bool soon = d->sinceFrame.isValid() && d->sinceFrame.elapsed() < kAnimationGapMs;
    d->streak = soon ? d->streak + 1 : 0;
    const bool animation = d->adaptive && !full && d->streak >= 2;
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
        return QWidget::mousePressEvent(event);
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF());
    d->interactor->InvokeEvent(vtkEvent, event);
    event->accept();
}

void VtkHost::mouseDoubleClickEvent(QMouseEvent* event) {
    const unsigned long vtkEvent = pressEvent(event->button());
    if (vtkEvent == vtkCommand::NoEvent)
        return QWidget::mouseDoubleClickEvent(event);
    setEventPosition(d->interactor, event->position(), event->modifiers(), devicePixelRatioF(), 1);
    d->interactor->InvokeEvent(vtkEvent, event);
    event->accept();
}

void VtkHost::mouseReleaseEvent(QMouseEvent* event) {
    const unsigned long vtkEvent = releaseEvent(event->button());
    if (vtkEvent == vtkCommand::NoEvent)
        return QWidget::mouseReleaseEvent(event);
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
    QWidget::enterEvent(event);
}

void VtkHost::leaveEvent(QEvent* event) {
    d->interactor->InvokeEvent(vtkCommand::LeaveEvent, event);
    QWidget::leaveEvent(event);
}

} // namespace opdims::widgets
