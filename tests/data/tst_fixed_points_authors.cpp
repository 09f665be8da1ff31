// Fixed points of the authors' ctxt networks: exact roots along a line attractor per context,
// through the core API and through `opdims fixed-points --json`.
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/starts.h"
#include "core/fixed_points/summary.h"
#include "core/model/io.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

using namespace opdims;

class TestFixedPointsAuthors : public QObject {
    Q_OBJECT

private slots:
    void ctxt_pointsAreExactAndLieOnALine_data() {
        QTest::addColumn<int>("net");
        QTest::addColumn<int>("context");
        for (int net = 1; net <= 5; ++net)
            for (int context = 1; context <= 2; ++context)
                QTest::addRow("net %d context %d", net, context) << net << context;
    }

    void ctxt_pointsAreExactAndLieOnALine() {
        OPDIMS_REQUIRE_SHARED(file, "pretrained/ctxt_weights.h5");
        QFETCH(int, net);
        QFETCH(int, context);
        LoadOptions lo;
        lo.net = net;
        const Model m = loadModel(file, lo);
        const FixedPointProblem problem = contextProblem(m, context);
        StartOptions so;
        so.count = 1000;
        const Eigen::MatrixXd starts = startsFromBatch(m, m.W, problem.batch, so);
        const FixedPointResult r = findFixedPoints(m, m.W, problem.input, starts);
        int fixed = 0, stable = 0;
        for (const FixedPoint& p : r.points) {
            if (p.kind == PointKind::Fixed) {
                ++fixed;
                QVERIFY(p.speed < 1e-10);
            } else {
                QVERIFY(p.q < FixedPointOptions{}.slowQ);
            }
            stable += p.linear.stability == Stability::Stable;
        }
        // Most starts end at a root; several distinct roots, stable ones among them.
        QVERIFY2(r.fixedRuns > 800, qPrintable(QString::number(r.fixedRuns)));
        QVERIFY(fixed >= 3);
        QVERIFY(stable >= 2);
        const PointSetSummary s = summarisePoints(r.points);
        QVERIFY2(s.firstPcFraction > 0.85, qPrintable(QString::number(s.firstPcFraction)));
        // Along the line the flow is slow: the eigenvalue there is near zero (units of 1/tau),
        // far slower than the network's fastest modes.
        QVERIFY2(std::abs(s.alongAxisRealMedian) < 0.05,
                 qPrintable(QString::number(s.alongAxisRealMedian)));
        QVERIFY(s.alongAxisAlignmentMedian > 0.6);
    }

    void cli_jsonReportsFixedPointsWithEigenvalues() {
        OPDIMS_REQUIRE_SHARED(file, "pretrained/ctxt_weights.h5");
        const QString cli = QString::fromLocal8Bit(qgetenv("OPDIMS_CLI"));
        if (cli.isEmpty())
            QSKIP("OPDIMS_CLI is not set (run through ctest)");
        QProcess p;
        p.start(cli, {"fixed-points", QString::fromStdString(file), "--task", "ctxt", "--context",
                      "2", "--starts", "300", "--json"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value("starts").toInt(), 300);
        const QJsonArray points = o.value("points").toArray();
        QVERIFY(points.size() >= 3);
        for (const auto& v : points) {
            const QJsonObject pt = v.toObject();
            QCOMPARE(pt.value("x").toArray().size(), 100);
            QCOMPARE(pt.value("eigenvalues").toObject().value("real").toArray().size(), 100);
            QCOMPARE(pt.value("eigenvalues").toObject().value("imag").toArray().size(), 100);
            QVERIFY(std::abs(pt.value("q").toDouble() -
                             0.5 * std::pow(pt.value("speed").toDouble(), 2)) < 1e-12);
            if (pt.value("kind").toString() == "fixed")
                QVERIFY(pt.value("speed").toDouble() < 1e-10);
            QVERIFY(!pt.value("class").toString().isEmpty());
        }
    }
};

QTEST_APPLESS_MAIN(TestFixedPointsAuthors)
#include "tst_fixed_points_authors.moc"
