// HDF5 files of fixed points: one P x ... float64 dataset per property under /points.
#include "core/fixed_points/io.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"

#include <cmath>
#include <limits>

namespace opdims {

namespace {

constexpr const char* kFormat = "opdims fixed points 1";

// Row p of the matrix is the vector of point p; a missing vector gives a row of NaN.
template <typename Get>
Eigen::MatrixXd rows(const std::vector<FixedPoint>& points, Eigen::Index width, Get get) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(points.size()), width);
    for (std::size_t p = 0; p < points.size(); ++p) {
        const Eigen::VectorXd v = get(points[p]);
        if (v.size() == width)
            m.row(static_cast<Eigen::Index>(p)) = v.transpose();
        else
            m.row(static_cast<Eigen::Index>(p))
                .setConstant(std::numeric_limits<double>::quiet_NaN());
    }
    return m;
}

template <typename Get> Eigen::MatrixXd column(const std::vector<FixedPoint>& points, Get get) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(points.size()), 1);
    for (std::size_t p = 0; p < points.size(); ++p)
        m(static_cast<Eigen::Index>(p), 0) = get(points[p]);
    return m;
}

} // namespace

void saveFixedPoints(const std::string& path, const FixedPointResult& result,
                     const Eigen::VectorXd& input, const FixedPointProvenance& provenance) {
    h5::quietErrors();
    const auto& pts = result.points;
    const Eigen::Index n = pts.empty() ? 0 : pts.front().x.size();
    writeAtomically(path, [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        f.setAttribute("/", "format", std::string(kFormat));
        for (const auto& [k, v] : provenance.text)
            f.setAttribute("/", k, v);
        for (const auto& [k, v] : provenance.numbers)
            f.setAttribute("/", k, v);
        f.setAttribute("/", "fixed_runs", static_cast<long long>(result.fixedRuns));
        f.setAttribute("/", "slow_runs", static_cast<long long>(result.slowRuns));
        f.setAttribute("/", "discarded_runs", static_cast<long long>(result.discardedRuns));
        f.setAttribute("/", "outliers", static_cast<long long>(result.outliers));
        f.setAttribute("/", "duplicates", static_cast<long long>(result.duplicates));
        f.writeRowMajor("/input", input);
        f.createGroup("/points");
        f.writeRowMajor("/points/x", rows(pts, n, [](const FixedPoint& p) { return p.x; }));
        f.writeRowMajor("/points/q", column(pts, [](const FixedPoint& p) { return p.q; }));
        f.writeRowMajor("/points/speed", column(pts, [](const FixedPoint& p) { return p.speed; }));
        f.writeRowMajor("/points/kind", column(pts, [](const FixedPoint& p) {
                            return p.kind == PointKind::Fixed ? 0.0 : 1.0;
                        }));
        f.writeRowMajor("/points/stability", column(pts, [](const FixedPoint& p) {
                            return static_cast<double>(p.linear.stability);
                        }));
        f.writeRowMajor("/points/unstable_modes", column(pts, [](const FixedPoint& p) {
                            return static_cast<double>(p.linear.unstableModes);
                        }));
        f.writeRowMajor("/points/starts", column(pts, [](const FixedPoint& p) {
                            return static_cast<double>(p.starts);
                        }));
        f.writeRowMajor("/points/start_index", column(pts, [](const FixedPoint& p) {
                            return static_cast<double>(p.start);
                        }));
        f.writeRowMajor("/points/iterations", column(pts, [](const FixedPoint& p) {
                            return static_cast<double>(p.iterations);
                        }));
        f.writeRowMajor("/points/eigenvalues_real", rows(pts, n, [](const FixedPoint& p) {
                            return Eigen::VectorXd(p.linear.eigenvalues.real());
                        }));
        f.writeRowMajor("/points/eigenvalues_imag", rows(pts, n, [](const FixedPoint& p) {
                            return Eigen::VectorXd(p.linear.eigenvalues.imag());
                        }));
        f.writeRowMajor("/points/slow_direction",
                        rows(pts, n, [](const FixedPoint& p) { return p.linear.slowDirection; }));
        f.writeRowMajor("/points/unstable_direction", rows(pts, n, [](const FixedPoint& p) {
                            return p.linear.unstableDirection;
                        }));
        Eigen::MatrixXd runs(static_cast<Eigen::Index>(result.runs.size()), 3);
        for (std::size_t i = 0; i < result.runs.size(); ++i) {
            const FixedPointRun& r = result.runs[i];
            runs.row(static_cast<Eigen::Index>(i)) << r.speed, r.iterations, r.converged ? 1 : 0;
        }
        f.writeRowMajor("/runs", runs);
    });
}

