// Batched simulation: all trials of a chunk advance together, one matrix product per step.
#include "core/simulation/simulate.h"

#include "core/base/error.h"
#include "core/base/fast_math.h"
#include "core/base/limits.h"
#include "core/base/parallel.h"
#include "core/base/rng.h"

#include <algorithm>

namespace opdims {

namespace {

void checkInputs(const Model& model, const Eigen::MatrixXd& W, const Batch& batch) {
    if (W.rows() != model.units() || W.cols() != model.units())
        throw Error("the weight matrix is " + std::to_string(W.rows()) + "x" +
                    std::to_string(W.cols()) + ", the network has " +
                    std::to_string(model.units()) + " units");
    if (batch.inputs != model.inputs())
        throw Error("the batch has " + std::to_string(batch.inputs) + " inputs, the network " +
                    std::to_string(model.inputs()));
    if (batch.outputs != model.outputs())
        throw Error("the batch has " + std::to_string(batch.outputs) + " outputs, the network " +
                    std::to_string(model.outputs()));
    for (const TrialInfo& t : batch.trials)
        if (t.x0Column < 0 || t.x0Column >= model.initialStates())
            throw Error("a trial starts from initial state " + std::to_string(t.x0Column + 1) +
                        ", the network has " + std::to_string(model.initialStates()));
}

// The chunks of forTrialChunks (simulate.h: why blocks of kTrialBlock trials).
template <typename Body>
void forChunks(const Batch& batch, const SimOptions& options, const Progress& progress,
               Body&& body) {
    const int trials = batch.trialCount();
    const int blocks = std::max(1, trials / kTrialBlock);
    int threads = options.threads <= 0 ? defaultThreadCount() : options.threads;
    threads = std::max(1, std::min(threads, blocks));
    const int chunks = threads;
    parallelFor(
        chunks, threads,
        [&](int c) {
            const int b0 = static_cast<int>(static_cast<long long>(blocks) * c / chunks);
            const int b1 = static_cast<int>(static_cast<long long>(blocks) * (c + 1) / chunks);
            const int first = b0 * kTrialBlock;
            const int last = b1 == blocks ? trials : b1 * kTrialBlock;
            if (last > first)
                body(first, last - first);
        },
        progress);
}

// dst = A * B (or dst += A * B). For tiny products Eigen switches from GEMM to a coefficient-wise
// product depending on the number of columns, which differs between chunkings: tiny matrices
// always take the coefficient-wise path here instead.
bool tinyProduct(const Eigen::MatrixXd& A) {
    return A.rows() + A.cols() < 16;
}

// z = W_out r + b_z for a chunk's rates.
template <typename Z> void outputsInto(const Model& model, const Eigen::MatrixXd& r, Z&& z) {
    if (tinyProduct(model.W_out))
        z = model.W_out.lazyProduct(r);
    else
        z.noalias() = model.W_out * r;
    z.colwise() += model.b_z;
}

} // namespace

void forTrialChunks(const Batch& batch, const SimOptions& options, const Progress& progress,
                    const std::function<void(int first, int count)>& body) {
    forChunks(batch, options, progress, body);
}

void modelOutputs(const Model& model, const Eigen::MatrixXd& r, Eigen::Ref<Eigen::MatrixXd> z) {
    outputsInto(model, r, z);
}

void runTrials(const Model& model, const Eigen::MatrixXd& W, const Batch& batch, Eigen::Index first,
               Eigen::Index count, const StepObserver& observer) {
    const Eigen::Index n = model.units();
    const double a = model.alpha();
    Eigen::MatrixXd x(n, count), r(n, count), drive(n, count);
    for (Eigen::Index j = 0; j < count; ++j)
        x.col(j) = model.x0.col(batch.trials[static_cast<std::size_t>(first + j)].x0Column);
    tanhInto(x, r);
    std::vector<Rng> noise;
    const double sigma = networkNoiseOf(model, batch);
    if (sigma != 0.0)
        for (Eigen::Index j = 0; j < count; ++j)
            noise.emplace_back(batch.noiseSeed ^ kNetworkNoiseKey,
                               static_cast<std::uint64_t>(first + j));
    // W_in u_t + b changes only when the inputs do (piecewise constant in the noise-free tasks),
    // so it is recomputed only then and accumulated into the recurrent product by the GEMM.
    Eigen::MatrixXd inputDrive(n, count);
    Eigen::MatrixXd lastInput;
    for (int t = 0; t < batch.steps; ++t) {
        const auto u = batch.u[t].middleCols(first, count);
        if (t == 0 || u != lastInput) {
            lastInput = u;
            inputDrive.noalias() = model.W_in * u;
            inputDrive.colwise() += model.b;
        }
        drive = inputDrive;
        if (tinyProduct(W))
            drive += W.lazyProduct(r);
        else
            drive.noalias() += W * r;
        if (sigma != 0.0)
            for (Eigen::Index j = 0; j < count; ++j)
                for (Eigen::Index i = 0; i < n; ++i)
                    drive(i, j) += sigma * noise[static_cast<std::size_t>(j)].normal();
        x = (1.0 - a) * x + a * drive;
        tanhInto(x, r);
        observer(t, first, x, r);
    }
}

double evaluateCost(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                    const SimOptions& options, const Progress& progress) {
    return evaluateTrials(model, W, batch, options, progress).cost;
}

CostAndDistance evaluateTrials(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                               const SimOptions& options, const Progress& progress) {
    checkInputs(model, W, batch);
    const int trials = batch.trialCount();
    if (trials == 0 || batch.steps == 0)
        throw Error("the batch is empty");
    TrialSums sums(trials);
    forChunks(batch, options, progress, [&](int first, int count) {
        Eigen::MatrixXd z(model.outputs(), count);
        runTrials(model, W, batch, first, count,
                  [&](int t, Eigen::Index f, const Eigen::MatrixXd&, const Eigen::MatrixXd& r) {
                      outputsInto(model, r, z);
                      sums.addErrors(f, z, batch, t);
                      if ((t & 63) == 0)
                          progress.check();
                  });
    });
    return sums.result(batch);
}

SignAccuracy signAccuracy(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                          const SimOptions& options, const Progress& progress) {
    checkInputs(model, W, batch);
    const int trials = batch.trialCount();
    if (trials == 0 || batch.steps == 0)
        throw Error("the batch is empty");
    // Per-trial integer counts, added in trial order: the same for any chunking.
    std::vector<long long> correct(static_cast<std::size_t>(trials), 0),
        counted(static_cast<std::size_t>(trials), 0);
    forChunks(batch, options, progress, [&](int first, int count) {
        Eigen::MatrixXd z(model.outputs(), count);
        runTrials(model, W, batch, first, count,
                  [&](int t, Eigen::Index f, const Eigen::MatrixXd&, const Eigen::MatrixXd& r) {
                      outputsInto(model, r, z);
                      const auto ts = static_cast<std::size_t>(t);
                      for (Eigen::Index j = 0; j < count; ++j)
                          for (Eigen::Index k = 0; k < z.rows(); ++k) {
                              const double y = batch.y[ts](k, f + j);
                              if (y == 0.0 ||
                                  (!batch.mask.empty() && batch.mask[ts](k, f + j) == 0))
                                  continue;
                              const auto i = static_cast<std::size_t>(f + j);
                              ++counted[i];
                              if (z(k, j) * y > 0)
                                  ++correct[i];
                          }
                      if ((t & 63) == 0)
                          progress.check();
                  });
    });
    SignAccuracy a;
    for (std::size_t i = 0; i < correct.size(); ++i) {
        a.correct += correct[i];
        a.counted += counted[i];
    }
    return a;
}

Trajectories simulate(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                      const SimOptions& options, const Progress& progress) {
    checkInputs(model, W, batch);
    const int trials = batch.trialCount();
    if (trials == 0 || batch.steps == 0)
        throw Error("the batch is empty");
    limits::checkMemory(
        "storing the states of " + std::to_string(trials) + " trials x " +
            std::to_string(batch.steps) + " steps x " + std::to_string(model.units()) + " units",
        static_cast<double>(trials) * batch.steps * (model.units() + model.outputs()) * 8.0);
    Trajectories out;
    out.x.assign(static_cast<std::size_t>(batch.steps), Eigen::MatrixXd(model.units(), trials));
    out.z.assign(static_cast<std::size_t>(batch.steps), Eigen::MatrixXd(model.outputs(), trials));
    TrialSums sums(trials);
    forChunks(batch, options, progress, [&](int first, int count) {
        runTrials(model, W, batch, first, count,
                  [&](int t, Eigen::Index f, const Eigen::MatrixXd& x, const Eigen::MatrixXd& r) {
                      out.x[t].middleCols(f, count) = x;
                      auto z = out.z[t].middleCols(f, count);
                      outputsInto(model, r, z);
                      sums.addErrors(f, z, batch, t);
                      if ((t & 63) == 0)
                          progress.check();
                  });
    });
    CostAndDistance cd = sums.result(batch);
    out.cost = cd.cost;
    out.trialSquaredError = std::move(cd.trialSquaredError);
    return out;
}

CostAndDistance compareToReference(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                                   const Trajectories& reference, const SimOptions& options,
                                   const Progress& progress) {
    checkInputs(model, W, batch);
    const int trials = batch.trialCount();
    if (trials == 0 || batch.steps == 0)
        throw Error("the batch is empty");
    if (reference.steps() != batch.steps || reference.x.front().cols() != trials)
        throw Error("the reference run does not match the batch");
    TrialSums sums(trials);
    forChunks(batch, options, progress, [&](int first, int count) {
        Eigen::MatrixXd z(model.outputs(), count);
        runTrials(model, W, batch, first, count,
                  [&](int t, Eigen::Index f, const Eigen::MatrixXd& x, const Eigen::MatrixXd& r) {
                      outputsInto(model, r, z);
                      sums.addErrors(f, z, batch, t);
                      sums.addDistances(f, x, reference.x[t]);
                      if ((t & 63) == 0)
                          progress.check();
                  });
    });
    return sums.result(batch);
}

double stateDistance(const Model& model, const Eigen::MatrixXd& WA, const Eigen::MatrixXd& WB,
                     const Batch& batch, const SimOptions& options) {
    const Trajectories a = simulate(model, WA, batch, options);
    return compareToReference(model, WB, batch, a, options).stateDistance;
}

} // namespace opdims
