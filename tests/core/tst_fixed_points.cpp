// Tests of the fixed-point finder on small networks whose fixed points are known by hand.
#include "core/base/rng.h"
#include "core/compare/fixed_point_adam.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/flow.h"
#include "core/fixed_points/io.h"
#include "core/fixed_points/solver.h"
#include "core/fixed_points/starts.h"
#include "core/fixed_points/summary.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace opdims;

namespace {

// A network of N units with one input whose constant drive W_in u + b is c (u = 1, b = 0).
Model handModel(const Eigen::MatrixXd& W, const Eigen::VectorXd& c) {
    Model m;
    const Eigen::Index n = W.rows();
    m.W = W;
    m.W_in = c;
    m.W_out = Eigen::MatrixXd::Zero(1, n);
    m.b = Eigen::VectorXd::Zero(n);
    m.b_z = Eigen::VectorXd::Zero(1);
    m.x0 = Eigen::MatrixXd::Zero(n, 1);
    return m;
}

Eigen::VectorXd one() {
    return Eigen::VectorXd::Ones(1);
}

// Uniform starts in [-r, r]^n from a seed.
Eigen::MatrixXd boxStarts(Eigen::Index n, int count, double r, std::uint64_t seed) {
    Rng rng(seed);
    Eigen::MatrixXd s(n, count);
    for (int k = 0; k < count; ++k)
        for (Eigen::Index i = 0; i < n; ++i)
            s(i, k) = r * (2.0 * rng.uniform() - 1.0);
    return s;
}

// The positive root of x = w tanh(x) (w > 1) by scalar Newton, independent of the finder.
double tanhRoot(double w) {
    double x = w;
    for (int i = 0; i < 100; ++i) {
        const double t = std::tanh(x);
        x -= (-x + w * t) / (-1.0 + w * (1.0 - t * t));
    }
    return x;
}

const FixedPoint* pointNear(const FixedPointResult& r, const Eigen::VectorXd& x, double tol) {
    for (const FixedPoint& p : r.points)
        if ((p.x - x).norm() < tol)
            return &p;
    return nullptr;
}

} // namespace

class TestFixedPoints : public QObject {
    Q_OBJECT

private slots:
    void flow_jacobianAndHessianMatchFiniteDifferences() {
        Rng rng(7);
        const int n = 5;
        Eigen::MatrixXd W(n, n);
        Eigen::VectorXd c(n), x(n);
        for (int i = 0; i < n; ++i) {
            c(i) = rng.normal();
            x(i) = rng.normal();
            for (int j = 0; j < n; ++j)
                W(i, j) = 1.5 * rng.normal() / std::sqrt(n);
        }
        const Flow flow(W, c);
        const Eigen::MatrixXd J = flow.jacobian(x);
        Eigen::VectorXd t, F, g;
        Eigen::MatrixXd H;
        flow.velocity(x, t, F);
        flow.gradientAndHessian(t, F, g, H);
        QVERIFY((g - J.transpose() * F).norm() < 1e-13);
        const double h = 1e-6;
        for (int j = 0; j < n; ++j) {
            Eigen::VectorXd e = Eigen::VectorXd::Zero(n);
            e(j) = h;
            const Eigen::VectorXd dF = (flow.velocity(x + e) - flow.velocity(x - e)) / (2 * h);
            QVERIFY((dF - J.col(j)).norm() < 1e-8);
            Eigen::VectorXd tp, Fp, gp, tm, Fm, gm;
            Eigen::MatrixXd Hp, Hm;
            flow.velocity(x + e, tp, Fp);
            flow.gradientAndHessian(tp, Fp, gp, Hp);
            flow.velocity(x - e, tm, Fm);
            flow.gradientAndHessian(tm, Fm, gm, Hm);
            QVERIFY(((gp - gm) / (2 * h) - H.col(j)).norm() < 1e-7);
        }
        QVERIFY((H - H.transpose()).norm() < 1e-14);
    }

