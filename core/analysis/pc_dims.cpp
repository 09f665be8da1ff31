// SVD of the recurrent weights for the PC dimensions.
#include "core/analysis/pc_dims.h"

#include "core/base/error.h"
#include "core/base/linalg.h"

#include <utility>

namespace opdims {

Eigen::VectorXd varianceExplained(const Eigen::VectorXd& singularValues) {
    const double total = singularValues.squaredNorm();
    if (total <= 0.0)
        return Eigen::VectorXd::Zero(singularValues.size());
    return singularValues.array().square() / total;
}

PcDimensions pcDimensions(const Eigen::MatrixXd& W) {
    if (W.rows() != W.cols() || W.rows() == 0)
        throw Error("PC dimensions need a square, non-empty weight matrix (got " +
                    std::to_string(W.rows()) + "x" + std::to_string(W.cols()) + ")");
    // Singular values come in decreasing order.
    linalg::LeftSvd svd = linalg::leftSvd(W, false);
    PcDimensions out;
    out.U = std::move(svd.U);
    out.singularValues = std::move(svd.singularValues);
    out.varianceExplained = varianceExplained(out.singularValues);
    return out;
}

Eigen::VectorXd cumulativeSum(const Eigen::VectorXd& fractions) {
    Eigen::VectorXd out(fractions.size());
    double sum = 0.0;
    for (Eigen::Index i = 0; i < fractions.size(); ++i)
        out(i) = (sum += fractions(i));
    return out;
}

} // namespace opdims
