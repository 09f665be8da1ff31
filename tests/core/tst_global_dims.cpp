// Tests of global operative dimensions, location subsets, principal angles and local files.
#include "core/analysis/angles.h"
#include "core/analysis/basis.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/global_dims.h"
#include "core/analysis/local_io.h"
#include "core/base/rng.h"

#include <QTemporaryDir>
#include <QTest>

#include <numbers>

using namespace opdims;

namespace {
LocalDimensions makeLocal(Rng& rng, int n, int dims, Condition c, int t) {
    LocalDimensions l;
    l.side = Side::Rows;
    l.location.t = t;
    l.location.condition = c;
    l.location.x.resize(n);
    Eigen::MatrixXd M(n, n);
    for (int i = 0; i < n; ++i) {
        l.location.x(i) = rng.normal();
        for (int j = 0; j < n; ++j)
            M(i, j) = rng.normal();
    }
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(M);
    l.Q = (qr.householderQ() * Eigen::MatrixXd::Identity(n, n)).leftCols(dims);
    l.deltaF.resize(dims);
    for (int d = 0; d < dims; ++d)
        l.deltaF(d) = 1.0 / (d + 1 + rng.uniform());
    return l;
}

std::vector<LocalDimensions> ctxtLocals(int n) {
    Rng rng(42);
    std::vector<LocalDimensions> out;
    for (int context = 1; context <= 2; ++context)
        for (int s1 : {-1, 1})
            for (int s2 : {-1, 1})
                for (int t : {1, 100})
                    out.push_back(makeLocal(rng, n, 2, {context, s1, s2, 0, {}}, t));
    return out;
}
} // namespace

