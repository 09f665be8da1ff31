// What the explorer shows of a set of fixed points: counts per class, one row per point, and the
// full network's points that the reduced-rank network's points continue.
#pragma once

#include "core/base/progress.h"
#include "core/fixed_points/fixed_points.h"
#include "core/model/model.h"

#include <Eigen/Dense>

#include <vector>

namespace opdims {

// Fixed points by stability class; slow points are counted apart whatever their stability.
struct PointCounts {
    int stable = 0;
    int marginal = 0;
    int saddle = 0;
    int unstable = 0;
    int slow = 0;
};
PointCounts countPoints(const std::vector<FixedPoint>& points);

// One point as a row of a table.
struct PointRow {
    PointKind kind = PointKind::Fixed;
    Stability stability = Stability::Stable;
    double speed = 0.0;     // ||F(x)||
    int unstableModes = 0;  // eigenvalues with real part > marginal
    Eigen::VectorXd output; // z = W_out tanh(x) + b_z
    // Position along the first principal axis of the points (about their mean; the axis points
    // towards the first point's side, so that the sign is stable). NaN for fewer than two points.
    double alongAxis = 0.0;
};
struct PointTable {
    std::vector<PointRow> rows;
    // The share of the points' variance on that axis (1: on a line); NaN for fewer than two.
    double axisShare = 0.0;
};
PointTable pointTable(const Model& model, const std::vector<FixedPoint>& points);

// The full network's fixed and slow points under `input` that the reduced-rank network's points
// continue: the full network's search started from the reduced points themselves (and from
// `extraStarts`, N x S, may be empty), no outliers dropped, eigenvalues without eigenvectors.
FixedPointResult counterpartPoints(const Model& model, const Eigen::VectorXd& input,
                                   const std::vector<FixedPoint>& reduced,
                                   const Eigen::MatrixXd& extraStarts = {},
                                   const Progress& progress = {});

// The index of the point nearest to x (Euclidean); -1 when there is none.
int nearestPoint(const std::vector<FixedPoint>& points, const Eigen::VectorXd& x);

} // namespace opdims
