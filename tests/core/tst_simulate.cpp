// Tests of the batched simulation against hand-computed steps, cost, state distance and noise.
#include "core/base/error.h"
#include "core/base/rng.h"
#include "core/simulation/simulate.h"

#include <QTest>

#include <atomic>
#include <cmath>

using namespace opdims;

namespace {

// The method's update written out for one trial, with std::tanh.
struct Reference {
    double cost = 0;
    std::vector<Eigen::VectorXd> x;
};

Reference reference(const Model& m, const Eigen::MatrixXd& W, const Batch& b, int trial) {
    Reference ref;
    Eigen::VectorXd x = m.x0.col(b.trials[trial].x0Column);
    double sse = 0;
    for (int t = 0; t < b.steps; ++t) {
        Eigen::VectorXd r = x.unaryExpr([](double v) { return std::tanh(v); });
        Eigen::VectorXd next(x.size());
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            double s = m.b(i);
            for (Eigen::Index k = 0; k < x.size(); ++k)
                s += W(i, k) * r(k);
            for (Eigen::Index v = 0; v < m.inputs(); ++v)
                s += m.W_in(i, v) * b.u[t](v, trial);
            next(i) = (1 - m.alpha()) * x(i) + m.alpha() * s;
        }
        x = next;
        ref.x.push_back(x);
        const Eigen::VectorXd rr = x.unaryExpr([](double v) { return std::tanh(v); });
        const Eigen::VectorXd z = m.W_out * rr + m.b_z;
        sse += (z - b.y[t].col(trial)).squaredNorm();
    }
    ref.cost = sse / (double(m.outputs()) * b.steps);
    return ref;
}

} // namespace

class TestSimulate : public QObject {
    Q_OBJECT

private slots:
    void oneStep_byHand() {
        // Two units, one input: every number of the first step checked by hand.
        Model m;
        m.W.resize(2, 2);
        m.W << 0.5, -1.0, 2.0, 0.25;
        m.W_in.resize(2, 1);
        m.W_in << 1.0, -2.0;
        m.W_out.resize(1, 2);
        m.W_out << 1.0, 1.0;
        m.b = Eigen::Vector2d(0.1, -0.1);
        m.b_z = Eigen::VectorXd::Constant(1, 0.5);
        m.x0 = Eigen::Vector2d(0.3, -0.7);
        m.validate("hand");
        Batch b = makeGridBatch(TaskKind::Swg);
        b.trials.resize(1);
        for (int t = 0; t < b.steps; ++t) {
            b.u[t] = b.u[t].leftCols(1).eval();
            b.y[t] = b.y[t].leftCols(1).eval();
        }
        const Trajectories tr = simulate(m, m.W, b);
        const double r0 = std::tanh(0.3), r1 = std::tanh(-0.7), u = 1 / 51.0 + 0.25;
        const double x0 = 0.9 * 0.3 + 0.1 * (0.5 * r0 - 1.0 * r1 + 1.0 * u + 0.1);
        const double x1 = 0.9 * -0.7 + 0.1 * (2.0 * r0 + 0.25 * r1 - 2.0 * u - 0.1);
        QVERIFY(std::abs(tr.x[0](0, 0) - x0) < 1e-15);
        QVERIFY(std::abs(tr.x[0](1, 0) - x1) < 1e-15);
        QVERIFY(std::abs(tr.z[0](0, 0) - (std::tanh(x0) + std::tanh(x1) + 0.5)) < 1e-15);
    }

    void batched_matchesPerTrialReference() {
        const Model m = randomModel(TaskKind::Ctxt, 12, 5);
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        const Trajectories tr = simulate(m, m.W, b);
        double cost = 0;
        for (int j = 0; j < b.trialCount(); j += 7) {
            const Reference ref = reference(m, m.W, b, j);
            for (int t : {0, 1, 649, 650, 1399})
                QVERIFY((tr.x[t].col(j) - ref.x[t]).cwiseAbs().maxCoeff() < 1e-12);
        }
        for (int j = 0; j < b.trialCount(); ++j)
            cost += reference(m, m.W, b, j).cost;
        cost /= b.trialCount();
        QVERIFY(std::abs(tr.cost - cost) <= 1e-12 * cost);
        QCOMPARE(evaluateCost(m, m.W, b), tr.cost);
    }

