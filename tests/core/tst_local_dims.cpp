// Tests of Delta_f, its gradient, sampling locations and local column and row dimensions.
#include "core/analysis/local_dims.h"
#include "core/analysis/sampling.h"
#include "core/base/rng.h"
#include "core/compare/local_dims_bfgs.h"
#include "core/simulation/simulate.h"

#include <QTest>

#include <limits>

using namespace opdims;

namespace {
Eigen::VectorXd randomUnit(Rng& rng, Eigen::Index n) {
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i)
        v(i) = rng.normal();
    return v.normalized();
}
SamplingLocation randomLocation(Rng& rng, Eigen::Index n) {
    SamplingLocation l;
    l.t = 1;
    l.x = 1.5 * randomUnit(rng, n) * std::sqrt(static_cast<double>(n));
    return l;
}
Eigen::VectorXd rates(const SamplingLocation& l) {
    return l.x.array().tanh();
}

// An independent optimiser for the test: gradient ascent with the analytic gradient from many
// random starts, in the coordinates z of an orthonormal basis B of the complement of Q (q = B z).
// Projecting q + step g back onto the complement at every step would not do: with the long steps
// the ascent grows to, the projection leaves a component along Q of order eps step |g|, and r has
// a large part along Q in late dimensions; the ascent keeps the leaks that raise Delta_f and ends
// above the maximum over the complement.
double bestByAscent(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r,
                    const Eigen::MatrixXd& Q, Rng& rng, int starts) {
    const Eigen::Index n = W.rows(), k = Q.cols();
    Eigen::MatrixXd B = Eigen::MatrixXd::Identity(n, n);
    if (k > 0)
        B = Eigen::HouseholderQR<Eigen::MatrixXd>(Q).householderQ() * B;
    B = B.rightCols(n - k).eval();
    auto effect = [&](const Eigen::VectorXd& z) { return deltaF(W, alpha, r, B * z, Side::Rows); };
    double best = 0.0;
    for (int s = 0; s < starts; ++s) {
        Eigen::VectorXd z = (B.transpose() * randomUnit(rng, n)).normalized();
        double f = effect(z), step = 1.0;
        for (int it = 0; it < 3000 && step > 1e-12; ++it) {
            Eigen::VectorXd g = B.transpose() * deltaFGradient(W, alpha, r, B * z, Side::Rows);
            g -= g.dot(z) * z;
            const Eigen::VectorXd c = (z + step * g).normalized();
            const double fc = effect(c);
            if (fc > f) {
                z = c;
                f = fc;
                step *= 1.5;
            } else {
                step *= 0.5;
            }
        }
        best = std::max(best, f);
    }
    return best;
}

// The absolute accuracy of any computed row Delta_f maximised over the complement of earlier
// dimensions. That complement is known only to rounding, and r's part in it (small in late
// dimensions) is what is left after cancelling its part along the earlier dimensions, of size
// |r|; so the maximum is uncertain by a few times eps alpha |r| ||W||_2 whatever the optimiser,
// which is far more than 1e-9 relative for effects near the stopping threshold.
double rowEffectAccuracy(const Eigen::MatrixXd& W, double alpha, const Eigen::VectorXd& r) {
    const double normW = Eigen::JacobiSVD<Eigen::MatrixXd>(W).singularValues()(0);
    return 8.0 * std::numeric_limits<double>::epsilon() * alpha * r.norm() * normW;
}
} // namespace

