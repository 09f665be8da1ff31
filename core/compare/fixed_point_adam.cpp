// The first-order (Adam) minimiser of q that the benchmark compares the finder's Newton method to.
#include "core/compare/fixed_point_adam.h"
#include "core/fixed_points/solver.h"

#include "core/base/fast_math.h"
#include "core/base/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace opdims {

namespace {

// Adam on a block of starts at once, so that F and W^T F are matrix products.
void adamBlock(const Flow& flow, Eigen::MatrixXd& X, std::vector<AdamRun>& out,
               const std::vector<int>& index, const AdamOptions& o, const Progress& progress) {
    const Eigen::Index n = X.rows();
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, X.cols()), v = m;
    Eigen::VectorXd lr = Eigen::VectorXd::Constant(X.cols(), o.learningRate);
    Eigen::VectorXd lastQ = Eigen::VectorXd::Constant(X.cols(), std::numeric_limits<double>::max());
    std::vector<int> active = index; // global index of each column of X
    Eigen::MatrixXd T(n, X.cols()), F, G;
    double b1t = 1.0, b2t = 1.0;
    const Eigen::MatrixXd Wt = flow.W().transpose();
    for (int it = 0; it < o.maxIterations && !active.empty(); ++it) {
        progress.check();
        T.resize(n, X.cols());
        tanhInto(X, T);
        F.noalias() = flow.W() * T;
        F.colwise() += flow.c();
        F -= X;
        const Eigen::VectorXd q = 0.5 * F.colwise().squaredNorm().transpose();
        // Retire the columns that reached the target; keep the rest packed.
        Eigen::Index keep = 0;
        for (Eigen::Index j = 0; j < X.cols(); ++j) {
            AdamRun& a = out[static_cast<std::size_t>(active[static_cast<std::size_t>(j)])];
            FixedPointRun& r = a.run;
            r.q = q(j);
            r.speed = std::sqrt(2.0 * q(j));
            r.iterations = it;
            r.x = X.col(j);
            for (std::size_t k = 0; k < o.milestones.size(); ++k)
                if (a.milestoneIterations[k] < 0 && r.speed < o.milestones[k])
                    a.milestoneIterations[k] = it;
            if (r.speed < o.targetSpeed) {
                r.converged = true;
                continue;
            }
            if (keep != j) {
                X.col(keep) = X.col(j);
                F.col(keep) = F.col(j);
                T.col(keep) = T.col(j);
                m.col(keep) = m.col(j);
                v.col(keep) = v.col(j);
                lr(keep) = lr(j);
                lastQ(keep) = lastQ(j);
                active[static_cast<std::size_t>(keep)] = active[static_cast<std::size_t>(j)];
            }
            lr(keep) *= q(j) < lastQ(keep) ? 1.05 : 0.5;
            lastQ(keep) = q(j);
            ++keep;
        }
        if (keep != X.cols()) {
            X.conservativeResize(n, keep);
            F.conservativeResize(n, keep);
            T.conservativeResize(n, keep);
            m.conservativeResize(n, keep);
            v.conservativeResize(n, keep);
            lr.conservativeResize(keep);
            lastQ.conservativeResize(keep);
            active.resize(static_cast<std::size_t>(keep));
        }
        if (keep == 0)
            break;
        G.noalias() = Wt * F;
        G.array() *= 1.0 - T.array().square();
        G -= F; // J^T F
        b1t *= o.beta1;
        b2t *= o.beta2;
        m = o.beta1 * m + (1.0 - o.beta1) * G;
        v.array() = o.beta2 * v.array() + (1.0 - o.beta2) * G.array().square();
        const Eigen::ArrayXXd step =
            (m.array() / (1.0 - b1t)) / ((v.array() / (1.0 - b2t)).sqrt() + o.epsilon);
        X.array() -= step.rowwise() * lr.transpose().array();
    }
    // Columns still active ran out of iterations.
    for (Eigen::Index j = 0; j < X.cols(); ++j) {
        AdamRun& a = out[static_cast<std::size_t>(active[static_cast<std::size_t>(j)])];
        FixedPointRun& r = a.run;
        r.iterations = o.maxIterations;
        r.x = X.col(j);
        const Eigen::VectorXd f = flow.velocity(r.x);
        r.q = 0.5 * f.squaredNorm();
        r.speed = f.norm();
        r.converged = r.speed < o.targetSpeed;
        for (std::size_t k = 0; k < o.milestones.size(); ++k)
            if (a.milestoneIterations[k] < 0 && r.speed < o.milestones[k])
                a.milestoneIterations[k] = o.maxIterations;
    }
}

} // namespace

std::vector<AdamRun> minimiseSpeedAdam(const Flow& flow, const Eigen::MatrixXd& starts,
                                       const AdamOptions& options, const Progress& progress) {
    const int count = static_cast<int>(starts.cols());
    std::vector<AdamRun> out(static_cast<std::size_t>(count));
    for (AdamRun& a : out)
        a.milestoneIterations.assign(options.milestones.size(), -1);
    const int threads = options.threads <= 0 ? defaultThreadCount() : options.threads;
    const int blocks = std::max(1, std::min(count, threads));
    parallelFor(
        blocks, threads,
        [&](int b) {
            const int first = static_cast<int>(static_cast<long long>(count) * b / blocks);
            const int last = static_cast<int>(static_cast<long long>(count) * (b + 1) / blocks);
            if (last <= first)
                return;
            Eigen::MatrixXd X = starts.middleCols(first, last - first);
            std::vector<int> index;
            for (int j = first; j < last; ++j)
                index.push_back(j);
            adamBlock(flow, X, out, index, options, progress);
        },
        progress);
    return out;
}

} // namespace opdims