    void cost_independentOfThreads() {
        // Every result bit-identical for 1..16 threads: tiny and ordinary networks, batch sizes
        // that are and are not multiples of the trial block, with and without network noise.
        for (const int units : {3, 7, 20, 100}) {
            const Model m = randomModel(TaskKind::Swg, units, 9);
            for (const Batch& b :
                 {makeRandomBatch(TaskKind::Swg, 13, 4), makeRandomBatch(TaskKind::Swg, 5, 2),
                  makeRandomBatch(TaskKind::Swg, units == 20 ? 300 : 1, 7),
                  makeGridBatch(TaskKind::Swg)}) {
                SimOptions one;
                one.threads = 1;
                const Trajectories ref = simulate(m, m.W, b, one);
                const double cost = evaluateCost(m, m.W, b, one);
                QCOMPARE(ref.cost, cost);
                for (int threads : {2, 3, 4, 7, 16}) {
                    SimOptions o;
                    o.threads = threads;
                    const QString where = QString("units %1, %2 trials, %3 threads")
                                              .arg(units)
                                              .arg(b.trialCount())
                                              .arg(threads);
                    QVERIFY2(evaluateCost(m, m.W, b, o) == cost, qPrintable(where)); // bit for bit
                    const Trajectories t = simulate(m, m.W, b, o);
                    for (int step : {0, b.steps / 2, b.steps - 1}) {
                        QVERIFY2(t.x[step] == ref.x[step], qPrintable(where));
                        QVERIFY2(t.z[step] == ref.z[step], qPrintable(where));
                    }
                }
            }
        }
    }

    void networkNoise_seededAndEffective() {
        const Model m = randomModel(TaskKind::Swg, 20, 9);
        const Batch a = makeRandomBatch(TaskKind::Swg, 5, 4);
        Batch quiet = a;
        quiet.networkNoise = false;
        Batch other = a;
        other.noiseSeed = 5;
        const Trajectories ta = simulate(m, m.W, a), tb = simulate(m, m.W, a);
        const Trajectories tq = simulate(m, m.W, quiet), to = simulate(m, m.W, other);
        QVERIFY(ta.x[499] == tb.x[499]);
        QVERIFY(ta.x[499] != tq.x[499]);
        QVERIFY(ta.x[499] != to.x[499]);
        // The noise enters as alpha * sigma * eta: the first-step difference has sd 0.01.
        const Eigen::MatrixXd d = (ta.x[0] - tq.x[0]) / (m.alpha() * m.noiseSigma);
        const double sd = std::sqrt(d.squaredNorm() / d.size());
        QVERIFY(sd > 0.6 && sd < 1.4);
    }

    void rngStream_isFixed() {
        // The generator must give the same numbers on every compiler and library.
        Rng r(1234, 0);
        const std::uint64_t first = r.next();
        Rng r2(1234, 0);
        QCOMPARE(r2.next(), first);
        Rng n(99);
        double s = 0;
        for (int i = 0; i < 100000; ++i)
            s += n.normal();
        QVERIFY(std::abs(s / 100000) < 0.02);
        QCOMPARE(Rng(7).next(), Rng(7).next());
        QVERIFY(Rng(7, 1).next() != Rng(7, 2).next());
    }

    void stateDistance_zeroForSameWeights() {
        const Model m = randomModel(TaskKind::Ctxt, 10, 3);
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        QCOMPARE(stateDistance(m, m.W, m.W, b), 0.0);
        Eigen::MatrixXd W2 = m.W;
        W2(0, 0) += 0.5;
        const Trajectories ref = simulate(m, m.W, b);
        const Trajectories other = simulate(m, W2, b);
        double d = 0;
        for (int t = 0; t < b.steps; ++t)
            for (int j = 0; j < b.trialCount(); ++j)
                d += (ref.x[t].col(j) - other.x[t].col(j)).norm();
        d /= double(b.steps) * b.trialCount();
        const CostAndDistance cd = compareToReference(m, W2, b, ref);
        QVERIFY(std::abs(cd.stateDistance - d) < 1e-12 * d);
        QCOMPARE(cd.cost, other.cost);
    }

    void cancel_stopsPromptly() {
        const Model m = randomModel(TaskKind::Ctxt, 50, 3);
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        std::atomic<bool> cancel{true};
        Progress p;
        p.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(Cancelled, evaluateCost(m, m.W, b, {}, p));
    }

    void mismatchedShapes_rejected() {
        const Model m = randomModel(TaskKind::Ctxt, 10, 3);
        QVERIFY_THROWS_EXCEPTION(
            Error, evaluateCost(m, Eigen::MatrixXd::Zero(9, 9), makeGridBatch(TaskKind::Ctxt)));
        QVERIFY_THROWS_EXCEPTION(Error, evaluateCost(m, m.W, makeGridBatch(TaskKind::Swg)));
    }
};

QTEST_APPLESS_MAIN(TestSimulate)
#include "tst_simulate.moc"
