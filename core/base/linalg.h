// The dense decompositions the core uses, each instantiated once (in linalg.cpp).
//
// Eigen's decompositions are templates; every file that names one compiles it again, and at -O3
// the SVDs and eigen solvers are the most expensive code of the whole build. The core calls them
// through these functions, so each is compiled once per build. The results are Eigen's own.
#pragma once

#include <Eigen/Core>

namespace opdims::linalg {

// Singular values (decreasing) and left singular vectors of A (divide and conquer, BDCSVD).
// full: the complete n x n U; otherwise the thin n x min(n, m) U.
struct LeftSvd {
    Eigen::MatrixXd U;
    Eigen::VectorXd singularValues;
};
LeftSvd leftSvd(const Eigen::MatrixXd& A, bool full);

// Singular values of A in decreasing order (one-sided Jacobi, JacobiSVD): for small matrices
// and where the last digits of the small singular values matter.
Eigen::VectorXd singularValuesJacobi(const Eigen::MatrixXd& A);

// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of the symmetric matrix A; only
// its lower triangle is read.
struct SymmetricEigen {
    Eigen::VectorXd values;
    Eigen::MatrixXd vectors;
};
SymmetricEigen symmetricEigen(const Eigen::MatrixXd& A);

// Eigenvalues of the general square matrix A in Eigen's order (EigenSolver), and with vectors the
// eigenvectors as columns (empty without).
struct GeneralEigen {
    Eigen::VectorXcd values;
    Eigen::MatrixXcd vectors;
};
GeneralEigen generalEigen(const Eigen::MatrixXd& A, bool vectors);

// Orthonormal columns spanning the columns of M (thin Q of a Householder QR).
Eigen::MatrixXd orthonormalColumns(const Eigen::MatrixXd& M);

} // namespace opdims::linalg
