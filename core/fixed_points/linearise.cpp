// The Jacobian's eigen-decomposition at a point, its stability class and directions for drawing.
#include "core/base/linalg.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/flow.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace opdims {

namespace {

// The real vector of a complex eigenvector: rotate its phase so that the real part is longest
// (the major axis of the plane it rotates in); a real eigenvector stays itself.
Eigen::VectorXd realDirection(const Eigen::VectorXcd& v) {
    const std::complex<double> s = v.cwiseProduct(v).sum();
    const std::complex<double> phase = std::polar(1.0, -0.5 * std::arg(s));
    Eigen::VectorXd r = (v * phase).real();
    const double norm = r.norm();
    if (norm > 0.0)
        r /= norm;
    // A sign convention so that repeated runs draw the same way: largest entry positive.
    Eigen::Index i = 0;
    r.cwiseAbs().maxCoeff(&i);
    if (r(i) < 0.0)
        r = -r;
    return r;
}

} // namespace

const char* pointKindName(PointKind kind) {
    return kind == PointKind::Fixed ? "fixed" : "slow";
}

const char* stabilityName(Stability s) {
    switch (s) {
    case Stability::Stable:
        return "stable";
    case Stability::Marginal:
        return "marginal";
    case Stability::Saddle:
        return "saddle";
    case Stability::Unstable:
        return "unstable";
    }
    return "unknown";
}

Linearisation linearise(const Eigen::MatrixXd& W, const Eigen::VectorXd& x, double marginal,
                        bool eigenvectors) {
    const Flow flow(W, Eigen::VectorXd::Zero(W.rows()));
    const Eigen::MatrixXd J = flow.jacobian(x);
    // Directions are always needed for drawing, so the vectors are computed either way.
    linalg::GeneralEigen es = linalg::generalEigen(J, true);
    const Eigen::VectorXcd& values = es.values;
    const Eigen::Index n = values.size();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    // Ties (complex pairs) are broken by the imaginary part so the order is reproducible.
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        if (values(a).real() != values(b).real())
            return values(a).real() > values(b).real();
        return values(a).imag() > values(b).imag();
    });
    Linearisation lin;
    lin.eigenvalues.resize(n);
    const Eigen::MatrixXcd vectors = std::move(es.vectors);
    if (eigenvectors)
        lin.eigenvectors.resize(n, n);
    int marginalModes = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const Eigen::Index k = order[static_cast<std::size_t>(i)];
        lin.eigenvalues(i) = values(k);
        if (eigenvectors)
            lin.eigenvectors.col(i) = vectors.col(k);
        const double re = values(k).real();
        if (re > marginal)
            ++lin.unstableModes;
        else if (re >= -marginal)
            ++marginalModes;
    }
    if (lin.unstableModes == n)
        lin.stability = Stability::Unstable;
    else if (lin.unstableModes > 0)
        lin.stability = Stability::Saddle;
    else if (marginalModes > 0)
        lin.stability = Stability::Marginal;
    else
        lin.stability = Stability::Stable;
    if (lin.unstableModes > 0) {
        lin.unstableEigenvalue = lin.eigenvalues(0);
        lin.unstableDirection = realDirection(vectors.col(order[0]));
    }
    if (lin.unstableModes < n) {
        // Sorted by real part, the first non-unstable eigenvalue is the slowest one.
        const Eigen::Index i = lin.unstableModes;
        lin.slowEigenvalue = lin.eigenvalues(i);
        lin.slowDirection = realDirection(vectors.col(order[static_cast<std::size_t>(i)]));
    }
    return lin;
}

} // namespace opdims
