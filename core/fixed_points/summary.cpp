// Principal axis of a set of fixed points and the eigenvalues of their linearisations along it.
#include "core/fixed_points/summary.h"

#include "core/base/linalg.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace opdims {

namespace {

double median(std::vector<double> v) {
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const std::size_t h = v.size() / 2;
    return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

} // namespace

PointSetSummary summarisePoints(const std::vector<FixedPoint>& points) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    PointSetSummary s;
    s.points = static_cast<int>(points.size());
    s.firstPcFraction = s.alongAxisRealMedian = s.alongAxisRealMin = s.alongAxisRealMax =
        s.alongAxisAlignmentMedian = s.topRealMedian = nan;
    if (points.empty())
        return s;
    const Eigen::Index n = points.front().x.size();
    std::vector<double> top;
    for (const FixedPoint& p : points)
        if (p.linear.eigenvalues.size() > 0)
            top.push_back(p.linear.eigenvalues(0).real());
    s.topRealMedian = median(top);
    if (points.size() < 2)
        return s;
    Eigen::MatrixXd X(n, static_cast<Eigen::Index>(points.size()));
    for (std::size_t p = 0; p < points.size(); ++p)
        X.col(static_cast<Eigen::Index>(p)) = points[p].x;
    X.colwise() -= X.rowwise().mean();
    const linalg::SymmetricEigen es = linalg::symmetricEigen(X * X.transpose());
    const double total = es.values.sum();
    s.axis = es.vectors.col(n - 1); // eigenvalues ascend
    s.firstPcFraction = total > 0 ? es.values(n - 1) / total : nan;

    std::vector<double> re, align;
    for (const FixedPoint& p : points) {
        const Eigen::MatrixXcd& V = p.linear.eigenvectors;
        if (V.cols() == 0)
            continue;
        Eigen::Index best = 0;
        double bestCos = -1.0;
        for (Eigen::Index i = 0; i < V.cols(); ++i) {
            const double c =
                std::abs(V.col(i).dot(s.axis.cast<std::complex<double>>())) / V.col(i).norm();
            if (c > bestCos) {
                bestCos = c;
                best = i;
            }
        }
        re.push_back(p.linear.eigenvalues(best).real());
        align.push_back(bestCos);
    }
    if (!re.empty()) {
        s.alongAxisRealMedian = median(re);
        s.alongAxisRealMin = *std::min_element(re.begin(), re.end());
        s.alongAxisRealMax = *std::max_element(re.begin(), re.end());
        s.alongAxisAlignmentMedian = median(align);
    }
    return s;
}

} // namespace opdims
