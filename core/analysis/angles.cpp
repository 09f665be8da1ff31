// Principal angles from the singular values of Qa^T Qb (Bjorck and Golub).
#include "core/analysis/angles.h"

#include "core/base/error.h"

#include <algorithm>
#include <cmath>

namespace opdims {

namespace {
Eigen::MatrixXd orthonormalColumns(const Eigen::MatrixXd& M) {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(M);
    return qr.householderQ() * Eigen::MatrixXd::Identity(M.rows(), M.cols());
}
} // namespace

Eigen::VectorXd principalAngles(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
    if (A.rows() != B.rows())
        throw Error("the two subspaces live in spaces of different size (" +
                    std::to_string(A.rows()) + " and " + std::to_string(B.rows()) + ")");
    if (A.cols() == 0 || B.cols() == 0)
        throw Error("principal angles need two non-empty subspaces");
    if (A.cols() > A.rows() || B.cols() > B.rows())
        throw Error("a subspace has more dimensions than its space");
    const Eigen::MatrixXd C = orthonormalColumns(A).transpose() * orthonormalColumns(B);
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(C);
    const Eigen::VectorXd s = svd.singularValues(); // decreasing: angles ascending
    Eigen::VectorXd out(s.size());
    for (Eigen::Index i = 0; i < s.size(); ++i)
        out(i) = std::acos(std::clamp(s(i), 0.0, 1.0));
    return out;
}

} // namespace opdims
