// The fixed-point finder: minimise q from every start, sort, merge, drop outliers, linearise.
#include "core/fixed_points/fixed_points.h"

#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/fixed_points/flow.h"
#include "core/fixed_points/solver.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace opdims {

namespace {

// The minimisation is by far the longest phase; linearising the (fewer) points takes the rest.
constexpr double kMinimiseShare = 0.9;

// Greedy merge in order of ascending q: a run joins the first kept point within `distance`.
std::vector<FixedPoint> mergeRuns(const std::vector<FixedPointRun>& runs,
                                  const std::vector<int>& order, double fixedSpeed, double distance,
                                  int& duplicates) {
    std::vector<FixedPoint> points;
    const double d2 = distance * distance;
    for (int i : order) {
        const FixedPointRun& r = runs[static_cast<std::size_t>(i)];
        bool merged = false;
        for (FixedPoint& p : points)
            if ((p.x - r.x).squaredNorm() <= d2) {
                ++p.starts;
                ++duplicates;
                merged = true;
                break;
            }
        if (merged)
            continue;
        FixedPoint p;
        p.x = r.x;
        p.q = r.q;
        p.speed = r.speed;
        p.kind = r.speed < fixedSpeed ? PointKind::Fixed : PointKind::Slow;
        p.start = i;
        p.starts = 1;
        p.iterations = r.iterations;
        points.push_back(std::move(p));
    }
    return points;
}

} // namespace

Eigen::VectorXd constantDrive(const Model& model, const Eigen::VectorXd& input) {
    if (input.size() != model.inputs())
        throw Error("the constant input has " + std::to_string(input.size()) +
                    " entries, the network has " + std::to_string(model.inputs()) + " inputs");
    if (!input.allFinite())
        throw Error("the constant input contains a non-finite value");
    return model.W_in * input + model.b;
}

FixedPointResult findFixedPoints(const Model& model, const Eigen::MatrixXd& W,
                                 const Eigen::VectorXd& input, const Eigen::MatrixXd& starts,
                                 const FixedPointOptions& options, const Progress& progress) {
    const Eigen::Index n = model.units();
    if (W.rows() != n || W.cols() != n)
        throw Error("the weight matrix is " + std::to_string(W.rows()) + "x" +
                    std::to_string(W.cols()) + ", the network has " + std::to_string(n) + " units");
    if (starts.rows() != n)
        throw Error("the starting states have " + std::to_string(starts.rows()) +
                    " rows, the network has " + std::to_string(n) + " units");
    if (!starts.allFinite())
        throw Error("the starting states contain a non-finite value");
    if (options.maxIterations < 1 || !(options.fixedSpeed > 0) || !(options.slowQ >= 0) ||
        !(options.mergeDistance >= 0) || !(options.outlierScale >= 0) || !(options.marginal >= 0))
        throw Error("the fixed-point options are out of range (iterations >= 1, tolerances >= 0)");
    const Flow flow(W, constantDrive(model, input));
    const int count = static_cast<int>(starts.cols());

    FixedPointResult result;
    result.runs.resize(static_cast<std::size_t>(count));
    parallelFor(
        count, options.threads,
        [&](int i) {
            progress.check();
            result.runs[static_cast<std::size_t>(i)] =
                minimiseSpeed(flow, starts.col(i), options.maxIterations);
        },
        progress.phase(0.0, kMinimiseShare));

    // Fixed and slow runs, by ascending q (start index breaks ties, so the result is the same
    // on any number of threads).
    std::vector<int> kept;
    for (int i = 0; i < count; ++i) {
        const FixedPointRun& r = result.runs[static_cast<std::size_t>(i)];
        if (r.speed < options.fixedSpeed)
            ++result.fixedRuns;
        else if (r.q < options.slowQ)
            ++result.slowRuns;
        else {
            ++result.discardedRuns;
            continue;
        }
        kept.push_back(i);
    }
    std::stable_sort(kept.begin(), kept.end(), [&](int a, int b) {
        const auto& ra = result.runs[static_cast<std::size_t>(a)];
        const auto& rb = result.runs[static_cast<std::size_t>(b)];
        const bool fa = ra.speed < options.fixedSpeed, fb = rb.speed < options.fixedSpeed;
        if (fa != fb)
            return fa;
        return ra.q < rb.q;
    });
    std::vector<FixedPoint> points =
        mergeRuns(result.runs, kept, options.fixedSpeed, options.mergeDistance, result.duplicates);

    if (options.outlierScale > 0 && count > 1) {
        const Eigen::VectorXd centroid = starts.rowwise().mean();
        const double spread = (starts.colwise() - centroid).colwise().norm().mean();
        const double limit = options.outlierScale * spread;
        const auto far = [&](const FixedPoint& p) { return (p.x - centroid).norm() > limit; };
        const auto before = points.size();
        points.erase(std::remove_if(points.begin(), points.end(), far), points.end());
        result.outliers = static_cast<int>(before - points.size());
    }

    progress.check();
    parallelFor(
        static_cast<int>(points.size()), options.threads,
        [&](int i) {
            FixedPoint& p = points[static_cast<std::size_t>(i)];
            p.linear = linearise(W, p.x, options.marginal, options.eigenvectors);
        },
        progress.phase(kMinimiseShare, 1.0 - kMinimiseShare));
    result.points = std::move(points);
    progress.report(1.0, 1.0);
    return result;
}

FixedPointResult searchFixedPoints(const Model& model, const Eigen::MatrixXd& W,
                                   const FixedPointProblem& problem,
                                   const StartOptions& startOptions,
                                   const FixedPointOptions& options, const Progress& progress) {
    const Eigen::MatrixXd starts =
        startsFromBatch(model, W, problem.batch, startOptions, progress.phase(0.0, 0.1));
    return findFixedPoints(model, W, problem.input, starts, options, progress.phase(0.1, 0.9));
}

} // namespace opdims
