// Conditions (one rule) and condition runs (one accumulator): what the explorer shows equals what
// the CLI computes, bit for bit, for any thread count.
#include "core/analysis/sampling.h"
#include "core/base/parallel.h"
#include "core/simulation/condition_runs.h"
#include "core/simulation/simulate.h"
#include "core/tasks/conditions.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace opdims;

class TestConditionRuns : public QObject {
    Q_OBJECT
private slots:
    void ctxtGrid_eightConditionsOfNineTrials() {
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        const ConditionGroups g = groupTrials(b, viewConditions(b));
        QCOMPARE(g.count(), 8);
        for (int n : g.trialCount)
            QCOMPARE(n, 9);
        // Trial 0 is context 1 with both coherences negative: sign group (-, -).
        const TrialInfo& t = b.trials.front();
        const Condition& c = g.conditions[static_cast<std::size_t>(g.ofTrial.front())];
        QCOMPARE(c.context, t.context);
        QCOMPARE(c.signCoh1 > 0, t.coh1 > 0);
        QCOMPARE(c.signCoh2 > 0, t.coh2 > 0);
    }

    void viewConditions_arePermutationOfTheAnalysisConditions() {
        for (TaskKind task : {TaskKind::Ctxt, TaskKind::Swg}) {
            std::vector<Condition> view = viewConditions(makeGridBatch(task));
            std::vector<Condition> analysis = defaultConditions(task);
            QCOMPARE(view.size(), analysis.size());
            for (const Condition& c : analysis)
                QVERIFY(indexOf(view, c) >= 0);
        }
    }

    void swgGrid_paperConditionsOrAll() {
        const Batch b = makeGridBatch(TaskKind::Swg);
        const ConditionGroups paper = groupTrials(b, viewConditions(b, false));
        QCOMPARE(paper.count(), 11);
        QCOMPARE(paper.conditions.back().freqId, 51);
        QCOMPARE(paper.ofTrial[1], -1); // frequency id 2 is not one of the paper's conditions
        QCOMPARE(groupTrials(b, viewConditions(b, true)).count(), 51);
    }

    void zeroCoherence_countsAsPositive_everywhere() {
        TrialInfo t;
        t.context = 2;
        t.coh1 = 0.0;
        t.coh2 = -0.05;
        const Condition c = conditionOf(TaskKind::Ctxt, t);
        QCOMPARE(c.signCoh1, 1);
        QCOMPARE(c.signCoh2, -1);
        // The explorer's grouping and the sampling locations use the same rule.
        TaskOptions o;
        const Batch b = batchFromTrials(TaskKind::Ctxt, {t}, o);
        const ConditionGroups g = groupTrials(b, viewConditions(b));
        QCOMPARE(g.conditions[static_cast<std::size_t>(g.ofTrial[0])], c);
        const Model m = randomModel(TaskKind::Ctxt, 12, 4);
        const auto locations = samplingLocations(m, TaskKind::Ctxt, b, {c}, {1});
        QCOMPARE(static_cast<int>(locations.size()), 1);
    }

    void cost_andDistance_equalTheCliBitForBit() {
        for (TaskKind task : {TaskKind::Ctxt, TaskKind::Swg}) {
            const Model m = randomModel(task, 20, 3);
            const Batch b = makeGridBatch(task);
            const ConditionGroups g = groupTrials(b, viewConditions(b));
            const ReferenceRun ref = referenceRun(m, b, g);
            QCOMPARE(ref.run.cost, evaluateCost(m, b));
            QCOMPARE(ref.trajectories.cost, ref.run.cost);
            const Eigen::MatrixXd W = 0.5 * m.W;
            const ConditionRun half = runConditions(m, W, b, g, &ref);
            const CostAndDistance cli = compareToReference(m, W, b, simulate(m, m.W, b));
            QCOMPARE(half.cost, cli.cost);
            QCOMPARE(half.stateDistance, cli.stateDistance);
            QVERIFY(half.stateDistance > 1e-3);
            QCOMPARE(runConditions(m, m.W, b, g, &ref).stateDistance, 0.0);
        }
    }

    void averages_areConditionMeans_andKeepAllGivesTheReference() {
        const Model m = randomModel(TaskKind::Ctxt, 20, 3);
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        const ConditionGroups g = groupTrials(b, viewConditions(b));
        const ReferenceRun ref = referenceRun(m, b, g);
        const Trajectories tr = simulate(m, m.W, b);
        for (int c = 0; c < g.count(); ++c) {
            Eigen::VectorXd sum = Eigen::VectorXd::Zero(20);
            for (int j = 0; j < b.trialCount(); ++j)
                if (g.ofTrial[static_cast<std::size_t>(j)] == c)
                    sum += tr.x.back().col(j);
            QVERIFY((ref.run.averages[static_cast<std::size_t>(c)].col(b.steps - 1) - sum / 9.0)
                        .norm() < 1e-12);
        }
        const ConditionRun same = runConditions(m, m.W, b, g, &ref);
        for (int c = 0; c < g.count(); ++c)
            QVERIFY(same.averages[static_cast<std::size_t>(c)] ==
                    ref.run.averages[static_cast<std::size_t>(c)]);
        QVERIFY(same.output == ref.run.output);
        // Activity PCs are orthonormal and sorted by variance.
        QVERIFY((ref.pcs.transpose() * ref.pcs - Eigen::MatrixXd::Identity(20, 20)).norm() < 1e-9);
        QVERIFY(ref.pcVariance(0) >= ref.pcVariance(1));
    }

    void everyResult_independentOfThreads() {
        const Model m = randomModel(TaskKind::Swg, 24, 9);
        const Batch b = makeRandomBatch(TaskKind::Swg, 61, 5);
        const ConditionGroups g = groupTrials(b, viewConditions(b, true));
        const ReferenceRun ref = referenceRun(m, b, g, SimOptions{1});
        const Eigen::MatrixXd W = 0.8 * m.W;
        const ConditionRun one = runConditions(m, W, b, g, &ref, SimOptions{1});
        for (int threads : {2, 3, 5, 8, 16}) {
            const ReferenceRun r = referenceRun(m, b, g, SimOptions{threads});
            QCOMPARE(r.run.cost, ref.run.cost);
            QVERIFY(r.pcs == ref.pcs);
            const ConditionRun run = runConditions(m, W, b, g, &ref, SimOptions{threads});
            QCOMPARE(run.cost, one.cost);
            QCOMPARE(run.stateDistance, one.stateDistance);
            QVERIFY(run.output == one.output);
            for (std::size_t c = 0; c < one.averages.size(); ++c)
                QVERIFY2(run.averages[c] == one.averages[c], qPrintable(QString::number(threads)));
        }
    }

    void projectStates_centresAndProjects() {
        Eigen::MatrixXd states(3, 2);
        states << 1, 2, 3, 4, 5, 6;
        const Eigen::Vector3d mean(1, 1, 1);
        const Eigen::MatrixXd axes = Eigen::MatrixXd::Identity(3, 2);
        Eigen::MatrixXd expected(2, 2);
        expected << 0, 1, 2, 3;
        QVERIFY(projectStates(states, axes, mean) == expected);
    }
};

QTEST_GUILESS_MAIN(TestConditionRuns)
#include "tst_condition_runs.moc"
