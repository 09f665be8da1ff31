// Tests of loading, validating and saving networks in every supported format.
#include "core/base/error.h"
#include "core/files/h5.h"
#include "core/files/npz.h"
#include "core/model/io.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <limits>

using namespace opdims;
using opdims::test::expectError;

class TestModelIo : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }

    static Model smallModel() {
        Model m = randomModel(TaskKind::Ctxt, 7, 42);
        m.name = "small";
        m.provenance = "test";
        return m;
    }

    // Writes a fake authors' file with one network whose W dataset has the given HDF5 shape.
    void writeAuthorsFile(const std::string& file, const Model& m, Eigen::Index wRows,
                          Eigen::Index wCols) {
        h5::File f = h5::File::create(file);
        for (const char* group : {"/NetNr3/final", "/NetNr3/init"}) {
            const std::string g(group);
            f.writeSwapped(g + "/n_Wrr_n", m.W.topLeftCorner(wCols, wRows));
            f.writeSwapped(g + "/n_Wru_v", m.W_in);
            f.writeSwapped(g + "/m_Wzr_n", m.W_out);
            f.writeSwapped(g + "/n_x0_c", m.x0);
            f.writeSwapped(g + "/n_bx_1", m.b);
            f.writeSwapped(g + "/m_bz_1", m.b_z);
        }
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void saveAndLoad_roundTripIsExact() {
        const Model m = smallModel();
        saveModel(m, path("m.h5"));
        QCOMPARE(int(detectFormat(path("m.h5"))), int(FileFormat::Opdims));
        const Model r = loadModel(path("m.h5"));
        QVERIFY(r.W == m.W);
        QVERIFY(r.W_in == m.W_in);
        QVERIFY(r.W_out == m.W_out);
        QVERIFY(r.b == m.b);
        QVERIFY(r.b_z == m.b_z);
        QVERIFY(r.x0 == m.x0);
        QCOMPARE(r.dt, m.dt);
        QCOMPARE(r.tau, m.tau);
        QCOMPARE(r.noiseSigma, m.noiseSigma);
        QCOMPARE(r.name, m.name);
        QCOMPARE(r.provenance, m.provenance);
        QCOMPARE(int(r.task), int(TaskKind::Ctxt));
    }

    void save_leavesNoTemporaryFiles() {
        saveModel(smallModel(), path("clean.h5"));
        int files = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir_.path().toStdString()))
            files += e.path().filename().string().find(".tmp-") != std::string::npos;
        QCOMPARE(files, 0);
    }

    void save_invalidModelKeepsOldFile() {
        const Model good = smallModel();
        saveModel(good, path("keep.h5"));
        Model bad = good;
        bad.W(1, 2) = std::numeric_limits<double>::quiet_NaN();
        expectError([&] { saveModel(bad, path("keep.h5")); }, "non-finite");
        QVERIFY(loadModel(path("keep.h5")).W == good.W);
    }

    void save_intoMissingFolder_fails() {
        expectError([&] { saveModel(smallModel(), path("no/such/dir/m.h5")); }, "does not exist");
    }

    void authors_orientationAndNetworkPicker() {
        const Model m = smallModel();
        writeAuthorsFile(path("authors.h5"), m, 7, 7);
        QCOMPARE(int(detectFormat(path("authors.h5"))), int(FileFormat::Authors));
        QCOMPARE(authorsNetworks(path("authors.h5")), std::vector<int>{3});
        LoadOptions o;
        o.net = 3;
        const Model r = loadModel(path("authors.h5"), o);
        QVERIFY(r.W == m.W);
        QVERIFY(r.W_in == m.W_in);
        QVERIFY(r.x0 == m.x0);
        QCOMPARE(int(r.task), int(TaskKind::Ctxt));
        o.weights = "init";
        QVERIFY(loadModel(path("authors.h5"), o).W == m.W);
    }

    void authors_missingNetwork_namesAvailable() {
        writeAuthorsFile(path("authors2.h5"), smallModel(), 7, 7);
        expectError([&] { loadModel(path("authors2.h5")); }, "there is no network 1");
        expectError([&] { loadModel(path("authors2.h5")); }, "networks 3");
    }

    void authors_wrongShape_namesDataset() {
        writeAuthorsFile(path("bad_shape.h5"), smallModel(), 7, 6);
        LoadOptions o;
        o.net = 3;
        expectError([&] { loadModel(path("bad_shape.h5"), o); }, "/NetNr3/final/n_Wrr_n is 7x6");
    }

    void authors_wrongWeightsGroup() {
        writeAuthorsFile(path("w.h5"), smallModel(), 7, 7);
        LoadOptions o;
        o.net = 3;
        o.weights = "best";
        expectError([&] { loadModel(path("w.h5"), o); }, "final or init");
    }

    void load_nanWeights_rejected() {
        Model m = smallModel();
        h5::File f = h5::File::create(path("nan.h5"));
        m.W(0, 0) = std::numeric_limits<double>::quiet_NaN();
        f.setAttribute("/", "format", std::string("opdims-model"));
        f.setAttribute("/", "version", 1LL);
        f.setAttribute("/", "dt", 0.001);
        f.setAttribute("/", "tau", 0.01);
        f.setAttribute("/", "noise_sigma", 0.1);
        f.writeRowMajor("/W", m.W);
        f.writeRowMajor("/W_in", m.W_in);
        f.writeRowMajor("/W_out", m.W_out);
        f.writeRowMajor("/b", m.b);
        f.writeRowMajor("/b_z", m.b_z);
        f.writeRowMajor("/x0", m.x0);
        f = h5::File();
        expectError([&] { loadModel(path("nan.h5")); }, "W has a non-finite value");
    }

    void load_missingFile_namesIt() {
        expectError([&] { loadModel(path("absent.h5")); }, "absent.h5: cannot open");
    }

    void load_foreignFiles_rejected() {
        {
            std::FILE* f = std::fopen(path("text.h5").c_str(), "w");
            std::fputs("this is not a network", f);
            std::fclose(f);
        }
        expectError([&] { loadModel(path("text.h5")); }, "not a network file");
        h5::File other = h5::File::create(path("other.h5"));
        other.writeRowMajor("/something", Eigen::MatrixXd::Ones(2, 2));
        other = h5::File();
        expectError([&] { loadModel(path("other.h5")); }, "not a network file");
    }

    void load_truncatedHdf5_rejected() {
        saveModel(smallModel(), path("trunc.h5"));
        std::filesystem::resize_file(path("trunc.h5"), 600);
        try {
            loadModel(path("trunc.h5"));
            QFAIL("a truncated file loaded");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("trunc.h5"));
        }
    }

    void npz_roundTripAndKeyConvention() {
        const Model m = smallModel();
        writeNpz(path("m.npz"), {{"W", m.W},
                                 {"W_in", m.W_in},
                                 {"W_out", m.W_out},
                                 {"b", m.b},
                                 {"b_z", m.b_z},
                                 {"x0", m.x0}});
        QCOMPARE(int(detectFormat(path("m.npz"))), int(FileFormat::Npz));
        const Model r = loadModel(path("m.npz"));
        QVERIFY(r.W == m.W);
        QVERIFY(r.W_out == m.W_out);
        QVERIFY(r.b == m.b);
        QVERIFY(r.x0 == m.x0);
    }

    void npz_missingKey_namesIt() {
        const Model m = smallModel();
        writeNpz(path("partial.npz"), {{"W", m.W}, {"W_in", m.W_in}});
        expectError([&] { loadModel(path("partial.npz")); }, "array 'W_out' is missing");
    }

    void npz_wrongShape_rejected() {
        const Model m = smallModel();
        writeNpz(path("shape.npz"), {{"W", m.W},
                                     {"W_in", m.W_in},
                                     {"W_out", m.W_out},
                                     {"b", Eigen::VectorXd::Zero(5)},
                                     {"b_z", m.b_z},
                                     {"x0", m.x0}});
        expectError([&] { loadModel(path("shape.npz")); }, "b is 5x1, expected 7x1");
    }

    void npz_truncated_rejected() {
        const Model m = smallModel();
        writeNpz(path("cut.npz"), {{"W", m.W}});
        std::filesystem::resize_file(path("cut.npz"), 200);
        expectError([&] { readNpz(path("cut.npz")); }, "cut.npz");
    }

    void validate_impossibleConstants() {
        Model m = smallModel();
        m.tau = 0;
        expectError([&] { m.validate("x"); }, "dt and tau");
        m = smallModel();
        m.noiseSigma = -1;
        expectError([&] { m.validate("x"); }, "noise sigma");
    }
};

QTEST_APPLESS_MAIN(TestModelIo)
#include "tst_model_io.moc"
