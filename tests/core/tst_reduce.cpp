// Tests of removing dimensions, reduced-rank weight matrices and PC dimensions.
#include "core/analysis/basis.h"
#include "core/analysis/pc_dims.h"
#include "core/analysis/reduce.h"
#include "core/base/error.h"

#include <QTest>

#include <Eigen/QR>

using namespace opdims;

namespace {
Eigen::MatrixXd randomMatrix(int n, unsigned seed) {
    std::srand(seed);
    return Eigen::MatrixXd::Random(n, n);
}
Eigen::MatrixXd randomOrthonormal(int n, unsigned seed) {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(randomMatrix(n, seed));
    return qr.householderQ() * Eigen::MatrixXd::Identity(n, n);
}
} // namespace

class TestReduce : public QObject {
    Q_OBJECT
private slots:
    void removeColumn_matchesHandComputation() {
        // W = [[1, 2], [3, 4]], q = e1: (I - e1 e1^T) W zeroes the first row.
        Eigen::MatrixXd W(2, 2);
        W << 1, 2, 3, 4;
        const Eigen::VectorXd q = Eigen::Vector2d(1, 0);
        Eigen::MatrixXd expected(2, 2);
        expected << 0, 0, 3, 4;
        QVERIFY((removeDimension(W, q, Side::Columns) - expected).norm() < 1e-15);
        // Removing e1 from the row space zeroes the first column instead.
        expected << 0, 2, 0, 4;
        QVERIFY((removeDimension(W, q, Side::Rows) - expected).norm() < 1e-15);
    }
    void removeDiagonal_matchesHandComputation() {
        // q = (1, 1)/sqrt(2): I - q q^T = 0.5 [[1, -1], [-1, 1]].
        Eigen::MatrixXd W(2, 2);
        W << 1, 2, 3, 4;
        const Eigen::VectorXd q = Eigen::Vector2d(1, 1) / std::sqrt(2.0);
        Eigen::MatrixXd cols(2, 2), rows(2, 2);
        cols << -1, -1, 1, 1;         // 0.5 [[1-3, 2-4], [3-1, 4-2]]
        rows << -0.5, 0.5, -0.5, 0.5; // 0.5 [[1-2, 2-1], [3-4, 4-3]]
        QVERIFY((removeDimension(W, q, Side::Columns) - cols).norm() < 1e-14);
        QVERIFY((removeDimension(W, q, Side::Rows) - rows).norm() < 1e-14);
    }
    void removeSet_equalsSuccessiveRemovals() {
        const Eigen::MatrixXd W = randomMatrix(7, 3);
        const Eigen::MatrixXd Q = randomOrthonormal(7, 4).leftCols(3);
        for (Side side : {Side::Columns, Side::Rows}) {
            Eigen::MatrixXd step = W;
            for (int i = 0; i < 3; ++i)
                step = removeDimension(step, Q.col(i), side);
            QVERIFY((removeDimensions(W, Q, side) - step).norm() < 1e-12);
        }
    }
    void reducedRank_fullBasisGivesW_zeroGivesZero() {
        const Eigen::MatrixXd W = randomMatrix(9, 5);
        Basis b;
        b.name = "random";
        b.Q = randomOrthonormal(9, 6);
        for (Side side : {Side::Columns, Side::Rows}) {
            b.side = side;
            QVERIFY((reducedRankWeights(W, b, 9) - W).norm() < 1e-12);
            QVERIFY(reducedRankWeights(W, b, 0).norm() == 0.0);
            // keeping k first equals removing the rest
            const Eigen::MatrixXd Wk = reducedRankWeights(W, b, 4);
            QVERIFY((Wk - removeDimensions(W, b.Q.rightCols(5), side)).norm() < 1e-12);
            std::vector<bool> keep(9, false);
            for (int i = 0; i < 4; ++i)
                keep[static_cast<std::size_t>(i)] = true;
            QVERIFY((keepDimensions(W, b, keep) - Wk).norm() < 1e-12);
        }
        QVERIFY_THROWS_EXCEPTION(Error, reducedRankWeights(W, b, 10));
        QVERIFY_THROWS_EXCEPTION(Error, keepDimensions(W, b, std::vector<bool>(3, true)));
    }
    void pc_varianceExplainedAndReconstruction() {
        // A diagonal matrix: singular values are the absolute diagonal, sorted.
        Eigen::MatrixXd W = Eigen::MatrixXd::Zero(3, 3);
        W.diagonal() << 1.0, -3.0, 2.0;
        const PcDimensions pc = pcDimensions(W);
        QVERIFY((pc.singularValues - Eigen::Vector3d(3, 2, 1)).norm() < 1e-14);
        QVERIFY((pc.varianceExplained - Eigen::Vector3d(9, 4, 1) / 14.0).norm() < 1e-14);
        QVERIFY(std::abs(std::abs(pc.U(1, 0)) - 1.0) < 1e-14);
        const Basis b = pcBasis(W);
        // W_1 = U_1 U_1^T W keeps the -3 entry only.
        Eigen::MatrixXd W1 = Eigen::MatrixXd::Zero(3, 3);
        W1(1, 1) = -3.0;
        QVERIFY((reducedRankWeights(W, b, 1) - W1).norm() < 1e-14);
        // Best rank-k approximation: the error is the tail of the singular values.
        const Eigen::MatrixXd R = randomMatrix(8, 9);
        const Basis br = pcBasis(R);
        const Eigen::VectorXd s = br.strength;
        QCOMPARE(br.side, Side::Columns);
        for (int k = 0; k <= 8; ++k)
            QVERIFY(std::abs((R - reducedRankWeights(R, br, k)).norm() - s.tail(8 - k).norm()) <
                    1e-12);
    }
    void checkOrthonormal_rejectsBadBases() {
        checkOrthonormal(randomOrthonormal(5, 1).leftCols(2), 5, "q.npz");
        QVERIFY_THROWS_EXCEPTION(Error, checkOrthonormal(randomMatrix(5, 2), 5, "q.npz"));
        QVERIFY_THROWS_EXCEPTION(Error, checkOrthonormal(randomOrthonormal(4, 1), 5, "q.npz"));
        try {
            checkOrthonormal(2.0 * randomOrthonormal(5, 1), 5, "q.npz");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).rfind("q.npz: ", 0) == 0);
        }
    }
};

QTEST_APPLESS_MAIN(TestReduce)
#include "tst_reduce.moc"
