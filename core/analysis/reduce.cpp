// Projections that remove or keep dimensions of W, written as low-rank updates (no N x N
// projector).
#include "core/analysis/reduce.h"

#include "core/base/error.h"

namespace opdims {

const char* sideName(Side side) {
    return side == Side::Columns ? "columns" : "rows";
}

Side parseSide(const std::string& name) {
    if (name == "columns")
        return Side::Columns;
    if (name == "rows")
        return Side::Rows;
    throw Error("unknown dimension type '" + name + "' (expected columns or rows)");
}

namespace {
void checkSet(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Q) {
    if (W.rows() != W.cols())
        throw Error("the weight matrix is " + std::to_string(W.rows()) + "x" +
                    std::to_string(W.cols()) + ", expected a square matrix");
    if (Q.rows() != W.rows())
        throw Error("the dimensions have " + std::to_string(Q.rows()) +
                    " entries, the network has " + std::to_string(W.rows()) + " units");
}
} // namespace

Eigen::MatrixXd projectOnto(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Q, Side side) {
    checkSet(W, Q);
    if (side == Side::Columns) {
        const Eigen::MatrixXd QtW = Q.transpose() * W;
        return Q * QtW;
    }
    const Eigen::MatrixXd WQ = W * Q;
    return WQ * Q.transpose();
}

Eigen::MatrixXd removeDimensions(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Q, Side side) {
    return W - projectOnto(W, Q, side);
}

Eigen::MatrixXd removeDimension(const Eigen::MatrixXd& W, const Eigen::VectorXd& q, Side side) {
    return removeDimensions(W, Eigen::MatrixXd(q), side);
}

} // namespace opdims
