// BFGS with finite-difference gradients: the reference optimiser for local row dimensions.
#include "core/compare/local_dims_bfgs.h"

#include "core/base/fast_math.h"
#include "core/base/rng.h"

#include <cmath>
#include <limits>

namespace opdims {

BfgsStep bestRowDimensionBfgs(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
                              const Eigen::MatrixXd& found, Rng& rng, const BfgsOptions& bfgs) {
    const Eigen::Index n = W.rows();
    // The unit vector a parameter vector stands for: projected off the found dimensions.
    auto direction = [&](const Eigen::VectorXd& v) {
        Eigen::VectorXd p = v - found * (found.transpose() * v);
        const double norm = p.norm();
        return norm > 0 ? Eigen::VectorXd(p / norm) : p;
    };
    auto objective = [&](const Eigen::VectorXd& v) {
        const Eigen::VectorXd q = direction(v);
        if (q.squaredNorm() == 0.0)
            return 0.0;
        return -deltaF(W, alpha, r, q, Side::Rows);
    };
    auto gradient = [&](const Eigen::VectorXd& v, double f) {
        Eigen::VectorXd g(n);
        const double eps = std::sqrt(std::numeric_limits<double>::epsilon());
        Eigen::VectorXd vp = v;
        for (Eigen::Index i = 0; i < n; ++i) {
            const double h = eps * std::max(1.0, std::abs(v(i)));
            vp(i) = v(i) + h;
            g(i) = (objective(vp) - f) / h;
            vp(i) = v(i);
        }
        return g;
    };
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i)
        v(i) = rng.normal();
    v = direction(v);
    double f = objective(v);
    Eigen::VectorXd g = gradient(v, f);
    Eigen::MatrixXd H = Eigen::MatrixXd::Identity(n, n); // inverse Hessian estimate
    for (int it = 0;
         it < bfgs.maxIterations &&
         g.lpNorm<Eigen::Infinity>() > bfgs.gradientTolerance * std::max(std::abs(f), 1e-300);
         ++it) {
        const Eigen::VectorXd p = -H * g;
        double step = 1.0, fn = f;
        Eigen::VectorXd vn;
        bool ok = false;
        for (int back = 0; back < 50; ++back) {
            vn = v + step * p;
            fn = objective(vn);
            if (fn <= f + 1e-4 * step * g.dot(p)) {
                ok = true;
                break;
            }
            step *= 0.5;
        }
        if (!ok)
            break;
        const Eigen::VectorXd gn = gradient(vn, fn);
        const Eigen::VectorXd s = vn - v, y = gn - g;
        const double sy = s.dot(y);
        if (sy > 1e-14) {
            const double rho = 1.0 / sy;
            const Eigen::VectorXd Hy = H * y;
            H += (rho * rho * y.dot(Hy) + rho) * s * s.transpose() -
                 rho * (Hy * s.transpose() + s * Hy.transpose());
        }
        v = vn;
        f = fn;
        g = gn;
    }
    return {direction(v), -objective(v)};
}

LocalDimensions localRowDimensionsBfgs(const Eigen::MatrixXd& W, double alpha,
                                       const SamplingLocation& location,
                                       const LocalOptions& options, std::uint64_t stream,
                                       const BfgsOptions& bfgs) {
    const Eigen::Index n = W.rows();
    Eigen::VectorXd r(n);
    tanhInto(location.x, r);
    Rng rng(options.seed, stream);
    Eigen::MatrixXd found(n, 0);
    std::vector<double> effects;
    const int limit =
        options.maxDimensions > 0 ? std::min<int>(options.maxDimensions, n) : static_cast<int>(n);
    for (int d = 0; d < limit; ++d) {
        const BfgsStep step = bestRowDimensionBfgs(W, alpha, r, found, rng, bfgs);
        if (!(step.deltaF >= options.stopBelow) || step.q.squaredNorm() == 0.0)
            break;
        found.conservativeResize(n, found.cols() + 1);
        found.col(found.cols() - 1) = step.q;
        effects.push_back(step.deltaF);
    }
    LocalDimensions out;
    out.location = location;
    out.side = Side::Rows;
    out.Q = found;
    out.deltaF = Eigen::Map<const Eigen::VectorXd>(effects.data(),
                                                   static_cast<Eigen::Index>(effects.size()));
    return out;
}

} // namespace opdims
