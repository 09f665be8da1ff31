// Trial sets on the command line: the paper's two tasks written as trial-set files give the same
// results as --task on every command, bit for bit; bad trial files get one sentence and a
// non-zero exit.
#include "core/files/npz.h"
#include "core/model/io.h"
#include "core/tasks/task.h"
#include "core/tasks/trial_set.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>

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

// A command's JSON without what names the source of the trials or the output file, or times the
// run: everything else (every cost, Delta_f, singular value, basis entry, fixed point) must agree.
QString comparable(const Run& r) {
    if (r.code != 0)
        return "failed: " + r.err;
    QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    if (o.isEmpty())
        return "no JSON: " + r.out.left(200);
    for (const char* key : {"file", "task", "batch", "seconds", "out"})
        o.remove(key);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Every matrix of two model files equal, bit for bit.
bool sameWeights(const QString& a, const QString& b) {
    const Model x = loadModel(a.toStdString()), y = loadModel(b.toStdString());
    return x.W == y.W && x.W_in == y.W_in && x.W_out == y.W_out && x.b == y.b && x.b_z == y.b_z &&
           x.x0 == y.x0;
}

NpyOut numbers(std::vector<std::size_t> shape, std::vector<double> values) {
    return {std::move(shape), std::move(values), {}, false};
}

NpyOut text(std::vector<std::string> values) {
    return {{}, {}, std::move(values), true};
}

} // namespace

class TestTrials : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ctxt_, swg_;
    std::map<QString, QString> nets_; // task -> a small random network of it

    QString path(const QString& n) const { return dir_.filePath(n); }

    // Runs `args` once with --task TASK and once with --trials FILE; both must succeed and agree.
    void sameBothWays(const QStringList& args, const QString& task, const QString& trials) {
        const QString a = comparable(opdimsCli(args + QStringList{"--task", task}));
        const QString b = comparable(opdimsCli(args + QStringList{"--trials", trials}));
        QVERIFY2(!a.startsWith("failed") && !a.startsWith("no JSON"), qPrintable(a));
        QVERIFY2(a == b, qPrintable(args.join(' ') + "\n--task:   " + a.left(400) +
                                    "\n--trials: " + b.left(400)));
    }

    // The CSV of a command, once with --task and once with --trials.
    void sameCsvBothWays(const QStringList& args, const QString& task, const QString& trials) {
        const Run a = opdimsCli(args + QStringList{"--task", task});
        const Run b = opdimsCli(args + QStringList{"--trials", trials});
        QVERIFY2(a.code == 0 && b.code == 0, qPrintable(a.err + b.err));
        QVERIFY(a.out.count('\n') > 1);
        QCOMPARE(b.out, a.out);
    }

    // A valid small trial set (3 trials, 4 steps, 2 inputs, 1 output) with one array replaced.
    QString trialFile(const QString& name, const std::map<std::string, NpyOut>& replace,
                      const std::vector<std::string>& drop = {}) {
        std::map<std::string, NpyOut> a;
        std::vector<double> u(3 * 4 * 2), y(3 * 4 * 1, 0.5);
        for (std::size_t i = 0; i < u.size(); ++i)
            u[i] = 0.1 * static_cast<double>(i % 7);
        a["inputs"] = numbers({3, 4, 2}, u);
        a["targets"] = numbers({3, 4, 1}, y);
        a["conditions"] = text({"left", "right", "left"});
        for (const auto& [k, v] : replace)
            a[k] = v;
        for (const std::string& k : drop)
            a.erase(k);
        const QString p = path(name);
        writeNpzArrays(p.toStdString(), a);
        return p;
    }

