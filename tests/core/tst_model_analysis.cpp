// Live ablation in core: the analysis of an opened network and one ablation request.
#include "core/ablation/model_analysis.h"
#include "core/analysis/basis.h"
#include "core/fixed_points/flow.h"
#include "core/simulation/simulate.h"

#include <QTest>

#include <cmath>

using namespace opdims;

class TestModelAnalysis : public QObject {
    Q_OBJECT
private slots:
    void analysis_keepingEveryDimensionGivesTheFullNetwork() {
        auto model = std::make_shared<const Model>(randomModel(TaskKind::Swg, 16, 5));
        const auto a = analyseModel(model, false);
        QCOMPARE(static_cast<int>(a->locations.size()), 11 * 11);
        QVERIFY(a->bases.size() >= 2);
        for (const NamedBasis& nb : a->bases) {
            QCOMPARE(nb.key, formatBasisName(nb.name));
            const Eigen::MatrixXd W = reducedRankWeights(model->W, *nb.basis, nb.basis->size());
            QVERIFY2((W - model->W).norm() < 1e-9 * model->W.norm(), nb.key.c_str());
        }
        QVERIFY(a->locationFlow == recurrentFlow(model->alpha(), model->W, a->locationStates));
    }

    void ctxtBases_includeTheFunctionSpecificOnes() {
        auto model = std::make_shared<const Model>(randomModel(TaskKind::Ctxt, 16, 2));
        const auto a = analyseModel(model, false);
        // pc, op-columns and its four function-specific subsets.
        QCOMPARE(static_cast<int>(a->bases.size()), 6);
        QCOMPARE(a->bases[2].key, std::string("op-columns:ctxt1"));
    }

    void ablate_isTheReducedRankNetworksRun() {
        auto model = std::make_shared<const Model>(randomModel(TaskKind::Ctxt, 16, 3));
        const auto a = analyseModel(model, false);
        const Basis& pc = *a->bases.front().basis;
        std::vector<bool> keep(static_cast<std::size_t>(pc.size()), false);
        for (int i = 0; i < 5; ++i)
            keep[static_cast<std::size_t>(i)] = true;
        AblationOptions options;
        options.fixedPoints = true;
        const Ablation ab = ablate(*a, pc, keep, options);
        QCOMPARE(ab.kept, 5);
        QVERIFY(ab.W == reducedRankWeights(model->W, pc, 5));
        // The same numbers as the CLI's evaluate and compareToReference.
        QCOMPARE(ab.run.cost, evaluateCost(*model, ab.W, a->batch()));
        QCOMPARE(
            ab.run.stateDistance,
            compareToReference(*model, ab.W, a->batch(), a->reference.trajectories).stateDistance);
        QVERIFY(ab.locationFlow == recurrentFlow(model->alpha(), ab.W, a->locationStates));
        // Without an input the fixed points are searched under context 1.
        QVERIFY(ab.fixedPoints.has_value());
        QVERIFY(ab.fixedPointInput == contextInput(*model, 1));
        // Keeping every dimension is the full network.
        const Ablation all = ablate(*a, pc, std::vector<bool>(keep.size(), true));
        QVERIFY(std::abs(all.run.cost - a->reference.run.cost) <= 1e-9 * a->reference.run.cost);
        QVERIFY(!all.fixedPoints.has_value());
    }
};

QTEST_GUILESS_MAIN(TestModelAnalysis)
#include "tst_model_analysis.moc"
