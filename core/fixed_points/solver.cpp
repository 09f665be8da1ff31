// The damped Newton minimiser of q used by the finder.
#include "core/fixed_points/solver.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace opdims {

FixedPointRun minimiseSpeed(const Flow& flow, const Eigen::VectorXd& start, int maxIterations) {
    const Eigen::Index n = flow.units();
    Eigen::VectorXd x = start, t, F, g, delta, xNew, tNew, FNew;
    Eigen::MatrixXd H(n, n), A(n, n);
    Eigen::LLT<Eigen::MatrixXd> llt(n);
    flow.velocity(x, t, F);
    double q = 0.5 * F.squaredNorm();
    double lambda = -1.0;
    double nu = 2.0;
    FixedPointRun run;
    int it = 0;
    for (; it < maxIterations; ++it) {
        if (std::sqrt(2.0 * q) <= flow.speedFloor(x, t)) {
            run.converged = true;
            break;
        }
        flow.gradientAndHessian(t, F, g, H);
        const double hScale = std::max(1.0, H.diagonal().cwiseAbs().maxCoeff());
        if (lambda < 0.0)
            lambda = 1e-8 * hScale; // nearly the undamped Newton step at first
        // Rejected steps raise the damping until q falls; a step too small to move x in
        // floating point means x is a stationary point of q (a root is caught above).
        bool accepted = false;
        bool stationary = false;
        while (!accepted && !stationary) {
            A = H;
            A.diagonal().array() += lambda;
            llt.compute(A);
            if (llt.info() != Eigen::Success) {
                lambda = std::max(lambda * nu, 1e-12 * hScale);
                nu *= 2.0;
                continue;
            }
            delta = -llt.solve(g);
            if (!delta.allFinite() ||
                delta.norm() <= 4.0 * std::numeric_limits<double>::epsilon() * (1.0 + x.norm())) {
                stationary = true;
                break;
            }
            // Predicted fall of the quadratic model q + g.d + d.H.d/2 with (H + lambda) d = -g.
            const double predicted = 0.5 * (lambda * delta.squaredNorm() - g.dot(delta));
            xNew = x + delta;
            flow.velocity(xNew, tNew, FNew);
            const double qNew = 0.5 * FNew.squaredNorm();
            if (qNew < q) {
                const double rho = (q - qNew) / predicted;
                x.swap(xNew);
                t.swap(tNew);
                F.swap(FNew);
                q = qNew;
                lambda *= std::max(1.0 / 3.0, 1.0 - std::pow(2.0 * std::min(rho, 1.0) - 1.0, 3));
                lambda = std::max(lambda, 1e-16 * hScale);
                nu = 2.0;
                accepted = true;
            } else {
                lambda *= nu;
                nu *= 2.0;
                if (lambda > 1e20 * hScale)
                    stationary = true;
            }
        }
        if (stationary) {
            run.converged = true;
            break;
        }
    }
    run.x = x;
    run.q = q;
    run.speed = std::sqrt(2.0 * q);
    run.iterations = it;
    return run;
}

} // namespace opdims