    void linearNetwork_singleStablePointAtDrive() {
        // W = 0: F = -x + c, so the only fixed point is c and J = -I.
        Eigen::VectorXd c(3);
        c << 0.3, -1.2, 2.0;
        const Model m = handModel(Eigen::MatrixXd::Zero(3, 3), c);
        const FixedPointResult r = findFixedPoints(m, m.W, one(), boxStarts(3, 50, 3.0, 1));
        QCOMPARE(int(r.points.size()), 1);
        const FixedPoint& p = r.points[0];
        QCOMPARE(p.kind, PointKind::Fixed);
        QVERIFY((p.x - c).norm() < 1e-14);
        QCOMPARE(p.starts, 50);
        QVERIFY(p.iterations <= 2); // F is linear: one Newton step lands on the root
        QCOMPARE(p.linear.stability, Stability::Stable);
        for (Eigen::Index i = 0; i < 3; ++i)
            QVERIFY(std::abs(p.linear.eigenvalues(i) - std::complex<double>(-1.0, 0.0)) < 1e-14);
    }

    void threeUnits_allNineFixedPointsWithTheirClasses() {
        // W = diag(2, 2, 0.5), c = 0: each of units 1 and 2 rests at 0 or +-a with a = 2 tanh(a);
        // unit 3 only at 0. At +-a the unit's eigenvalue is 1 - a^2/2 < 0, at 0 it is +1; unit 3
        // always gives -0.5. So 4 stable points, 4 saddles with one and 1 with two unstable modes.
        Eigen::MatrixXd W = Eigen::MatrixXd::Zero(3, 3);
        W.diagonal() << 2.0, 2.0, 0.5;
        const Model m = handModel(W, Eigen::VectorXd::Zero(3));
        const double a = tanhRoot(2.0);
        FixedPointOptions o;
        o.outlierScale = 0;
        const FixedPointResult r = findFixedPoints(m, W, one(), boxStarts(3, 400, 3.0, 2), o);
        QCOMPARE(int(r.points.size()), 9);
        QCOMPARE(r.fixedRuns + r.slowRuns + r.discardedRuns, 400);
        int stable = 0, saddle1 = 0, saddle2 = 0, merged = 0;
        for (int s1 = -1; s1 <= 1; ++s1)
            for (int s2 = -1; s2 <= 1; ++s2) {
                const Eigen::Vector3d x(s1 * a, s2 * a, 0.0);
                const FixedPoint* p = pointNear(r, x, 1e-12);
                QVERIFY2(p, "a hand-computed fixed point is missing");
                QCOMPARE(p->kind, PointKind::Fixed);
                QVERIFY(p->speed < 1e-13);
                merged += p->starts;
                const int unstable = (s1 == 0) + (s2 == 0);
                QCOMPARE(p->linear.unstableModes, unstable);
                QCOMPARE(p->linear.stability, unstable ? Stability::Saddle : Stability::Stable);
                stable += unstable == 0;
                saddle1 += unstable == 1;
                saddle2 += unstable == 2;
                // Expected eigenvalues, sorted by real part, largest first.
                std::vector<double> ev = {s1 ? 1 - a * a / 2 : 1.0, s2 ? 1 - a * a / 2 : 1.0, -0.5};
                std::sort(ev.rbegin(), ev.rend());
                for (int i = 0; i < 3; ++i)
                    QVERIFY(std::abs(p->linear.eigenvalues(i) - std::complex<double>(ev[i], 0)) <
                            1e-12);
                if (unstable) {
                    // The unstable direction of a single-saddle point is the axis of the unit
                    // that sits at 0.
                    QCOMPARE(p->linear.unstableDirection.size(), Eigen::Index(3));
                    QVERIFY(std::abs(p->linear.unstableEigenvalue.real() - 1.0) < 1e-12);
                } else {
                    QCOMPARE(p->linear.unstableDirection.size(), Eigen::Index(0));
                    // Unit 3's -0.5 is slower than the -0.83 of the units at +-a.
                    QVERIFY(std::abs(p->linear.slowEigenvalue.real() + 0.5) < 1e-12);
                    QVERIFY(std::abs(std::abs(p->linear.slowDirection(2)) - 1.0) < 1e-12);
                }
            }
        QCOMPARE(stable, 4);
        QCOMPARE(saddle1, 4);
        QCOMPARE(saddle2, 1);
        QCOMPARE(merged + r.discardedRuns, 400);
        QCOMPARE(r.duplicates, r.fixedRuns + r.slowRuns - 9);
    }

