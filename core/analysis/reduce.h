// Removing dimensions from W (docs/method.md section 3): one vector or an orthonormal set.
#pragma once

#include <Eigen/Dense>

#include <string>

namespace opdims {

// Which space of W a dimension lives in: columns (output side, W' = (I - q q^T) W) or rows
// (input side, W' = W (I - q q^T)).
enum class Side { Columns, Rows };

const char* sideName(Side side);         // "columns" or "rows"
Side parseSide(const std::string& name); // throws Error for anything else

// W with the unit vector q removed from its column space or row space.
Eigen::MatrixXd removeDimension(const Eigen::MatrixXd& W, const Eigen::VectorXd& q, Side side);

// W with every column of the orthonormal set Q (N x k) removed.
Eigen::MatrixXd removeDimensions(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Q, Side side);

// W projected onto the span of the orthonormal set Q (N x k): Q Q^T W (columns) or W Q Q^T (rows).
Eigen::MatrixXd projectOnto(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Q, Side side);

} // namespace opdims
