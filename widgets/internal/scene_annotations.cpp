// Axes, axis titles and legend of the state space view (internal to widgets/).
#include "widgets/internal/scene_annotations.h"

#include <vtkCubeAxesActor.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace opdims::widgets::detail {

namespace {

constexpr double kLegendFontSize = 17.0;
constexpr double kAxisTitleFontSize = 20.0;
constexpr double kAxisLabelFontSize = 15.0;
constexpr double kAxisTitleOffset = 36.0;
constexpr double kMinimumAxisFraction = 0.45; // shortest side of the axis box / longest side
// The box's sides lie on a grid of about this fraction of its longest side (a 1, 2 or 5 times a
// power of ten): data that moves a little (the reduced-rank network at the next k) leaves the box
// as it was, and VTK does not have to rebuild the axes and their labels (as much as a whole frame
// under a software OpenGL).
constexpr double kAxisGridFraction = 1.0 / 40.0;

// The smallest 1, 2 or 5 times a power of ten that is at least x (> 0).
double niceStepAtLeast(double x) {
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= x * (1.0 - 1e-12))
            return m * power;
    return 10.0 * power;
}

} // namespace

SceneAnnotations::SceneAnnotations(vtkRenderer* renderer)
    : m_renderer(renderer), m_axes(vtkSmartPointer<vtkCubeAxesActor>::New()),
      m_zTitle(vtkSmartPointer<vtkTextActor>::New()),
      m_caption(vtkSmartPointer<vtkTextActor>::New()) {
    vtkCubeAxesActor* axes = m_axes;
    axes->SetCamera(renderer->GetActiveCamera());
    // Axes at a fixed corner do not jump while the view rotates, and the z title can follow.
    axes->SetFlyModeToStaticTriad();
    // 2D text stays the same readable size whatever the zoom.
    axes->SetUse2DMode(1);
    axes->SetTickLocationToOutside();
    // Titles further from the tick labels than the default 20 keep oblique axes readable.
    axes->SetTitleOffset(kAxisTitleOffset);
    axes->XAxisMinorTickVisibilityOff();
    axes->YAxisMinorTickVisibilityOff();
    axes->ZAxisMinorTickVisibilityOff();
    axes->SetXTitle("x");
    axes->SetYTitle("y");
    axes->SetZTitle("");
    axes->SetVisibility(false);
    renderer->AddViewProp(axes);

    m_zTitle->SetInput("z");
    m_zTitle->GetPositionCoordinate()->SetCoordinateSystemToWorld();
    m_zTitle->SetVisibility(false);
    renderer->AddViewProp(m_zTitle);

    m_caption->SetVisibility(false);
    renderer->AddViewProp(m_caption);
}

SceneAnnotations::~SceneAnnotations() = default;

void SceneAnnotations::setAxisLabels(const QString& x, const QString& y, const QString& z) {
    m_axes->SetXTitle(x.toUtf8().constData());
    m_axes->SetYTitle(y.toUtf8().constData());
    m_zTitle->SetInput(z.toUtf8().constData());
}

Bounds SceneAnnotations::setDataBounds(const Bounds& data, bool visible) {
    const bool any = !isEmpty(data);
    m_axes->SetVisibility(any && visible);
    m_zTitle->SetVisibility(any && visible);
    if (!any)
        return data;
    // Flat data (e.g. all z equal, or a PC with little variance) still gets a box that reads as
    // 3D: every side is at least a fraction of the longest one.
    Bounds box = data;
    double longest = 0.0;
    for (int axis = 0; axis < 3; ++axis)
        longest = std::max(longest, box[2 * axis + 1] - box[2 * axis]);
    const double shortest = std::max(longest * kMinimumAxisFraction, 1e-9);
    for (int axis = 0; axis < 3; ++axis) {
        const double missing = shortest - (box[2 * axis + 1] - box[2 * axis]);
        if (missing > 0.0) {
            box[2 * axis] -= 0.5 * missing;
            box[2 * axis + 1] += 0.5 * missing;
        }
    }
    // The widened box's longest side is max(longest, shortest).
    const double step =
        niceStepAtLeast(std::max(std::max(longest, shortest) * kAxisGridFraction, 1e-12));
    for (int axis = 0; axis < 3; ++axis) {
        box[2 * axis] = std::floor(box[2 * axis] / step) * step;
        box[2 * axis + 1] = std::ceil(box[2 * axis + 1] / step) * step;
    }
    m_axes->SetBounds(box.data());
    // The z title sits above the z axis, which the static triad keeps at (xmin, ymin).
    m_zTitle->GetPositionCoordinate()->SetValue(box[0], box[2], box[5] + 0.12 * (box[5] - box[4]));
    return box;
}

void SceneAnnotations::setLegend(const QVector<LegendEntry>& entries, const Style& style,
                                 bool dark) {
    for (const auto& entry : m_legend)
        m_renderer->RemoveViewProp(entry);
    m_legend.clear();
    m_footer.clear();
    for (const LegendEntry& e : entries) {
        auto entry = vtkSmartPointer<vtkTextActor>::New();
        entry->SetInput(e.text.toUtf8().constData());
        styleLegendEntry(entry, style, dark, e.footer);
        QColor c = e.color.isValid() ? e.color : QColor(Qt::black);
        // Black or white entries mean "the text colour": keep them readable on either theme.
        if ((dark && c.lightness() < 60) || (!dark && c.lightness() > 200))
            c = QColor::fromRgbF(static_cast<float>(style.textColor[0]),
                                 static_cast<float>(style.textColor[1]),
                                 static_cast<float>(style.textColor[2]));
        entry->GetTextProperty()->SetColor(c.redF(), c.greenF(), c.blueF());

        m_renderer->AddViewProp(entry);
        m_legend.push_back(entry);
        m_footer.push_back(e.footer);
    }
}

