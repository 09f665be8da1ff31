// A 3D view of state space: trajectories, sampling locations, fixed points and flow (VTK inside).
#include "widgets/state_space_view.h"

#include "widgets/internal/scene_actors.h"
#include "widgets/internal/scene_annotations.h"
#include "widgets/internal/vtk_host.h"

#include <QPainter>
#include <QVBoxLayout>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkProp.h>
#include <vtkRenderer.h>
#include <vtkVersion.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace opdims::widgets {

using detail::Bounds;
using detail::diagonal;
using detail::growBounds;
using detail::isEmpty;

namespace {

constexpr int kLayerCount = 7;
constexpr double kReducedWidthFactor = 0.7; // reduced trajectories are thinner than full ones
constexpr double kDashesPerDiagonal = 90.0;

int layerIndex(Layer layer) {
    return static_cast<int>(layer);
}

void include(Bounds& b, const Bounds& other) {
    if (isEmpty(other))
        return;
    growBounds(b, QVector3D(other[0], other[2], other[4]));
    growBounds(b, QVector3D(other[1], other[3], other[5]));
}

Bounds boundsOf(const QVector<Polyline3D>& lines) {
    Bounds b = detail::emptyBounds();
    for (const Polyline3D& line : lines)
        for (const QVector3D& p : line.points)
            growBounds(b, p);
    return b;
}

} // namespace

struct StateSpaceView::Impl {
    explicit Impl(QWidget* parent) : host(new VtkHost(parent)), annotations(renderer) {}

    VtkHost* host;
    vtkNew<vtkRenderer> renderer;
    detail::SceneAnnotations annotations;
    Bounds axisBox = detail::emptyBounds();
    std::array<std::vector<vtkSmartPointer<vtkProp>>, kLayerCount> props;
    std::array<Bounds, kLayerCount> bounds;
    std::array<bool, kLayerCount> visible{true, true, true, true, true, true, true};
    // What was set, kept to rebuild the props when pixel sizes or the theme change.
    QVector<Polyline3D> full, reduced;
    QVector<Marker3D> markers;
    QVector<FixedPointGlyph> fixedPoints;
    int highlight = -1;
    QVector<Arrow3D> arrows;
    QVector<LegendEntry> legendEntries;
    QVector<Marker3D> timeMarkers;
    QString caption;
    std::array<QString, 3> axisLabels;
    double interfaceScale = 1.0;
    bool dark = false;
    bool cameraFitted = false; // the camera is fitted automatically once, when data first appears
    bool fitPending = false;
    double appliedScale = 0.0; // the device pixel ratio the pixel sizes were made for
    unsigned long beforeRenderObserver = 0;
    unsigned long cameraObserver = 0;

    detail::Style style() const {
        detail::Style s;
        s.pixelScale = host->devicePixelRatioF() * interfaceScale;
        // Dashes are as long for the full as for the reduced trajectories.
        Bounds trajectories = boundsOf(full);
        include(trajectories, boundsOf(reduced));
        const double diag = diagonal(trajectories);
        s.dashLength = diag > 0.0 ? diag / kDashesPerDiagonal : 0.0;
        s.textColor =
            dark ? std::array<double, 3>{0.95, 0.95, 0.95} : std::array<double, 3>{0.0, 0.0, 0.0};
        return s;
    }

    void replaceLayer(Layer layer, std::vector<vtkSmartPointer<vtkProp>> newProps,
                      const Bounds& newBounds) {
        const int i = layerIndex(layer);
        for (const auto& prop : props[i])
            renderer->RemoveViewProp(prop);
        props[i] = std::move(newProps);
        bounds[i] = newBounds;
        for (const auto& prop : props[i]) {
            prop->SetVisibility(visible[i]);
            renderer->AddViewProp(prop);
        }
    }

    void rebuildTrajectories(bool fullChanged = true) {
        const detail::Style s = style();
        if (fullChanged)
            replaceLayer(Layer::FullTrajectories, detail::polylineProps(full, 1.0, false, s),
                         boundsOf(full));
        replaceLayer(Layer::ReducedTrajectories,
                     detail::polylineProps(reduced, kReducedWidthFactor, true, s),
                     boundsOf(reduced));
    }

    Bounds visibleDataBounds() const {
        Bounds b = detail::emptyBounds();
        for (int i = 0; i < kLayerCount; ++i)
            if (i != layerIndex(Layer::Axes) && i != layerIndex(Layer::TimeMarkers) && visible[i])
                include(b, bounds[i]);
        return b;
    }

