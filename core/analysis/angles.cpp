// Principal angles from the singular values of Qa^T Qb (Bjorck and Golub).
#include "core/analysis/angles.h"

#include "core/base/error.h"
#include "core/base/linalg.h"

#include <algorithm>
#include <cmath>

namespace opdims {

Eigen::VectorXd principalAngles(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
    if (A.rows() != B.rows())
        throw Error("the two subspaces live in spaces of different size (" +
                    std::to_string(A.rows()) + " and " + std::to_string(B.rows()) + ")");
    if (A.cols() == 0 || B.cols() == 0)
        throw Error("principal angles need two non-empty subspaces");
    if (A.cols() > A.rows() || B.cols() > B.rows())
        throw Error("a subspace has more dimensions than its space");
    const Eigen::MatrixXd C =
        linalg::orthonormalColumns(A).transpose() * linalg::orthonormalColumns(B);
    const Eigen::VectorXd s = linalg::singularValuesJacobi(C); // decreasing: angles ascending
    Eigen::VectorXd out(s.size());
    for (Eigen::Index i = 0; i < s.size(); ++i)
        out(i) = std::acos(std::clamp(s(i), 0.0, 1.0));
    return out;
}

} // namespace opdims
