// Tests of the trainer: BPTT gradients against finite differences, determinism, checkpoints.
#include "core/base/error.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"
#include "core/train/batch.h"
#include "core/train/checkpoint.h"
#include "core/train/noise.h"
#include "core/train/train.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstring>

using namespace opdims;

namespace {

bool sameBits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) ==
               0;
}

bool sameNetwork(const Model& a, const Model& b) {
    for (Param p : kAllParams)
        if (!sameBits(paramView(a, p), paramView(b, p)))
            return false;
    return true;
}

TrainConfig smallConfig(TaskKind task) {
    TrainConfig c;
    c.task = task;
    c.seed = 7;
    c.iterations = 6;
    c.batchSize = 6;
    c.learningRate = 3e-3;
    c.finalLearningRate = 1e-3;
    return c;
}

} // namespace

class TestTrain : public QObject {
    Q_OBJECT

private:
    // Central differences of evaluateCost (core/simulation/simulate.cpp, independent of the BPTT
    // code) at a few entries of every parameter.
    void checkGradients(TaskKind task) {
        Model m = randomModel(task, 7, 3, 1.4);
        m.b.setConstant(0.05);
        m.b_z.setConstant(-0.1);
        const Batch batch = trainingBatch(task, 4, 11, 0);
        QVERIFY(batch.networkNoise);
        Bptt bptt;
        Gradients grad;
        const double loss = bptt.lossAndGradient(m, batch, grad);
        QVERIFY(std::abs(loss - evaluateCost(m, batch, {1})) <= 1e-12 * loss);
        const double h = 1e-5;
        int checked = 0;
        for (Param p : kAllParams) {
            const auto v = paramView(m, p);
            for (Eigen::Index k = 0; k < v.size(); k += std::max<Eigen::Index>(1, v.size() / 5)) {
                Model plus = m, minus = m;
                paramView(plus, p)(k) += h;
                paramView(minus, p)(k) -= h;
                const double fd =
                    (evaluateCost(plus, batch, {1}) - evaluateCost(minus, batch, {1})) / (2 * h);
                const double an = grad[p](k);
                const double tol =
                    1e-6 * std::max(std::abs(fd), 1e-3 * grad[p].cwiseAbs().maxCoeff());
                if (std::abs(an - fd) > tol)
                    QFAIL(qPrintable(QStringLiteral("%1[%2]: BPTT %3, finite difference %4")
                                         .arg(QString::fromLatin1(paramName(p)))
                                         .arg(k)
                                         .arg(an, 0, 'g', 12)
                                         .arg(fd, 0, 'g', 12)));
                ++checked;
            }
        }
        QVERIFY(checked >= 20);
    }

private slots:
    void gradients_matchFiniteDifferences_ctxt() { checkGradients(TaskKind::Ctxt); }
    void gradients_matchFiniteDifferences_swg() { checkGradients(TaskKind::Swg); }

    void normalStream_followsTheRngNormalSequence() {
        Rng reference(99, 4);
        NormalStream stream(99, 4);
        Eigen::VectorXd got = Eigen::VectorXd::Zero(1000);
        stream.addScaled(1.0, got);
        double worst = 0.0;
        for (Eigen::Index i = 0; i < got.size(); ++i) {
            const double want = reference.normal();
            worst = std::max(worst, std::abs(got(i) - want) / std::max(1.0, std::abs(want)));
        }
        QVERIFY2(worst < 1e-14, qPrintable(QString::number(worst)));
        QVERIFY(std::abs(got.mean()) < 0.1 && std::abs(got.squaredNorm() / 1000 - 1.0) < 0.1);
    }

