// Plain data the state space view draws: trajectories, sampling locations, fixed points, arrows.
#pragma once

#include <QColor>
#include <QString>
#include <QVector3D>
#include <QVector>

namespace opdims::widgets {

// One trajectory (e.g. a condition average), in the coordinates of the view (e.g. PC 1..3).
struct Polyline3D {
    QString label;
    QColor color;
    QVector<QVector3D> points;
    bool dashed = false;
    double width = 3.0; // in device-independent pixels; 3 reads well on a projector
    bool operator==(const Polyline3D&) const = default;
};

// A sampling location or any other point of interest.
struct Marker3D {
    QVector3D position;
    QColor color;
    double size = 1.0; // relative: 1.0 is the default marker diameter
    QString label;
};

enum class Stability { Stable, Saddle, Unstable, Marginal };

// A fixed point with the directions of its linearisation (e.g. eigenvectors). Drawn in its
// stability colour: round when stable or marginal, square when a saddle or unstable.
struct FixedPointGlyph {
    QVector3D position;
    Stability stability = Stability::Stable;
    QVector<QVector3D> directions; // short line segments from position, already scaled
    QString label;
};

// The local flow at origin (e.g. F(x) - x), drawn as an arrow of the given length.
struct Arrow3D {
    QVector3D origin;
    QVector3D vector;
    QColor color;
};

struct LegendEntry {
    QString text;
    QColor color;
    // A note (e.g. which line style is which) drawn at the bottom right, apart from the list of
    // entries at the top right.
    bool footer = false;
};

// Parts of the state space scene that can be shown or hidden independently.
enum class Layer {
    FullTrajectories,
    ReducedTrajectories,
    SamplingLocations,
    FixedPoints,
    FlowArrows,
    Axes,
    TimeMarkers // where each trajectory is at the time played back
};

} // namespace opdims::widgets