void SceneAnnotations::applyStyle(const Style& style, bool dark) {
    const double* text = style.textColor.data();
    const double line = dark ? 0.75 : 0.25;
    for (int axis = 0; axis < 3; ++axis) {
        vtkTextProperty* title = m_axes->GetTitleTextProperty(axis);
        title->SetColor(text);
        title->SetFontSize(static_cast<int>(kAxisTitleFontSize * style.pixelScale));
        title->SetBold(true);
        vtkTextProperty* label = m_axes->GetLabelTextProperty(axis);
        label->SetColor(text);
        label->SetFontSize(static_cast<int>(kAxisLabelFontSize * style.pixelScale));
    }
    vtkTextProperty* z = m_zTitle->GetTextProperty();
    z->SetColor(text);
    z->SetFontSize(static_cast<int>(kAxisTitleFontSize * style.pixelScale));
    z->SetBold(true);
    z->SetJustificationToCentered();
    z->SetVerticalJustificationToBottom();
    for (vtkProperty* p : {m_axes->GetXAxesLinesProperty(), m_axes->GetYAxesLinesProperty(),
                           m_axes->GetZAxesLinesProperty()}) {
        p->SetColor(line, line, line);
        p->SetLineWidth(static_cast<float>(2.0 * style.pixelScale));
    }
    for (std::size_t i = 0; i < m_legend.size(); ++i)
        styleLegendEntry(m_legend[i], style, dark, m_footer[i]);
}

void SceneAnnotations::setCaption(const QString& text, const Style& style, bool dark) {
    m_caption->SetInput(text.toUtf8().constData());
    m_caption->SetVisibility(!text.isEmpty());
    vtkTextProperty* tp = m_caption->GetTextProperty();
    tp->SetFontSize(static_cast<int>(1.1 * kLegendFontSize * style.pixelScale));
    tp->SetBold(true);
    tp->SetJustificationToLeft();
    tp->SetVerticalJustificationToTop();
    tp->SetColor(style.textColor.data());
    tp->SetBackgroundColor(dark ? 0.08 : 1.0, dark ? 0.09 : 1.0, dark ? 0.11 : 1.0);
    tp->SetBackgroundOpacity(0.8);
}

void SceneAnnotations::placeLegend(double pixelScale) {
    const int* size = m_renderer->GetSize();
    m_caption->SetDisplayPosition(static_cast<int>(12 * pixelScale),
                                  static_cast<int>(size[1] - 10 * pixelScale));
    // A legend that does not fit the view (a large interface scale, a small view) is drawn
    // smaller until it fits: entries never overlap one another nor leave the view.
    double shrink = 1.0;
    if (!m_legend.empty() && size[0] > 0 && size[1] > 0) {
        const double needed =
            (1.35 * static_cast<double>(m_legend.size()) + 1.0) * kLegendFontSize * pixelScale;
        shrink = std::min(1.0, 0.95 * size[1] / needed);
        for (std::size_t i = 0; i < m_legend.size(); ++i) {
            const int current = m_legend[i]->GetTextProperty()->GetFontSize();
            const double base = (m_footer[i] ? 0.85 : 1.0) * kLegendFontSize * pixelScale;
            double box[2] = {0.0, 0.0};
            m_legend[i]->GetSize(m_renderer, box);
            if (current > 0 && box[0] > 0.0)
                shrink = std::min(shrink, (size[0] - 24 * pixelScale) / (box[0] * base / current));
        }
        shrink = std::max(shrink, 0.3);
        for (std::size_t i = 0; i < m_legend.size(); ++i) {
            const int target = std::max(6, static_cast<int>((m_footer[i] ? 0.85 : 1.0) *
                                                            kLegendFontSize * pixelScale * shrink));
            if (m_legend[i]->GetTextProperty()->GetFontSize() != target)
                m_legend[i]->GetTextProperty()->SetFontSize(target);
        }
    }
    // Top right: the z axis of the static triad is on the left for the default camera. Footer
    // notes go to the bottom right, the last one lowest.
    const double line = 1.35 * kLegendFontSize * pixelScale * shrink;
    const int x = static_cast<int>(size[0] - 12 * pixelScale);
    const auto footers = std::count(m_footer.begin(), m_footer.end(), true);
    double top = 0.0, bottom = static_cast<double>(footers - 1);
    for (std::size_t i = 0; i < m_legend.size(); ++i) {
        if (m_footer[i]) {
            m_legend[i]->SetDisplayPosition(x, static_cast<int>(8 * pixelScale + bottom * line));
            bottom -= 1.0;
        } else {
            m_legend[i]->SetDisplayPosition(
                x, static_cast<int>(size[1] - 10 * pixelScale - top * line));
            top += 1.0;
        }
    }
}

void SceneAnnotations::styleLegendEntry(vtkTextActor* entry, const Style& style, bool dark,
                                        bool footer) const {
    vtkTextProperty* tp = entry->GetTextProperty();
    tp->SetFontSize(static_cast<int>((footer ? 0.85 : 1.0) * kLegendFontSize * style.pixelScale));
    tp->SetBold(!footer);
    tp->SetJustificationToRight();
    if (footer)
        tp->SetVerticalJustificationToBottom();
    else
        tp->SetVerticalJustificationToTop();
    // A backdrop keeps the entries readable where they overlap trajectories.
    tp->SetBackgroundColor(dark ? 0.08 : 1.0, dark ? 0.09 : 1.0, dark ? 0.11 : 1.0);
    tp->SetBackgroundOpacity(0.8);
}

} // namespace opdims::widgets::detail
