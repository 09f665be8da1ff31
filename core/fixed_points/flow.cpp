// The flow, its Jacobian and the Hessian of q, written out for speed (no N^3 work per call).
#include "core/fixed_points/flow.h"

#include "core/base/error.h"
#include "core/base/fast_math.h"

#include <limits>
#include <string>

namespace opdims {

Flow::Flow(const Eigen::MatrixXd& W, const Eigen::VectorXd& c) : W_(W), c_(c) {
    if (W.rows() != W.cols() || c.size() != W.rows())
        throw Error("the flow needs a square weight matrix and a drive of the same size (got " +
                    std::to_string(W.rows()) + "x" + std::to_string(W.cols()) + " and " +
                    std::to_string(c.size()) + ")");
    Wt_ = W.transpose();
    gram_.noalias() = Wt_ * W;
}

void Flow::velocity(const Eigen::VectorXd& x, Eigen::VectorXd& t, Eigen::VectorXd& F) const {
    t.resize(x.size());
    tanhInto(x, t);
    F.noalias() = W_ * t;
    F += c_ - x;
}

Eigen::VectorXd Flow::velocity(const Eigen::VectorXd& x) const {
    Eigen::VectorXd t, F;
    velocity(x, t, F);
    return F;
}

Eigen::MatrixXd Flow::jacobian(const Eigen::VectorXd& x) const {
    Eigen::VectorXd t(x.size());
    tanhInto(x, t);
    const Eigen::VectorXd d = 1.0 - t.array().square();
    Eigen::MatrixXd J = W_ * d.asDiagonal();
    J.diagonal().array() -= 1.0;
    return J;
}

void Flow::gradientAndHessian(const Eigen::VectorXd& t, const Eigen::VectorXd& F,
                              Eigen::VectorXd& g, Eigen::MatrixXd& H) const {
    const Eigen::Index n = units();
    const Eigen::ArrayXd d = 1.0 - t.array().square();
    const Eigen::VectorXd WtF = Wt_ * F;
    // g = J^T F = -F + D W^T F
    g = (d * WtF.array()).matrix() - F;
    // J^T J = (WD - I)^T (WD - I) = D G D - WD - (WD)^T + I with G = W^T W.
    H.resize(n, n);
    for (Eigen::Index j = 0; j < n; ++j)
        H.col(j) =
            (d * gram_.col(j).array() * d(j) - Wt_.col(j).array() * d - W_.col(j).array() * d(j))
                .matrix();
    // tanh'' = -2 tanh (1 - tanh^2)
    H.diagonal().array() += 1.0 - 2.0 * t.array() * d * WtF.array();
}

double Flow::speedFloor(const Eigen::VectorXd& x, const Eigen::VectorXd& t) const {
    const double eps = std::numeric_limits<double>::epsilon();
    const double scale = x.norm() + (W_.cwiseAbs() * t.cwiseAbs()).norm() + c_.norm();
    return 16.0 * eps * (1.0 + scale);
}

Eigen::MatrixXd recurrentFlow(double alpha, const Eigen::MatrixXd& W,
                              const Eigen::MatrixXd& states) {
    if (W.cols() != states.rows())
        throw Error("the states have " + std::to_string(states.rows()) + " units, W has " +
                    std::to_string(W.cols()));
    return alpha * (W * states.array().tanh().matrix());
}

} // namespace opdims
