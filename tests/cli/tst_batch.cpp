// `opdims batch` as a user runs it: a plan with good and bad items, results equal to the CLI's,
// resuming, kill -9 in the middle, merge, and the Slurm script.
#include "core/files/h5.h"
#include "core/model/io.h"
#include "core/model/model.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <cstring>

#include <csignal>

using namespace opdims;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run opdimsCli(const QStringList& args, const QProcessEnvironment& env = {}) {
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(QString::fromLocal8Bit(qgetenv("OPDIMS_CLI")), args);
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// A fake authors' file with only /NetNr1.
void writeAuthorsFile(const std::string& file, const Model& m) {
    h5::File f = h5::File::create(file);
    for (const char* group : {"/NetNr1/final", "/NetNr1/init"}) {
        const std::string g(group);
        f.writeSwapped(g + "/n_Wrr_n", m.W);
        f.writeSwapped(g + "/n_Wru_v", m.W_in);
        f.writeSwapped(g + "/m_Wzr_n", m.W_out);
        f.writeSwapped(g + "/n_x0_c", m.x0);
        f.writeSwapped(g + "/n_bx_1", m.b);
        f.writeSwapped(g + "/m_bz_1", m.b_z);
    }
}

bool sameBits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) ==
               0;
}

// Every dataset and every result attribute of every step, bit for bit (timings, host and
// command lines aside). Empty when equal, else what differs.
QString compareResults(const std::string& a, const std::string& b) {
    const h5::File fa = h5::File::openRead(a), fb = h5::File::openRead(b);
    if (fa.stringAttribute("/", "status") != fb.stringAttribute("/", "status"))
        return "status differs";
    const auto steps = fa.children("/steps");
    if (steps != fb.children("/steps"))
        return "steps differ";
    for (const std::string& s : steps) {
        const std::string g = "/steps/" + s;
        for (const std::string& d : fa.children(g))
            if (!sameBits(fa.readRowMajor(g + "/" + d), fb.readRowMajor(g + "/" + d)))
                return QString::fromStdString(g + "/" + d) + " differs";
        for (const char* attr : {"cost", "full_cost", "k_2x", "dimensions", "points", "grid_cost"})
            if (fa.hasAttribute(g, attr)) {
                const double va = fa.doubleAttribute(g, attr), vb = fb.doubleAttribute(g, attr);
                if (std::memcmp(&va, &vb, sizeof va) != 0)
                    return QString::fromStdString(g + " attribute " + attr) + " differs";
            }
    }
    return {};
}

QStringList leftovers(const QString& dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (f.contains(".opdims-tmp-"))
            out << f;
    }
    return out;
}

} // namespace

class TestBatch : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // A plan over two good networks and two bad items, with the pipeline of the Slurm test.
    QString writeMixedPlan(const QString& name, const QString& results) {
        const QString plan = path(name);
        writeText(plan, QStringLiteral(R"({
  "results": "%1",
  "pipeline": [
    {"step": "evaluate"},
    {"step": "sweep", "name": "sweep-pc", "options": {"basis": "pc", "ks": "1-6"}},
    {"step": "sweep", "name": "sweep-op", "options": {"basis": "op-columns", "ks": "1-6"}},
    {"step": "local", "options": {"type": "columns"}},
    {"step": "fixed-points", "options": {"starts": 30}}
  ],
  "items": [
    {"name": "ctxt", "network": "ctxt.h5"},
    {"name": "swg", "network": "swg.h5", "options": {"input": "0.4"}},
    {"name": "missing", "network": "no-such-file.h5"},
    {"name": "wrong-net", "network": "authors.h5", "options": {"net": 7}}
  ]
})")
                            .arg(results)
                            .toUtf8());
        return plan;
    }

