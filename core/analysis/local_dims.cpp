// Greedy local operative dimensions: closed form for columns, a global search for rows.
#include "core/analysis/local_dims.h"

#include "core/base/error.h"
#include "core/base/fast_math.h"
#include "core/base/linalg.h"
#include "core/base/parallel.h"
#include "core/base/rng.h"

#include <Eigen/Householder>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace opdims {

double deltaF(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
              const Eigen::VectorXd& q, Side side) {
    if (side == Side::Columns)
        return alpha * std::abs(q.dot(W * r));
    return alpha * std::abs(q.dot(r)) * (W * q).norm();
}

double deltaFBySimulation(const Model& model, const Eigen::VectorXd& xs, const Eigen::VectorXd& q,
                          Side side) {
    const double a = model.alpha();
    Eigen::VectorXd r(xs.size());
    tanhInto(xs, r);
    const Eigen::MatrixXd Wq = removeDimension(model.W, q, side);
    const Eigen::VectorXd x1 = (1.0 - a) * xs + a * (model.W * r + model.b);
    const Eigen::VectorXd x1q = (1.0 - a) * xs + a * (Wq * r + model.b);
    return (x1 - x1q).norm();
}

Eigen::VectorXd deltaFGradient(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
                               const Eigen::VectorXd& q, Side side) {
    if (side == Side::Columns) {
        const Eigen::VectorXd Wr = W * r;
        const double s = q.dot(Wr);
        return alpha * (s > 0 ? 1.0 : s < 0 ? -1.0 : 0.0) * Wr;
    }
    const double s = q.dot(r);
    const Eigen::VectorXd Wq = W * q;
    const double n = Wq.norm();
    if (s == 0.0 || n == 0.0)
        return Eigen::VectorXd::Zero(q.size());
    return alpha * ((s > 0 ? 1.0 : -1.0) * n * r + std::abs(s) / n * (W.transpose() * Wq));
}