class TestLocalDims : public QObject {
    Q_OBJECT
private slots:
    void deltaF_closedFormsMatchOneStep() {
        const Model m = randomModel(TaskKind::Ctxt, 12, 7);
        Rng rng(3);
        for (int i = 0; i < 5; ++i) {
            const SamplingLocation l = randomLocation(rng, 12);
            const Eigen::VectorXd q = randomUnit(rng, 12);
            for (Side side : {Side::Columns, Side::Rows}) {
                const double closed = deltaF(m.W, m.alpha(), rates(l), q, side);
                const double sim = deltaFBySimulation(m, l.x, q, side);
                QVERIFY(closed > 0.0);
                QVERIFY(std::abs(closed - sim) <= 1e-12 * (1.0 + sim));
            }
        }
    }
    void gradient_matchesFiniteDifferences() {
        const Model m = randomModel(TaskKind::Ctxt, 10, 11);
        Rng rng(5);
        const SamplingLocation l = randomLocation(rng, 10);
        const Eigen::VectorXd r = rates(l);
        const Eigen::VectorXd q = randomUnit(rng, 10);
        for (Side side : {Side::Columns, Side::Rows}) {
            const Eigen::VectorXd g = deltaFGradient(m.W, m.alpha(), r, q, side);
            for (Eigen::Index i = 0; i < 10; ++i) {
                const double h = 1e-6;
                Eigen::VectorXd qp = q, qm = q;
                qp(i) += h;
                qm(i) -= h;
                const double fd =
                    (deltaF(m.W, m.alpha(), r, qp, side) - deltaF(m.W, m.alpha(), r, qm, side)) /
                    (2 * h);
                QVERIFY2(std::abs(fd - g(i)) < 1e-7, qPrintable(QString::number(fd - g(i))));
            }
        }
    }
    void columns_closedFormBeatsBruteForce() {
        const Model m = randomModel(TaskKind::Ctxt, 15, 2);
        Rng rng(9);
        const SamplingLocation l = randomLocation(rng, 15);
        const LocalDimensions d = localColumnDimensions(m.W, m.alpha(), l);
        QCOMPARE(d.dimensions(), 1);
        QVERIFY(std::abs(d.Q.col(0).norm() - 1.0) < 1e-14);
        QVERIFY(std::abs(d.deltaF(0) - deltaFBySimulation(m, l.x, d.Q.col(0), Side::Columns)) <
                1e-13);
        double best = 0.0;
        for (int i = 0; i < 20000; ++i) {
            const Eigen::VectorXd q = randomUnit(rng, 15);
            best = std::max(best, deltaF(m.W, m.alpha(), rates(l), q, Side::Columns));
            // Every vector orthogonal to the first has no effect: one dimension per location.
            const Eigen::VectorXd o = (q - q.dot(d.Q.col(0)) * d.Q.col(0)).normalized();
            QVERIFY(deltaF(m.W, m.alpha(), rates(l), o, Side::Columns) < 1e-12);
        }
        QVERIFY(best <= d.deltaF(0));
        QVERIFY(best > 0.5 * d.deltaF(0)); // the brute force is not trivially weak
    }
    void rows_orthonormalGreedyAndOptimalAtEveryStep() {
        const Model m = randomModel(TaskKind::Ctxt, 12, 4);
        Rng rng(21);
        const SamplingLocation l = randomLocation(rng, 12);
        const LocalDimensions d = localRowDimensions(m.W, m.alpha(), l);
        const double accuracy = rowEffectAccuracy(m.W, m.alpha(), rates(l));
        QVERIFY(d.dimensions() >= 3);
        const Eigen::MatrixXd G = d.Q.transpose() * d.Q;
        QVERIFY((G - Eigen::MatrixXd::Identity(G.rows(), G.cols())).cwiseAbs().maxCoeff() < 1e-12);
        for (int k = 0; k < d.dimensions(); ++k) {
            QVERIFY(std::abs(d.deltaF(k) - deltaFBySimulation(m, l.x, d.Q.col(k), Side::Rows)) <
                    1e-12);
            if (k > 0)
                QVERIFY(d.deltaF(k) <= d.deltaF(k - 1) * (1 + 1e-9) + accuracy);
            // No independent search in the same complement finds a larger effect.
            const double other = bestByAscent(m.W, m.alpha(), rates(l), d.Q.leftCols(k), rng, 12);
            QVERIFY2(other <= d.deltaF(k) * (1 + 1e-9) + accuracy,
                     qPrintable(QString("dim %1: %2 > %3").arg(k).arg(other).arg(d.deltaF(k))));
        }
        // Stops only when the best remaining effect is below the threshold. Every effect here is
        // above the default threshold, so a higher one makes the search stop before the end.
        LocalOptions early;
        early.stopBelow = 1e-6;
        const LocalDimensions e = localRowDimensions(m.W, m.alpha(), l, early);
        QVERIFY(e.dimensions() >= 1 && e.dimensions() < d.dimensions());
        QVERIFY(e.deltaF(e.dimensions() - 1) >= early.stopBelow);
        QVERIFY(bestByAscent(m.W, m.alpha(), rates(l), e.Q, rng, 4) < early.stopBelow);
    }
    void rows_atLeastAsHighAsQuasiNewton() {
        const Model m = randomModel(TaskKind::Ctxt, 20, 8);
        Rng rng(77);
        for (int loc = 0; loc < 2; ++loc) {
            const SamplingLocation l = randomLocation(rng, 20);
            LocalOptions o;
            o.maxDimensions = 6;
            const LocalDimensions ours = localRowDimensions(m.W, m.alpha(), l, o, loc);
            const LocalDimensions bfgs = localRowDimensionsBfgs(m.W, m.alpha(), l, o, loc);
            QCOMPARE(ours.dimensions(), 6);
            QVERIFY(bfgs.dimensions() >= 1);
            // The greedy paths may part, so compare step by step: BFGS in the complement of our
            // first j dimensions never beats our j+1-th.
            Rng start(99, static_cast<std::uint64_t>(loc));
            for (int j = 0; j < ours.dimensions(); ++j) {
                const BfgsStep s =
                    bestRowDimensionBfgs(m.W, m.alpha(), rates(l), ours.Q.leftCols(j), start);
                QVERIFY2(s.deltaF <= ours.deltaF(j) * (1 + 1e-9),
                         qPrintable(
                             QString("dim %1: %2 > %3").arg(j).arg(s.deltaF).arg(ours.deltaF(j))));
                QVERIFY(s.deltaF > 0.5 * ours.deltaF(j)); // the reference is a real optimiser
            }
            QVERIFY(ours.deltaF(0) >= bfgs.deltaF(0) * (1 - 1e-9));
        }
    }
    void rows_reproducibleForASeed() {
        const Model m = randomModel(TaskKind::Swg, 10, 3);
        Rng rng(1);
        const SamplingLocation l = randomLocation(rng, 10);
        const LocalDimensions a = localRowDimensions(m.W, m.alpha(), l, {}, 5);
        const LocalDimensions b = localRowDimensions(m.W, m.alpha(), l, {}, 5);
        QVERIFY(a.Q == b.Q);
        QVERIFY(a.deltaF == b.deltaF);
    }
    void sampling_defaultsAndConditionAverages() {
        QCOMPARE(defaultSamplingTimes(TaskKind::Ctxt).size(), std::size_t(15));
        QCOMPARE(defaultSamplingTimes(TaskKind::Swg).back(), 500);
        QCOMPARE(defaultConditions(TaskKind::Swg).size(), std::size_t(11));
        const Model m = randomModel(TaskKind::Ctxt, 8, 5);
        const Batch batch = makeGridBatch(TaskKind::Ctxt);
        const auto locs =
            samplingLocations(m, TaskKind::Ctxt, batch, defaultConditions(TaskKind::Ctxt),
                              defaultSamplingTimes(TaskKind::Ctxt));
        QCOMPARE(locs.size(), std::size_t(120));
        // Location (context 2, coh1 > 0, coh2 < 0, t = 700) by hand from the full trajectories.
        const Trajectories tr = simulate(m, m.W, batch, SimOptions{1});
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(8);
        int count = 0;
        for (int j = 0; j < batch.trialCount(); ++j) {
            const TrialInfo& t = batch.trials[static_cast<std::size_t>(j)];
            if (t.context == 2 && t.coh1 > 0 && t.coh2 < 0) {
                sum += tr.x[699].col(j);
                ++count;
            }
        }
        QCOMPARE(count, 9);
        bool checked = false;
        for (const auto& l : locs)
            if (l.t == 700 && l.condition == Condition{2, 1, -1, 0, {}}) {
                QVERIFY((l.x - sum / 9.0).norm() < 1e-13);
                checked = true;
            }
        QVERIFY(checked);
        // The noisy sampling batch of swg has trials of every sampled frequency.
        const Batch noisy = samplingBatch(TaskKind::Swg, "random", 2, 7);
        QVERIFY(noisy.networkNoise);
        QCOMPARE(noisy.trialCount(), 22);
        const Model s = randomModel(TaskKind::Swg, 6, 1);
        const auto sl =
            samplingLocations(s, TaskKind::Swg, noisy, defaultConditions(TaskKind::Swg), {1, 500});
        QCOMPARE(sl.size(), std::size_t(22));
        QVERIFY(sl[0].x != samplingLocations(s, TaskKind::Swg,
                                             samplingBatch(TaskKind::Swg, "random", 2, 8),
                                             defaultConditions(TaskKind::Swg), {1, 500})[0]
                               .x);
        QVERIFY_THROWS_EXCEPTION(Error, samplingLocations(m, TaskKind::Ctxt, batch,
                                                          defaultConditions(TaskKind::Ctxt), {0}));
    }
};

QTEST_APPLESS_MAIN(TestLocalDims)
#include "tst_local_dims.moc"
