// Tests of the refusals that keep bad files from crashing opdims, reading other files or taking
// the machine's memory, and of saves that never leave half-written or stray files.
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/files/npz.h"
#include "core/model/io.h"
#include "core/tasks/trial_set.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace opdims;
using opdims::test::expectError;

class TestHardening : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path(const std::string& name) const {
        return (dir_.path() + "/").toStdString() + name;
    }

    static Model smallModel() {
        Model m = randomModel(TaskKind::Ctxt, 6, 3);
        m.name = "small";
        return m;
    }

    // A valid opdims model file, then `change` applied to it with the HDF5 C API.
    std::string modelWith(const std::string& name, const std::function<void(hid_t)>& change) {
        const std::string p = path(name);
        saveModel(smallModel(), p);
        const hid_t f = H5Fopen(p.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        change(f);
        H5Fclose(f);
        return p;
    }

    static void replaceDataset(hid_t f, const char* name, hid_t space, hid_t dcpl = H5P_DEFAULT) {
        H5Ldelete(f, name, H5P_DEFAULT);
        const hid_t d = H5Dcreate2(f, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
        H5Dclose(d);
        H5Sclose(space);
    }

    static void replaceAttribute(hid_t f, const char* name, hid_t type, hid_t space,
                                 const void* data) {
        H5Adelete(f, name);
        const hid_t a = H5Acreate2(f, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
        H5Awrite(a, type, data);
        H5Aclose(a);
        H5Sclose(space);
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void attributes_arrayInsteadOfScalarRefused() {
        const std::string p = modelWith("dt_array.h5", [](hid_t f) {
            std::vector<double> v(1000, 0.001);
            const hsize_t n = 1000;
            replaceAttribute(f, "dt", H5T_NATIVE_DOUBLE, H5Screate_simple(1, &n, nullptr),
                             v.data());
        });
        expectError([&] { loadModel(p); }, "attribute dt of / holds 1000 values, expected one");
    }

    void attributes_arrayOfStringsRefused() {
        const std::string p = modelWith("format_array.h5", [](hid_t f) {
            const char* v[3] = {"opdims-model", "x", "y"};
            const hid_t t = H5Tcopy(H5T_C_S1);
            H5Tset_size(t, H5T_VARIABLE);
            const hsize_t n = 3;
            replaceAttribute(f, "format", t, H5Screate_simple(1, &n, nullptr), v);
            H5Tclose(t);
        });
        expectError([&] { loadModel(p); }, "holds 3 values, expected one");
    }

    void attributes_variableLengthUtf8AsH5pyWritesThemLoad() {
        const std::string p = modelWith("vlen_utf8.h5", [](hid_t f) {
            const hid_t t = H5Tcopy(H5T_C_S1);
            H5Tset_size(t, H5T_VARIABLE);
            H5Tset_cset(t, H5T_CSET_UTF8);
            for (const char* name : {"format", "name", "task"}) {
                const char* v = std::string(name) == "format" ? "opdims-model"
                                : std::string(name) == "task" ? "ctxt"
                                                              : "Netz \xc3\xbc";
                replaceAttribute(f, name, t, H5Screate(H5S_SCALAR), &v);
            }
            H5Tclose(t);
        });
        const Model m = loadModel(p);
        QCOMPARE(m.name, std::string("Netz \xc3\xbc"));
        QCOMPARE(m.task, TaskKind::Ctxt);
    }

    void attributes_versionNotWholeRefused() {
        const std::string p = modelWith("version_half.h5", [](hid_t f) {
            const double v = 1.5;
            replaceAttribute(f, "version", H5T_NATIVE_DOUBLE, H5Screate(H5S_SCALAR), &v);
        });
        expectError([&] { loadModel(p); }, "attribute version of / is 1.5");
    }

    void datasets_nullDataspaceRefused() {
        const std::string p =
            modelWith("null_bz.h5", [](hid_t f) { replaceDataset(f, "b_z", H5Screate(H5S_NULL)); });
        expectError([&] { loadModel(p); }, "dataset /b_z is empty");
    }

    void datasets_externalStorageRefused() {
        // Raw data kept in another file: a model file must not make opdims read it.
        const std::string outside = path("outside.bin");
        {
            std::ofstream o(outside, std::ios::binary);
            const std::vector<double> zeros(36, 0.0);
            o.write(reinterpret_cast<const char*>(zeros.data()), 36 * 8);
        }
        const std::string p = modelWith("external.h5", [&](hid_t f) {
            const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
            H5Pset_external(dcpl, outside.c_str(), 0, 36 * 8);
            const hsize_t d[2] = {6, 6};
            replaceDataset(f, "W", H5Screate_simple(2, d, nullptr), dcpl);
            H5Pclose(dcpl);
        });
        expectError([&] { loadModel(p); }, "keeps its data in an external file");
    }

    void links_externalLinkRefused() {
        const std::string other = path("other.h5");
        saveModel(smallModel(), other);
        const std::string p = modelWith("elink.h5", [&](hid_t f) {
            H5Ldelete(f, "W", H5P_DEFAULT);
            H5Lcreate_external(other.c_str(), "/W", f, "W", H5P_DEFAULT, H5P_DEFAULT);
        });
        expectError([&] { loadModel(p); }, "is a link to another file");
    }

    void shapes_hugeDeclaredWRefusedBeforeAllocation() {
        // 100000 x 100000 declared, nothing stored: refused by the unit limit at once.
        const std::string p = modelWith("huge_w.h5", [](hid_t f) {
            const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
            const hsize_t chunk[2] = {64, 64};
            H5Pset_chunk(dcpl, 2, chunk);
            const hsize_t d[2] = {100000, 100000};
            replaceDataset(f, "W", H5Screate_simple(2, d, nullptr), dcpl);
            H5Pclose(dcpl);
        });
        expectError([&] { loadModel(p); }, "more values than opdims reads from one dataset");
    }

    void shapes_manyInitialStatesRefused() {
        const std::string p = modelWith("wide_x0.h5", [](hid_t f) {
            const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
            const hsize_t chunk[2] = {6, 1024};
            H5Pset_chunk(dcpl, 2, chunk);
            const hsize_t d[2] = {6, 5000};
            replaceDataset(f, "x0", H5Screate_simple(2, d, nullptr), dcpl);
            H5Pclose(dcpl);
        });
        expectError([&] { loadModel(p); }, "more than the limit of 4096");
    }

    void shapes_consistentNetworkAboveUnitLimitRefused() {
        Model m;
        const int n = static_cast<int>(limits::kMaxUnits) + 1;
        m.W = Eigen::MatrixXd::Zero(n, n);
        m.W_in = Eigen::MatrixXd::Zero(n, 5);
        m.W_out = Eigen::MatrixXd::Zero(1, n);
        m.b = Eigen::VectorXd::Zero(n);
        m.b_z = Eigen::VectorXd::Zero(1);
        m.x0 = Eigen::MatrixXd::Zero(n, 2);
        expectError([&] { m.validate("big"); }, "more than the limit of 2048");
    }

    void values_beyondOverflowMagnitudeRefused() {
        Model m = smallModel();
        m.W(2, 3) = 1e300;
        expectError([&] { m.validate("huge"); }, "W has the value 1e+300 at [2,3]");
    }

    void npz_negativeShapeRefused() {
        const std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 5), }";
        std::string npy = std::string("\x93NUMPY\x01\x00", 8);
        npy.push_back(static_cast<char>(header.size()));
        npy.push_back('\0');
        npy += header;
        expectError([&] { parseNpyBytes("x.npz", "W", npy); }, "not a tuple of non-negative");
    }

    void npz_overflowingShapeRefused() {
        const std::string header =
            "{'descr': '<f8', 'fortran_order': False, 'shape': (4194304, 4194304), }";
        std::string npy = std::string("\x93NUMPY\x01\x00", 8);
        npy.push_back(static_cast<char>(header.size()));
        npy.push_back('\0');
        npy += header;
        expectError([&] { parseNpyBytes("x.npz", "W", npy); }, "more values than opdims reads");
    }

    void npz_roundTripThroughLibzip() {
        const Model m = smallModel();
        const std::string p = path("m.npz");
        writeNpz(p, {{"W", m.W},
                     {"W_in", m.W_in},
                     {"W_out", m.W_out},
                     {"b", m.b},
                     {"b_z", m.b_z},
                     {"x0", m.x0}});
        const Model back = loadModel(p);
        QVERIFY(back.W == m.W);
        QVERIFY(back.x0 == m.x0);
    }

    void npz_notAZipRefusedWithFileName() {
        const std::string p = path("fake.npz");
        std::ofstream(p, std::ios::binary) << "PK\x03\x04 this is not a zip archive at all";
        expectError([&] { loadModel(p); }, QString::fromStdString(p));
    }

    void saves_errorsNameTheTargetNotTheTemporary() {
        const std::string target = path("t.h5");
        try {
            writeAtomically(target, [](const std::string& tmp) {
                throw Error(tmp + ": cannot write dataset /W");
            });
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()), target + ": cannot write dataset /W");
        }
        QVERIFY(!std::filesystem::exists(target));
    }

    void saves_staleTemporariesOfDeadProcessesRemoved() {
        const std::string target = path("s.h5");
        // PID 2^22 + 1 is above Linux's pid_max default range: no such process.
        const std::string stale = path(".s.h5.opdims-tmp-4194305-0");
        std::ofstream(stale) << "half-written";
        saveModel(smallModel(), target);
        QVERIFY(std::filesystem::exists(target));
        QVERIFY(!std::filesystem::exists(stale));
        for (const auto& e : std::filesystem::directory_iterator(dir_.path().toStdString()))
            QVERIFY2(e.path().filename().string().find("opdims-tmp") == std::string::npos,
                     e.path().c_str());
    }

    void saves_temporaryRemovedWhenTerminatedDuringTheSave() {
        // A child process is terminated (SIGTERM) in the middle of a save: the temporary goes with
        // it and the old file stays whole.
        const std::string target = path("sig.h5");
        saveModel(smallModel(), target);
        const auto before = std::filesystem::file_size(target);
        const pid_t child = ::fork();
        if (child == 0) {
            // The test framework's own handler would report a crash: the plain default here.
            ::signal(SIGTERM, SIG_DFL);
            writeAtomically(target, [](const std::string& tmp) {
                std::ofstream(tmp) << "half of a file";
                ::raise(SIGTERM);
            });
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGTERM);
        QCOMPARE(std::filesystem::file_size(target), before);
        for (const auto& e : std::filesystem::directory_iterator(dir_.path().toStdString()))
            QVERIFY2(e.path().filename().string().find("sig.h5.opdims-tmp") == std::string::npos,
                     e.path().c_str());
    }

    void outputs_inputAsOutputRefused() {
        const std::string in = path("in.h5");
        saveModel(smallModel(), in);
        expectError([&] { checkOutputPath(in, "--out", {in}); }, "names an input");
        expectError([&] { checkOutputPath(path("no/such/folder/x.h5"), "--out", {in}); },
                    "folder that does not exist");
        checkOutputPath(path("fresh.h5"), "--out", {in});
        QVERIFY(!std::filesystem::exists(path("fresh.h5")));
    }

    // A batch holds matrices per step, so a trial's steps are bounded like its values: a few KB of
    // deflated .npz declaring 16 million steps took 4 GB and minutes before the limit.
    void trialSets_moreStepsThanTheLimitRefused() {
        const std::size_t steps = static_cast<std::size_t>(limits::kMaxSteps) + 1;
        const std::string p = path("long.npz");
        writeNpzArrays(p, {{"inputs", {{1, steps, 1}, std::vector<double>(steps, 0.5), {}, false}},
                           {"targets", {{1, steps, 1}, std::vector<double>(steps, 0.0), {}, false}},
                           {"conditions", {{}, {}, {"a"}, true}}});
        expectError([&] { readTrialSet(p); },
                    QString::fromStdString(p + ": array 'inputs' has 1000001 steps, more than "
                                               "opdims runs (1000000)"));
    }

    void memory_budgetRefusesWithASentence() {
        expectError([] { limits::checkMemory("a test array", 1e15); },
                    "a test array needs 1e+06 GB, more than opdims' memory limit");
        limits::checkMemory("a small array", 1e6);
        QCOMPARE(limits::mulChecked(1LL << 40, 1LL << 40), -1LL);
        QCOMPARE(limits::mulChecked(3, 4), 12LL);
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
