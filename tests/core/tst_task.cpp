// Tests of the ctxt and swg task generators (docs/method.md section 2).
#include "core/base/error.h"
#include "core/tasks/task.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace opdims;

class TestTask : public QObject {
    Q_OBJECT

private slots:
    void ctxtGrid_layout() {
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        QCOMPARE(b.trialCount(), 72);
        QCOMPARE(b.steps, 1400);
        QCOMPARE(b.inputs, 5);
        QCOMPARE(int(b.u.size()), 1400);
        QVERIFY(!b.networkNoise);
        for (int j = 0; j < 72; ++j) {
            const TrialInfo& t = b.trials[j];
            QCOMPARE(t.x0Column, t.context - 1);
            for (int s : {0, 649, 650, 1399}) {
                const auto u = b.u[s].col(j);
                QCOMPARE(u(2), t.context == 1 ? 1.0 : 0.0);
                QCOMPARE(u(3), t.context == 2 ? 1.0 : 0.0);
                QCOMPARE(u(4), 0.0);
                QCOMPARE(u(0), s < 650 ? 0.0 : t.coh1);
                QCOMPARE(u(1), s < 650 ? 0.0 : t.coh2);
            }
        }
        // Both contexts, all 36 coherency pairs, the paper's six values.
        QCOMPARE(b.trials[0].coh1, 0.3 * -0.5);
        QCOMPARE(b.trials[71].coh2, 0.3 * 0.5);
        QCOMPARE(b.trials[36].context, 2);
    }

    void ctxtTarget_integratesAndStaysAtBound() {
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        // Trial 0: context 1, coh1 = -0.15: the target falls by 0.02 * 0.15 per step from step 651
        // and reaches -1 after 334 steps, then stays.
        for (int s = 0; s < 650; ++s)
            QCOMPARE(b.y[s](0, 0), 0.0);
        QVERIFY(std::abs(b.y[650](0, 0) - (-0.003)) < 1e-15);
        QVERIFY(std::abs(b.y[700](0, 0) - (-0.003 * 51)) < 1e-13);
        int firstAtBound = -1;
        for (int s = 650; s < 1400; ++s)
            if (b.y[s](0, 0) == -1.0 && firstAtBound < 0)
                firstAtBound = s;
        QVERIFY(firstAtBound > 650);
        QVERIFY(std::abs(firstAtBound - (650 + 333)) <= 1);
        for (int s = firstAtBound; s < 1400; ++s)
            QCOMPARE(b.y[s](0, 0), -1.0);
        // A weak coherence never reaches the bound: 0.009 * 0.02 * 750 = 0.135.
        for (int j = 0; j < 72; ++j)
            if (b.trials[j].context == 1 && b.trials[j].coh1 == 0.3 * 0.03)
                QVERIFY(std::abs(b.y[1399](0, j) - 0.009 * 0.02 * 750) < 1e-12);
        // Context 2 integrates the second input.
        for (int j = 36; j < 72; ++j)
            QVERIFY(std::abs(b.y[650](0, j) - 0.02 * b.trials[j].coh2) < 1e-15);
    }

    void ctxtTarget_staysAtBoundEvenWhenNoisePullsBack() {
        const Batch b = makeRandomBatch(TaskKind::Ctxt, 1, 7);
        for (int j = 0; j < b.trialCount(); ++j) {
            bool reached = false;
            for (int s = 0; s < 1400; ++s) {
                const double y = b.y[s](0, j);
                QVERIFY(y >= -1.0 && y <= 1.0);
                if (reached)
                    QVERIFY(std::abs(y) == 1.0);
                reached = reached || std::abs(y) == 1.0;
            }
        }
    }

    void ctxtRandom_noiseAndSeeds() {
        const Batch a = makeRandomBatch(TaskKind::Ctxt, 2, 11);
        const Batch b = makeRandomBatch(TaskKind::Ctxt, 2, 11);
        const Batch c = makeRandomBatch(TaskKind::Ctxt, 2, 12);
        QCOMPARE(a.trialCount(), 144);
        QVERIFY(a.networkNoise);
        QVERIFY(a.u[800] == b.u[800]);
        QVERIFY(a.u[800] != c.u[800]);
        // Input noise sd = 31.6228 * sqrt(dt) ~ 1 on the sensory inputs only, after burn-in.
        double sum = 0, sq = 0;
        int count = 0;
        for (int s = 650; s < 1400; ++s)
            for (int j = 0; j < a.trialCount(); ++j) {
                const double e = a.u[s](0, j) - a.trials[j].coh1;
                sum += e;
                sq += e * e;
                ++count;
            }
        const double sd = std::sqrt(sq / count - (sum / count) * (sum / count));
        QVERIFY(std::abs(sd - 31.6228 * std::sqrt(0.001)) < 0.01);
        QCOMPARE(a.u[100](0, 5), 0.0);
        QCOMPARE(a.u[800](4, 5), 0.0);
    }

    void swgGrid_inputAndTarget() {
        const Batch b = makeGridBatch(TaskKind::Swg);
        QCOMPARE(b.trialCount(), 51);
        QCOMPARE(b.steps, 500);
        QCOMPARE(b.inputs, 1);
        for (int j = 0; j < 51; ++j) {
            const int id = j + 1;
            QCOMPARE(b.trials[j].freqId, id);
            QCOMPARE(b.u[0](0, j), id / 51.0 + 0.25);
            QCOMPARE(b.u[499](0, j), id / 51.0 + 0.25);
            const double f = 1.0 + (id - 1) * 0.1;
            for (int s : {0, 10, 499})
                QCOMPARE(b.y[s](0, j), std::sin(2 * std::numbers::pi * f * (s + 1) * 0.001));
        }
        QCOMPARE(swg::frequency(51), 6.0);
    }

    void swgRandom_idsInRangeAndSeeded() {
        const Batch a = makeRandomBatch(TaskKind::Swg, 200, 3);
        const Batch b = makeRandomBatch(TaskKind::Swg, 200, 3);
        QCOMPARE(a.trialCount(), 200);
        bool sawLow = false, sawHigh = false;
        for (int j = 0; j < 200; ++j) {
            QCOMPARE(a.trials[j].freqId, b.trials[j].freqId);
            QVERIFY(a.trials[j].freqId >= 1 && a.trials[j].freqId <= 51);
            sawLow = sawLow || a.trials[j].freqId <= 10;
            sawHigh = sawHigh || a.trials[j].freqId >= 42;
        }
        QVERIFY(sawLow && sawHigh);
    }

    void impossibleParameters_rejected() {
        QVERIFY_THROWS_EXCEPTION(Error, makeRandomBatch(TaskKind::Ctxt, 0, 1));
        QVERIFY_THROWS_EXCEPTION(Error, makeBatch(TaskKind::Ctxt, "gird", 1, 1));
        QVERIFY_THROWS_EXCEPTION(Error, batchFromTrials(TaskKind::Swg, {{0, 0, 0, 52, 0, {}}}, {}));
        QVERIFY_THROWS_EXCEPTION(Error, batchFromTrials(TaskKind::Ctxt, {{3, 0, 0, 0, 0, {}}}, {}));
    }
};

QTEST_APPLESS_MAIN(TestTask)
#include "tst_task.moc"
