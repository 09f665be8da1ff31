// Builds the VTK props of the state space view from its plain data (internal to widgets/).
#include "widgets/internal/scene_actors.h"

#include "widgets/palette.h"

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkArrowSource.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

namespace opdims::widgets::detail {

namespace {

constexpr double kMarkerPixels = 11.0;  // diameter of a sampling location of size 1
constexpr double kDirectionWidth = 4.0; // width of a fixed point's direction lines
constexpr int kLabelFontSize = 16;
constexpr double kHighlightScale = 1.6; // ring around the highlighted fixed point / glyph
const QColor kHighlightColor(20, 20, 20);

void setColor(vtkProperty* property, const QColor& color) {
    const QColor c = color.isValid() ? color : QColor(Qt::black);
    property->SetColor(c.redF(), c.greenF(), c.blueF());
}

vtkSmartPointer<vtkProp> labelProp(const QVector3D& position, const QString& text,
                                   const Style& style) {
    // 2D text anchored at a world point keeps a constant, readable size at any zoom.
    vtkNew<vtkTextActor> label;
    // The leading spaces move the text off the glyph it labels.
    label->SetInput((QStringLiteral("   ") + text).toUtf8().constData());
    vtkCoordinate* anchor = label->GetPositionCoordinate();
    anchor->SetCoordinateSystemToWorld();
    anchor->SetValue(position.x(), position.y(), position.z());
    vtkTextProperty* tp = label->GetTextProperty();
    tp->SetFontSize(static_cast<int>(kLabelFontSize * style.pixelScale));
    tp->SetColor(style.textColor.data());
    tp->SetBold(true);
    tp->SetJustificationToLeft();
    tp->SetVerticalJustificationToBottom();
    return label;
}

// A circle of `radius` device-independent pixels around a world point, as a 2D overlay.
vtkSmartPointer<vtkProp> ringProp(const QVector3D& position, double radius, const Style& style) {
    constexpr int kSegments = 48;
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> lines;
    const double r = radius * style.pixelScale;
    std::vector<vtkIdType> ids;
    for (int i = 0; i <= kSegments; ++i) {
        const double angle = 2.0 * std::numbers::pi * i / kSegments;
        ids.push_back(points->InsertNextPoint(r * std::cos(angle), r * std::sin(angle), 0.0));
    }
    lines->InsertNextCell(static_cast<vtkIdType>(ids.size()), ids.data());
    vtkNew<vtkPolyData> data;
    data->SetPoints(points);
    data->SetLines(lines);
    // Without a transform coordinate, the mapper's points are pixels from the actor's position.
    vtkNew<vtkPolyDataMapper2D> mapper;
    mapper->SetInputData(data);
    vtkNew<vtkActor2D> ring;
    ring->SetMapper(mapper);
    vtkCoordinate* anchor = ring->GetPositionCoordinate();
    anchor->SetCoordinateSystemToWorld();
    anchor->SetValue(position.x(), position.y(), position.z());
    ring->GetProperty()->SetColor(kHighlightColor.redF(), kHighlightColor.greenF(),
                                  kHighlightColor.blueF());
    ring->GetProperty()->SetLineWidth(static_cast<float>(3.0 * style.pixelScale));
    return ring;
}

bool isFinite(const QVector3D& p) {
    return std::isfinite(p.x()) && std::isfinite(p.y()) && std::isfinite(p.z());
}

// The stretches of at least two finite points: a diverging reduced-rank network can produce inf
// or NaN states, which would otherwise spoil the whole line.
QVector<QVector<QVector3D>> finiteRuns(const QVector<QVector3D>& points) {
    QVector<QVector<QVector3D>> runs(1);
    for (const QVector3D& p : points) {
        if (isFinite(p))
            runs.back().append(p);
        else if (!runs.back().isEmpty())
            runs.append(QVector<QVector3D>());
    }
    runs.removeIf([](const QVector<QVector3D>& run) { return run.size() < 2; });
    return runs;
}

// Appends the dashes of one polyline, each dash a separate polyline cell.
void appendDashes(const QVector<QVector3D>& pts, double dash, vtkPoints* points,
                  vtkCellArray* cells) {
    const double gap = 0.6 * dash;
    bool on = true;
    double left = dash; // length left in the current dash or gap
    std::vector<vtkIdType> current;
    auto addPoint = [&](const QVector3D& p) {
        current.push_back(points->InsertNextPoint(p.x(), p.y(), p.z()));
    };
    auto flush = [&] {
        if (current.size() >= 2)
            cells->InsertNextCell(static_cast<vtkIdType>(current.size()), current.data());
        current.clear();
    };
    addPoint(pts[0]);
    for (qsizetype i = 1; i < pts.size(); ++i) {
        QVector3D a = pts[i - 1];
        const QVector3D b = pts[i];
        double segment = static_cast<double>((b - a).length());
        while (segment > left) {
            const QVector3D cut = a + (b - a) * static_cast<float>(left / segment);
            if (on) {
                addPoint(cut);
                flush();
            } else {
                addPoint(cut);
            }
            segment -= left;
            a = cut;
            on = !on;
            left = on ? dash : gap;
        }
        left -= segment;
        if (on)
            addPoint(b);
    }
    if (on)
        flush();
}

} // namespace

Bounds emptyBounds() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    return {inf, -inf, inf, -inf, inf, -inf};
}