    // Called after every change of content: axes follow the data, the camera is fitted once.
    void contentChanged() {
        const Bounds data = visibleDataBounds();
        axisBox = annotations.setDataBounds(data, visible[layerIndex(Layer::Axes)]);
        // The app sets trajectories, markers, ... one after the other: fitting at the next
        // render sees them all.
        if (!isEmpty(data) && !cameraFitted)
            fitPending = true;
        renderer->ResetCameraClippingRange();
        host->requestRender();
    }

    void fitCamera() {
        vtkCamera* camera = renderer->GetActiveCamera();
        Bounds b = axisBox;
        double center[3] = {0.0, 0.0, 0.0};
        if (!isEmpty(b))
            for (int axis = 0; axis < 3; ++axis)
                center[axis] = 0.5 * (b[2 * axis] + b[2 * axis + 1]);
        // An oblique view shows all three axes; ResetCamera() then fits the distance.
        camera->SetFocalPoint(center);
        camera->SetPosition(center[0] + 1.0, center[1] - 1.6, center[2] + 0.9);
        camera->SetViewUp(0.0, 0.0, 1.0);
        if (!isEmpty(b)) {
            renderer->ResetCamera(b.data());
            // The bounding sphere leaves room enough for the axis labels: use some of it.
            camera->Zoom(1.1);
        }
        renderer->ResetCameraClippingRange();
    }

    void applyTheme() {
        if (dark)
            renderer->SetBackground(0.08, 0.09, 0.11);
        else
            renderer->SetBackground(1.0, 1.0, 1.0);
        annotations.applyStyle(style(), dark);
    }
};

StateSpaceView::StateSpaceView(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->host);
    d->bounds.fill(detail::emptyBounds());

    d->host->renderWindow()->AddRenderer(d->renderer);
    // Pictures keep the frame's alpha: a transparent background would show as black.
    d->renderer->SetBackgroundAlpha(1.0);
    vtkNew<vtkCallbackCommand> beforeRender;
    beforeRender->SetClientData(this);
    beforeRender->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        auto* view = static_cast<StateSpaceView*>(clientData);
        Impl& impl = *view->d;
        // A hidden view only learns its screen's device pixel ratio once it is shown.
        if (impl.host->devicePixelRatioF() != impl.appliedScale)
            view->restyle();
        impl.annotations.placeLegend(impl.appliedScale * impl.interfaceScale);
        if (impl.fitPending) {
            impl.fitPending = false;
            impl.cameraFitted = true;
            impl.fitCamera();
        }
    });
    d->beforeRenderObserver =
        d->host->renderWindow()->AddObserver(vtkCommand::StartEvent, beforeRender);
    vtkNew<vtkCallbackCommand> cameraMoved;
    cameraMoved->SetClientData(this);
    cameraMoved->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        emit static_cast<StateSpaceView*>(clientData)->cameraChanged();
    });
    d->cameraObserver =
        d->renderer->GetActiveCamera()->AddObserver(vtkCommand::ModifiedEvent, cameraMoved);
    d->applyTheme();
    connect(d->host, &VtkHost::clicked, this, &StateSpaceView::pick);
    connect(d->host, &VtkHost::frameShown, this, &StateSpaceView::frameShown);
}

QString StateSpaceView::vtkVersion() {
    return QString::fromLatin1(::vtkVersion::GetVTKVersion());
}

bool StateSpaceView::CameraState::operator==(const CameraState& o) const {
    for (int i = 0; i < 3; ++i)
        if (position[i] != o.position[i] || focalPoint[i] != o.focalPoint[i] ||
            viewUp[i] != o.viewUp[i])
            return false;
    return viewAngle == o.viewAngle;
}

StateSpaceView::CameraState StateSpaceView::camera() const {
    vtkCamera* c = d->renderer->GetActiveCamera();
    CameraState s;
    c->GetPosition(s.position);
    c->GetFocalPoint(s.focalPoint);
    c->GetViewUp(s.viewUp);
    s.viewAngle = c->GetViewAngle();
    return s;
}

void StateSpaceView::setCamera(const CameraState& state) {
    if (state == camera())
        return;
    vtkCamera* c = d->renderer->GetActiveCamera();
    c->SetPosition(state.position);
    c->SetFocalPoint(state.focalPoint);
    c->SetViewUp(state.viewUp);
    c->SetViewAngle(state.viewAngle);
    d->cameraFitted = true; // a camera set from outside is not refitted to new content
    d->renderer->ResetCameraClippingRange();
    d->host->requestRender();
}

StateSpaceView::~StateSpaceView() {
    // The render window lives on in the host until QWidget deletes its children.
    d->host->renderWindow()->RemoveObserver(d->beforeRenderObserver);
    d->renderer->GetActiveCamera()->RemoveObserver(d->cameraObserver);
}

