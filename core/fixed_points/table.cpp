// Counts, table rows and full-network counterparts of a set of fixed points.
#include "core/fixed_points/table.h"

#include "core/fixed_points/summary.h"

#include <limits>

namespace opdims {

PointCounts countPoints(const std::vector<FixedPoint>& points) {
    PointCounts c;
    for (const FixedPoint& p : points) {
        if (p.kind == PointKind::Slow) {
            ++c.slow;
            continue;
        }
        switch (p.linear.stability) {
        case Stability::Stable:
            ++c.stable;
            break;
        case Stability::Marginal:
            ++c.marginal;
            break;
        case Stability::Saddle:
            ++c.saddle;
            break;
        case Stability::Unstable:
            ++c.unstable;
            break;
        }
    }
    return c;
}

PointTable pointTable(const Model& model, const std::vector<FixedPoint>& points) {
    PointTable table;
    std::vector<PointRow>& rows = table.rows;
    rows.reserve(points.size());
    const PointSetSummary summary = summarisePoints(points);
    table.axisShare = summary.firstPcFraction;
    Eigen::VectorXd axis = summary.axis;
    Eigen::VectorXd mean;
    if (points.size() >= 2 && axis.size() > 0) {
        mean = Eigen::VectorXd::Zero(points.front().x.size());
        for (const FixedPoint& p : points)
            mean += p.x;
        mean /= static_cast<double>(points.size());
        // An eigenvector's sign is arbitrary: the first point lies on the non-negative side.
        if (axis.dot(points.front().x - mean) < 0)
            axis = -axis;
    }
    for (const FixedPoint& p : points) {
        PointRow r;
        r.kind = p.kind;
        r.stability = p.linear.stability;
        r.speed = p.speed;
        r.unstableModes = p.linear.unstableModes;
        r.output = model.W_out * p.x.array().tanh().matrix() + model.b_z;
        r.alongAxis =
            mean.size() > 0 ? axis.dot(p.x - mean) : std::numeric_limits<double>::quiet_NaN();
        rows.push_back(std::move(r));
    }
    return table;
}

FixedPointResult counterpartPoints(const Model& model, const Eigen::VectorXd& input,
                                   const std::vector<FixedPoint>& reduced,
                                   const Eigen::MatrixXd& extraStarts, const Progress& progress) {
    const Eigen::Index n = model.units();
    const Eigen::Index extra = extraStarts.rows() == n ? extraStarts.cols() : 0;
    Eigen::MatrixXd starts(n, static_cast<Eigen::Index>(reduced.size()) + extra);
    for (std::size_t i = 0; i < reduced.size(); ++i)
        starts.col(static_cast<Eigen::Index>(i)) = reduced[i].x;
    if (extra > 0)
        starts.rightCols(extra) = extraStarts;
    if (starts.cols() == 0)
        return {};
    FixedPointOptions options;
    options.eigenvectors = false;
    // A few starts far apart would make each other's points outliers.
    options.outlierScale = 0.0;
    return findFixedPoints(model, model.W, input, starts, options, progress);
}

int nearestPoint(const std::vector<FixedPoint>& points, const Eigen::VectorXd& x) {
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].x.size() != x.size())
            continue;
        const double d = (points[i].x - x).squaredNorm();
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

} // namespace opdims
