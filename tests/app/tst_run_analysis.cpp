// The explorer's plain computations: conditions, evaluated runs against core, percentiles, ETA.
#include "app/explorer/automation.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/model_analysis.h"
#include "app/explorer/run_analysis.h"
#include "core/simulation/simulate.h"
#include "widgets/vtk_host.h"

#include <QTest>

#include <cmath>

using namespace opdims;
using namespace opdims::explorer;

class TestRunAnalysis : public QObject {
    Q_OBJECT
private slots:
    void ctxtGrid_hasEightConditionsOfNineTrials() {
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        const Conditions c = conditionsFor(b);
        QCOMPARE(c.count(), 8);
        for (int n : c.trialCount)
            QCOMPARE(n, 9);
        // Trial 0 is context 1 with both coherences negative: sign group (-, -).
        const TrialInfo& t = b.trials.front();
        const TrialInfo& rep = c.representative[static_cast<std::size_t>(c.ofTrial.front())];
        QCOMPARE(rep.context, t.context);
        QCOMPARE(rep.coh1 > 0, t.coh1 > 0);
        QCOMPARE(rep.coh2 > 0, t.coh2 > 0);
    }

    void swgGrid_paperConditionsOrAll() {
        const Batch b = makeGridBatch(TaskKind::Swg);
        const Conditions paper = conditionsFor(b, false);
        QCOMPARE(paper.count(), 11);
        QCOMPARE(paper.representative.back().freqId, 51);
        QCOMPARE(paper.ofTrial[1], -1); // frequency id 2 is not one of the paper's conditions
        QCOMPARE(conditionsFor(b, true).count(), 51);
    }

    void evaluateRun_matchesCoreCostAndAverages() {
        const Model m = randomModel(TaskKind::Ctxt, 20, 3);
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        const Conditions c = conditionsFor(b);
        const Reference ref = makeReference(m, b, c);
        const double cost = evaluateCost(m, b);
        QVERIFY(std::abs(ref.run.cost - cost) <= 1e-12 * cost);
        // The reference compared with itself has distance 0; a changed W does not.
        QCOMPARE(evaluateRun(m, m.W, b, c, &ref).stateDistance, 0.0);
        const RunResult halved = evaluateRun(m, 0.5 * m.W, b, c, &ref);
        QVERIFY(halved.stateDistance > 1e-3);
        // Condition average of condition 0 at the last step, by hand.
        const Trajectories tr = simulate(m, m.W, b);
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(20);
        for (int j = 0; j < b.trialCount(); ++j)
            if (c.ofTrial[static_cast<std::size_t>(j)] == 0)
                sum += tr.x.back().col(j);
        QVERIFY((ref.run.averages[0].col(b.steps - 1) - sum / 9.0).norm() < 1e-12);
        // Activity PCs are orthonormal and sorted by variance.
        QVERIFY((ref.pcs.transpose() * ref.pcs - Eigen::MatrixXd::Identity(20, 20)).norm() < 1e-9);
        QVERIFY(ref.pcVariance(0) >= ref.pcVariance(1));
    }

    void analysis_keepingEveryDimensionGivesTheFullNetwork() {
        auto model = std::make_shared<const Model>(randomModel(TaskKind::Swg, 16, 5));
        const auto a = analyseModel(model, false);
        QCOMPARE(static_cast<int>(a->locations.size()), 11 * 11);
        QVERIFY(a->bases.size() >= 2);
        for (const NamedBasis& nb : a->bases) {
            const Eigen::MatrixXd W = reducedRankWeights(model->W, *nb.basis, nb.basis->size());
            QVERIFY2((W - model->W).norm() < 1e-9 * model->W.norm(), nb.key.c_str());
        }
    }

    void percentiles_nearestRank() {
        std::vector<double> v;
        for (int i = 100; i >= 1; --i)
            v.push_back(i);
        const Percentiles p = percentiles(v);
        QCOMPARE(p.median, 50.5);
        QCOMPARE(p.p95, 95.0);
    }

    void timeLeft_needsSomeProgress() {
        QVERIFY(estimateSecondsLeft(10.0, 0.0) < 0);
        QCOMPARE(estimateSecondsLeft(10.0, 0.25), 30.0);
    }
};

QTEST_GUILESS_MAIN(TestRunAnalysis)
#include "tst_run_analysis.moc"
