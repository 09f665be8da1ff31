// Tests of rank sweeps against a naive implementation written here from docs/method.md.
#include "core/analysis/basis.h"
#include "core/analysis/sweep.h"
#include "core/analysis/sweep_sim.h"

#include <QTest>

#include <atomic>

using namespace opdims;

namespace {
// docs/method.md sections 1 and 2, one trial at a time, no shortcuts.
CostAndDistance naive(const Model& m, const Eigen::MatrixXd& Wk, const Batch& b) {
    double sse = 0.0, dist = 0.0;
    for (int j = 0; j < b.trialCount(); ++j) {
        Eigen::VectorXd x = m.x0.col(b.trials[static_cast<std::size_t>(j)].x0Column);
        Eigen::VectorXd xf = x;
        for (int t = 0; t < b.steps; ++t) {
            const Eigen::VectorXd u = b.u[static_cast<std::size_t>(t)].col(j);
            x = (1 - m.alpha()) * x +
                m.alpha() * (Wk * x.array().tanh().matrix() + m.W_in * u + m.b);
            xf = (1 - m.alpha()) * xf +
                 m.alpha() * (m.W * xf.array().tanh().matrix() + m.W_in * u + m.b);
            const Eigen::VectorXd z = m.W_out * x.array().tanh().matrix() + m.b_z;
            sse += (z - b.y[static_cast<std::size_t>(t)].col(j)).squaredNorm();
            dist += (x - xf).norm();
        }
    }
    return {sse / (double(m.outputs()) * b.steps * b.trialCount()),
            dist / (double(b.steps) * b.trialCount())};
}

Basis randomBasis(int n, Side side, unsigned seed) {
    std::srand(seed);
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(Eigen::MatrixXd::Random(n, n));
    Basis b;
    b.name = "random";
    b.side = side;
    b.Q = qr.householderQ() * Eigen::MatrixXd::Identity(n, n);
    b.strength = Eigen::VectorXd::Ones(n);
    return b;
}
} // namespace

class TestSweep : public QObject {
    Q_OBJECT
private slots:
    void ctxtGrid_matchesNaive_allBasesAndSides() {
        // The ctxt grid exercises the shared burn-in prefix; ranks below and above N/2 exercise
        // both the factored and the dense products.
        const Model m = randomModel(TaskKind::Ctxt, 10, 3, 1.2);
        const Batch batch = makeGridBatch(TaskKind::Ctxt);
        QCOMPARE(findSharedPrefix(batch).steps, ctxt::kBurnIn);
        const std::vector<int> ks = {0, 1, 3, 7, 10};
        for (const Basis& basis : {pcBasis(m.W), randomBasis(10, Side::Rows, 4)}) {
            const SweepResult s = rankSweep(m, batch, basis, ks, {}, 2);
            QCOMPARE(s.points.size(), ks.size());
            for (std::size_t i = 0; i < ks.size(); ++i) {
                QCOMPARE(s.points[i].k, ks[i]);
                const CostAndDistance ref = naive(m, reducedRankWeights(m.W, basis, ks[i]), batch);
                QVERIFY2(
                    std::abs(s.points[i].cost - ref.cost) <= 1e-10 * ref.cost,
                    qPrintable(
                        QString("k=%1: %2 vs %3").arg(ks[i]).arg(s.points[i].cost).arg(ref.cost)));
                QVERIFY2(std::abs(s.points[i].stateDistance - ref.stateDistance) <=
                             1e-9 * ref.stateDistance + 1e-13,
                         qPrintable(QString("k=%1: %2 vs %3")
                                        .arg(ks[i])
                                        .arg(s.points[i].stateDistance)
                                        .arg(ref.stateDistance)));
            }
            QVERIFY(std::abs(s.fullCost - naive(m, m.W, batch).cost) <= 1e-12 * s.fullCost);
            QVERIFY(s.points.back().stateDistance < 1e-12); // k = N is W itself
        }
    }
    void swgNoisyBatch_matchesPlainSimulation() {
        // Random batches have network noise: nothing is shared, and the result must equal
        // compareToReference exactly up to rounding.
        const Model m = randomModel(TaskKind::Swg, 12, 8);
        const Batch batch = makeRandomBatch(TaskKind::Swg, 6, 5);
        QCOMPARE(findSharedPrefix(batch).steps, 0);
        const Basis basis = randomBasis(12, Side::Columns, 2);
        const SweepResult s = rankSweep(m, batch, basis, {2, 9}, {}, 1);
        const Trajectories ref = simulate(m, m.W, batch, SimOptions{1});
        for (const auto& p : s.points) {
            const CostAndDistance c = compareToReference(m, reducedRankWeights(m.W, basis, p.k),
                                                         batch, ref, SimOptions{1});
            QVERIFY(std::abs(p.cost - c.cost) <= 1e-11 * c.cost);
            QVERIFY(std::abs(p.stateDistance - c.stateDistance) <= 1e-11 * c.stateDistance);
        }
    }
    void sufficientRank_andErrors() {
        SweepResult s;
        s.fullCost = 1.0;
        s.points = {{1, 5.0, 0}, {2, 2.0, 0}, {3, 1.5, 0}};
        QCOMPARE(sufficientRank(s), 2);
        QCOMPARE(sufficientRank(s, 1.0), -1);
        const Model m = randomModel(TaskKind::Swg, 6, 1);
        const Batch batch = makeGridBatch(TaskKind::Swg);
        QVERIFY_THROWS_EXCEPTION(Error, rankSweep(m, batch, pcBasis(m.W), {7}));
        QVERIFY_THROWS_EXCEPTION(Error, rankSweep(m, batch, randomBasis(5, Side::Rows, 1), {1}));
    }
    void cancel_stopsPromptly() {
        const Model m = randomModel(TaskKind::Ctxt, 30, 2);
        const Batch batch = makeGridBatch(TaskKind::Ctxt);
        std::atomic<bool> cancel{false};
        Progress p;
        p.cancel = &cancel;
        int reports = 0;
        p.onProgress = [&](double, double) {
            if (++reports == 2)
                cancel = true;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 rankSweep(m, batch, pcBasis(m.W), allRanks(pcBasis(m.W)), p, 1));
        QCOMPARE(reports, 2);
    }
};

QTEST_APPLESS_MAIN(TestSweep)
#include "tst_sweep.moc"