    void convergence_quadraticToMachinePrecision() {
        Eigen::MatrixXd W = Eigen::MatrixXd::Zero(3, 3);
        W.diagonal() << 2.0, 2.0, 0.5;
        const Flow flow(W, Eigen::VectorXd::Zero(3));
        // Close to a root the step is Newton's: the speed falls quadratically to rounding level.
        const double a = tanhRoot(2.0);
        const FixedPointRun near = minimiseSpeed(flow, Eigen::Vector3d(a + 0.01, -a, 0.01), 50);
        QVERIFY(near.converged);
        QVERIFY(near.speed < 1e-14);
        QVERIFY2(near.iterations <= 4, qPrintable(QString::number(near.iterations)));
        // From farther away it still takes only a few more.
        const FixedPointRun far = minimiseSpeed(flow, Eigen::Vector3d(1.5, -1.4, 0.3), 50);
        QVERIFY(far.converged);
        QVERIFY(far.speed < 1e-14);
        QVERIFY((far.x - Eigen::Vector3d(a, -a, 0)).norm() < 1e-13);
        QVERIFY2(far.iterations <= 12, qPrintable(QString::number(far.iterations)));
    }

    void slowPoint_isKeptApartFromFixedPoints() {
        // One unit, F = -x + 2 tanh(x) + c with c just above the saddle-node value
        // c* = sqrt 2 - atanh(1/sqrt 2): the two left roots have vanished, leaving a ghost at
        // x = -atanh(1/sqrt 2) where F' = 0 and F = c - c* > 0. The right root survives.
        const double xs = std::atanh(1.0 / std::sqrt(2.0));
        const double cStar = std::sqrt(2.0) - xs;
        const double gap = 1e-3;
        Eigen::MatrixXd W(1, 1);
        W << 2.0;
        const Model m = handModel(W, Eigen::VectorXd::Constant(1, cStar + gap));
        Eigen::MatrixXd starts(1, 2);
        starts << -1.2, 2.0;
        FixedPointOptions o;
        o.outlierScale = 0;
        const FixedPointResult r = findFixedPoints(m, W, one(), starts, o);
        QCOMPARE(int(r.points.size()), 2);
        QCOMPARE(r.points[0].kind, PointKind::Fixed);
        QVERIFY(r.points[0].x(0) > 1.0);
        const FixedPoint& slow = r.points[1];
        QCOMPARE(slow.kind, PointKind::Slow);
        QVERIFY(std::abs(slow.x(0) + xs) < 1e-9);
        QVERIFY(std::abs(slow.speed - gap) < 1e-12);
        // Eigenvalue F'(x) = 0 there: marginal.
        QCOMPARE(slow.linear.stability, Stability::Marginal);
        // A stricter slow tolerance discards the ghost.
        o.slowQ = 1e-8;
        const FixedPointResult strict = findFixedPoints(m, W, one(), starts, o);
        QCOMPARE(int(strict.points.size()), 1);
        QCOMPARE(strict.discardedRuns, 1);
    }

    void linearise_rotationMarginalAndSource() {
        Eigen::MatrixXd W(2, 2);
        W << 0.5, -2.0, 2.0, 0.5; // J(0) = W - I: eigenvalues -0.5 +- 2i
        Linearisation lin = linearise(W, Eigen::Vector2d::Zero(), 1e-3);
        QCOMPARE(lin.stability, Stability::Stable);
        QVERIFY(std::abs(lin.eigenvalues(0) - std::complex<double>(-0.5, 2.0)) < 1e-14);
        QVERIFY(std::abs(lin.eigenvalues(1) - std::complex<double>(-0.5, -2.0)) < 1e-14);
        QVERIFY(std::abs(lin.slowDirection.norm() - 1.0) < 1e-14);
        W << 1.0, 0.0, 0.0, 0.5; // J(0) = diag(0, -0.5)
        lin = linearise(W, Eigen::Vector2d::Zero(), 1e-3);
        QCOMPARE(lin.stability, Stability::Marginal);
        QVERIFY(std::abs(std::abs(lin.slowDirection(0)) - 1.0) < 1e-14);
        W = 3.0 * Eigen::Matrix2d::Identity(); // J(0) = 2 I
        lin = linearise(W, Eigen::Vector2d::Zero(), 1e-3);
        QCOMPARE(lin.stability, Stability::Unstable);
        QCOMPARE(lin.unstableModes, 2);
        QCOMPARE(lin.slowDirection.size(), Eigen::Index(0));
        QCOMPARE(QString(stabilityName(lin.stability)), QStringLiteral("unstable"));
    }

