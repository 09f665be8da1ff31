// Backpropagation through time: a forward pass that keeps every rate, a backward pass over the
// stored rates, and the weight gradients as a few large matrix products at the end.
#include "core/train/bptt.h"

#include "core/base/error.h"
#include "core/base/fast_math.h"
#include "core/base/parallel.h"
#include "core/simulation/simulate.h"
#include "core/train/noise.h"

#include <algorithm>

namespace opdims {

const char* paramName(Param p) {
    switch (p) {
    case Param::W:
        return "W";
    case Param::W_in:
        return "W_in";
    case Param::W_out:
        return "W_out";
    case Param::b:
        return "b";
    case Param::b_z:
        return "b_z";
    case Param::x0:
        return "x0";
    }
    return "?";
}

Param parseParam(const std::string& name) {
    for (Param p : kAllParams)
        if (name == paramName(p))
            return p;
    throw Error("unknown parameter '" + name + "' (expected W, W_in, W_out, b, b_z or x0)");
}

Eigen::Map<Eigen::MatrixXd> paramView(Model& m, Param p) {
    switch (p) {
    case Param::W:
        return {m.W.data(), m.W.rows(), m.W.cols()};
    case Param::W_in:
        return {m.W_in.data(), m.W_in.rows(), m.W_in.cols()};
    case Param::W_out:
        return {m.W_out.data(), m.W_out.rows(), m.W_out.cols()};
    case Param::b:
        return {m.b.data(), m.b.size(), 1};
    case Param::b_z:
        return {m.b_z.data(), m.b_z.size(), 1};
    case Param::x0:
        break;
    }
    return {m.x0.data(), m.x0.rows(), m.x0.cols()};
}

Eigen::Map<const Eigen::MatrixXd> paramView(const Model& m, Param p) {
    const auto v = paramView(const_cast<Model&>(m), p);
    return {v.data(), v.rows(), v.cols()};
}

void Gradients::setZeroLike(const Model& model) {
    for (Param p : kAllParams) {
        const auto v = paramView(model, p);
        (*this)[p].setZero(v.rows(), v.cols());
    }
}

// Everything one contiguous part of the batch needs; block k of a stored array belongs to step k.
struct Bptt::Part {
    Eigen::MatrixXd R;  // N x (T+1)n: r_0 .. r_T
    Eigen::MatrixXd G;  // N x Tn: dcost/dx_1 .. dcost/dx_T
    Eigen::MatrixXd U;  // V x Tn: u_0 .. u_{T-1}
    Eigen::MatrixXd DZ; // M x Tn: dcost/dz_1 .. dcost/dz_T
    Eigen::MatrixXd x, drive, gr, g0, z;
    std::vector<NormalStream> noise;
    Gradients grad;
    double sse = 0.0;

    void resize(Eigen::Index n, Eigen::Index v, Eigen::Index m, Eigen::Index count, int steps) {
        const Eigen::Index tn = count * steps;
        if (R.rows() != n || R.cols() != tn + count)
            R.resize(n, tn + count);
        if (G.rows() != n || G.cols() != tn)
            G.resize(n, tn);
        if (U.rows() != v || U.cols() != tn)
            U.resize(v, tn);
        if (DZ.rows() != m || DZ.cols() != tn)
            DZ.resize(m, tn);
        x.resize(n, count);
        drive.resize(n, count);
        gr.resize(n, count);
        g0.resize(n, count);
        z.resize(m, count);
    }