    void gradients_sameBitsWithOneOrTwoThreads() {
        const Model m = randomModel(TaskKind::Swg, 12, 5, 1.5);
        const Batch batch = trainingBatch(TaskKind::Swg, 9, 2, 3);
        Bptt a, b;
        Gradients ga, gb;
        const double la = a.lossAndGradient(m, batch, ga, {2, 1});
        const double lb = b.lossAndGradient(m, batch, gb, {2, 2});
        QCOMPARE(la, lb);
        for (Param p : kAllParams)
            QVERIFY(sameBits(ga[p], gb[p]));
    }

    void trainingBatch_isKeyedBySeedAndIteration() {
        const Batch a = trainingBatch(TaskKind::Ctxt, 80, 1, 4);
        const Batch b = trainingBatch(TaskKind::Ctxt, 80, 1, 4);
        const Batch c = trainingBatch(TaskKind::Ctxt, 80, 1, 5);
        QCOMPARE(a.trialCount(), 80);
        QVERIFY(sameBits(a.u[900], b.u[900]));
        QVERIFY(!sameBits(a.u[900], c.u[900]));
        // The first 72 trials are each condition once.
        int context1 = 0;
        for (int j = 0; j < 72; ++j)
            context1 += a.trials[static_cast<std::size_t>(j)].context == 1;
        QCOMPARE(context1, 36);
        QVERIFY_THROWS_EXCEPTION(Error, trainingBatch(TaskKind::Unknown, 4, 1, 0));
    }

    void learningRate_warmsUpThenFollowsCosine() {
        TrainConfig c;
        c.iterations = 100;
        c.learningRate = 1e-2;
        c.finalLearningRate = 1e-3;
        c.warmupIterations = 10;
        QCOMPARE(learningRateAt(c, 0), 1e-3);
        QCOMPARE(learningRateAt(c, 10), 1e-2);
        QVERIFY(std::abs(learningRateAt(c, 55) - 5.5e-3) < 1e-12);
        QCOMPARE(learningRateAt(c, 100), 1e-3);
        QCOMPARE(learningRateAt(c, 500), 1e-3);
    }

    void train_sameSeedGivesSameNetworkBitForBit() {
        const TrainConfig c = smallConfig(TaskKind::Swg);
        TrainState a = startTraining(randomModel(TaskKind::Swg, 16, c.seed, 1.5), c);
        TrainState b = startTraining(randomModel(TaskKind::Swg, 16, c.seed, 1.5), c);
        b.config.threads = 1;
        train(a);
        train(b);
        QCOMPARE(a.iteration, 6LL);
        QVERIFY(sameNetwork(a.model, b.model));
        QVERIFY(!sameBits(a.model.W, randomModel(TaskKind::Swg, 16, c.seed, 1.5).W));
        TrainConfig other = c;
        other.seed = 8;
        TrainState d = startTraining(randomModel(TaskKind::Swg, 16, c.seed, 1.5), other);
        train(d);
        QVERIFY(!sameBits(a.model.W, d.model.W));
    }

    void train_lowersTheGridCost() {
        TrainConfig c = smallConfig(TaskKind::Ctxt);
        c.iterations = 30;
        c.batchSize = 8;
        c.learningRate = 1e-2;
        const Model init = randomModel(TaskKind::Ctxt, 12, 7, 1.5);
        const Batch grid = makeGridBatch(TaskKind::Ctxt);
        const double before = evaluateCost(init, grid);
        TrainState s = startTraining(init, c);
        std::vector<double> losses;
        bool finiteNorms = true;
        train(s, [&](const IterationReport& r, const Model&) {
            losses.push_back(r.loss);
            finiteNorms = finiteNorms && std::isfinite(r.gradNorm) && r.gradNorm > 0;
            return true;
        });
        QCOMPARE(losses.size(), std::size_t(30));
        QVERIFY(finiteNorms);
        const double after = evaluateCost(s.model, grid);
        QVERIFY2(after < 0.3 * before,
                 qPrintable(QStringLiteral("grid cost %1 -> %2").arg(before).arg(after)));
    }

