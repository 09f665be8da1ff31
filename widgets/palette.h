// Colours shared by the views: distinct colours for conditions, fixed colours for stability.
#pragma once

#include "widgets/scene_types.h"

#include <QColor>

namespace opdims::widgets {

// A colour for condition `index` of `count`, distinct from its neighbours and readable on a white
// background (and on the dark theme of the 3D view).
QColor conditionColor(int index, int count);

// Stable: bluish green, saddle: orange, unstable: red, marginal: purple.
QColor stabilityColor(Stability stability);

} // namespace opdims::widgets
