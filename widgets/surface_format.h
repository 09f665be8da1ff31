// The OpenGL format the 3D view needs, set once per process.
#pragma once

namespace opdims::widgets {

// Asks for the OpenGL 3.2 core context VTK needs. Call it before the QApplication exists (in main,
// or in a test's static initMain()).
void setDefaultSurfaceFormat();

} // namespace opdims::widgets
