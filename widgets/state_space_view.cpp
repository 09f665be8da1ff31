// A 3D view of state space: trajectories, sampling locations, fixed points and flow (VTK inside).
#include "widgets/state_space_view.h"

#include "widgets/scene_actors.h"
#include "widgets/vtk_host.h"

#include <QVBoxLayout>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCommand.h>
#include <vtkCubeAxesActor.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProp.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <array>
#include <cmath>
#include <vector>

namespace opdims::widgets {

using detail::Bounds;
using detail::diagonal;
using detail::growBounds;
using detail::isEmpty;

namespace {

constexpr int kLayerCount = 6;
constexpr double kReducedWidthFactor = 0.7; // reduced trajectories are thinner than full ones
constexpr double kDashesPerDiagonal = 90.0;
constexpr double kLegendFontSize = 17.0;
constexpr double kAxisTitleFontSize = 20.0;
constexpr double kMinimumAxisFraction = 0.25;

int layerIndex(Layer layer) {
    return static_cast<int>(layer);
}

} // namespace

struct StateSpaceView::Impl {
    VtkHost* host = nullptr;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkCubeAxesActor> axes;
    // VTK's 2D mode puts the z title on top of the z tick labels; this one sits above the axis.
    vtkNew<vtkTextActor> zTitle;
    Bounds axisBox = detail::emptyBounds();
    std::vector<vtkSmartPointer<vtkTextActor>> legend; // one line per entry, in its colour
    QVector<LegendEntry> legendEntries;
    std::array<std::vector<vtkSmartPointer<vtkProp>>, kLayerCount> props;
    std::array<Bounds, kLayerCount> bounds;
    std::array<bool, kLayerCount> visible{true, true, true, true, true, true};
    QVector<Polyline3D> full, reduced;
    QVector<Marker3D> markers;
    QVector<FixedPointGlyph> fixedPoints;
    QVector<Arrow3D> arrows;
    bool dark = false;
    bool cameraFitted = false; // the camera is fitted automatically once, when data first appears
    bool fitPending = false;
    double appliedScale = 0.0; // the device pixel ratio the pixel sizes were made for
    unsigned long beforeRenderObserver = 0;

    detail::Style style() const {
        detail::Style s;
        s.pixelScale = host->devicePixelRatioF();
        const double diag = diagonal(trajectoryBounds());
        s.dashLength = diag > 0.0 ? diag / kDashesPerDiagonal : 0.0;
        s.textColor =
            dark ? std::array<double, 3>{0.95, 0.95, 0.95} : std::array<double, 3>{0.0, 0.0, 0.0};
        return s;
    }