    void merging_andOutliers() {
        // One unit with w = 2: roots 0 and +-a. Starts crowd around 0; one start reaches +a.
        Eigen::MatrixXd W(1, 1);
        W << 2.0;
        const Model m = handModel(W, Eigen::VectorXd::Zero(1));
        Eigen::MatrixXd starts(1, 100);
        for (int k = 0; k < 99; ++k)
            starts(0, k) = (k % 2 ? 0.01 : -0.01) * (1 + k / 99.0);
        starts(0, 99) = 1.5;
        FixedPointOptions o;
        FixedPointResult r = findFixedPoints(m, W, one(), starts, o);
        QCOMPARE(int(r.points.size()), 1);
        QCOMPARE(r.outliers, 1);
        QCOMPARE(r.points[0].starts, 99);
        QCOMPARE(r.duplicates, 98);
        QVERIFY(std::abs(r.points[0].x(0)) < 1e-15);
        o.outlierScale = 0;
        r = findFixedPoints(m, W, one(), starts, o);
        QCOMPARE(int(r.points.size()), 2);
        QCOMPARE(r.outliers, 0);
    }

    void threads_doNotChangeTheResult() {
        const Model m = randomModel(TaskKind::Swg, 30, 5, 1.8);
        const Eigen::VectorXd u = Eigen::VectorXd::Constant(1, 0.5);
        const Eigen::MatrixXd starts = boxStarts(30, 60, 2.0, 3);
        FixedPointOptions o;
        o.threads = 1;
        const FixedPointResult a = findFixedPoints(m, m.W, u, starts, o);
        o.threads = 2;
        const FixedPointResult b = findFixedPoints(m, m.W, u, starts, o);
        QCOMPARE(a.points.size(), b.points.size());
        QVERIFY(!a.points.empty());
        for (std::size_t i = 0; i < a.points.size(); ++i) {
            QVERIFY(a.points[i].x == b.points[i].x);
            QVERIFY(a.points[i].speed < 1e-10 || a.points[i].kind == PointKind::Slow);
        }
    }

    void cancel_stopsTheFinder() {
        const Model m = randomModel(TaskKind::Swg, 30, 5, 1.8);
        const Eigen::VectorXd u = Eigen::VectorXd::Constant(1, 0.5);
        std::atomic<bool> cancel{false};
        Progress p;
        p.cancel = &cancel;
        int reports = 0;
        p.onProgress = [&](double, double) {
            ++reports;
            cancel = true;
        };
        bool thrown = false;
        try {
            findFixedPoints(m, m.W, u, boxStarts(30, 500, 2.0, 4), FixedPointOptions{}, p);
        } catch (const Cancelled&) {
            thrown = true;
        }
        QVERIFY(thrown);
        QVERIFY(reports >= 1 && reports < 500);
    }

