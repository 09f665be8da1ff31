// A 3D view of state space: trajectories, sampling locations, fixed points and flow (VTK inside).
#include "widgets/state_space_view.h"

#include "widgets/scene_actors.h"
#include "widgets/vtk_host.h"

#include <QVBoxLayout>

#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCubeAxesActor.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkLegendBoxActor.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProp.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>
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

int layerIndex(Layer layer) {
    return static_cast<int>(layer);
}

} // namespace

struct StateSpaceView::Impl {
    VtkHost* host = nullptr;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkCubeAxesActor> axes;
    vtkNew<vtkLegendBoxActor> legend;
    vtkNew<vtkPolyData> legendSymbol;
    std::array<std::vector<vtkSmartPointer<vtkProp>>, kLayerCount> props;
    std::array<Bounds, kLayerCount> bounds;
    std::array<bool, kLayerCount> visible{true, true, true, true, true, true};
    QVector<Polyline3D> full, reduced;
    QVector<Marker3D> markers;
    QVector<FixedPointGlyph> fixedPoints;
    QVector<Arrow3D> arrows;
    int legendCount = 0;
    bool dark = false;
    bool cameraFitted = false; // the camera is fitted automatically once, when data first appears

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
            // Flat data (e.g. all z equal) still needs a box the axes can be drawn on.
            const double pad = std::max(diagonal(b) * 0.02, 1e-6);
            for (int axis = 0; axis < 3; ++axis) {
                if (b[2 * axis + 1] - b[2 * axis] < pad) {
                    b[2 * axis] -= pad;
                    b[2 * axis + 1] += pad;
                }
            }
            axes->SetBounds(b.data());
        }
        axes->SetVisibility(any && visible[layerIndex(Layer::Axes)]);
        if (any && !cameraFitted) {
            fitCamera();
            cameraFitted = true;
        } else {
            renderer->ResetCameraClippingRange();
        }
        host->update();
    }

    void fitCamera() {
        vtkCamera* camera = renderer->GetActiveCamera();
        const Bounds b = visibleDataBounds();
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
        }
        renderer->ResetCameraClippingRange();
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
            title->SetFontSize(static_cast<int>(20 * s.pixelScale));
            title->SetBold(true);
            vtkTextProperty* label = axes->GetLabelTextProperty(axis);
            label->SetColor(text);
            label->SetFontSize(static_cast<int>(15 * s.pixelScale));
        }
        for (vtkProperty* p : {axes->GetXAxesLinesProperty(), axes->GetYAxesLinesProperty(),
                               axes->GetZAxesLinesProperty()}) {
            p->SetColor(line, line, line);
            p->SetLineWidth(static_cast<float>(2.0 * s.pixelScale));
        }
        vtkTextProperty* entry = legend->GetEntryTextProperty();
        entry->SetColor(text);
        entry->SetBold(true);
        entry->SetFontSize(static_cast<int>(18 * s.pixelScale));
        legend->GetBoxProperty()->SetColor(dark ? 0.08 : 1.0, dark ? 0.09 : 1.0, dark ? 0.11 : 1.0);
        legend->GetBoxProperty()->SetOpacity(0.85);
        legend->GetProperty()->SetColor(line, line, line);
    }
};

StateSpaceView::StateSpaceView(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
    d->host = new VtkHost(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->host);
    d->bounds.fill(detail::emptyBounds());

    d->host->renderWindow()->AddRenderer(d->renderer);

    vtkCubeAxesActor* axes = d->axes;
    axes->SetCamera(d->renderer->GetActiveCamera());
    axes->SetFlyModeToOuterEdges();
    // 2D text stays the same readable size whatever the zoom.
    axes->SetUse2DMode(1);
    axes->SetTickLocationToOutside();
    axes->XAxisMinorTickVisibilityOff();
    axes->YAxisMinorTickVisibilityOff();
    axes->ZAxisMinorTickVisibilityOff();
    axes->SetXTitle("x");
    axes->SetYTitle("y");
    axes->SetZTitle("z");
    axes->SetVisibility(false);
    d->renderer->AddViewProp(axes);

    // A short horizontal line as the legend's symbol.
    vtkNew<vtkPoints> symbolPoints;
    symbolPoints->InsertNextPoint(0.0, 0.0, 0.0);
    symbolPoints->InsertNextPoint(1.0, 0.0, 0.0);
    symbolPoints->InsertNextPoint(1.0, 0.25, 0.0);
    symbolPoints->InsertNextPoint(0.0, 0.25, 0.0);
    vtkNew<vtkCellArray> symbolCells;
    const vtkIdType quad[4] = {0, 1, 2, 3};
    symbolCells->InsertNextCell(4, quad);
    d->legendSymbol->SetPoints(symbolPoints);
    d->legendSymbol->SetPolys(symbolCells);
    d->legend->BorderOn();
    d->legend->BoxOn();
    d->legend->SetPadding(4);
    d->legend->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
    d->legend->GetPosition2Coordinate()->SetCoordinateSystemToNormalizedViewport();
    d->legend->SetVisibility(false);
    d->renderer->AddViewProp(d->legend);

    d->applyTheme();
}

StateSpaceView::~StateSpaceView() = default;

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
    vtkLegendBoxActor* legend = d->legend;
    legend->SetNumberOfEntries(static_cast<int>(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const QColor c = entries[i].color.isValid() ? entries[i].color : QColor(Qt::black);
        double rgb[3] = {c.redF(), c.greenF(), c.blueF()};
        legend->SetEntry(i, d->legendSymbol.Get(), entries[i].text.toUtf8().constData(), rgb);
    }
    // Top left, one row of about 5 % of the height per entry; the text is scaled to fit.
    const double height = std::min(0.9, 0.055 * static_cast<double>(entries.size()));
    qsizetype longest = 1;
    for (const LegendEntry& e : entries)
        longest = std::max(longest, e.text.size());
    const double width = std::min(0.5, 0.08 + 0.016 * static_cast<double>(longest));
    legend->GetPositionCoordinate()->SetValue(0.015, 0.985 - height);
    legend->GetPosition2Coordinate()->SetValue(width, height);
    legend->SetVisibility(!entries.isEmpty());
    d->legendCount = static_cast<int>(entries.size());
    d->host->update();
}

void StateSpaceView::setAxisLabels(const QString& x, const QString& y, const QString& z) {
    d->axes->SetXTitle(x.toUtf8().constData());
    d->axes->SetYTitle(y.toUtf8().constData());
    d->axes->SetZTitle(z.toUtf8().constData());
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
    d->applyTheme();
    // Labels carry their colour in their own props.
    setSamplingLocations(d->markers);
    setFixedPoints(d->fixedPoints);
}

void StateSpaceView::resetCamera() {
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