    Bounds trajectoryBounds() const {
        Bounds b = detail::emptyBounds();
        for (const auto* lines : {&full, &reduced})
            for (const Polyline3D& line : *lines)
                for (const QVector3D& p : line.points)
                    growBounds(b, p);
        return b;
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

    void rebuildTrajectories() {
        const detail::Style s = style();
        replaceLayer(Layer::FullTrajectories, detail::polylineProps(full, 1.0, false, s),
                     boundsOf(full));
        replaceLayer(Layer::ReducedTrajectories,
                     detail::polylineProps(reduced, kReducedWidthFactor, true, s),
                     boundsOf(reduced));
    }

    static Bounds boundsOf(const QVector<Polyline3D>& lines) {
        Bounds b = detail::emptyBounds();
        for (const Polyline3D& line : lines)
            for (const QVector3D& p : line.points)
                growBounds(b, p);
        return b;
    }

    Bounds visibleDataBounds() const {
        Bounds b = detail::emptyBounds();
        for (int i = 0; i < kLayerCount; ++i) {
            if (i == layerIndex(Layer::Axes) || !visible[i] || isEmpty(bounds[i]))
                continue;
            growBounds(b, QVector3D(bounds[i][0], bounds[i][2], bounds[i][4]));
            growBounds(b, QVector3D(bounds[i][1], bounds[i][3], bounds[i][5]));
        }
        return b;
    }

    // Called after every change of content: axes follow the data, the camera is fitted once.
    void contentChanged() {
        Bounds b = visibleDataBounds();
        const bool any = !isEmpty(b);
        if (any) {
            // Flat data (e.g. all z equal, or a PC with little variance) still gets a box that
            // reads as 3D: every side is at least a fraction of the longest one.
            double longest = 0.0;
            for (int axis = 0; axis < 3; ++axis)
                longest = std::max(longest, b[2 * axis + 1] - b[2 * axis]);
            const double shortest = std::max(longest * kMinimumAxisFraction, 1e-9);
            for (int axis = 0; axis < 3; ++axis) {
                const double missing = shortest - (b[2 * axis + 1] - b[2 * axis]);
                if (missing > 0.0) {
                    b[2 * axis] -= 0.5 * missing;
                    b[2 * axis + 1] += 0.5 * missing;
                }
            }
            axes->SetBounds(b.data());
            // The z title sits above the z axis, which the static triad keeps at (xmin, ymin).
            zTitle->GetPositionCoordinate()->SetValue(b[0], b[2], b[5] + 0.12 * (b[5] - b[4]));
            axisBox = b;
        }
        axisBox = any ? axisBox : detail::emptyBounds();
        const bool axesShown = any && visible[layerIndex(Layer::Axes)];
        axes->SetVisibility(axesShown);
        zTitle->SetVisibility(axesShown);
        // The app sets trajectories, markers, ... one after the other: fitting at the next
        // render sees them all.
        if (any && !cameraFitted)
            fitPending = true;
        renderer->ResetCameraClippingRange();
        host->update();
    }

    void fitCamera() {
        vtkCamera* camera = renderer->GetActiveCamera();
        const Bounds b = isEmpty(axisBox) ? visibleDataBounds() : axisBox;
        double center[3] = {0.0, 0.0, 0.0};
        if (!isEmpty(b))
            for (int axis = 0; axis < 3; ++axis)
                center[axis] = 0.5 * (b[2 * axis] + b[2 * axis + 1]);
        // An oblique view shows all three axes; ResetCamera() then fits the distance.
        camera->SetFocalPoint(center);
        camera->SetPosition(center[0] + 1.0, center[1] - 1.6, center[2] + 0.9);
        camera->SetViewUp(0.0, 0.0, 1.0);
        if (!isEmpty(b)) {
            Bounds padded = b;
            renderer->ResetCamera(padded.data());
            // Room for the axis labels and titles around the data.
            camera->Zoom(0.92);
        }
        renderer->ResetCameraClippingRange();
    }

    void styleLegendEntry(vtkTextActor* entry, const detail::Style& s) const {
        vtkTextProperty* tp = entry->GetTextProperty();
        tp->SetFontSize(static_cast<int>(kLegendFontSize * s.pixelScale));
        tp->SetBold(true);
        tp->SetJustificationToLeft();
        tp->SetVerticalJustificationToTop();
        // A backdrop keeps the entries readable where they overlap trajectories.
        tp->SetBackgroundColor(dark ? 0.08 : 1.0, dark ? 0.09 : 1.0, dark ? 0.11 : 1.0);
        tp->SetBackgroundOpacity(0.8);
    }

    // Legend lines are placed in pixels from the top left, which moves with the view's height.
    void placeLegend() {
        const int* size = renderer->GetSize();
        const double scale = host->devicePixelRatioF();
        const double line = 1.35 * kLegendFontSize * scale;
        for (std::size_t i = 0; i < legend.size(); ++i)
            legend[i]->SetDisplayPosition(
                static_cast<int>(12 * scale),
                static_cast<int>(size[1] - 10 * scale - static_cast<double>(i) * line));
    }

    void applyTheme() {
        const detail::Style s = style();
        if (dark)
            renderer->SetBackground(0.08, 0.09, 0.11);
        else
            renderer->SetBackground(1.0, 1.0, 1.0);
        const double* text = s.textColor.data();
        const double line = dark ? 0.75 : 0.25;
        for (int axis = 0; axis < 3; ++axis) {
            vtkTextProperty* title = axes->GetTitleTextProperty(axis);
            title->SetColor(text);
            title->SetFontSize(static_cast<int>(kAxisTitleFontSize * s.pixelScale));
            title->SetBold(true);
            vtkTextProperty* label = axes->GetLabelTextProperty(axis);
            label->SetColor(text);
            label->SetFontSize(static_cast<int>(15 * s.pixelScale));
        }
        vtkTextProperty* z = zTitle->GetTextProperty();
        z->SetColor(text);
        z->SetFontSize(static_cast<int>(kAxisTitleFontSize * s.pixelScale));
        z->SetBold(true);
        z->SetJustificationToCentered();
        z->SetVerticalJustificationToBottom();
        for (vtkProperty* p : {axes->GetXAxesLinesProperty(), axes->GetYAxesLinesProperty(),
                               axes->GetZAxesLinesProperty()}) {
            p->SetColor(line, line, line);
            p->SetLineWidth(static_cast<float>(2.0 * s.pixelScale));
        }
        for (const auto& entry : legend)
            styleLegendEntry(entry, s);
    }
};

StateSpaceView::StateSpaceView(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
    d->host = new VtkHost(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->host);
    d->bounds.fill(detail::emptyBounds());

    d->host->renderWindow()->AddRenderer(d->renderer);
    // Qt composes the widget with its alpha: a transparent background would show as black.
    d->renderer->SetBackgroundAlpha(1.0);
    vtkNew<vtkCallbackCommand> beforeRender;
    beforeRender->SetClientData(this);
    beforeRender->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        auto* view = static_cast<StateSpaceView*>(clientData);
        Impl& impl = *view->d;
        // A hidden view only learns its screen's device pixel ratio once it is shown.
        if (impl.host->devicePixelRatioF() != impl.appliedScale)
            view->restyle();
        impl.placeLegend();
        if (impl.fitPending) {
            impl.fitPending = false;
            impl.cameraFitted = true;
            impl.fitCamera();
        }
    });
    d->beforeRenderObserver =
        d->host->renderWindow()->AddObserver(vtkCommand::StartEvent, beforeRender);

