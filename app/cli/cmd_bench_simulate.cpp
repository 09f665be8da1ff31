// `opdims bench simulate`: the batched grid forward pass against a one-trial-at-a-time loop and
// the bare matrix-product floor, all measured in the same run.
#include "app/cli/common.h"
#include "core/base/parallel.h"
#include "core/simulation/simulate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace opdims::cli {
namespace {

template <typename F> double medianSeconds(int repeats, F f) {
    std::vector<double> t;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        t.push_back(secondsSince(start));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

// The same equations, one trial at a time with matrix-vector products and std::tanh: what a
// straightforward per-trial loop does.
double perTrialCost(const Model& m, const Batch& batch) {
    const double a = m.alpha();
    double sse = 0.0;
    Eigen::VectorXd x, r, drive;
    for (int j = 0; j < batch.trialCount(); ++j) {
        x = m.x0.col(batch.trials[static_cast<std::size_t>(j)].x0Column);
        r = x.array().tanh();
        for (int t = 0; t < batch.steps; ++t) {
            drive = m.W * r + m.W_in * batch.u[t].col(j) + m.b;
            x = (1.0 - a) * x + a * drive;
            r = x.unaryExpr([](double v) { return std::tanh(v); });
            const Eigen::VectorXd z = m.W_out * r + m.b_z;
            sse += (z - batch.y[t].col(j)).squaredNorm();
        }
    }
    return sse / (double(m.outputs()) * batch.steps * batch.trialCount());
}

// Only the recurrent products W * R per step, with the same trial chunks and threads as the
// batched simulation: the floor no simulation of these equations can beat.
double productFloor(const Model& m, const Batch& batch, int threads) {
    const int trials = batch.trialCount();
    std::vector<double> sink(static_cast<std::size_t>(threads), 0.0);
    parallelFor(threads, threads, [&](int c) {
        const int first = trials * c / threads, last = trials * (c + 1) / threads;
        Eigen::MatrixXd r = Eigen::MatrixXd::Constant(m.units(), last - first, 0.5);
        Eigen::MatrixXd out(m.units(), last - first);
        for (int t = 0; t < batch.steps; ++t) {
            out.noalias() = m.W * r;
            r.swap(out);
            r *= 0.01; // keep the numbers bounded without changing the work
        }
        sink[static_cast<std::size_t>(c)] = r.sum();
    });
    return sink[0];
}

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const TaskKind task = taskArg(args, m);
    const Batch batch = makeGridBatch(task, m.dt);
    const int threads = static_cast<int>(args.integer("threads", defaultThreadCount(), 1, 1024));
    const int repeats = static_cast<int>(args.integer("repeats", 15, 1, 100000));
    if (threads < 1 || repeats < 1)
        throw Error("--threads and --repeats must be at least 1");
    SimOptions options;
    options.threads = threads;
    double cost = 0, baselineCost = 0;
    evaluateCost(m, m.W, batch, options); // warm-up
    const double batched =
        medianSeconds(repeats, [&] { cost = evaluateCost(m, m.W, batch, options); });
    SimOptions single;
    single.threads = 1;
    const double batchedOne = medianSeconds(repeats, [&] { evaluateCost(m, m.W, batch, single); });
    const double floor = medianSeconds(repeats, [&] { productFloor(m, batch, threads); });
    const int baseRepeats = std::max(1, std::min(3, repeats));
    const double baseline =
        medianSeconds(baseRepeats, [&] { baselineCost = perTrialCost(m, batch); });
    const double n = m.units();
    const double flops =
        2.0 * n * (n + m.inputs() + m.outputs()) * batch.trialCount() * batch.steps;
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("task", taskName(task))
            .field("units", m.units())
            .field("trials", batch.trialCount())
            .field("steps", batch.steps)
            .field("threads", threads)
            .field("batched_seconds", batched)
            .field("batched_one_thread_seconds", batchedOne)
            .field("per_trial_loop_seconds", baseline)
            .field("product_floor_seconds", floor)
            .field("speedup_vs_per_trial_loop", baseline / batched)
            .field("ratio_to_floor", batched / floor)
            .field("gflops", flops / batched * 1e-9)
            .field("cost", cost)
            .field("per_trial_loop_cost", baselineCost);
        std::cout << j.endObject().str();
        return 0;
    }
    std::printf("grid forward pass of %s (%s, %d units, %d trials x %d steps), median of %d runs\n",
                args.positional(0).c_str(), taskName(task), m.units(), batch.trialCount(),
                batch.steps, repeats);
    std::printf("  batched, %d thread(s):        %8.2f ms  (%.1f GFLOP/s)\n", threads,
                batched * 1e3, flops / batched * 1e-9);
    std::printf("  batched, 1 thread:            %8.2f ms  (%.1f GFLOP/s)\n", batchedOne * 1e3,
                flops / batchedOne * 1e-9);
    std::printf("  one trial at a time (median of %d): %8.2f ms\n", baseRepeats, baseline * 1e3);
    std::printf("  bare W*R products, %d thread(s): %8.2f ms\n", threads, floor * 1e3);
    std::printf("  speed-up over one-trial loop: %.1fx\n", baseline / batched);
    std::printf("  ratio to the product floor:   %.2fx\n", batched / floor);
    std::printf("  cost %s (one-trial loop: %s)\n", num(cost).c_str(), num(baselineCost).c_str());
    return 0;
}

std::vector<OptionSpec> options() {
    auto o = modelOptions();
    o.push_back(taskOption());
    o.push_back(
        {"threads", "N", "threads for the batched pass and the floor (default: all cores)"});
    o.push_back({"repeats", "N", "timed repetitions, the median is reported (default 15)"});
    o.push_back({"json", "", "print one JSON object"});
    return o;
}

const Registration
    reg({"bench simulate",
         "MODEL [--task ctxt|swg] [options]",
         "Time the grid forward pass against a per-trial loop and the product floor.",
         "All three are measured in the same run, so the ratios hold on a busy "
         "machine even when the absolute times do not.",
         {"MODEL"},
         options()},
        run);

} // namespace
} // namespace opdims::cli
