// Axes, axis titles and legend of the state space view (internal to widgets/).
#pragma once

#include "widgets/internal/scene_actors.h"
#include "widgets/scene_types.h"

#include <vtkSmartPointer.h>

#include <vector>

class vtkCubeAxesActor;
class vtkRenderer;
class vtkTextActor;

namespace opdims::widgets::detail {

class SceneAnnotations {
public:
    explicit SceneAnnotations(vtkRenderer* renderer);
    ~SceneAnnotations();
    SceneAnnotations(const SceneAnnotations&) = delete;
    SceneAnnotations& operator=(const SceneAnnotations&) = delete;

    void setAxisLabels(const QString& x, const QString& y, const QString& z);
    // Draws the axes around the data bounds, widened so that the box reads as 3D even for flat
    // data and rounded outwards to a grid of about 1/40 of its longest side; returns the box
    // drawn (empty bounds hide the axes and are returned as they are).
    Bounds setDataBounds(const Bounds& data, bool visible);
    void setLegend(const QVector<LegendEntry>& entries, const Style& style, bool dark);
    // Fonts, line widths and colours for a device pixel ratio and theme.
    void applyStyle(const Style& style, bool dark);
    // One line at the top left (e.g. the time and input phase during playback); empty hides it.
    void setCaption(const QString& text, const Style& style, bool dark);
    // Legend lines are placed in pixels from the top right, which moves with the view's size:
    // call before each render.
    void placeLegend(double pixelScale);

private:
    void styleLegendEntry(vtkTextActor* entry, const Style& style, bool dark, bool footer) const;

    vtkRenderer* m_renderer;
    vtkSmartPointer<vtkCubeAxesActor> m_axes;
    // VTK's 2D mode puts the z title on top of the z tick labels; this one sits above the axis.
    vtkSmartPointer<vtkTextActor> m_zTitle;
    vtkSmartPointer<vtkTextActor> m_caption;
    std::vector<vtkSmartPointer<vtkTextActor>> m_legend; // one line per entry, in its colour
    std::vector<bool> m_footer;                          // per entry: a bottom-right note
};

} // namespace opdims::widgets::detail