    vtkCubeAxesActor* axes = d->axes;
    axes->SetCamera(d->renderer->GetActiveCamera());
    // Axes at a fixed corner do not jump while the view rotates, and the z title can follow.
    axes->SetFlyModeToStaticTriad();
    // 2D text stays the same readable size whatever the zoom.
    axes->SetUse2DMode(1);
    axes->SetTickLocationToOutside();
    axes->SetTitleOffset(45.0);
    axes->XAxisMinorTickVisibilityOff();
    axes->YAxisMinorTickVisibilityOff();
    axes->ZAxisMinorTickVisibilityOff();
    axes->SetXTitle("x");
    axes->SetYTitle("y");
    axes->SetZTitle("");
    axes->SetVisibility(false);
    d->zTitle->SetInput("z");
    d->zTitle->GetPositionCoordinate()->SetCoordinateSystemToWorld();
    d->zTitle->SetVisibility(false);
    d->renderer->AddViewProp(d->zTitle);
    d->renderer->AddViewProp(axes);

    d->applyTheme();
}

StateSpaceView::~StateSpaceView() {
    // The render window lives on in the host until QWidget deletes its children.
    d->host->renderWindow()->RemoveObserver(d->beforeRenderObserver);
}

void StateSpaceView::setTrajectories(const QVector<Polyline3D>& full,
                                     const QVector<Polyline3D>& reduced) {
    d->full = full;
    d->reduced = reduced;
    d->rebuildTrajectories();
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
    d->replaceLayer(Layer::FixedPoints, detail::fixedPointProps(points, d->style()), b);
    d->contentChanged();
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

void StateSpaceView::setLegend(const QVector<LegendEntry>& entries) {
    for (const auto& entry : d->legend)
        d->renderer->RemoveViewProp(entry);
    d->legend.clear();
    d->legendEntries = entries;
    const detail::Style s = d->style();
    for (const LegendEntry& e : entries) {
        vtkNew<vtkTextActor> entry;
        entry->SetInput(e.text.toUtf8().constData());
        d->styleLegendEntry(entry, s);
        QColor c = e.color.isValid() ? e.color : QColor(Qt::black);
        // Black or white entries mean "the text colour": keep them readable on either theme.
        if ((d->dark && c.lightness() < 60) || (!d->dark && c.lightness() > 200))
            c = QColor::fromRgbF(static_cast<float>(s.textColor[0]),
                                 static_cast<float>(s.textColor[1]),
                                 static_cast<float>(s.textColor[2]));
        entry->GetTextProperty()->SetColor(c.redF(), c.greenF(), c.blueF());
        d->renderer->AddViewProp(entry);
        d->legend.emplace_back(entry);
    }
    d->host->update();
}

void StateSpaceView::setAxisLabels(const QString& x, const QString& y, const QString& z) {
    d->axes->SetXTitle(x.toUtf8().constData());
    d->axes->SetYTitle(y.toUtf8().constData());
    d->zTitle->SetInput(z.toUtf8().constData());
    d->host->update();
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
    // Labels and legend lines carry their colour and size in their own props.
    setSamplingLocations(d->markers);
    setFixedPoints(d->fixedPoints);
    setFlowArrows(d->arrows);
    setLegend(d->legendEntries);
}

void StateSpaceView::resetCamera() {
    d->fitPending = false;
    d->fitCamera();
    d->cameraFitted = true;
    d->host->update();
}

QImage StateSpaceView::renderImage() {
    return d->host->renderImage();
}

bool StateSpaceView::savePng(const QString& path) {
    const QImage image = renderImage();
    return !image.isNull() && image.save(path, "PNG");
}

} // namespace opdims::widgets
