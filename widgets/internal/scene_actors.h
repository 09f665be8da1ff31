// Builds the VTK props of the state space view from its plain data (internal to widgets/).
#pragma once

#include "widgets/scene_types.h"

#include <vtkSmartPointer.h>

#include <array>
#include <vector>

class vtkProp;

namespace opdims::widgets::detail {

using Bounds = std::array<double, 6>; // xmin, xmax, ymin, ymax, zmin, zmax

// Empty bounds (min > max) that growBounds() widens.
Bounds emptyBounds();
bool isEmpty(const Bounds& bounds);
void growBounds(Bounds& bounds, const QVector3D& point);
double diagonal(const Bounds& bounds);

// How thick things are drawn: `pixelScale` turns device-independent pixels into device pixels.
struct Style {
    double pixelScale = 1.0;
    double dashLength = 1.0; // in scene units
    std::array<double, 3> textColor{0.0, 0.0, 0.0};
};

std::vector<vtkSmartPointer<vtkProp>> polylineProps(const QVector<Polyline3D>& lines,
                                                    double widthFactor, bool forceDashed,
                                                    const Style& style);
// Round markers are shaded spheres, the others flat squares.
std::vector<vtkSmartPointer<vtkProp>> markerProps(const QVector<Marker3D>& markers,
                                                  const Style& style, bool round = true);
// Stable and marginal fixed points are round, saddles and unstable ones square, so that the
// kinds stay apart also for readers who do not tell orange from red.
// The glyph `highlight` (an index, -1: none) gets a ring (drawn over everything) and its 1-based
// number.
std::vector<vtkSmartPointer<vtkProp>> fixedPointProps(const QVector<FixedPointGlyph>& points,
                                                      const Style& style, int highlight = -1);
// Diameter of a fixed point glyph in device-independent pixels (picking uses it too).
inline constexpr double kFixedPointPixels = 20.0;
std::vector<vtkSmartPointer<vtkProp>> arrowProps(const QVector<Arrow3D>& arrows);

} // namespace opdims::widgets::detail
