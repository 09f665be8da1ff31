// The research workbench on the command line: per-condition effects, removing as well as keeping
// dimensions, `opdims reduce` and `opdims basis`.
#include "core/analysis/basis_file.h"
#include "core/model/io.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace opdims;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run opdimsCli(const QStringList& args) {
    QProcess p;
    p.start(QString::fromLocal8Bit(qgetenv("OPDIMS_CLI")), args);
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject json(const QStringList& args) {
    const Run r = opdimsCli(args);
    if (r.code != 0)
        qWarning("%s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// The cost column of a one-row sweep CSV, as text (compared as text: the shortest round trip).
QString sweepCost(const QStringList& args, const QString& column = "cost") {
    const Run r = opdimsCli(args);
    const QStringList lines = r.out.trimmed().split('\n');
    if (r.code != 0 || lines.size() != 2)
        return "failed: " + r.err;
    const int c = lines[0].split(',').indexOf(column);
    return c < 0 ? "no column " + column : lines[1].split(',')[c];
}

QString costText(const QJsonObject& o) {
    return QString::number(o["cost"].toDouble(), 'g', 17);
}

} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ctxt_, swg_;

    QString path(const QString& n) const { return dir_.filePath(n); }

private slots:
    void initTestCase() {
        if (qgetenv("OPDIMS_CLI").isEmpty())
            QSKIP("OPDIMS_CLI is not set (run through ctest)");
        ctxt_ = path("ctxt.h5");
        swg_ = path("swg.h5");
        saveModel(randomModel(TaskKind::Ctxt, 16, 3), ctxt_.toStdString());
        saveModel(randomModel(TaskKind::Swg, 12, 4), swg_.toStdString());
    }

    void perCondition_groupsAddUpToTheWhole() {
        for (const QString& net : {ctxt_, swg_}) {
            const QJsonObject o = json({"evaluate", net, "--per-condition", "--json"});
            const double total = o["cost"].toDouble();
            const int trials = o["trials"].toInt();
            for (const char* level : {"groups", "conditions"}) {
                double weighted = 0.0;
                int count = 0;
                for (const QJsonValue& v : o[level].toArray()) {
                    const QJsonObject g = v.toObject();
                    weighted += g["cost"].toDouble() * g["trials"].toInt();
                    count += g["trials"].toInt();
                }
                QCOMPARE(count, trials);
                QVERIFY2(std::abs(weighted / trials - total) <= 1e-12 * total, level);
            }
        }
        const QJsonObject c = json({"evaluate", ctxt_, "--per-condition", "--json"});
        QCOMPARE(c["groups"].toArray().size(), 2);
        QCOMPARE(c["groups"].toArray()[0].toObject()["label"].toString(), QString("context 1"));
        QCOMPARE(c["conditions"].toArray().size(), 8);
        const QJsonObject s = json({"evaluate", swg_, "--per-condition", "--json"});
        QCOMPARE(s["groups"].toArray().size(), 6); // ids 1-10, ..., 41-50, 51
        QCOMPARE(s["groups"].toArray()[5].toObject()["label"].toString(), QString("6.0 Hz"));
        QCOMPARE(s["conditions"].toArray().size(), 51);

        // A sweep's per-condition columns: at full rank every condition has the full cost.
        const Run r = opdimsCli(
            {"sweep", ctxt_, "--basis", "pc", "--ks", "3,16", "--exact", "--per-condition"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split('\n');
        const QStringList head = lines[0].split(',');
        QVERIFY(head.contains("cost[context 2]") && head.contains("state_distance[Ctxt1Inps1_1]"));
        QCOMPARE(head.size(), 3 + 2 * (2 + 8));
        const QStringList full = lines[2].split(',');
        const QJsonArray conditions = c["conditions"].toArray();
        for (int i = 0; i < 8; ++i) {
            const double expected = conditions[i].toObject()["cost"].toDouble();
            const double got =
                full[head.indexOf("cost[" + conditions[i].toObject()["label"].toString() + "]")]
                    .toDouble();
            QVERIFY(std::abs(got - expected) <= 1e-9 * expected);
        }
    }

    void reduce_roundTripIsBitForBit() {
        for (const char* basis : {"pc", "op-columns"}) {
            const QString keep = path(QString("keep-%1.h5").arg(basis));
            const QString remove = path(QString("remove-%1.h5").arg(basis));
            QCOMPARE(
                opdimsCli({"reduce", ctxt_, "--basis", basis, "--rank", "5", "--out", keep}).code,
                0);
            QCOMPARE(
                opdimsCli({"reduce", ctxt_, "--basis", basis, "--remove", "1-5", "--out", remove})
                    .code,
                0);
            const QString kept = costText(json({"evaluate", keep, "--json"}));
            const QString removed = costText(json({"evaluate", remove, "--json"}));
            QCOMPARE(kept, costText(json(
                               {"evaluate", ctxt_, "--basis", basis, "--rank", "5", "--json"})));
            QCOMPARE(kept, costText(json(
                               {"evaluate", ctxt_, "--basis", basis, "--keep", "1-5", "--json"})));
            QCOMPARE(kept, QString::number(
                               sweepCost({"sweep", ctxt_, "--basis", basis, "--ks", "5", "--exact"})
                                   .toDouble(),
                               'g', 17));
            QCOMPARE(removed, costText(json({"evaluate", ctxt_, "--basis", basis, "--remove", "1-5",
                                             "--json"})));
            QCOMPARE(removed, QString::number(sweepCost({"sweep", ctxt_, "--basis", basis, "--ks",
                                                         "5", "--remove"})
                                                  .toDouble(),
                                              'g', 17));
        }
        // Removing nothing gives the network; removing everything leaves W = 0.
        const Run none = opdimsCli({"sweep", ctxt_, "--basis", "pc", "--ks", "0,16", "--remove"});
        QCOMPARE(none.code, 0);
        const QStringList rows = none.out.trimmed().split('\n');
        QCOMPARE(rows[1].split(',')[2].toDouble(), 0.0); // state distance at k = 0
        const QJsonObject zero =
            json({"evaluate", ctxt_, "--basis", "pc", "--rank", "0", "--json"});
        // W minus its projection on the whole space is zero up to rounding.
        const double all = rows[2].split(',')[1].toDouble();
        QVERIFY(std::abs(all - zero["cost"].toDouble()) <= 1e-9 * all);
    }

    void selection_errorsAreOneSentence() {
        const struct {
            QStringList args;
            const char* fragment;
        } cases[] = {
            {{"evaluate", ctxt_, "--rank", "3"}, "need --basis"},
            {{"evaluate", ctxt_, "--basis", "pc"}, "exactly one of --rank"},
            {{"evaluate", ctxt_, "--basis", "pc", "--keep", "1-3", "--remove", "4"},
             "exactly one of --rank"},
            {{"evaluate", ctxt_, "--basis", "pc", "--remove", "0-3"}, "outside 1..16"},
            {{"evaluate", ctxt_, "--basis", "pc", "--rank", "17"}, "--rank is 17"},
            {{"reduce", ctxt_, "--basis", "pc", "--rank", "2"}, "--out FILE.h5 is required"},
            {{"reduce", ctxt_, "--basis", "pc", "--rank", "2", "--out", ctxt_}, "names an input"},
        };
        for (const auto& c : cases) {
            const Run r = opdimsCli(c.args);
            QVERIFY2(r.code != 0 && r.err.contains(c.fragment) && r.err.trimmed().count('\n') == 0,
                     qPrintable(c.args.join(' ') + ": " + r.err));
        }
    }

    void basisExport_readsBack() {
        for (const char* ext : {"npz", "h5"}) {
            const QString out = path(QString("basis.%1").arg(ext));
            const Run r = opdimsCli({"basis", ctxt_, "--basis", "op-rows", "--out", out});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const Basis b = readBasisFile(out.toStdString(), 16, Side::Rows);
            QCOMPARE(b.Q.rows(), 16);
            QVERIFY(
                (b.Q.transpose() * b.Q - Eigen::MatrixXd::Identity(b.Q.cols(), b.Q.cols())).norm() <
                1e-10);
            // The exported basis sweeps like the named one.
            QCOMPARE(
                sweepCost({"sweep", ctxt_, "--basis-file", out, "--type", "rows", "--ks", "4"}),
                sweepCost({"sweep", ctxt_, "--basis", "op-rows", "--ks", "4"}));
        }
    }

    void authorsNetwork_functionSpecificRemoval() {
        OPDIMS_REQUIRE_SHARED(file, "pretrained/ctxt_weights.h5");
        const QString f = QString::fromStdString(file);
        const QString keep = path("net1-keep8.h5"), remove = path("net1-remove8.h5");
        QCOMPARE(opdimsCli({"reduce", f, "--net", "1", "--basis", "op-columns", "--rank", "8",
                            "--out", keep})
                     .code,
                 0);
        QCOMPARE(opdimsCli({"reduce", f, "--net", "1", "--basis", "op-columns", "--remove", "1-8",
                            "--out", remove})
                     .code,
                 0);
        QCOMPARE(costText(json({"evaluate", keep, "--json"})),
                 QString::number(sweepCost({"sweep", f, "--net", "1", "--basis", "op-columns",
                                            "--ks", "8", "--exact"})
                                     .toDouble(),
                                 'g', 17));
        QCOMPARE(costText(json({"evaluate", remove, "--json"})),
                 QString::number(sweepCost({"sweep", f, "--net", "1", "--basis", "op-columns",
                                            "--ks", "8", "--remove"})
                                     .toDouble(),
                                 'g', 17));
    }
};

QTEST_GUILESS_MAIN(TestWorkbench)
#include "tst_workbench.moc"