    void run(const Model& model, const Eigen::MatrixXd& aWt, const Batch& batch, Eigen::Index first,
             Eigen::Index count, double scale, const Progress& progress);
};

void Bptt::Part::run(const Model& model, const Eigen::MatrixXd& aWt, const Batch& batch,
                     Eigen::Index first, Eigen::Index count, double scale,
                     const Progress& progress) {
    const Eigen::Index n = model.units();
    const int steps = batch.steps;
    const double a = model.alpha();
    resize(n, model.inputs(), model.outputs(), count, steps);
    for (Eigen::Index j = 0; j < count; ++j)
        x.col(j) = model.x0.col(batch.trials[static_cast<std::size_t>(first + j)].x0Column);
    tanhInto(x, R.leftCols(count));
    const double sigma = networkNoiseOf(model, batch);
    noise.clear();
    if (sigma != 0.0)
        for (Eigen::Index j = 0; j < count; ++j)
            noise.emplace_back(batch.noiseSeed ^ kNetworkNoiseKey,
                               static_cast<std::uint64_t>(first + j));

    // Forward: the same equations, in the same order, as runTrials in core/simulation/simulate.cpp.
    sse = 0.0;
    for (int t = 0; t < steps; ++t) {
        const auto r = R.middleCols(t * count, count);
        auto rNext = R.middleCols((t + 1) * count, count);
        auto u = U.middleCols(t * count, count);
        auto dz = DZ.middleCols(t * count, count);
        u = batch.u[static_cast<std::size_t>(t)].middleCols(first, count);
        drive.noalias() = model.W_in * u;
        drive.colwise() += model.b;
        drive.noalias() += model.W * r;
        if (sigma != 0.0)
            for (Eigen::Index j = 0; j < count; ++j) {
                auto col = drive.col(j);
                noise[static_cast<std::size_t>(j)].addScaled(sigma, col);
            }
        x = (1.0 - a) * x + a * drive;
        tanhInto(x, rNext);
        z.noalias() = model.W_out * rNext;
        z.colwise() += model.b_z;
        dz = z - batch.y[static_cast<std::size_t>(t)].middleCols(first, count);
        if (!batch.mask.empty())
            dz.array() *= batch.mask[static_cast<std::size_t>(t)].middleCols(first, count).array();
        sse += dz.squaredNorm();
        if ((t & 63) == 0)
            progress.check();
    }
    DZ *= scale;

    // Backward: G_k = (1-a) G_{k+1} + (1 - r_k^2) .* (a W^T G_{k+1} + W_out^T dz_k).
    for (int k = steps; k >= 1; --k) {
        const auto r = R.middleCols(k * count, count);
        auto g = G.middleCols((k - 1) * count, count);
        gr.noalias() = model.W_out.transpose() * DZ.middleCols((k - 1) * count, count);
        if (k < steps) {
            const auto gNext = G.middleCols(k * count, count);
            gr.noalias() += aWt * gNext;
            g = (1.0 - a) * gNext.array() + (1.0 - r.array().square()) * gr.array();
        } else {
            g = (1.0 - r.array().square()) * gr.array();
        }
        if ((k & 63) == 0)
            progress.check();
    }
    const auto g1 = G.leftCols(count);
    gr.noalias() = aWt * g1;
    g0 = (1.0 - a) * g1.array() + (1.0 - R.leftCols(count).array().square()) * gr.array();

    // The weight gradients are sums over steps: one large product each instead of one per step.
    const Eigen::Index tn = count * steps;
    grad.setZeroLike(model);
    grad[Param::W].noalias() = a * (G * R.leftCols(tn).transpose());
    grad[Param::W_in].noalias() = a * (G * U.transpose());
    grad[Param::b] = a * G.rowwise().sum();
    grad[Param::W_out].noalias() = DZ * R.rightCols(tn).transpose();
    grad[Param::b_z] = DZ.rowwise().sum();
    for (Eigen::Index j = 0; j < count; ++j)
        grad[Param::x0].col(batch.trials[static_cast<std::size_t>(first + j)].x0Column) +=
            g0.col(j);
}

Bptt::Bptt() = default;
Bptt::~Bptt() = default;

double Bptt::lossAndGradient(const Model& model, const Batch& batch, Gradients& grad,
                             const BpttOptions& options, const Progress& progress) {
    const int trials = batch.trialCount();
    if (trials == 0 || batch.steps == 0)
        throw Error("the training batch is empty");
    if (batch.inputs != model.inputs() || batch.outputs != model.outputs())
        throw Error("the training batch has " + std::to_string(batch.inputs) + " inputs and " +
                    std::to_string(batch.outputs) + " outputs, the network " +
                    std::to_string(model.inputs()) + " and " + std::to_string(model.outputs()));
    for (const TrialInfo& t : batch.trials)
        if (t.x0Column < 0 || t.x0Column >= model.initialStates())
            throw Error("a training trial starts from initial state " +
                        std::to_string(t.x0Column + 1) + ", the network has " +
                        std::to_string(model.initialStates()));
    const int parts = std::clamp(options.parts, 1, trials);
    while (static_cast<int>(parts_.size()) < parts)
        parts_.push_back(std::make_unique<Part>());
    const Eigen::MatrixXd aWt = model.alpha() * model.W.transpose();
    // The entries the cost averages over (all, or those of the batch's mask).
    const double denom = batch.mask.empty()
                             ? static_cast<double>(model.outputs()) * batch.steps * trials
                             : batch.costCount();
    if (!(denom > 0))
        throw Error("the mask of the training trials counts no output");
    const double scale = 2.0 / denom;
    const int threads = options.threads <= 0 ? defaultThreadCount() : options.threads;
    parallelFor(parts, std::min(threads, parts), [&](int c) {
        const Eigen::Index first = static_cast<Eigen::Index>(trials) * c / parts;
        const Eigen::Index last = static_cast<Eigen::Index>(trials) * (c + 1) / parts;
        parts_[static_cast<std::size_t>(c)]->run(model, aWt, batch, first, last - first, scale,
                                                 progress);
    });
    // Fixed summation order: part 0, then part 1, ...
    grad.setZeroLike(model);
    double sse = 0.0;
    for (int c = 0; c < parts; ++c) {
        const Part& part = *parts_[static_cast<std::size_t>(c)];
        for (Param p : kAllParams)
            grad[p] += part.grad[p];
        sse += part.sse;
    }
    return sse / denom;
}

} // namespace opdims
