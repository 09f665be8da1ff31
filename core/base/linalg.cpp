// The one place the core instantiates Eigen's SVDs, eigen solvers and QR (see linalg.h).
#include "core/base/linalg.h"

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <Eigen/SVD>

namespace opdims::linalg {

LeftSvd leftSvd(const Eigen::MatrixXd& A, bool full) {
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(A, full ? Eigen::ComputeFullU : Eigen::ComputeThinU);
    return {svd.matrixU(), svd.singularValues()};
}

Eigen::VectorXd singularValuesJacobi(const Eigen::MatrixXd& A) {
    return Eigen::JacobiSVD<Eigen::MatrixXd>(A).singularValues();
}

SymmetricEigen symmetricEigen(const Eigen::MatrixXd& A) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(A);
    return {es.eigenvalues(), es.eigenvectors()};
}

GeneralEigen generalEigen(const Eigen::MatrixXd& A, bool vectors) {
    const Eigen::EigenSolver<Eigen::MatrixXd> es(A, vectors);
    GeneralEigen out;
    out.values = es.eigenvalues();
    if (vectors)
        out.vectors = es.eigenvectors();
    return out;
}

Eigen::MatrixXd orthonormalColumns(const Eigen::MatrixXd& M) {
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(M);
    return qr.householderQ() * Eigen::MatrixXd::Identity(M.rows(), M.cols());
}

} // namespace opdims::linalg
