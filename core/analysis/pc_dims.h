// PC dimensions (docs/method.md section 3): SVD of W, singular values and variance explained.
#pragma once

#include <Eigen/Dense>

namespace opdims {

struct PcDimensions {
    Eigen::MatrixXd U;                 // N x N left singular vectors, by decreasing singular value
    Eigen::VectorXd singularValues;    // N, decreasing
    Eigen::VectorXd varianceExplained; // s_i^2 / sum s^2 (fractions summing to 1)
};

PcDimensions pcDimensions(const Eigen::MatrixXd& W);

// Fraction of the total squared singular value carried by each value.
Eigen::VectorXd varianceExplained(const Eigen::VectorXd& singularValues);

// Running sum: entry i is the share explained by the first i + 1 dimensions.
Eigen::VectorXd cumulativeSum(const Eigen::VectorXd& fractions);

} // namespace opdims