bool isEmpty(const Bounds& bounds) {
    return bounds[0] > bounds[1];
}

void growBounds(Bounds& bounds, const QVector3D& point) {
    for (int axis = 0; axis < 3; ++axis) {
        const double v = point[axis];
        if (!std::isfinite(v))
            return;
    }
    for (int axis = 0; axis < 3; ++axis) {
        const double v = point[axis];
        bounds[2 * axis] = std::min(bounds[2 * axis], v);
        bounds[2 * axis + 1] = std::max(bounds[2 * axis + 1], v);
    }
}

double diagonal(const Bounds& bounds) {
    if (isEmpty(bounds))
        return 0.0;
    const double dx = bounds[1] - bounds[0];
    const double dy = bounds[3] - bounds[2];
    const double dz = bounds[5] - bounds[4];
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

std::vector<vtkSmartPointer<vtkProp>> polylineProps(const QVector<Polyline3D>& lines,
                                                    double widthFactor, bool forceDashed,
                                                    const Style& style) {
    std::vector<vtkSmartPointer<vtkProp>> props;
    for (const Polyline3D& line : lines) {
        vtkNew<vtkPoints> points;
        vtkNew<vtkCellArray> cells;
        for (const QVector<QVector3D>& run : finiteRuns(line.points)) {
            if ((line.dashed || forceDashed) && style.dashLength > 0.0) {
                appendDashes(run, style.dashLength, points, cells);
            } else {
                std::vector<vtkIdType> ids;
                ids.reserve(static_cast<std::size_t>(run.size()));
                for (const QVector3D& p : run)
                    ids.push_back(points->InsertNextPoint(p.x(), p.y(), p.z()));
                cells->InsertNextCell(static_cast<vtkIdType>(ids.size()), ids.data());
            }
        }
        if (cells->GetNumberOfCells() == 0)
            continue;
        vtkNew<vtkPolyData> data;
        data->SetPoints(points);
        data->SetLines(cells);
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputData(data);
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        vtkProperty* property = actor->GetProperty();
        setColor(property, line.color);
        property->SetLineWidth(
            static_cast<float>(std::max(1.0, line.width * widthFactor * style.pixelScale)));
        // Shaded tubes read as 3D and stay visible where lines cross.
        property->RenderLinesAsTubesOn();
        property->SetAmbient(0.3);
        property->SetDiffuse(0.7);
        props.emplace_back(actor);
    }
    return props;
}

std::vector<vtkSmartPointer<vtkProp>> markerProps(const QVector<Marker3D>& markers,
                                                  const Style& style, bool round) {
    // Point size is per actor: one actor per distinct marker size.
    std::map<double, std::vector<const Marker3D*>> bySize;
    for (const Marker3D& m : markers)
        bySize[m.size > 0.0 ? m.size : 1.0].push_back(&m);
    std::vector<vtkSmartPointer<vtkProp>> props;
    for (const auto& [size, group] : bySize) {
        vtkNew<vtkPoints> points;
        vtkNew<vtkCellArray> vertices;
        vtkNew<vtkUnsignedCharArray> colors;
        colors->SetNumberOfComponents(3);
        colors->SetName("colors");
        for (const Marker3D* m : group) {
            const vtkIdType id =
                points->InsertNextPoint(m->position.x(), m->position.y(), m->position.z());
            vertices->InsertNextCell(1, &id);
            const QColor c = m->color.isValid() ? m->color : QColor(Qt::black);
            colors->InsertNextTuple3(c.red(), c.green(), c.blue());
        }
        vtkNew<vtkPolyData> data;
        data->SetPoints(points);
        data->SetVerts(vertices);
        data->GetPointData()->SetScalars(colors);
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputData(data);
        mapper->SetColorModeToDirectScalars();
        mapper->ScalarVisibilityOn();
        vtkNew<vtkActor> actor;
        actor->SetMapper(mapper);
        actor->GetProperty()->SetRenderPointsAsSpheres(round);
        actor->GetProperty()->SetPointSize(
            static_cast<float>(kMarkerPixels * size * style.pixelScale));
        props.emplace_back(actor);
    }
    for (const Marker3D& m : markers)
        if (!m.label.isEmpty())
            props.push_back(labelProp(m.position, m.label, style));
    return props;
}

std::vector<vtkSmartPointer<vtkProp>> fixedPointProps(const QVector<FixedPointGlyph>& points,
                                                      const Style& style, int highlight) {
    QVector<Marker3D> round, square;
    QVector<Polyline3D> directions;
    for (const FixedPointGlyph& p : points) {
        const QColor color = stabilityColor(p.stability);
        const bool isRound = p.stability == Stability::Stable || p.stability == Stability::Marginal;
        (isRound ? round : square)
            .append(Marker3D{p.position, color, kFixedPointPixels / kMarkerPixels, p.label});
        for (const QVector3D& direction : p.directions)
            directions.append(Polyline3D{
                QString(), color, {p.position, p.position + direction}, false, kDirectionWidth});
    }
    auto props = polylineProps(directions, 1.0, false, style);
    for (bool isRound : {true, false}) {
        auto markers = markerProps(isRound ? round : square, style, isRound);
        props.insert(props.end(), markers.begin(), markers.end());
    }
    if (highlight >= 0 && highlight < points.size()) {
        // A ring around the glyph, drawn over the scene so that nothing hides it, and the number.
        const FixedPointGlyph& p = points[highlight];
        props.push_back(ringProp(p.position, kHighlightScale * 0.5 * kFixedPointPixels, style));
        props.push_back(labelProp(p.position, QStringLiteral("  #%1").arg(highlight + 1), style));
    }
    return props;
}

std::vector<vtkSmartPointer<vtkProp>> arrowProps(const QVector<Arrow3D>& arrows) {
    std::vector<vtkSmartPointer<vtkProp>> props;
    if (arrows.isEmpty())
        return props;
    vtkNew<vtkPoints> points;
    vtkNew<vtkFloatArray> vectors;
    vectors->SetNumberOfComponents(3);
    vectors->SetName("vectors");
    vtkNew<vtkUnsignedCharArray> colors;
    colors->SetNumberOfComponents(3);
    colors->SetName("colors");
    for (const Arrow3D& a : arrows) {
        points->InsertNextPoint(a.origin.x(), a.origin.y(), a.origin.z());
        vectors->InsertNextTuple3(a.vector.x(), a.vector.y(), a.vector.z());
        const QColor c = a.color.isValid() ? a.color : QColor(0x40, 0x40, 0x40);
        colors->InsertNextTuple3(c.red(), c.green(), c.blue());
    }
    vtkNew<vtkPolyData> data;
    data->SetPoints(points);
    data->GetPointData()->AddArray(vectors);
    data->GetPointData()->SetScalars(colors);

    vtkNew<vtkArrowSource> arrow;
    arrow->SetTipResolution(16);
    arrow->SetShaftResolution(16);
    arrow->SetTipLength(0.3);
    arrow->SetTipRadius(0.1);
    arrow->SetShaftRadius(0.035);
    vtkNew<vtkGlyph3DMapper> mapper;
    mapper->SetInputData(data);
    mapper->SetSourceConnection(arrow->GetOutputPort());
    mapper->SetOrientationArray("vectors");
    mapper->SetOrientationModeToDirection();
    mapper->SetScaleArray("vectors");
    mapper->SetScaleModeToScaleByMagnitude();
    mapper->SetColorModeToDirectScalars();
    mapper->ScalarVisibilityOn();
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    props.emplace_back(actor);
    return props;
}

} // namespace opdims::widgets::detail