private slots:
    void initTestCase() {
        if (qgetenv("OPDIMS_CLI").isEmpty())
            QSKIP("OPDIMS_CLI is not set (run through ctest)");
        ctxt_ = path("ctxt.h5");
        swg_ = path("swg.h5");
        saveModel(randomModel(TaskKind::Ctxt, 16, 3), ctxt_.toStdString());
        saveModel(randomModel(TaskKind::Swg, 12, 4), swg_.toStdString());
        nets_ = {{"ctxt", ctxt_}, {"swg", swg_}};
        for (const char* task : {"flipflop", "decision"}) {
            nets_[task] = path(QString(task) + ".h5");
            saveModel(randomModel(parseTask(task), 12, 5), nets_[task].toStdString());
        }
        for (const char* f : {"ctxt.npz", "ctxt_trials.h5", "swg.npz", "swg_trials.h5",
                              "flipflop.npz", "decision_trials.h5"}) {
            const QString task = QString(f).section(QRegularExpression("[._]"), 0, 0);
            const Run r = opdimsCli({"trials", "--task", task, "--out", path(f)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
    }

    void written_readsBackAsTheTask() {
        // The file holds the grid: the same inputs and targets, labels naming the conditions.
        for (const char* task : {"ctxt", "swg"}) {
            const TaskKind kind = parseTask(task);
            const Batch grid = makeGridBatch(kind);
            for (const QString& f :
                 {path(QString(task) + ".npz"), path(QString(task) + "_trials.h5")}) {
                const Batch b = readTrialSet(f.toStdString());
                QCOMPARE(b.trialCount(), grid.trialCount());
                QCOMPARE(b.steps, grid.steps);
                for (int t = 0; t < grid.steps; ++t) {
                    QVERIFY(b.u[t] == grid.u[t]);
                    QVERIFY(b.y[t] == grid.y[t]);
                }
                for (int j = 0; j < b.trialCount(); ++j)
                    QCOMPARE(b.trials[j].x0Column, grid.trials[j].x0Column);
            }
        }
        const Run check = opdimsCli({"trials", "--check", path("ctxt.npz")});
        QCOMPARE(check.code, 0);
        QVERIFY2(check.out.contains("72 trials x 1400 steps") &&
                     check.out.contains("Ctxt1Inps1_-1 (9)"),
                 qPrintable(check.out));
    }

    void everyCommand_bitIdenticalToTheTask_data() {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("trials");
        QTest::newRow("ctxt npz") << "ctxt"
                                  << "ctxt.npz";
        QTest::newRow("ctxt h5") << "ctxt"
                                 << "ctxt_trials.h5";
        QTest::newRow("swg npz") << "swg"
                                 << "swg.npz";
        QTest::newRow("swg h5") << "swg"
                                << "swg_trials.h5";
        QTest::newRow("flipflop npz") << "flipflop"
                                      << "flipflop.npz";
        QTest::newRow("decision h5") << "decision"
                                     << "decision_trials.h5";
    }
    void everyCommand_bitIdenticalToTheTask() {
        QFETCH(QString, task);
        QFETCH(QString, trials);
        const QString net = nets_[task];
        const QString file = path(trials);
        // evaluate: the full network and reduced-rank weight matrices of three bases.
        sameBothWays({"evaluate", net, "--json", "--accuracy"}, task, file);
        for (const char* basis : {"pc", "op-columns", "op-rows"})
            sameBothWays({"evaluate", net, "--basis", basis, "--rank", "4", "--json", "--accuracy"},
                         task, file);
        sameBothWays(
            {"evaluate", net, "--basis", "op-columns", "--remove", "1-3", "--json", "--accuracy"},
            task, file);
        // sweep: every rank's cost and state distance.
        for (const char* basis : {"pc", "op-columns", "op-rows"})
            sameCsvBothWays({"sweep", net, "--basis", basis, "--ks", "1-12:3"}, task, file);
        // local and global operative dimensions at the default sampling locations.
        for (const char* type : {"columns", "rows"}) {
            sameBothWays({"local", net, "--type", type, "--out", path("local.h5"), "--json"}, task,
                         file);
            sameBothWays({"global", net, "--type", type, "--json"}, task, file);
        }
        // angles between PC and operative dimensions.
        sameBothWays({"angles", net, "--a", "pc", "--b", "op-rows", "--k", "5", "--json"}, task,
                     file);
        // fixed points under a constant input, starts from the trials' trajectories.
        const QString input = task == "ctxt"       ? "0,0,1,0,0"
                              : task == "swg"      ? "0.5"
                              : task == "flipflop" ? "0,0,0"
                                                   : "0,1";
        sameBothWays({"fixed-points", net, "--input", input, "--starts", "60", "--json"}, task,
                     file);
    }

    void fixedPoints_inputOfACondition() {
        // ctxt: at step 1 the input is the context cue alone, the input of --context 2.
        const Run a = opdimsCli({"fixed-points", ctxt_, "--trials", path("ctxt.npz"), "--input",
                                 "0,0,0,1,0", "--starts", "60", "--json"});
        const Run c = opdimsCli({"fixed-points", ctxt_, "--task", "ctxt", "--context", "2",
                                 "--starts", "60", "--json"});
        QVERIFY2(c.code == 0, qPrintable(c.err));
        QCOMPARE(QJsonDocument::fromJson(c.out.toUtf8()).object()["input"].toArray(),
                 QJsonDocument::fromJson(a.out.toUtf8()).object()["input"].toArray());
        const Run b = opdimsCli({"fixed-points", ctxt_, "--trials", path("ctxt.npz"), "--input-of",
                                 "Ctxt2Inps1_1,1", "--starts", "60", "--json"});
        QVERIFY2(a.code == 0 && b.code == 0, qPrintable(a.err + b.err));
        const QJsonObject x = QJsonDocument::fromJson(a.out.toUtf8()).object();
        const QJsonObject y = QJsonDocument::fromJson(b.out.toUtf8()).object();
        QCOMPARE(y["input"].toArray(), x["input"].toArray());
        QCOMPARE(y["points"].toArray(), x["points"].toArray());
        const Run bad = opdimsCli(
            {"fixed-points", ctxt_, "--trials", path("ctxt.npz"), "--input-of", "Nowhere,1"});
        QVERIFY(bad.code != 0);
        QVERIFY2(bad.err.contains("Nowhere") && bad.err.trimmed().count('\n') == 0,
                 qPrintable(bad.err));
    }

    void train_sameNetworkAsTheTask() {
        // Without noise the training batches of the ctxt grid file are the task's own; swg's
        // draw (uniform) and network noise match with noise on as well. (ctxt with noise differs
        // on purpose: the task's targets integrate its noisy evidence, a trial set's are fixed.)
        struct Case {
            QString task, trials;
            bool noise;
        };
        for (const Case& c : {Case{"ctxt", "ctxt.npz", false}, Case{"swg", "swg.npz", false},
                              Case{"swg", "swg_trials.h5", true}}) {
            const QString net = c.task == "ctxt" ? ctxt_ : swg_;
            QStringList common = {"train", "--from",       net, "--iterations",
                                  "3",     "--batch-size", "12"};
            if (!c.noise)
                common << "--no-noise";
            const Run a = opdimsCli(common + QStringList{"--task", c.task, "--out", path("a.h5")});
            const Run b =
                opdimsCli(common + QStringList{"--trials", path(c.trials), "--out", path("b.h5")});
            QVERIFY2(a.code == 0 && b.code == 0, qPrintable(a.err + b.err));
            QVERIFY2(sameWeights(path("a.h5"), path("b.h5")), qPrintable(c.trials));
        }
    }

    void train_fromNothingAndResumed() {
        // A new network takes its shape from the trials; a resumed run ends where an
        // uninterrupted one does.
        const QString set = trialFile("small.npz", {});
        const QStringList common = {"train", "--trials",   set, "--units", "6", "--batch-size",
                                    "4",     "--schedule", "6", "--seed",  "7"};
        const Run whole =
            opdimsCli(common + QStringList{"--iterations", "6", "--out", path("whole.h5")});
        QVERIFY2(whole.code == 0, qPrintable(whole.err));
        const Model m = loadModel(path("whole.h5").toStdString());
        QCOMPARE(m.inputs(), 2);
        QCOMPARE(m.outputs(), 1);
        const Run first =
            opdimsCli(common + QStringList{"--iterations", "3", "--out", path("first.h5"),
                                           "--checkpoint-every", "3"});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const Run rest = opdimsCli({"train", "--from", path("first.h5.checkpoint.h5"),
                                    "--iterations", "6", "--out", path("rest.h5")});
        QVERIFY2(rest.code == 0, qPrintable(rest.err));
        QVERIFY(sameWeights(path("whole.h5"), path("rest.h5")));
    }

    void mask_costOnlyWhereItCounts() {
        // A mask that hides the last two steps: the cost is the mean over the first two.
        std::vector<double> mask(12, 0.0);
        for (int j = 0; j < 3; ++j)
            mask[static_cast<std::size_t>(j * 4)] = mask[static_cast<std::size_t>(j * 4 + 1)] = 1;
        const QString masked = trialFile("masked.npz", {{"mask", numbers({3, 4, 1}, mask)}});
        Model m = randomModel(6, 2, 1, 1, 5);
        saveModel(m, path("small_net.h5").toStdString());
        const Run r = opdimsCli({"evaluate", path("small_net.h5"), "--trials", masked, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const double cost = QJsonDocument::fromJson(r.out.toUtf8()).object()["cost"].toDouble();
        // The same by hand: x_{t+1} = x_t + (dt/tau)(-x_t + W tanh x_t + W_in u_t + b).
        const Batch b = readTrialSet(masked.toStdString());
        double sum = 0.0;
        int count = 0;
        for (int j = 0; j < 3; ++j) {
            Eigen::VectorXd x = m.x0.col(0);
            for (int t = 0; t < 4; ++t) {
                x += (m.dt / m.tau) *
                     (-x + m.W * x.array().tanh().matrix() + m.W_in * b.u[t].col(j) + m.b);
                const double z = (m.W_out * x.array().tanh().matrix() + m.b_z)(0);
                if (t < 2) {
                    sum += (z - b.y[t](0, j)) * (z - b.y[t](0, j));
                    ++count;
                }
            }
        }
        QVERIFY2(std::abs(cost - sum / count) <= 1e-12 * std::abs(sum / count),
                 qPrintable(QString::number(cost, 'g', 17) + " vs " +
                            QString::number(sum / count, 'g', 17)));
    }

    void badFiles_oneSentenceAndNonZeroExit_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fragment");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        std::vector<double> u(3 * 4 * 2, 0.0);
        u[5] = nan;
        QTest::newRow("targets of other trials")
            << trialFile("bad_shape.npz", {{"targets", numbers({2, 4, 1}, std::vector(8, 0.0))}})
            << "targets";
        QTest::newRow("inputs 2-D")
            << trialFile("bad_rank.npz", {{"inputs", numbers({3, 8}, std::vector(24, 0.0))}})
            << "inputs";
        QTest::newRow("NaN input")
            << trialFile("bad_nan.npz", {{"inputs", numbers({3, 4, 2}, u)}}) << "inputs";
        QTest::newRow("labels missing")
            << trialFile("bad_nolabels.npz", {}, {"conditions"}) << "conditions";
        QTest::newRow("too few labels")
            << trialFile("bad_labels.npz", {{"conditions", text({"left", "right"})}})
            << "conditions";
        QTest::newRow("mask of the wrong size")
            << trialFile("bad_mask.npz", {{"mask", numbers({3, 3, 1}, std::vector(9, 1.0))}})
            << "mask";
        QTest::newRow("mask not 0/1")
            << trialFile("bad_mask2.npz", {{"mask", numbers({3, 4, 1}, std::vector(12, 2.0))}})
            << "mask";
        QTest::newRow("phases not increasing")
            << trialFile("bad_phases.npz", {{"phase_names", text({"a", "b"})},
                                            {"phase_starts", numbers({2}, {0, 0})}})
            << "phase_starts";
        QTest::newRow("initial state out of range")
            << trialFile("bad_x0.npz", {{"initial_state", numbers({3}, {0, -1, 0})}})
            << "initial_state";
    }
    void badFiles_oneSentenceAndNonZeroExit() {
        QFETCH(QString, file);
        QFETCH(QString, fragment);
        Model m = randomModel(6, 2, 1, 1, 5);
        saveModel(m, path("small_net.h5").toStdString());
        for (const QStringList& args :
             {QStringList{"trials", "--check", file},
              QStringList{"evaluate", path("small_net.h5"), "--trials", file}}) {
            const Run r = opdimsCli(args);
            QVERIFY2(r.code != 0, qPrintable(args.join(' ')));
            QVERIFY2(r.err.contains(file) && r.err.contains(fragment) &&
                         r.err.trimmed().count('\n') == 0,
                     qPrintable(r.err));
        }
    }

    void wrongNetworkOrFile_oneSentence() {
        const QString set = trialFile("fine.npz", {});
        // The ctxt network has 5 inputs; the trials give 2.
        const Run r = opdimsCli({"evaluate", ctxt_, "--trials", set});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("input") && r.err.trimmed().count('\n') == 0, qPrintable(r.err));
        // A file cut short, a file that is not a trial set, and no file at all.
        QFile full(set);
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        QFile cut(path("cut.npz"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        for (const QString& f : {path("cut.npz"), ctxt_, path("absent.npz")}) {
            const Run e = opdimsCli({"evaluate", swg_, "--trials", f});
            QVERIFY2(e.code != 0 && e.err.contains(f) && e.err.trimmed().count('\n') == 0,
                     qPrintable(f + ": " + e.err));
        }
        // Nothing is left behind by a refused write.
        const Run w = opdimsCli({"trials", "--task", "ctxt", "--out", path("no/such/dir/x.npz")});
        QVERIFY(w.code != 0);
        QVERIFY(!QFile::exists(path("no/such/dir/x.npz")));
    }
};

QTEST_GUILESS_MAIN(TestTrials)
#include "tst_trials.moc"