void StateSpaceView::setTrajectories(const QVector<Polyline3D>& full,
                                     const QVector<Polyline3D>& reduced) {
    // A new reduced-rank network leaves the full network's trajectories as they were: their
    // props (and what VTK made of them on the GPU) are kept.
    const bool fullChanged = full != d->full;
    d->full = full;
    d->reduced = reduced;
    d->rebuildTrajectories(fullChanged);
    d->contentChanged();
}

void StateSpaceView::setSamplingLocations(const QVector<Marker3D>& markers) {
    d->markers = markers;
    Bounds b = detail::emptyBounds();
    for (const Marker3D& m : markers)
        growBounds(b, m.position);
    d->replaceLayer(Layer::SamplingLocations, detail::markerProps(markers, d->style()), b);
    d->contentChanged();
}

void StateSpaceView::setFixedPoints(const QVector<FixedPointGlyph>& points) {
    d->fixedPoints = points;
    Bounds b = detail::emptyBounds();
    for (const FixedPointGlyph& p : points) {
        growBounds(b, p.position);
        for (const QVector3D& direction : p.directions)
            growBounds(b, p.position + direction);
    }
    if (d->highlight >= points.size())
        d->highlight = -1;
    d->replaceLayer(Layer::FixedPoints, detail::fixedPointProps(points, d->style(), d->highlight),
                    b);
    d->contentChanged();
}

void StateSpaceView::setHighlightedFixedPoint(int index) {
    index = index >= 0 && index < d->fixedPoints.size() ? index : -1;
    if (index == d->highlight)
        return;
    d->highlight = index;
    setFixedPoints(d->fixedPoints);
}

int StateSpaceView::highlightedFixedPoint() const {
    return d->highlight;
}

std::optional<QPointF> StateSpaceView::fixedPointPosition(int index) const {
    const int* size = d->renderer->GetSize();
    if (index < 0 || index >= d->fixedPoints.size() || size[0] <= 0 || size[1] <= 0)
        return std::nullopt;
    const QVector3D& p = d->fixedPoints[index].position;
    d->renderer->SetWorldPoint(p.x(), p.y(), p.z(), 1.0);
    d->renderer->WorldToDisplay();
    double display[3];
    d->renderer->GetDisplayPoint(display);
    // Display coordinates are device pixels from the bottom left.
    const double dpr = d->host->devicePixelRatioF();
    return QPointF(display[0] / dpr, (size[1] - display[1]) / dpr) +
           QPointF(d->host->geometry().topLeft());
}