    void train_frozenParametersStay() {
        TrainConfig c = smallConfig(TaskKind::Ctxt);
        c.iterations = 2;
        c.frozen[static_cast<std::size_t>(Param::W_in)] = true;
        c.frozen[static_cast<std::size_t>(Param::x0)] = true;
        const Model init = randomModel(TaskKind::Ctxt, 10, 2, 1.5);
        TrainState s = startTraining(init, c);
        train(s);
        QVERIFY(sameBits(s.model.W_in, init.W_in));
        QVERIFY(sameBits(s.model.x0, init.x0));
        QVERIFY(!sameBits(s.model.W, init.W));
        QVERIFY(!sameBits(s.model.b, init.b));
    }

    void checkpoint_resumeGivesSameNetworkAsUninterrupted() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("ckpt.h5")).toStdString();
        TrainConfig c = smallConfig(TaskKind::Swg);
        c.warmupIterations = 2;
        const Model init = randomModel(TaskKind::Swg, 16, c.seed, 1.5);
        TrainState whole = startTraining(init, c);
        train(whole);

        TrainConfig withCheckpoints = c;
        withCheckpoints.checkpointEvery = 2;
        withCheckpoints.checkpointPath = path;
        TrainState first = startTraining(init, withCheckpoints);
        // Stop after iteration 3: the checkpoint on disk is the one of iteration 2.
        train(first, [](const IterationReport& r, const Model&) { return r.iteration < 3; });
        QCOMPARE(first.iteration, 3LL);
        QVERIFY(isCheckpoint(path));
        TrainState resumed = loadCheckpoint(path);
        QCOMPARE(resumed.iteration, 2LL);
        QCOMPARE(resumed.config.seed, c.seed);
        QCOMPARE(resumed.config.warmupIterations, 2LL);
        train(resumed);
        QCOMPARE(resumed.iteration, 6LL);
        QVERIFY(sameNetwork(resumed.model, whole.model));
        for (Param p : kAllParams)
            QVERIFY(sameBits(resumed.adam.v[p], whole.adam.v[p]));
        // A checkpoint is also an ordinary model file.
        QVERIFY(sameNetwork(loadModel(path), resumed.model));
    }

    void checkpoint_plainModelFileIsNotACheckpoint() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("model.h5")).toStdString();
        saveModel(randomModel(TaskKind::Swg, 5, 1, 1.5), path);
        QVERIFY(!isCheckpoint(path));
        try {
            loadCheckpoint(path);
            QFAIL("loadCheckpoint accepted a plain model file");
        } catch (const Error& e) {
            QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("model.h5")));
        }
    }

    void train_cancelKeepsLastCompletedIteration() {
        TrainConfig c = smallConfig(TaskKind::Swg);
        TrainState s = startTraining(randomModel(TaskKind::Swg, 8, 1, 1.5), c);
        std::atomic<bool> cancel{false};
        Progress progress;
        progress.cancel = &cancel;
        Model afterTwo;
        QVERIFY_THROWS_EXCEPTION(Cancelled, train(
                                                s,
                                                [&](const IterationReport& r, const Model& m) {
                                                    if (r.iteration == 2) {
                                                        cancel = true;
                                                        afterTwo = m;
                                                    }
                                                    return true;
                                                },
                                                progress));
        QCOMPARE(s.iteration, 2LL);
        QVERIFY(sameNetwork(s.model, afterTwo));
    }

    void train_rejectsBadConfiguration() {
        TrainConfig c = smallConfig(TaskKind::Swg);
        c.batchSize = 0;
        QVERIFY_THROWS_EXCEPTION(Error, startTraining(randomModel(TaskKind::Swg, 4, 1), c));
        c = smallConfig(TaskKind::Ctxt);
        QVERIFY_THROWS_EXCEPTION(Error, startTraining(randomModel(TaskKind::Swg, 4, 1), c));
    }
};

QTEST_APPLESS_MAIN(TestTrain)
#include "tst_train.moc"
