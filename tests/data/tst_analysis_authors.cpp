// Analysis on the authors' networks and local dimension files (skipped when the data is absent).
#include "core/analysis/basis.h"
#include "core/analysis/global_dims.h"
#include "core/analysis/local_dims.h"
#include "core/analysis/local_io.h"
#include "core/analysis/sweep.h"
#include "core/compare/local_dims_bfgs.h"
#include "core/files/h5.h"
#include "core/model/io.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace opdims;

class TestAnalysisAuthors : public QObject {
    Q_OBJECT
private slots:
    void localFile_readTheirsWriteOursReadBack() {
        OPDIMS_REQUIRE_SHARED(weights, "pretrained/ctxt_weights.h5");
        OPDIMS_REQUIRE_SHARED(theirs, "pretrained/localOpDims_ctxt_columns.h5");
        const Model m = loadModel(weights);
        const LocalFile a = readLocalDimensions(theirs, Side::Columns);
        QCOMPARE(a.task, TaskKind::Ctxt);
        QCOMPARE(a.locations.size(), std::size_t(120));
        QTemporaryDir dir;
        const std::string ours = dir.filePath("ours.h5").toStdString();
        writeLocalDimensions(ours, TaskKind::Ctxt, m, a.locations);
        const LocalFile b = readLocalDimensions(ours, Side::Columns);
        QCOMPARE(b.locations.size(), a.locations.size());
        for (std::size_t i = 0; i < a.locations.size(); ++i) {
            QVERIFY(a.locations[i].Q == b.locations[i].Q);
            QVERIFY(a.locations[i].deltaF == b.locations[i].deltaF);
            QVERIFY(a.locations[i].location.x == b.locations[i].location.x);
            QCOMPARE(a.locations[i].location.t, b.locations[i].location.t);
        }
        // Every dataset has the authors' HDF5 shape and (all_trajs_org recomputed) their values.
        const h5::File ft = h5::File::openRead(theirs), fo = h5::File::openRead(ours);
        QCOMPARE(fo.children("/"), ft.children("/"));
        for (const std::string& g : ft.children("/"))
            for (const std::string& d : ft.children("/" + g)) {
                const std::string path = "/" + g + "/" + d;
                QVERIFY2(fo.dims(path) == ft.dims(path), path.c_str());
                const Eigen::MatrixXd x = ft.readRowMajor(path), y = fo.readRowMajor(path);
                const Eigen::ArrayXXd diff = (x - y).array().abs();
                QVERIFY2(((diff <= 1e-12) || (x.array().isNaN() && y.array().isNaN())).all(),
                         path.c_str());
            }
    }
    void columns_reproduceTheAuthorsLocalDimensions() {
        OPDIMS_REQUIRE_SHARED(weights, "pretrained/swg_weights.h5");
        OPDIMS_REQUIRE_SHARED(theirs, "pretrained/localOpDims_swg_columns.h5");
        const Model m = loadModel(weights);
        const LocalFile a = readLocalDimensions(theirs, Side::Columns);
        QCOMPARE(a.locations.size(), std::size_t(121));
        for (const auto& l : a.locations) {
            const LocalDimensions ours = localColumnDimensions(m.W, m.alpha(), l.location);
            QCOMPARE(l.dimensions(), 1);
            QVERIFY(std::abs(ours.deltaF(0) - l.deltaF(0)) <= 1e-12 * l.deltaF(0));
            QVERIFY(std::abs(std::abs(ours.Q.col(0).dot(l.Q.col(0))) - 1.0) < 1e-12);
        }
    }
    void global_fromTheAuthorsCtxtFile() {
        OPDIMS_REQUIRE_SHARED(theirs, "pretrained/localOpDims_ctxt_columns.h5");
        // Independently: L from the raw datasets (h5 row-major view: column d is dimension d).
        const h5::File f = h5::File::openRead(theirs);
        std::vector<Eigen::VectorXd> cols;
        for (const std::string& g : f.children("/")) {
            const Eigen::MatrixXd dims = f.readRowMajor("/" + g + "/local_op_dims");
            const Eigen::MatrixXd fv = f.readRowMajor("/" + g + "/all_fvals");
            for (Eigen::Index d = 0; d < fv.cols(); ++d)
                if (!std::isnan(fv(0, d)))
                    cols.push_back(fv(0, d) * dims.col(d));
        }
        Eigen::MatrixXd L(100, static_cast<Eigen::Index>(cols.size()));
        for (std::size_t i = 0; i < cols.size(); ++i)
            L.col(static_cast<Eigen::Index>(i)) = cols[i];
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(L, Eigen::ComputeThinU);
        const GlobalDimensions g =
            globalDimensions(readLocalDimensions(theirs, Side::Columns).locations, Side::Columns);
        QCOMPARE(g.localDimensions, 120);
        QVERIFY((g.basis.strength - svd.singularValues()).norm() < 1e-10);
        for (int i = 0; i < 10; ++i)
            QVERIFY(std::abs(std::abs(g.basis.Q.col(i).dot(svd.matrixU().col(i))) - 1.0) < 1e-8);
        // Context 1 and context 2 subsets use half of the locations each.
        const auto local = readLocalDimensions(theirs, Side::Columns).locations;
        QCOMPARE(globalDimensions(local, Side::Columns, locationSubset(TaskKind::Ctxt, "ctxt1"))
                     .locations,
                 60);
    }
    void sweep_authorsColumnsAndPc_matchNumpyReference() {
        OPDIMS_REQUIRE_SHARED(weights, "pretrained/ctxt_weights.h5");
        OPDIMS_REQUIRE_SHARED(theirs, "pretrained/localOpDims_ctxt_columns.h5");
        const Model m = loadModel(weights);
        const Batch grid = makeGridBatch(TaskKind::Ctxt);
        const Basis op =
            globalDimensions(readLocalDimensions(theirs, Side::Columns).locations, Side::Columns)
                .basis;
        // Expected values from tools/reference/sweep_reference.py (numpy, written from
        // docs/method.md independently of this code).
        const SweepResult s = rankSweep(m, grid, op, {15, 29});
        QVERIFY(std::abs(s.points[0].cost / 0.004339812221216019 - 1) < 1e-9);
        QVERIFY(std::abs(s.points[1].cost / 0.0009578206071690513 - 1) < 1e-9);
        QVERIFY(std::abs(s.points[1].stateDistance / 0.27964465714301906 - 1) < 1e-9);
        const SweepResult pc = rankSweep(m, grid, pcBasis(m.W), {80});
        QVERIFY(std::abs(pc.points[0].cost / 0.0036108084075218232 - 1) < 1e-9);
        QVERIFY(std::abs(pc.fullCost / 0.0009980031022817429 - 1) < 1e-12);
    }
    void rows_atAnAuthorsLocation_beatQuasiNewtonStepByStep() {
        OPDIMS_REQUIRE_SHARED(weights, "pretrained/ctxt_weights.h5");
        OPDIMS_REQUIRE_SHARED(theirs, "pretrained/localOpDims_ctxt_columns.h5");
        const Model m = loadModel(weights);
        const auto local = readLocalDimensions(theirs, Side::Columns).locations;
        const SamplingLocation& loc = local[37].location;
        LocalOptions o;
        o.maxDimensions = 4;
        const LocalDimensions ours = localRowDimensions(m.W, m.alpha(), loc, o);
        Eigen::VectorXd r = loc.x.array().tanh();
        Rng rng(5);
        for (int j = 0; j < ours.dimensions(); ++j) {
            const BfgsStep s = bestRowDimensionBfgs(m.W, m.alpha(), r, ours.Q.leftCols(j), rng);
            QVERIFY2(
                s.deltaF <= ours.deltaF(j) * (1 + 1e-9),
                qPrintable(QString("dim %1: %2 > %3").arg(j).arg(s.deltaF).arg(ours.deltaF(j))));
        }
    }
};

QTEST_APPLESS_MAIN(TestAnalysisAuthors)
#include "tst_analysis_authors.moc"