    void badInput_isAnError() {
        const Model m = handModel(Eigen::MatrixXd::Zero(2, 2), Eigen::VectorXd::Zero(2));
        QVERIFY_THROWS_EXCEPTION(
            Error, findFixedPoints(m, m.W, Eigen::VectorXd::Zero(2), Eigen::MatrixXd::Zero(2, 3)));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 findFixedPoints(m, m.W, one(), Eigen::MatrixXd::Zero(3, 3)));
        QVERIFY_THROWS_EXCEPTION(Error, findFixedPoints(m, Eigen::MatrixXd::Zero(3, 3), one(),
                                                        Eigen::MatrixXd::Zero(2, 3)));
    }

    void starts_areStatesOfTheTrajectories() {
        const Model m = randomModel(TaskKind::Ctxt, 12, 9);
        const Batch batch = contextGridBatch(2, m.dt);
        QCOMPARE(batch.trialCount(), 36);
        StartOptions so;
        so.count = 25;
        so.seed = 11;
        const Eigen::MatrixXd s1 = startsFromBatch(m, m.W, batch, so);
        so.threads = 1;
        const Eigen::MatrixXd s2 = startsFromBatch(m, m.W, batch, so);
        QVERIFY(s1 == s2);
        const Trajectories traj = simulate(m, m.W, batch);
        for (Eigen::Index k = 0; k < s1.cols(); ++k) {
            bool found = false;
            for (int t = 0; t < traj.steps() && !found; ++t)
                for (Eigen::Index j = 0; j < traj.x[t].cols() && !found; ++j)
                    found = (traj.x[t].col(j) - s1.col(k)).norm() < 1e-12;
            QVERIFY2(found, "a start is not a state of the trajectories");
        }
        so.jitter = 0.1;
        const Eigen::MatrixXd s3 = startsFromBatch(m, m.W, batch, so);
        const double rms = (s3 - s1).norm() / std::sqrt(double(s1.size()));
        QVERIFY(rms > 0.07 && rms < 0.13);
        std::atomic<bool> cancel{true};
        Progress cancelled;
        cancelled.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(Cancelled, startsFromBatch(m, m.W, batch, so, cancelled));
        const Eigen::VectorXd u = contextInput(m, 2);
        QCOMPARE(u(3), 1.0);
        QCOMPARE(u.sum(), 1.0);
        QVERIFY_THROWS_EXCEPTION(Error, contextInput(m, 3));
    }

    void recurrentFlow_isTheFlowWithoutLeakAndDrive() {
        const Model m = randomModel(TaskKind::Ctxt, 15, 21);
        Rng rng(4, 0);
        Eigen::MatrixXd X(15, 6);
        for (Eigen::Index i = 0; i < X.size(); ++i)
            X(i) = rng.normal();
        const Eigen::VectorXd c = Eigen::VectorXd::LinSpaced(15, -1.0, 1.0);
        const Flow flow(m.W, c);
        const Eigen::MatrixXd R = recurrentFlow(m.alpha(), m.W, X);
        for (Eigen::Index s = 0; s < X.cols(); ++s) {
            // F(x) = -x + W tanh(x) + c, so W tanh(x) = F(x) + x - c.
            const Eigen::VectorXd expected = m.alpha() * (flow.velocity(X.col(s)) + X.col(s) - c);
            QVERIFY((R.col(s) - expected).norm() < 1e-12 * (1.0 + expected.norm()));
        }
        QVERIFY_THROWS_EXCEPTION(Error, recurrentFlow(m.alpha(), m.W, X.topRows(3)));
    }

    void problems_contextsAndFrequencies() {
        const Model ctxt = randomModel(TaskKind::Ctxt, 12, 2);
        const auto cp = fixedPointProblems(ctxt, TaskKind::Ctxt);
        QCOMPARE(static_cast<int>(cp.size()), 2);
        QCOMPARE(cp[0].condition.context, 1);
        QVERIFY(cp[1].input == contextInput(ctxt, 2));
        QCOMPARE(cp[1].batch.trialCount(), 36);
        QCOMPARE(defaultFixedPointProblem(TaskKind::Ctxt), 0);
        const Model swgModel = randomModel(TaskKind::Swg, 12, 2);
        const auto sp = fixedPointProblems(swgModel, TaskKind::Swg);
        QCOMPARE(static_cast<int>(sp.size()), 11);
        const FixedPointProblem& mid =
            sp[static_cast<std::size_t>(defaultFixedPointProblem(TaskKind::Swg))];
        QCOMPARE(mid.condition.freqId, 26);
        // The input is the one the task feeds that frequency's trials.
        const Batch grid = makeGridBatch(TaskKind::Swg);
        QCOMPARE(mid.input(0), grid.u[0](0, 25));
        QCOMPARE(mid.input(0), swg::input(26));
        QVERIFY_THROWS_EXCEPTION(Error, frequencyProblem(swgModel, 52));
    }

    void searchFixedPoints_isStartsThenFinder() {
        const Model m = randomModel(TaskKind::Ctxt, 12, 7, 1.2);
        const FixedPointProblem p = contextProblem(m, 1);
        StartOptions so;
        so.count = 20;
        so.seed = 3;
        const FixedPointResult a = searchFixedPoints(m, m.W, p, so);
        const FixedPointResult b =
            findFixedPoints(m, m.W, p.input, startsFromBatch(m, m.W, p.batch, so));
        QCOMPARE(a.points.size(), b.points.size());
        for (std::size_t i = 0; i < a.points.size(); ++i)
            QVERIFY(a.points[i].x == b.points[i].x);
    }

    void summary_pointsOnALine() {
        // Points on a line through (1, 1, 0) along (1, -1, 0)/sqrt 2, with the eigenvector of
        // eigenvalue -0.01 along the line: all variance on one axis, that eigenvalue along it.
        // Dynamic sizes throughout: GCC 12 warns falsely about AVX-512 loads of 3-vectors.
        std::vector<FixedPoint> pts(5);
        Eigen::VectorXd dir(3), base(3);
        dir << 1.0, -1.0, 0.0;
        dir.normalize();
        base << 1.0, 1.0, 0.0;
        for (int i = 0; i < 5; ++i) {
            pts[i].x = base + (i - 2) * 0.3 * dir;
            pts[i].linear.eigenvalues.resize(3);
            pts[i].linear.eigenvalues << -0.01, -0.5, -1.0;
            pts[i].linear.eigenvectors = Eigen::MatrixXcd::Identity(3, 3);
            pts[i].linear.eigenvectors.col(0) = dir.cast<std::complex<double>>();
        }
        const PointSetSummary s = summarisePoints(pts);
        QCOMPARE(s.points, 5);
        QVERIFY(std::abs(s.firstPcFraction - 1.0) < 1e-12);
        QVERIFY(std::abs(std::abs(s.axis.dot(dir)) - 1.0) < 1e-12);
        QCOMPARE(s.alongAxisRealMedian, -0.01);
        QVERIFY(std::abs(s.alongAxisAlignmentMedian - 1.0) < 1e-12);
        // Off the line, the share falls.
        pts[4].x(2) = 1.0;
        QVERIFY(summarisePoints(pts).firstPcFraction < 0.9);
    }

    void file_roundTrip() {
        Eigen::MatrixXd W = Eigen::MatrixXd::Zero(3, 3);
        W.diagonal() << 2.0, 2.0, 0.5;
        const Model m = handModel(W, Eigen::VectorXd::Zero(3));
        FixedPointOptions o;
        o.outlierScale = 0;
        const FixedPointResult r = findFixedPoints(m, W, one(), boxStarts(3, 100, 3.0, 2), o);
        QTemporaryDir dir;
        const std::string path = dir.filePath("fp.h5").toStdString();
        FixedPointProvenance prov;
        prov.text = {{"task", "test"}};
        prov.numbers = {{"seed", 2}};
        saveFixedPoints(path, r, one(), prov);
        const std::vector<FixedPoint> back = loadFixedPoints(path);
        QCOMPARE(back.size(), r.points.size());
        for (std::size_t i = 0; i < back.size(); ++i) {
            QVERIFY(back[i].x == r.points[i].x);
            QCOMPARE(back[i].speed, r.points[i].speed);
            QCOMPARE(back[i].kind, r.points[i].kind);
            QCOMPARE(back[i].linear.stability, r.points[i].linear.stability);
            QCOMPARE(back[i].linear.unstableModes, r.points[i].linear.unstableModes);
            QCOMPARE(back[i].starts, r.points[i].starts);
            QVERIFY(back[i].linear.eigenvalues == r.points[i].linear.eigenvalues);
            QVERIFY(back[i].linear.slowDirection == r.points[i].linear.slowDirection);
            QCOMPARE(back[i].linear.unstableDirection.size(),
                     r.points[i].linear.unstableDirection.size());
        }
        // A file of another kind is refused with a message naming it.
        const std::string other = dir.filePath("other.h5").toStdString();
        saveModel(m, other);
        try {
            loadFixedPoints(other);
            QFAIL("loading a network as fixed points did not fail");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find(other) != std::string::npos);
        }
    }

    void adam_isSlowerThanNewton() {
        Eigen::MatrixXd W = Eigen::MatrixXd::Zero(3, 3);
        W.diagonal() << 2.0, 2.0, 0.5;
        const Flow flow(W, Eigen::VectorXd::Zero(3));
        Eigen::MatrixXd starts(3, 2);
        starts << 1.5, 2.5, -1.4, -1.0, 0.3, 0.2;
        AdamOptions ao;
        ao.maxIterations = 20000;
        ao.learningRate = 0.01;
        ao.milestones = {1e-2, 1e-300};
        const auto adamRuns = minimiseSpeedAdam(flow, starts, ao);
        std::vector<FixedPointRun> adam;
        for (const AdamRun& a : adamRuns) {
            QVERIFY(a.milestoneIterations[0] > 0 && a.milestoneIterations[0] <= a.run.iterations);
            QCOMPARE(a.milestoneIterations[1], -1);
            adam.push_back(a.run);
        }
        for (int k = 0; k < 2; ++k) {
            const FixedPointRun newton = minimiseSpeed(flow, starts.col(k), 100);
            QVERIFY(newton.speed < 1e-13);
            QVERIFY(adam[k].speed < 1e-3);
            QVERIFY(adam[k].iterations > newton.iterations);
            if (adam[k].converged)
                QVERIFY(adam[k].speed < ao.targetSpeed);
        }
    }
};

QTEST_APPLESS_MAIN(TestFixedPoints)
#include "tst_fixed_points.moc"
