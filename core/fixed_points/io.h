// Saving and loading fixed-point results as HDF5 (layout in docs/fixed-points.md).
#pragma once

#include "core/fixed_points/fixed_points.h"

#include <Eigen/Dense>

#include <string>
#include <utility>
#include <vector>

namespace opdims {

// What the points were computed for, stored as attributes of the file's root.
struct FixedPointProvenance {
    std::vector<std::pair<std::string, std::string>> text; // e.g. model, task, basis
    std::vector<std::pair<std::string, double>> numbers;   // e.g. net, context, rank, seed
};

// Writes the points, the constant input and per-start outcomes atomically (eigenvectors are not
// stored: the eigenvalues, slow and unstable directions are).
void saveFixedPoints(const std::string& path, const FixedPointResult& result,
                     const Eigen::VectorXd& input, const FixedPointProvenance& provenance);

// Reads the points back (states, q, speed, kind, counts, eigenvalues, class and directions);
// throws Error naming the file and the missing or malformed dataset.
std::vector<FixedPoint> loadFixedPoints(const std::string& path);

} // namespace opdims
