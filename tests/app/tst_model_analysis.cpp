// The explorer's analysis of an opened network, latency percentiles and time estimates.
#include "app/explorer/automation.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/model_analysis.h"
#include "core/analysis/basis.h"

#include <QTest>

#include <cmath>

using namespace opdims;
using namespace opdims::explorer;

class TestModelAnalysis : public QObject {
    Q_OBJECT
private slots:
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

QTEST_GUILESS_MAIN(TestModelAnalysis)
#include "tst_model_analysis.moc"