class TestGlobalDims : public QObject {
    Q_OBJECT
private slots:
    void global_isSvdOfScaledLocalDimensions() {
        const int n = 6;
        const auto local = ctxtLocals(n); // 16 locations x 2 dimensions
        const GlobalDimensions g = globalDimensions(local, Side::Rows);
        Eigen::MatrixXd L(n, 32);
        int c = 0;
        for (const auto& l : local)
            for (int d = 0; d < 2; ++d)
                L.col(c++) = l.deltaF(d) * l.Q.col(d);
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(L, Eigen::ComputeFullU);
        QVERIFY((g.basis.strength - svd.singularValues()).norm() < 1e-12);
        QCOMPARE(g.locations, 16);
        QCOMPARE(g.localDimensions, 32);
        QCOMPARE(g.basis.side, Side::Rows);
        // Same subspaces, dimension by dimension (singular values are distinct here).
        for (int i = 0; i < n; ++i)
            QVERIFY(std::abs(std::abs(g.basis.Q.col(i).dot(svd.matrixU().col(i))) - 1.0) < 1e-10);
        QVERIFY(std::abs(g.varianceExplained.sum() - 1.0) < 1e-14);
    }
    void global_fewLocalDimensions_completedToFullBasis() {
        Rng rng(1);
        std::vector<LocalDimensions> local = {makeLocal(rng, 5, 1, {0, 0, 0, 1, {}}, 1),
                                              makeLocal(rng, 5, 1, {0, 0, 0, 6, {}}, 1)};
        const GlobalDimensions g = globalDimensions(local, Side::Rows);
        QCOMPARE(g.basis.size(), 5);
        QVERIFY((g.basis.Q.transpose() * g.basis.Q - Eigen::MatrixXd::Identity(5, 5)).norm() <
                1e-12);
        QVERIFY(g.basis.strength(1) > 0.0);
        QCOMPARE(g.basis.strength(2), 0.0);
        const Eigen::MatrixXd W = Eigen::MatrixXd::Random(5, 5);
        QVERIFY((reducedRankWeights(W, g.basis, 5) - W).norm() < 1e-12);
        QVERIFY_THROWS_EXCEPTION(Error, globalDimensions(local, Side::Columns));
    }
    void subsets_pickTheRightLocations() {
        const auto local = ctxtLocals(4);
        QCOMPARE(
            globalDimensions(local, Side::Rows, locationSubset(TaskKind::Ctxt, "ctxt1")).locations,
            8);
        QCOMPARE(globalDimensions(local, Side::Rows,
                                  withTimes(locationSubset(TaskKind::Ctxt, "ctxt2"), {100}))
                     .locations,
                 4);
        const auto pos = locationSubset(TaskKind::Ctxt, "pos-choice");
        const auto neg = locationSubset(TaskKind::Ctxt, "neg-choice");
        for (const auto& l : local) {
            const Condition& c = l.location.condition;
            const int relevant = c.context == 1 ? c.signCoh1 : c.signCoh2;
            QCOMPARE(pos(l.location), relevant > 0);
            QCOMPARE(neg(l.location), relevant < 0);
        }
        const auto two = withConditions({}, TaskKind::Ctxt, {"Ctxt1Inps-1_1", "Ctxt2Inps1_1"});
        QCOMPARE(globalDimensions(local, Side::Rows, two).locations, 4);
        QVERIFY_THROWS_EXCEPTION(Error, withConditions({}, TaskKind::Ctxt, {"Freq3"}));
        QVERIFY_THROWS_EXCEPTION(Error, locationSubset(TaskKind::Swg, "ctxt1"));
        QVERIFY_THROWS_EXCEPTION(Error, locationSubset(TaskKind::Ctxt, "left"));
        // swg: one frequency's locations, the same as naming its condition.
        Rng rng(2);
        std::vector<LocalDimensions> waves;
        for (int id : {1, 6, 6, 26, 26, 26})
            waves.push_back(makeLocal(rng, 5, 1, {0, 0, 0, id, {}}, 1));
        QCOMPARE(
            globalDimensions(waves, Side::Rows, locationSubset(TaskKind::Swg, "freq26")).locations,
            3);
        const GlobalDimensions six =
            globalDimensions(waves, Side::Rows, locationSubset(TaskKind::Swg, "freq6"));
        const GlobalDimensions named =
            globalDimensions(waves, Side::Rows, withConditions({}, TaskKind::Swg, {"Freq6"}));
        QCOMPARE(six.locations, 2);
        QVERIFY((six.basis.Q - named.basis.Q).norm() == 0.0);
        QVERIFY_THROWS_EXCEPTION(
            Error, globalDimensions(waves, Side::Rows, locationSubset(TaskKind::Swg, "freq2")));
        QVERIFY_THROWS_EXCEPTION(Error, globalDimensions(local, Side::Rows, withTimes({}, {7})));
    }
    void operativeBasis_columnsOfARandomNetwork() {
        const Model m = randomModel(TaskKind::Swg, 8, 3);
        const Basis b = operativeBasis(m, TaskKind::Swg, Side::Columns);
        QCOMPARE(b.name, std::string("operative columns"));
        QCOMPARE(b.size(), 8);
        QVERIFY((b.Q.transpose() * b.Q - Eigen::MatrixXd::Identity(8, 8)).norm() < 1e-12);
        QVERIFY((reducedRankWeights(m.W, b, 8) - m.W).norm() < 1e-12);
        for (int i = 1; i < 8; ++i)
            QVERIFY(b.strength(i) <= b.strength(i - 1));
    }
    void principalAngles_handCase() {
        Eigen::MatrixXd A = Eigen::MatrixXd::Zero(4, 2), B = Eigen::MatrixXd::Zero(4, 2);
        A(0, 0) = A(1, 1) = 1.0;
        B(0, 0) = 2.0; // not normalised on purpose
        B(1, 1) = B(2, 1) = 1.0;
        const Eigen::VectorXd a = principalAngles(A, B);
        // A zero angle is the arccosine of a cosine next to 1, where an error d in the cosine
        // becomes sqrt(2 d) in the angle: 1e-7 allows d = 5e-15, some 20 eps, and cannot be much
        // tighter.
        QVERIFY(std::abs(a(0)) < 1e-7);
        QVERIFY(std::abs(a(1) - std::numbers::pi / 4) < 1e-12);
        QVERIFY_THROWS_EXCEPTION(Error, principalAngles(A, Eigen::MatrixXd::Zero(3, 1)));
    }
    void localFile_roundTrip() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("local.h5").toStdString();
        const Model m = randomModel(TaskKind::Ctxt, 6, 9);
        const auto local = ctxtLocals(6);
        writeLocalDimensions(path, TaskKind::Ctxt, m, local);
        const LocalFile f = readLocalDimensions(path, Side::Rows);
        QCOMPARE(f.task, TaskKind::Ctxt);
        QCOMPARE(f.locations.size(), local.size());
        for (std::size_t i = 0; i < local.size(); ++i) { // both sorted by condition, then time
            QCOMPARE(f.locations[i].location.t, local[i].location.t);
            QVERIFY(f.locations[i].location.condition == local[i].location.condition);
            QVERIFY(f.locations[i].location.x == local[i].location.x);
            QVERIFY(f.locations[i].Q == local[i].Q);
            QVERIFY(f.locations[i].deltaF == local[i].deltaF);
        }
        QVERIFY_THROWS_EXCEPTION(
            Error, readLocalDimensions(dir.filePath("none.h5").toStdString(), Side::Rows));
    }
    void basisFile_roundTripAndValidation() {
        QTemporaryDir dir;
        const Model m = randomModel(TaskKind::Swg, 7, 2);
        const Basis pc = pcBasis(m.W);
        for (const char* name : {"b.npz", "b.h5"}) {
            const std::string path = dir.filePath(name).toStdString();
            writeBasisFile(path, pc);
            const Basis back = readBasisFile(path, 7, Side::Columns);
            QVERIFY(back.Q == pc.Q);
            QVERIFY(back.strength == pc.strength);
            QVERIFY_THROWS_EXCEPTION(Error, readBasisFile(path, 8, Side::Columns));
        }
        Basis bad = pc;
        bad.Q.col(2) *= 1.1;
        const std::string path = dir.filePath("bad.npz").toStdString();
        writeBasisFile(path, bad);
        try {
            readBasisFile(path, 7, Side::Columns);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("not orthonormal") != std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(TestGlobalDims)
#include "tst_global_dims.moc"
