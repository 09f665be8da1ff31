// `opdims bench fixed-points`: the finder's damped Newton method against a first-order Adam
// minimiser of q from the same starts, both measured in the same run.
#include "app/cli/common.h"
#include "core/base/limits.h"
#include "core/base/parallel.h"
#include "core/compare/fixed_point_adam.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/flow.h"
#include "core/fixed_points/solver.h"
#include "core/fixed_points/starts.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace opdims::cli {
namespace {

// Quantile q of v (nearest rank); NaN when empty.
template <typename T> double quantile(std::vector<T> v, double q) {
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * double(v.size() - 1) + 0.5);
    return static_cast<double>(v[std::min(i, v.size() - 1)]);
}

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const TaskKind task = taskArg(args, m);
    if (args.has("context") && args.has("input"))
        throw Error("give either --context or --input, not both");
    const FixedPointProblem problem =
        args.has("input") ? inputProblem(m, task, parseVector(args.value("input"), "--input"))
                          : contextProblem(m, static_cast<int>(args.integer("context", 1)));
    StartOptions so;
    so.count = static_cast<int>(args.integer("starts", 1000, 1, limits::kMaxStarts));
    so.seed = args.seed("seed", 1);
    const int threads = static_cast<int>(args.integer("threads", defaultThreadCount(), 1, 1024));
    if (threads < 1)
        throw Error("--threads must be at least 1");
    so.threads = threads;
    FixedPointOptions fo;
    fo.threads = threads;
    AdamOptions ao;
    ao.threads = threads;
    ao.maxIterations = static_cast<int>(args.integer("adam-iterations", ao.maxIterations));
    ao.learningRate = args.number("learning-rate", ao.learningRate);
    ao.milestones = {1e-3, 1e-6, 1e-10};
    if (ao.maxIterations < 1 || !(ao.learningRate > 0))
        throw Error("--adam-iterations must be at least 1 and --learning-rate positive");

    auto t0 = std::chrono::steady_clock::now();
    const Eigen::MatrixXd starts = startsFromBatch(m, m.W, problem.batch, so);
    const double startSeconds = secondsSince(t0);
    t0 = std::chrono::steady_clock::now();
    const FixedPointResult newton = findFixedPoints(m, m.W, problem.input, starts, fo);
    const double newtonSeconds = secondsSince(t0);
    const Flow flow(m.W, constantDrive(m, problem.input));
    t0 = std::chrono::steady_clock::now();
    const std::vector<AdamRun> adam = minimiseSpeedAdam(flow, starts, ao);
    const double adamSeconds = secondsSince(t0);

    // Iterations over all starts, and over the starts whose Newton run ended at a fixed point
    // (the same points for both methods).
    std::vector<int> nIt, nItFixed, aItFixed;
    std::vector<double> aSpeedFixed;
    std::vector<std::vector<int>> aMilestone(ao.milestones.size());
    std::vector<int> aMissed(ao.milestones.size(), 0);
    double worstFixed = 0.0;
    int adamTarget = 0;
    for (std::size_t i = 0; i < newton.runs.size(); ++i) {
        const FixedPointRun& r = newton.runs[i];
        nIt.push_back(r.iterations);
        adamTarget += adam[i].run.speed < 1e-10;
        if (r.speed >= fo.fixedSpeed)
            continue;
        worstFixed = std::max(worstFixed, r.speed);
        nItFixed.push_back(r.iterations);
        aItFixed.push_back(adam[i].run.iterations);
        aSpeedFixed.push_back(adam[i].run.speed);
        for (std::size_t k = 0; k < ao.milestones.size(); ++k) {
            if (adam[i].milestoneIterations[k] >= 0)
                aMilestone[k].push_back(adam[i].milestoneIterations[k]);
            else
                ++aMissed[k];
        }
    }
    std::printf("%s %s, %d starts on %d threads (sampling the starts: %.3f s)\n", taskName(task),
                problem.description.c_str(), so.count, threads, startSeconds);
    std::printf("damped Newton (finder, incl. merging and linearisation): %.3f s, %zu points; "
                "%d runs reach ||F|| < 1e-10 (worst %.2e)\n",
                newtonSeconds, newton.points.size(), newton.fixedRuns, worstFixed);
    std::printf("  iterations, all runs: median %.0f, 90%% %.0f, max %.0f\n", quantile(nIt, 0.5),
                quantile(nIt, 0.9), quantile(nIt, 1.0));
    std::printf("  iterations, runs ending at a fixed point: median %.0f, 90%% %.0f, max %.0f\n",
                quantile(nItFixed, 0.5), quantile(nItFixed, 0.9), quantile(nItFixed, 1.0));
    std::printf("Adam (learning rate %g, adaptive; at most %d iterations): %.3f s; %d of %d runs "
                "reach ||F|| < 1e-10\n",
                ao.learningRate, ao.maxIterations, adamSeconds, adamTarget, so.count);
    std::printf("  on the %zu starts where Newton found a fixed point: final ||F|| median %.2e, "
                "90%% %.2e; iterations median %.0f\n",
                aSpeedFixed.size(), quantile(aSpeedFixed, 0.5), quantile(aSpeedFixed, 0.9),
                quantile(aItFixed, 0.5));
    for (std::size_t k = 0; k < ao.milestones.size(); ++k)
        std::printf("  first iteration with ||F|| < %g: median %.0f, 90%% %.0f (%zu runs; %d "
                    "never)\n",
                    ao.milestones[k], quantile(aMilestone[k], 0.5), quantile(aMilestone[k], 0.9),
                    aMilestone[k].size(), aMissed[k]);
    return 0;
}

std::vector<OptionSpec> options() {
    auto o = modelOptions();
    o.push_back(taskOption());
    o.push_back({"context", "C", "ctxt: context 1 or 2 with zero sensory input (default 1)"});
    o.push_back({"input", "v1,v2,...", "a constant input vector instead of a context"});
    o.push_back({"starts", "N", "starting states (default 1000)"});
    o.push_back({"seed", "S", "seed of the sampling (default 1)"});
    o.push_back({"threads", "N", "threads (default: all cores)"});
    o.push_back({"adam-iterations", "N", "Adam's iteration cap (default 5000)"});
    o.push_back({"learning-rate", "LR", "Adam's initial learning rate (default 0.1)"});
    return o;
}

const Registration reg({"bench fixed-points",
                        "MODEL [--task ctxt|swg] [options]",
                        "Time the fixed-point finder against a first-order (Adam) minimiser.",
                        "Both start from the same states sampled on the grid trajectories. "
                        "Newton's figures include merging and linearisation; Adam's are the "
                        "bare minimisation, batched per thread.",
                        {"MODEL"},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