private slots:
    void initTestCase() {
        if (qgetenv("OPDIMS_CLI").isEmpty())
            QSKIP("OPDIMS_CLI is not set (run through ctest)");
        QVERIFY(dir_.isValid());
        saveModel(randomModel(TaskKind::Ctxt, 12, 5), path("ctxt.h5").toStdString());
        saveModel(randomModel(TaskKind::Swg, 10, 6), path("swg.h5").toStdString());
        writeAuthorsFile(path("authors.h5").toStdString(), randomModel(TaskKind::Ctxt, 12, 7));
    }

    void badItems_theOthersFinishAndMergeReportsThem() {
        const QString plan = writeMixedPlan("mixed.json", "mixed-results");
        const Run r = opdimsCli({"batch", plan, "--jobs", "2"});
        QCOMPARE(r.code, 1); // two items failed
        QVERIFY2(r.out.contains("2 done, 0 done before, 2 failed"), qPrintable(r.out));
        const Run m = opdimsCli({"batch", "merge", plan});
        QCOMPARE(m.code, 0);
        QVERIFY2(m.out.contains("4 items: 2 done, 2 failed, 0 missing"), qPrintable(m.out));
        QFile csv(path("mixed-results/summary.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines[0].startsWith("item,name,status,network,seconds,error,evaluate.cost"));
        QVERIFY(lines[1].startsWith("1,ctxt,done,"));
        QVERIFY(lines[2].startsWith("2,swg,done,"));
        QVERIFY(lines[3].startsWith("3,missing,failed,"));
        QVERIFY2(lines[3].contains("no-such-file.h5"), qPrintable(lines[3]));
        QVERIFY(lines[4].startsWith("4,wrong-net,failed,"));
        QVERIFY2(lines[4].contains("there is no network 7"), qPrintable(lines[4]));
        QVERIFY(QFile::exists(path("mixed-results/summary.h5")));
        QVERIFY(leftovers(path("mixed-results")).isEmpty());

        // Resuming: the done items are skipped and their files stay as they were; the failed
        // ones run again.
        const QByteArray before = [&] {
            QFile f(path("mixed-results/ctxt.h5"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        const Run again = opdimsCli({"batch", plan, "--jobs", "2"});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.out.contains("0 done, 2 done before, 2 failed"), qPrintable(again.out));
        QFile f(path("mixed-results/ctxt.h5"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void steps_equalTheCommandsBitForBit() {
        const QString plan = writeMixedPlan("equal.json", "equal-results");
        QCOMPARE(opdimsCli({"batch", plan, "--item", "ctxt"}).code, 0);
        QCOMPARE(opdimsCli({"batch", plan, "--item", "2"}).code, 0);
        const h5::File res = h5::File::openRead(path("equal-results/ctxt.h5").toStdString());
        QCOMPARE(res.stringAttribute("/", "status"), std::string("done"));

        const Run ev = opdimsCli({"evaluate", path("ctxt.h5"), "--json"});
        QCOMPARE(ev.code, 0);
        const double cost = QJsonDocument::fromJson(ev.out.toUtf8()).object()["cost"].toDouble();
        QCOMPARE(res.doubleAttribute("/steps/evaluate", "cost"), cost);

        for (const char* basis : {"pc", "op-columns"}) {
            const Run sw = opdimsCli({"sweep", path("ctxt.h5"), "--basis", basis, "--ks", "1-6"});
            QCOMPARE(sw.code, 0);
            const QStringList rows = sw.out.trimmed().split('\n').mid(1);
            const std::string g =
                std::string("/steps/sweep-") + (std::strcmp(basis, "pc") == 0 ? "pc" : "op");
            const Eigen::MatrixXd c = res.readRowMajor(g + "/cost");
            const Eigen::MatrixXd d = res.readRowMajor(g + "/state_distance");
            QCOMPARE(rows.size(), 6);
            for (int i = 0; i < 6; ++i) {
                const QStringList v = rows[i].split(',');
                QCOMPARE(std::strtod(v[1].toLatin1().constData(), nullptr), c(i, 0));
                QCOMPARE(std::strtod(v[2].toLatin1().constData(), nullptr), d(i, 0));
            }
        }

        // The local dimensions and fixed points equal those the commands write.
        QCOMPARE(
            opdimsCli({"local", path("ctxt.h5"), "--type", "columns", "--out", path("local.h5")})
                .code,
            0);
        const h5::File local = h5::File::openRead(path("local.h5").toStdString());
        const auto groups = local.children("/");
        const Eigen::MatrixXd Q = res.readRowMajor("/steps/local/Q");
        QVERIFY(Q.cols() > 0);
        QCOMPARE(res.doubleAttribute("/steps/local", "locations"),
                 static_cast<double>(groups.size()));
        QCOMPARE(opdimsCli({"fixed-points", path("swg.h5"), "--input", "0.4", "--starts", "30",
                            "--out", path("fp.h5")})
                     .code,
                 0);
        const h5::File fp = h5::File::openRead(path("fp.h5").toStdString());
        const h5::File swg = h5::File::openRead(path("equal-results/swg.h5").toStdString());
        QVERIFY(sameBits(fp.readRowMajor("/points/x"), swg.readRowMajor("/steps/fixed-points/x")));
    }

    void killedRun_rerunEqualsUninterrupted() {
        // Training runs and analyses; kill -9 the batch at several moments, then finish it.
        const QByteArray pipeline = R"(
  "pipeline": [
    {"step": "train", "options": {"iterations": 30, "batch-size": 8}},
    {"step": "evaluate"},
    {"step": "sweep", "options": {"basis": "pc", "ks": "1-8"}}
  ],
  "items": [
    {"name": "a", "train": {"task": "swg", "units": 10, "seed": 1}},
    {"name": "b", "train": {"task": "swg", "units": 10, "seed": 2}},
    {"name": "c", "train": {"task": "ctxt", "units": 10, "seed": 3}},
    {"name": "d", "train": {"task": "swg", "units": 10, "seed": 4}},
    {"name": "e", "network": "swg.h5"},
    {"name": "f", "train": {"task": "ctxt", "units": 10, "seed": 5}}
  ]
})";
        writeText(path("whole.json"), "{\"results\": \"whole\"," + pipeline);
        writeText(path("killed.json"), "{\"results\": \"killed\"," + pipeline);
        const Run whole = opdimsCli({"batch", path("whole.json"), "--jobs", "2"});
        QVERIFY2(whole.code == 0, qPrintable(whole.out + whole.err));

        int killed = 0;
        for (int delayMs : {150, 400, 700, 1100}) {
            QProcess p;
            p.start(QString::fromLocal8Bit(qgetenv("OPDIMS_CLI")),
                    {"batch", path("killed.json"), "--jobs", "2"});
            QVERIFY(p.waitForStarted());
            QThread::msleep(static_cast<unsigned long>(delayMs));
            if (p.state() == QProcess::Running) {
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
                ++killed;
            }
            p.waitForFinished(60000);
        }
        QVERIFY2(killed > 0, "the batch finished before any kill");
        const Run rest = opdimsCli({"batch", path("killed.json"), "--jobs", "2"});
        QVERIFY2(rest.code == 0, qPrintable(rest.out + rest.err));
        for (const char* item : {"a", "b", "c", "d", "e", "f"}) {
            const QString why =
                compareResults(path(QString("whole/%1.h5").arg(item)).toStdString(),
                               path(QString("killed/%1.h5").arg(item)).toStdString());
            QVERIFY2(why.isEmpty(), qPrintable(QString(item) + ": " + why));
        }
        QVERIFY2(leftovers(path("killed")).isEmpty(),
                 qPrintable(leftovers(path("killed")).join(", ")));
    }

    void badPlans_oneSentenceNamingThePlan() {
        const struct {
            const char* text;
            const char* fragment;
        } cases[] = {
            {"{", "not valid JSON"},
            {"[]", "a plan is a JSON object"},
            {R"({"pipeline": [{"step": "evaluate"}]})", "\"items\" must be"},
            {R"({"pipeline": [{"step": "rm"}], "items": [{"network": "a.h5"}]})",
             "\"rm\" is not a step"},
            {R"({"pipeline": [{"step": "sweep", "options": {"colour": 1}}],
                 "items": [{"network": "a.h5"}]})",
             "sweep has no option --colour"},
            {R"({"pipeline": [{"step": "evaluate", "options": {"out": "x"}}],
                 "items": [{"network": "a.h5"}]})",
             "option \"out\" is not allowed"},
            {R"({"pipeline": [{"step": "evaluate"}, {"step": "evaluate"}],
                 "items": [{"network": "a.h5"}]})",
             "a second step named \"evaluate\""},
            {R"({"pipeline": [{"step": "evaluate"}],
                 "items": [{"network": "a.h5", "train": {}}]})",
             "exactly one of \"network\""},
            {R"({"pipeline": [{"step": "evaluate"}],
                 "items": [{"name": "../x", "network": "a.h5"}]})",
             "may use only letters"},
            {R"({"pipeline": [{"step": "evaluate"}], "items": [{"network": "a.h5"}],
                 "colour": "red"})",
             "unknown plan field \"colour\""},
        };
        int n = 0;
        for (const auto& c : cases) {
            const QString plan = path(QString("bad%1.json").arg(n++));
            writeText(plan, c.text);
            const Run r = opdimsCli({"batch", plan});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(plan) && r.err.contains(c.fragment) &&
                         r.err.trimmed().count('\n') == 0,
                     qPrintable(r.err));
        }
        // A value is checked where the command checks it: the item fails with its sentence.
        writeText(path("values.json"), R"({"pipeline": [{"step": "evaluate", "options":
            {"trials": "many"}}], "items": [{"network": "ctxt.h5"}]})");
        const Run values = opdimsCli({"batch", path("values.json")});
        QCOMPARE(values.code, 1);
        QVERIFY2(values.out.contains("--trials expects a whole number, not 'many'"),
                 qPrintable(values.out));
        const Run none = opdimsCli({"batch", path("none.json")});
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains("cannot read the plan"));
    }

    void slurmScript_arrayChunksAndTaskSelection() {
        const QString plan = writeMixedPlan("slurm.json", "slurm-results");
        const Run r = opdimsCli({"batch", "slurm", plan, "--chunk", "3", "--throttle", "5",
                                 "--cpus", "2", "--mem", "2G", "--time", "00:10:00"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(path("slurm-results/slurm.sbatch"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString s = QString::fromUtf8(f.readAll());
        QVERIFY2(s.contains("#SBATCH --array=0-1%5\n"), qPrintable(s)); // 4 items, 3 per task
        QVERIFY(s.contains("#SBATCH --cpus-per-task=2\n"));
        QVERIFY(s.contains("#SBATCH --mem=2G\n"));
        QVERIFY(s.contains("#SBATCH --time=00:10:00\n"));
        QVERIFY(s.contains("--array-task --chunk 3"));
        QVERIFY(QFileInfo(path("slurm-results/slurm-logs")).isDir());

        // Array task 1 of chunk 3 is item 4 alone (which fails: net 7).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLURM_ARRAY_TASK_ID", "1");
        const Run t = opdimsCli({"batch", plan, "--array-task", "--chunk", "3"}, env);
        QCOMPARE(t.code, 1);
        QVERIFY2(t.err.contains("wrong-net") && t.err.contains("there is no network 7"),
                 qPrintable(t.err));
        QVERIFY(QFile::exists(path("slurm-results/wrong-net.h5")));
        QVERIFY(!QFile::exists(path("slurm-results/ctxt.h5")));
        env.insert("SLURM_ARRAY_TASK_ID", "2");
        const Run beyond = opdimsCli({"batch", plan, "--array-task", "--chunk", "3"}, env);
        QCOMPARE(beyond.code, 1);
        QVERIFY(beyond.err.contains("has no items"));
    }
};

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