std::vector<FixedPoint> loadFixedPoints(const std::string& path) {
    h5::quietErrors();
    const h5::File f = h5::File::openRead(path);
    if (!f.hasAttribute("/", "format") || f.stringAttribute("/", "format") != kFormat)
        throw Error(path +
                    ": not an opdims fixed-point file (attribute format is missing or not '" +
                    std::string(kFormat) + "')");
    // Every shape is checked against /points/x and the limits before anything is read.
    const h5::File::Shape xs = f.shape("/points/x");
    const Eigen::Index count = xs.rows;
    const Eigen::Index n = xs.cols;
    if (count > 0)
        limits::checkCount(path,
                           "the number of units (dataset /points/x is " + std::to_string(count) +
                               "x" + std::to_string(n) + ")",
                           n, limits::kMaxUnits);
    limits::checkMemory(path + ": reading " + std::to_string(count) + " fixed points",
                        static_cast<double>(count) * static_cast<double>(n + 4) * 8.0 * 12.0);
    const auto expectShape = [&](const char* name, Eigen::Index width) {
        const h5::File::Shape s = f.shape(std::string("/points/") + name);
        if (s.rows != count || s.cols != width)
            throw Error(path + ": dataset /points/" + name + " is " + std::to_string(s.rows) + "x" +
                        std::to_string(s.cols) + ", expected " + std::to_string(count) + "x" +
                        std::to_string(width));
    };
    for (const char* name : {"q", "speed", "kind", "stability", "unstable_modes", "starts",
                             "start_index", "iterations"})
        expectShape(name, 1);
    for (const char* name :
         {"eigenvalues_real", "eigenvalues_imag", "slow_direction", "unstable_direction"})
        expectShape(name, n);
    const Eigen::MatrixXd x = f.readRowMajor("/points/x");
    const auto vec = [&](const char* name, Eigen::Index) {
        return f.readRowMajor(std::string("/points/") + name);
    };
    const Eigen::MatrixXd q = vec("q", 1), speed = vec("speed", 1), kind = vec("kind", 1),
                          stability = vec("stability", 1), unstable = vec("unstable_modes", 1),
                          starts = vec("starts", 1), startIndex = vec("start_index", 1),
                          iterations = vec("iterations", 1), er = vec("eigenvalues_real", n),
                          ei = vec("eigenvalues_imag", n), slow = vec("slow_direction", n),
                          unst = vec("unstable_direction", n);
    // Counts are whole numbers in their range; anything else is a damaged file.
    const auto whole = [&](const Eigen::MatrixXd& m, Eigen::Index p, const char* name, double lo,
                           double hi) {
        const double v = m(p, 0);
        if (!(v == std::floor(v)) || !(v >= lo) || !(v <= hi))
            throw Error(path + ": /points/" + name + " of point " + std::to_string(p + 1) + " is " +
                        std::to_string(v) + ", expected a whole number from " +
                        std::to_string(static_cast<long long>(lo)) + " to " +
                        std::to_string(static_cast<long long>(hi)));
        return static_cast<int>(v);
    };
    for (const auto& [name, m] : {std::pair<const char*, const Eigen::MatrixXd*>{"x", &x},
                                  {"q", &q},
                                  {"speed", &speed},
                                  {"eigenvalues_real", &er},
                                  {"eigenvalues_imag", &ei}})
        if (!m->allFinite())
            throw Error(path + ": dataset /points/" + name + " has a non-finite value");
    if ((q.array() < 0).any() || (speed.array() < 0).any())
        throw Error(path + ": /points/q or /points/speed holds a negative value (both are norms)");
    std::vector<FixedPoint> points(static_cast<std::size_t>(count));
    for (Eigen::Index p = 0; p < count; ++p) {
        FixedPoint& fp = points[static_cast<std::size_t>(p)];
        fp.x = x.row(p).transpose();
        fp.q = q(p, 0);
        fp.speed = speed(p, 0);
        fp.kind = whole(kind, p, "kind", 0, 1) == 0 ? PointKind::Fixed : PointKind::Slow;
        fp.linear.stability = static_cast<Stability>(whole(stability, p, "stability", 0, 3));
        fp.linear.unstableModes = whole(unstable, p, "unstable_modes", 0, static_cast<double>(n));
        fp.starts = whole(starts, p, "starts", 0, 2147483647.0);
        fp.start = whole(startIndex, p, "start_index", 0, 2147483647.0);
        fp.iterations = whole(iterations, p, "iterations", 0, 2147483647.0);
        // The class follows from the unstable modes (as the linearisation assigns it): stable
        // and marginal have none, a saddle some but not all, an unstable point all of them.
        const int u = fp.linear.unstableModes;
        const Stability st = fp.linear.stability;
        const bool consistent = u == 0   ? st == Stability::Stable || st == Stability::Marginal
                                : u == n ? st == Stability::Unstable
                                         : st == Stability::Saddle;
        if (!consistent)
            throw Error(path + ": point " + std::to_string(p + 1) + " is " + stabilityName(st) +
                        " with " + std::to_string(u) + " unstable modes, which contradicts itself");
        fp.linear.eigenvalues.resize(n);
        for (Eigen::Index i = 0; i < n; ++i)
            fp.linear.eigenvalues(i) = {er(p, i), ei(p, i)};
        if (slow.row(p).allFinite() && fp.linear.unstableModes < n) {
            fp.linear.slowDirection = slow.row(p).transpose();
            fp.linear.slowEigenvalue = fp.linear.eigenvalues(fp.linear.unstableModes);
        }
        if (unst.row(p).allFinite() && fp.linear.unstableModes > 0) {
            fp.linear.unstableDirection = unst.row(p).transpose();
            fp.linear.unstableEigenvalue = fp.linear.eigenvalues(0);
        }
    }
    return points;
}

} // namespace opdims
