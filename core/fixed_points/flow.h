// The flow F(x) = -x + W tanh(x) + c (docs/method.md section 7), its Jacobian, the Hessian of q.
#pragma once

#include <Eigen/Dense>

namespace opdims {

class Flow {
public:
    // c is the constant drive W_in u + b. Precomputes W^T W so that the Hessian of q costs
    // O(N^2) per evaluation instead of a matrix product.
    Flow(const Eigen::MatrixXd& W, const Eigen::VectorXd& c);

    Eigen::Index units() const { return W_.rows(); }
    const Eigen::MatrixXd& W() const { return W_; }
    const Eigen::VectorXd& c() const { return c_; }

    // F(x); t receives tanh(x).
    void velocity(const Eigen::VectorXd& x, Eigen::VectorXd& t, Eigen::VectorXd& F) const;
    Eigen::VectorXd velocity(const Eigen::VectorXd& x) const;
    // J(x) = -I + W diag(1 - tanh(x)^2).
    Eigen::MatrixXd jacobian(const Eigen::VectorXd& x) const;
    // Gradient g = J^T F and Hessian H = J^T J + sum_i F_i Hess(F_i) of q = 1/2 ||F||^2 at x,
    // given t = tanh(x) and F = F(x). The second term is diagonal because F_i depends on x_j
    // only through W_ij tanh(x_j): it is diag(tanh''(x) * (W^T F)).
    void gradientAndHessian(const Eigen::VectorXd& t, const Eigen::VectorXd& F, Eigen::VectorXd& g,
                            Eigen::MatrixXd& H) const;
    // Rounding level of ||F|| at x: a few ulps of the terms F is summed from.
    double speedFloor(const Eigen::VectorXd& x, const Eigen::VectorXd& t) const;

private:
    Eigen::MatrixXd W_;
    Eigen::VectorXd c_;
    Eigen::MatrixXd Wt_;   // W^T, for contiguous rows of W
    Eigen::MatrixXd gram_; // W^T W
};

// The recurrent term alpha W tanh(x) of one Euler step at each column of states (N x S): the
// arrows of the flow field drawn at the sampling locations.
Eigen::MatrixXd recurrentFlow(double alpha, const Eigen::MatrixXd& W,
                              const Eigen::MatrixXd& states);

} // namespace opdims
