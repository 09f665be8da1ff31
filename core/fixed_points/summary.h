// How line-like a set of fixed points is: first-PC variance share and eigenvalues along it.
#pragma once

#include "core/fixed_points/fixed_points.h"

#include <Eigen/Dense>

#include <vector>

namespace opdims {

struct PointSetSummary {
    int points = 0;
    // Share of the points' total variance (about their mean) on their first principal
    // component; 1 for points on a straight line. NaN for fewer than two points.
    double firstPcFraction = 0.0;
    Eigen::VectorXd axis; // unit first principal component
    // Over the points, the real part of the eigenvalue whose eigenvector lies most along the
    // axis (needs eigenvectors; NaN otherwise): median, smallest and largest.
    double alongAxisRealMedian = 0.0;
    double alongAxisRealMin = 0.0;
    double alongAxisRealMax = 0.0;
    // Median |cos| between that eigenvector and the axis.
    double alongAxisAlignmentMedian = 0.0;
    // Median over the points of the largest real part of any eigenvalue.
    double topRealMedian = 0.0;
};

PointSetSummary summarisePoints(const std::vector<FixedPoint>& points);

} // namespace opdims