void StateSpaceView::pick(const QPointF& position) {
    if (!d->visible[layerIndex(Layer::FixedPoints)])
        return;
    // The glyph drawn nearest to the click, within its radius plus a little slack.
    const QPointF at = position + QPointF(d->host->geometry().topLeft());
    const double reach = 0.5 * detail::kFixedPointPixels + 6.0;
    int best = -1;
    double bestDistance = reach * reach;
    for (int i = 0; i < d->fixedPoints.size(); ++i) {
        const std::optional<QPointF> p = fixedPointPosition(i);
        if (!p)
            continue;
        const QPointF delta = *p - at;
        const double distance = QPointF::dotProduct(delta, delta);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    if (best >= 0)
        emit fixedPointPicked(best);
}

void StateSpaceView::setFlowArrows(const QVector<Arrow3D>& arrows) {
    d->arrows = arrows;
    Bounds b = detail::emptyBounds();
    for (const Arrow3D& a : arrows) {
        growBounds(b, a.origin);
        growBounds(b, a.origin + a.vector);
    }
    d->replaceLayer(Layer::FlowArrows, detail::arrowProps(arrows), b);
    d->contentChanged();
}

const QVector<LegendEntry>& StateSpaceView::legend() const {
    return d->legendEntries;
}

void StateSpaceView::setLegend(const QVector<LegendEntry>& entries) {
    d->legendEntries = entries;
    d->annotations.setLegend(entries, d->style(), d->dark);
    d->host->requestRender();
}

void StateSpaceView::setTimeMarkers(const QVector<Marker3D>& markers) {
    d->timeMarkers = markers;
    // Inside the trajectories' bounds by construction: the axes and the camera stay.
    d->replaceLayer(Layer::TimeMarkers, detail::markerProps(markers, d->style()),
                    detail::emptyBounds());
    d->host->requestRender();
}

void StateSpaceView::setCaption(const QString& text) {
    d->caption = text;
    d->annotations.setCaption(text, d->style(), d->dark);
    d->host->requestRender();
}

QString StateSpaceView::caption() const {
    return d->caption;
}

void StateSpaceView::setInterfaceScale(double scale) {
    scale = std::clamp(scale, 0.5, 4.0);
    if (scale == d->interfaceScale)
        return;
    d->interfaceScale = scale;
    restyle();
}

double StateSpaceView::interfaceScale() const {
    return d->interfaceScale;
}

void StateSpaceView::setAdaptiveQuality(bool on) {
    d->host->setAdaptiveQuality(on);
}

void StateSpaceView::setAxisLabels(const QString& x, const QString& y, const QString& z) {
    d->axisLabels = {x, y, z};
    d->annotations.setAxisLabels(x, y, z);
    d->host->requestRender();
}

void StateSpaceView::setLayerVisible(Layer layer, bool visible) {
    const int i = layerIndex(layer);
    d->visible[i] = visible;
    for (const auto& prop : d->props[i])
        prop->SetVisibility(visible);
    d->contentChanged();
}

bool StateSpaceView::isLayerVisible(Layer layer) const {
    return d->visible[layerIndex(layer)];
}

void StateSpaceView::setDarkBackground(bool dark) {
    d->dark = dark;
    restyle();
}

void StateSpaceView::restyle() {
    d->appliedScale = d->host->devicePixelRatioF();
    d->applyTheme();
    d->rebuildTrajectories();
    // Labels carry their colour and size in their own props.
    setSamplingLocations(d->markers);
    setFixedPoints(d->fixedPoints);
    setFlowArrows(d->arrows);
    setTimeMarkers(d->timeMarkers);
    setCaption(d->caption);
    setLegend(d->legendEntries);
}

void StateSpaceView::resetCamera() {
    d->fitPending = false;
    d->fitCamera();
    d->cameraFitted = true;
    d->host->requestRender();
}

QImage StateSpaceView::renderImage() {
    return d->host->renderImage();
}

void StateSpaceView::copyContentFrom(const StateSpaceView& other) {
    const Impl& o = *other.d;
    d->visible = o.visible;
    d->highlight = o.highlight;
    d->dark = o.dark;
    d->interfaceScale = o.interfaceScale;
    setAxisLabels(o.axisLabels[0], o.axisLabels[1], o.axisLabels[2]);
    setTrajectories(o.full, o.reduced);
    d->caption = o.caption;
    d->timeMarkers = o.timeMarkers;
    d->markers = o.markers;
    d->fixedPoints = o.fixedPoints;
    d->arrows = o.arrows;
    d->legendEntries = o.legendEntries;
    restyle();
    for (int i = 0; i < kLayerCount; ++i)
        setLayerVisible(static_cast<Layer>(i), o.visible[i]);
    d->fitPending = false;
    setCamera(other.camera());
}

QImage StateSpaceView::renderImage(QSize pixels, double magnification) {
    if (pixels.isEmpty() || !(magnification > 0.0))
        return {};
    StateSpaceView copy;
    copy.setAttribute(Qt::WA_DontShowOnScreen, true);
    copy.copyContentFrom(*this);
    copy.setInterfaceScale(d->interfaceScale * magnification);
    copy.show();
    // A screen with a device pixel ratio above 1 renders that many device pixels per pixel.
    const double dpr = copy.devicePixelRatioF();
    copy.resize(static_cast<int>(std::lround(pixels.width() / dpr)),
                static_cast<int>(std::lround(pixels.height() / dpr)));
    copy.setCamera(camera());
    QImage image = copy.renderImage();
    copy.hide();
    if (!image.isNull() && image.size() != pixels)
        image = image.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return image;
}

bool StateSpaceView::savePng(const QString& path) {
    const QImage image = renderImage();
    return !image.isNull() && image.save(path, "PNG");
}

void linkCameras(StateSpaceView* a, StateSpaceView* b, QObject* context) {
    // setCamera emits cameraChanged itself: the guard ends the echo.
    auto syncing = std::make_shared<bool>(false);
    auto follow = [syncing](StateSpaceView* from, StateSpaceView* to) {
        if (*syncing)
            return;
        *syncing = true;
        to->setCamera(from->camera());
        *syncing = false;
    };
    QObject::connect(a, &StateSpaceView::cameraChanged, context, [=] { follow(a, b); });
    QObject::connect(b, &StateSpaceView::cameraChanged, context, [=] { follow(b, a); });
}

QPixmap grabWithViews(QWidget* widget) {
    QPixmap shot = widget->grab();
    QPainter painter(&shot);
    for (StateSpaceView* view : widget->findChildren<StateSpaceView*>()) {
        if (!view->isVisible())
            continue;
        const QImage image = view->renderImage();
        if (!image.isNull())
            painter.drawImage(view->mapTo(widget, QPoint(0, 0)), image);
    }
    painter.end();
    return shot;
}

} // namespace opdims::widgets
