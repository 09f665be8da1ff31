// The authors' pretrained networks: loading, orientation and the published grid costs.
#include "core/model/io.h"
#include "core/simulation/simulate.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>

using namespace opdims;

class TestAuthorsNetworks : public QObject {
    Q_OBJECT

private slots:
    void ctxt_orientation() {
        OPDIMS_REQUIRE_SHARED(file, "pretrained/ctxt_weights.h5");
        const Model m = loadModel(file);
        QCOMPARE(m.units(), 100);
        QCOMPARE(m.inputs(), 5);
        QCOMPARE(m.outputs(), 1);
        QCOMPARE(m.initialStates(), 2);
        QCOMPARE(m.W(1, 0), -0.2478516847291175);
        QCOMPARE(m.W(0, 1), 0.02226676550854917);
        QCOMPARE(int(m.task), int(TaskKind::Ctxt));
    }

    void gridCost_network1_matchesPublished() {
        OPDIMS_REQUIRE_SHARED(ctxt, "pretrained/ctxt_weights.h5");
        OPDIMS_REQUIRE_SHARED(swg, "pretrained/swg_weights.h5");
        const double c = evaluateCost(loadModel(ctxt), makeGridBatch(TaskKind::Ctxt));
        QVERIFY2(std::abs(c / 0.0009980031022817429 - 1) < 1e-9,
                 qPrintable(QString::number(c, 'g', 17)));
        const double s = evaluateCost(loadModel(swg), makeGridBatch(TaskKind::Swg));
        QVERIFY2(std::abs(s / 1.5858335765326885e-05 - 1) < 1e-9,
                 qPrintable(QString::number(s, 'g', 17)));
    }

    void everyNetwork_loadsAndPerformsTheTask() {
        // Every /NetNr<i> group, final and init: trained networks solve the task, untrained do not.
        for (const char* name : {"pretrained/ctxt_weights.h5", "pretrained/swg_weights.h5"}) {
            const std::string file = test::sharedFile(QString::fromLatin1(name));
            if (file.empty())
                QSKIP("the authors' data is not available");
            const std::vector<int> nets = authorsNetworks(file);
            QVERIFY(!nets.empty());
            for (int net : nets) {
                LoadOptions o;
                o.net = net;
                const Model trained = loadModel(file, o);
                const Batch grid = makeGridBatch(trained.task);
                const double cost = evaluateCost(trained, grid);
                QVERIFY2(
                    cost < 0.01,
                    qPrintable(QStringLiteral("%1 net %2: cost %3").arg(name).arg(net).arg(cost)));
                o.weights = "init";
                const Model init = loadModel(file, o);
                QVERIFY(evaluateCost(init, grid) > 5 * cost);
            }
        }
    }

    void perTrialReference_agreesWithBatched() {
        // An independent one-trial-at-a-time evaluation with std::tanh, to 1e-12.
        OPDIMS_REQUIRE_SHARED(file, "pretrained/ctxt_weights.h5");
        LoadOptions o;
        o.net = 2;
        const Model m = loadModel(file, o);
        const Batch b = makeGridBatch(TaskKind::Ctxt);
        double sse = 0;
        for (int j = 0; j < b.trialCount(); ++j) {
            Eigen::VectorXd x = m.x0.col(b.trials[j].x0Column);
            for (int t = 0; t < b.steps; ++t) {
                const Eigen::VectorXd r = x.array().tanh();
                x = 0.9 * x + 0.1 * (m.W * r + m.W_in * b.u[t].col(j) + m.b);
                const Eigen::VectorXd z = m.W_out * Eigen::VectorXd(x.array().tanh()) + m.b_z;
                sse += (z - b.y[t].col(j)).squaredNorm();
            }
        }
        const double ref = sse / (b.steps * double(b.trialCount()));
        QVERIFY(std::abs(evaluateCost(m, b) / ref - 1) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestAuthorsNetworks)
#include "tst_authors_networks.moc"
