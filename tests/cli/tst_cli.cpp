// The `opdims` command line as a user meets it: help, JSON output, and one-line errors.
#include "core/model/io.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace opdims;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run opdimsCli(const QStringList& args) {
    QProcess p;
    p.start(QString::fromLocal8Bit(qgetenv("OPDIMS_CLI")), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        if (qgetenv("OPDIMS_CLI").isEmpty())
            QSKIP("OPDIMS_CLI is not set (run through ctest)");
    }

    void help_listsCommandsAndEachHasHelp() {
        const Run top = opdimsCli({"--help"});
        QCOMPARE(top.code, 0);
        for (const char* cmd : {"info", "evaluate", "bench simulate"}) {
            QVERIFY2(top.out.contains(QLatin1String(cmd)), cmd);
            const Run h = opdimsCli(QString::fromLatin1(cmd).split(' ') << "--help");
            QCOMPARE(h.code, 0);
            QVERIFY(h.out.startsWith("usage: opdims " + QString::fromLatin1(cmd)));
        }
    }

    void evaluate_jsonHasTheFields() {
        Model m = randomModel(TaskKind::Swg, 8, 3);
        const QString file = dir_.filePath("m.h5");
        saveModel(m, file.toStdString());
        const Run r = opdimsCli({"evaluate", file, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(o.value("cost").toDouble() > 0);
        QCOMPARE(o.value("trials").toInt(), 51);
        QCOMPARE(o.value("steps").toInt(), 500);
        QCOMPARE(o.value("units").toInt(), 8);
    }

    void errors_areOneLineAndNonZero() {
        const QString missing = dir_.filePath("missing.h5");
        const Run a = opdimsCli({"evaluate", missing});
        QVERIFY(a.code != 0);
        QCOMPARE(a.err.count('\n'), 1);
        QVERIFY(a.err.contains("missing.h5"));
        const Run b = opdimsCli({"evaluate", missing, "--bogus"});
        QVERIFY(b.code != 0);
        QVERIFY(b.err.contains("unknown option --bogus"));
        const Run c = opdimsCli({"frobnicate"});
        QVERIFY(c.code != 0);
        QVERIFY(c.err.contains("unknown command"));
        Model m = randomModel(TaskKind::Swg, 8, 3);
        const QString file = dir_.filePath("swg.h5");
        saveModel(m, file.toStdString());
        const Run d = opdimsCli({"evaluate", file, "--task", "ctxt"});
        QVERIFY(d.code != 0);
        QVERIFY(d.err.contains("the ctxt task needs 5"));
        const Run e = opdimsCli({"evaluate", file, "--batch", "random", "--trials", "x"});
        QVERIFY(e.err.contains("--trials expects a whole number"));
    }

    void evaluate_authorsNetwork() {
        OPDIMS_REQUIRE_SHARED(file, "pretrained/ctxt_weights.h5");
        const Run r = opdimsCli({"evaluate", QString::fromStdString(file), "--net", "1", "--task",
                                 "ctxt", "--batch", "grid", "--json"});
        QCOMPARE(r.code, 0);
        const double cost =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("cost").toDouble();
        QVERIFY(std::abs(cost / 0.0009980031022817429 - 1) < 1e-9);
        const Run bad = opdimsCli({"info", QString::fromStdString(file), "--net", "99"});
        QVERIFY(bad.code != 0);
        QVERIFY(bad.err.contains("there is no network 99"));
    }

    void absurdArguments_refusedAtOnceWithOneLine() {
        Model m = randomModel(TaskKind::Swg, 8, 3);
        const QString file = dir_.filePath("absurd.h5");
        saveModel(m, file.toStdString());
        const QList<QPair<QStringList, QString>> cases = {
            {{"evaluate", file, "--net", "4294967297"}, "--net is 4294967297"},
            {{"sweep", file, "--basis", "pc", "--ks", "2147483640-2147483647"}, "--ks"},
            {{"sweep", file, "--basis", "pc", "--ks", "1-1000000000"}, "more than 100000 values"},
            {{"evaluate", file, "--batch", "random", "--trials", "1000000"}, "--trials"},
            {{"fixed-points", file, "--input", "0.5", "--starts", "10000000"}, "--starts"},
            {{"train", "--task", "swg", "--iterations", "1", "--batch-size", "100000000", "--out",
              dir_.filePath("t.h5")},
             "--batch-size"},
            {{"train", "--task", "swg", "--iterations", "1", "--out", "/nonexistent/t.h5"},
             "folder that does not exist"},
            {{"local", file, "--type", "columns", "--out", file}, "names an input"},
            {{"sweep", file, "--basis", "pc", "--ks", "1-2", "--csv", file}, "names an input"},
            {{"global", file, "--type", "columns", "--out", file}, "names an input"},
            {{"evaluate", file, "--threads", "0"}, "--threads"},
            {{"train", "--task", "swg", "--iterations", "1", "--lr", "nan", "--out",
              dir_.filePath("t.h5")},
             "finite"},
        };
        for (const auto& [args, fragment] : cases) {
            QElapsedTimer clock;
            clock.start();
            const Run r = opdimsCli(args);
            const QString what = args.join(' ') + " -> " + r.err;
            QVERIFY2(r.code != 0, qPrintable(what));
            QVERIFY2(r.err.trimmed().count('\n') == 0, qPrintable(what));
            QVERIFY2(r.err.contains(fragment), qPrintable(what));
            QVERIFY2(clock.elapsed() < 20000, qPrintable(what)); // refused before any work
        }
        QVERIFY(QFileInfo(file).size() > 0); // the input was not overwritten
        QVERIFY(!QFileInfo::exists(dir_.filePath("t.h5")));
    }

    void threads_doNotChangeResults() {
        Model m = randomModel(TaskKind::Swg, 30, 5);
        const QString file = dir_.filePath("threads.h5");
        saveModel(m, file.toStdString());
        QString first;
        for (const char* threads : {"1", "2", "3", "7", "16"}) {
            const Run r = opdimsCli({"evaluate", file, "--batch", "random", "--trials", "37",
                                     "--seed", "7", "--threads", threads});
            QCOMPARE(r.code, 0);
            if (first.isEmpty())
                first = r.out;
            QCOMPARE(r.out, first); // every digit
        }
        // Sampling locations of a random batch (condition averages of noisy trials) feed the
        // operative dimensions: the same bits for any thread count too.
        // (100 units: Eigen picks its kernels by size, and small networks hide chunking effects.)
        const QString big = dir_.filePath("threads100.h5");
        saveModel(randomModel(TaskKind::Swg, 100, 5), big.toStdString());
        QString global;
        for (const char* threads : {"1", "2", "3", "7"}) {
            const Run r =
                opdimsCli({"global", big, "--type", "columns", "--batch", "random", "--trials",
                           "37", "--seed", "7", "--json", "--threads", threads});
            QCOMPARE(r.code, 0);
            if (global.isEmpty())
                global = r.out;
            QCOMPARE(r.out, global);
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
