// Principal angles between two subspaces, e.g. operative vs PC dimensions or two contexts.
#pragma once

#include <Eigen/Dense>

namespace opdims {

// Principal angles in radians, ascending, between span(A) and span(B) (N x a and N x b, any
// full-rank columns: they are orthonormalised first); min(a, b) angles.
Eigen::VectorXd principalAngles(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B);

} // namespace opdims