namespace {

Eigen::VectorXd ratesOf(const Eigen::VectorXd& x) {
    Eigen::VectorXd r(x.size());
    tanhInto(x, r);
    return r;
}

int maxDims(const LocalOptions& options, int n) {
    return options.maxDimensions > 0 ? std::min(options.maxDimensions, n) : n;
}

// The row objective in the coordinates of the current orthogonal complement:
// h(y) = (y.a)^2 (y^T A y) on the unit sphere of R^m, with a = B^T r and A = B^T W^T W B, so that
// Delta_f = alpha sqrt(h).
struct RowProblem {
    const Eigen::VectorXd& a;
    const Eigen::MatrixXd& A;
    double h(const Eigen::VectorXd& y) const {
        const double s = y.dot(a);
        return s * s * y.dot(A * y);
    }
};

// Riemannian gradient ascent on log h (scale-free) with Barzilai-Borwein steps and Armijo
// backtracking; retraction by normalisation. Returns the improved unit vector.
Eigen::VectorXd polish(const RowProblem& p, Eigen::VectorXd y, int iterations) {
    y.normalize();
    auto logh = [&](const Eigen::VectorXd& v, Eigen::VectorXd* grad) {
        const Eigen::VectorXd Av = p.A * v;
        const double s = v.dot(p.a);
        const double q = v.dot(Av);
        if (s == 0.0 || q <= 0.0)
            return -std::numeric_limits<double>::infinity();
        if (grad) {
            *grad = 2.0 / s * p.a + 2.0 / q * Av;
            *grad -= grad->dot(v) * v; // tangent to the sphere
        }
        return 2.0 * std::log(std::abs(s)) + std::log(q);
    };
    Eigen::VectorXd g, yPrev, gPrev;
    double f = logh(y, &g);
    if (!std::isfinite(f))
        return y;
    double step = 0.1;
    for (int it = 0; it < iterations && g.norm() > 1e-11; ++it) {
        if (it > 0) {
            const Eigen::VectorXd sy = y - yPrev, dg = g - gPrev;
            const double den = -sy.dot(dg); // ascent: curvature of -log h
            if (den > 0)
                step = std::clamp(sy.squaredNorm() / den, 1e-8, 1e3);
        }
        yPrev = y;
        gPrev = g;
        bool moved = false;
        for (int back = 0; back < 40; ++back) {
            Eigen::VectorXd cand = (y + step * g).normalized();
            Eigen::VectorXd gc;
            const double fc = logh(cand, &gc);
            if (fc >= f + 1e-4 * step * g.squaredNorm()) {
                y = cand;
                f = fc;
                g = gc;
                moved = true;
                break;
            }
            step *= 0.5;
        }
        if (!moved)
            break;
    }
    return y;
}

// Newton stops once the gain in log h it predicts (the relative gain in h) is below this, a few
// units of rounding of h: the maximum is then reached to rounding.
constexpr double kRoundingGain = 1e-15;

// Riemannian Newton iteration on log h, with the exact gradient and Hessian on the sphere, to
// finish a point the gradient ascent left near a maximum. The ascent's stopping rules (an iteration
// cap; backtracking that fails where h is flat to rounding along the gradient but not at the
// maximum) can leave h short by far more than rounding; Newton converges quadratically from there.
// Safeguards: where the tangent Hessian is not negative definite, or the Newton step (halved up to
// 20 times) does not increase h, a gradient step is taken instead; the iteration ends when neither
// increases h. N is m x m scratch space for the Hessian.
Eigen::VectorXd newton(const RowProblem& p, Eigen::VectorXd y, Eigen::Ref<Eigen::MatrixXd> N) {
    const Eigen::Index m = y.size();
    y.normalize();
    if (m < 2)
        return y;
    double hy = p.h(y);
    Eigen::VectorXd essential(m - 1), work(m), xi(m);
    auto tryStep = [&](const Eigen::VectorXd& step, bool allowEqual) {
        const Eigen::VectorXd cand = (y + step).normalized();
        const double hc = p.h(cand);
        if (hc > hy || (allowEqual && hc == hy)) {
            y = cand;
            hy = hc;
            return true;
        }
        return false;
    };
    for (int it = 0; it < 50; ++it) {
        const Eigen::VectorXd Ay = p.A * y;
        const double s = y.dot(p.a), q = y.dot(Ay);
        if (s == 0.0 || q <= 0.0)
            break;
        const Eigen::VectorXd gE = (2.0 / s) * p.a + (2.0 / q) * Ay;
        const double radial = y.dot(gE);
        const Eigen::VectorXd grad = gE - radial * y;
        N = (-2.0 / q) * p.A;
        N.noalias() += (2.0 / (s * s)) * p.a * p.a.transpose();
        N.noalias() += (4.0 / (q * q)) * Ay * Ay.transpose();
        N.diagonal().array() += radial;
        Eigen::VectorXd yc = y;
        double tau = 0.0, beta = 0.0;
        yc.makeHouseholder(essential, tau, beta);
        N.applyHouseholderOnTheLeft(essential, tau, work.data());
        N.applyHouseholderOnTheRight(essential, tau, work.data());
        Eigen::VectorXd gt = grad;
        gt.applyHouseholderOnTheLeft(essential, tau, work.data());
        Eigen::Ref<Eigen::MatrixXd> tangent = N.bottomRightCorner(m - 1, m - 1);
        const Eigen::LLT<Eigen::Ref<Eigen::MatrixXd>> llt(tangent);
        if (llt.info() == Eigen::Success) {
            xi(0) = 0.0;
            xi.tail(m - 1) = llt.solve(gt.tail(m - 1));
            const double gain = 0.5 * gt.tail(m - 1).dot(xi.tail(m - 1));
            xi.applyHouseholderOnTheLeft(essential, tau, work.data());
            if (gain <= kRoundingGain) {
                tryStep(xi, true);
                break;
            }
            bool moved = false;
            for (int back = 0; back < 20 && !moved; ++back, xi *= 0.5)
                moved = tryStep(xi, false);
            if (moved)
                continue;
        }
        const double gn = grad.norm();
        bool moved = false;
        double step = gn > 0.0 ? 0.5 / gn : 0.0;
        for (int back = 0; back < 60 && !moved; ++back, step *= 0.5)
            moved = tryStep(step * grad, false);
        if (!moved)
            break;
    }
    return y;
}

// The best unit y for one greedy step. Writing y = (e + C w) / sqrt(1 + |w|^2) with e = a/|a| and
// C an orthonormal basis of e's complement, h = |a|^2 (alpha + 2 g.w + w^T M w) / (1 + |w|^2)^2
// (alpha = e^T A e, g = C^T A e, M = C^T A C). For each angle to e the best w solves a
// trust-region subproblem, whose solutions w = (mu - M)^{-1} g with mu > lambda_max(M) form a
// one-parameter family; scanning mu (plus the "hard case" along the top eigenvector) finds the
// global maximum up to the scan's resolution, and the polish and Newton's method make it exact.
Eigen::VectorXd bestRowDirection(const RowProblem& p, Rng& rng, int randomStarts,
                                 Eigen::MatrixXd& scratch) {
    const Eigen::Index m = p.a.size();
    if (m == 1)
        return Eigen::VectorXd::Ones(1);
    const double na = p.a.norm();
    Eigen::VectorXd e = p.a / na;
    Eigen::VectorXd essential(m - 1);
    double tau = 0.0, beta = 0.0;
    e.makeHouseholder(essential, tau, beta);
    Eigen::VectorXd work(m);
    Eigen::MatrixXd At = p.A;
    At.applyHouseholderOnTheLeft(essential, tau, work.data());
    At.applyHouseholderOnTheRight(essential, tau, work.data());
    const double alphaE = At(0, 0);
    const Eigen::VectorXd g = At.col(0).tail(m - 1);
    const linalg::SymmetricEigen eig = linalg::symmetricEigen(At.bottomRightCorner(m - 1, m - 1));
    const Eigen::VectorXd& lambda = eig.values; // ascending
    const Eigen::VectorXd gt = eig.vectors.transpose() * g;
    const double lmax = lambda(m - 2);
    const double scale = std::max({std::abs(lmax), std::abs(alphaE), g.norm(), 1e-300});

    auto hOf = [&](const Eigen::VectorXd& w) {
        const double num = alphaE + 2.0 * gt.dot(w) + (lambda.array() * w.array().square()).sum();
        const double den = 1.0 + w.squaredNorm();
        return num / (den * den);
    };
    auto wOf = [&](double delta) {
        return Eigen::VectorXd(gt.array() / (lmax + delta - lambda.array()));
    };
    // Scan log(delta) = log(mu - lambda_max), then refine around the best by golden section.
    const int grid = 96;
    const double lo = std::log(scale * 1e-14), hi = std::log(scale * 1e8);
    auto hAt = [&](double logDelta) { return hOf(wOf(std::exp(logDelta))); };
    int bestJ = 0;
    double bestH = -1.0;
    for (int j = 0; j < grid; ++j) {
        const double v = hAt(lo + (hi - lo) * j / (grid - 1));
        if (v > bestH) {
            bestH = v;
            bestJ = j;
        }
    }
    double left = lo + (hi - lo) * std::max(0, bestJ - 1) / (grid - 1);
    double right = lo + (hi - lo) * std::min(grid - 1, bestJ + 1) / (grid - 1);
    const double gr = 0.5 * (std::sqrt(5.0) - 1.0);
    double c1 = right - gr * (right - left), c2 = left + gr * (right - left);
    double h1 = hAt(c1), h2 = hAt(c2);
    for (int it = 0; it < 60; ++it) {
        if (h1 >= h2) {
            right = c2;
            c2 = c1;
            h2 = h1;
            c1 = right - gr * (right - left);
            h1 = hAt(c1);
        } else {
            left = c1;
            c1 = c2;
            h1 = h2;
            c2 = left + gr * (right - left);
            h2 = hAt(c2);
        }
    }
    std::vector<Eigen::VectorXd> candidates; // in the (e, C V) coordinates
    candidates.push_back(wOf(std::exp(h1 >= h2 ? c1 : c2)));
    candidates.push_back(Eigen::VectorXd::Zero(m - 1)); // y = e

    // Hard case: g (nearly) orthogonal to the top eigenvector; mu sticks at lambda_max and the
    // top component is free.
    Eigen::VectorXd w0 = Eigen::VectorXd::Zero(m - 1);
    for (Eigen::Index i = 0; i < m - 2; ++i)
        if (lmax - lambda(i) > 1e-12 * scale)
            w0(i) = gt(i) / (lmax - lambda(i));
    double bestTop = 0.0, bestTopH = hOf(w0);
    for (int j = 0; j <= 64; ++j)
        for (double sign : {-1.0, 1.0}) {
            Eigen::VectorXd w = w0;
            w(m - 2) += sign * std::pow(10.0, -6.0 + 12.0 * j / 64.0);
            const double v = hOf(w);
            if (v > bestTopH) {
                bestTopH = v;
                bestTop = w(m - 2);
            }
        }
    w0(m - 2) += bestTop;
    candidates.push_back(w0);

    auto toY = [&](const Eigen::VectorXd& w) {
        Eigen::VectorXd z(m);
        z(0) = 1.0;
        z.tail(m - 1) = eig.vectors * w;
        z.applyHouseholderOnTheLeft(essential, tau, work.data());
        return Eigen::VectorXd(z.normalized());
    };
    // Every start is polished by gradient ascent; Newton then finishes the best, and any other that
    // might still overtake it: within kMayOvertake of it (the ascent can stop that far short) and
    // not the same point (those end at the same maximum).
    constexpr double kMayOvertake = 1e-3, kSamePoint = 1e-12;
    std::vector<std::pair<double, Eigen::VectorXd>> polished;
    auto consider = [&](Eigen::VectorXd y, int iterations) {
        y = polish(p, std::move(y), iterations);
        polished.emplace_back(p.h(y), std::move(y));
    };
    for (const auto& w : candidates)
        consider(toY(w), 30);
    for (int s = 0; s < randomStarts; ++s) {
        Eigen::VectorXd y(m);
        for (Eigen::Index i = 0; i < m; ++i)
            y(i) = rng.normal();
        consider(y, 200);
    }
    std::stable_sort(polished.begin(), polished.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    Eigen::VectorXd best;
    double bestValue = -1.0;
    std::vector<Eigen::VectorXd> finished;
    for (const auto& candidate : polished) {
        // Not a structured binding: clang 14 cannot capture one in the lambda below.
        const double value = candidate.first;
        const Eigen::VectorXd& y = candidate.second;
        if (!finished.empty() && !(value >= (1.0 - kMayOvertake) * bestValue))
            break;
        const bool same = std::any_of(finished.begin(), finished.end(), [&](const auto& f) {
            return std::abs(f.dot(y)) >= 1.0 - kSamePoint;
        });
        if (same)
            continue;
        Eigen::VectorXd z = newton(p, y, scratch.topLeftCorner(m, m));
        const double v = p.h(z);
        if (v > bestValue || finished.empty()) {
            bestValue = v;
            best = z;
        }
        finished.push_back(std::move(z));
    }
    return best;
}

} // namespace

LocalDimensions localColumnDimensions(const Eigen::MatrixXd& W, double alpha,
                                      const SamplingLocation& location,
                                      const LocalOptions& options) {
    LocalDimensions out;
    out.location = location;
    out.side = Side::Columns;
    const Eigen::VectorXd Wr = W * ratesOf(location.x);
    const double d = alpha * Wr.norm();
    if (d < options.stopBelow || maxDims(options, static_cast<int>(W.rows())) < 1) {
        out.Q.resize(W.rows(), 0);
        out.deltaF.resize(0);
        return out;
    }
    out.Q = Wr / Wr.norm();
    out.deltaF = Eigen::VectorXd::Constant(1, d);
    return out;
}

LocalDimensions localRowDimensions(const Eigen::MatrixXd& W, double alpha,
                                   const SamplingLocation& location, const LocalOptions& options,
                                   std::uint64_t stream) {
    const Eigen::Index n = W.rows();
    const Eigen::VectorXd r = ratesOf(location.x);
    Rng rng(options.seed, stream);
    // Work in an orthonormal basis B of the complement of the dimensions found so far; each new
    // dimension shrinks it by one Householder reflection, so orthogonality is kept exactly.
    Eigen::MatrixXd B = Eigen::MatrixXd::Identity(n, n);
    Eigen::VectorXd a = r;
    Eigen::MatrixXd A = W.transpose() * W;
    std::vector<Eigen::VectorXd> found;
    std::vector<double> effects;
    const int limit = maxDims(options, static_cast<int>(n));
    Eigen::VectorXd work(n);
    Eigen::MatrixXd scratch(n, n);
    for (int d = 0; d < limit; ++d) {
        const Eigen::Index m = a.size();
        if (a.norm() == 0.0)
            break;
        const RowProblem problem{a, A};
        const Eigen::VectorXd y = bestRowDirection(problem, rng, options.rowStarts, scratch);
        Eigen::VectorXd q = B * y;
        q.normalize();
        const double effect = deltaF(W, alpha, r, q, Side::Rows);
        if (!(effect >= options.stopBelow))
            break;
        found.push_back(q);
        effects.push_back(effect);
        if (m == 1)
            break;
        Eigen::VectorXd essential(m - 1);
        double tau = 0.0, beta = 0.0;
        Eigen::VectorXd yc = y;
        yc.makeHouseholder(essential, tau, beta);
        B.applyHouseholderOnTheRight(essential, tau, work.data());
        a.applyHouseholderOnTheLeft(essential, tau, work.data());
        A.applyHouseholderOnTheLeft(essential, tau, work.data());
        A.applyHouseholderOnTheRight(essential, tau, work.data());
        B = B.rightCols(m - 1).eval();
        a = a.tail(m - 1).eval();
        A = A.bottomRightCorner(m - 1, m - 1).eval();
    }
    LocalDimensions out;
    out.location = location;
    out.side = Side::Rows;
    out.Q.resize(n, static_cast<Eigen::Index>(found.size()));
    out.deltaF.resize(static_cast<Eigen::Index>(found.size()));
    for (std::size_t i = 0; i < found.size(); ++i) {
        out.Q.col(static_cast<Eigen::Index>(i)) = found[i];
        out.deltaF(static_cast<Eigen::Index>(i)) = effects[i];
    }
    return out;
}

std::vector<LocalDimensions> localDimensions(const Model& model,
                                             const std::vector<SamplingLocation>& locations,
                                             Side side, const LocalOptions& options,
                                             const Progress& progress) {
    std::vector<LocalDimensions> out(locations.size());
    for (const auto& loc : locations)
        if (loc.x.size() != model.units())
            throw Error("a sampling location has " + std::to_string(loc.x.size()) +
                        " entries, the network has " + std::to_string(model.units()) + " units");
    parallelFor(
        static_cast<int>(locations.size()), options.threads,
        [&](int i) {
            const auto& loc = locations[static_cast<std::size_t>(i)];
            out[static_cast<std::size_t>(i)] =
                side == Side::Columns ? localColumnDimensions(model.W, model.alpha(), loc, options)
                                      : localRowDimensions(model.W, model.alpha(), loc, options,
                                                           static_cast<std::uint64_t>(i));
        },
        progress);
    return out;
}

} // namespace opdims
