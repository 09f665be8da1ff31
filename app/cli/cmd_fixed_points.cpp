// `opdims fixed-points`: fixed and slow points of a network (or a reduced-rank version of it) for
// a constant input, with their linearisation, as text, JSON or an HDF5 file.
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/analysis/basis.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/basis_names.h"
#include "core/base/limits.h"
#include "core/fixed_points/fixed_points.h"
#include "core/fixed_points/io.h"
#include "core/fixed_points/starts.h"
#include "core/fixed_points/summary.h"

#include <cstdio>
#include <iostream>

namespace opdims::cli {
namespace {

void writeJson(const Args& args, TaskKind task, const FixedPointProblem& problem,
               const std::string& weights, const FixedPointResult& r, const PointSetSummary& s,
               double seconds) {
    Json j;
    j.beginObject()
        .field("file", args.positional(0))
        .field("task", taskName(task))
        .field("net", static_cast<long long>(args.integer("net", 1)))
        .field("problem", problem.description)
        .field("input", problem.input)
        .field("weights", weights)
        .field("starts", static_cast<long long>(r.runs.size()))
        .field("seconds", seconds)
        .field("fixed_runs", r.fixedRuns)
        .field("slow_runs", r.slowRuns)
        .field("discarded_runs", r.discardedRuns)
        .field("duplicates", r.duplicates)
        .field("outliers", r.outliers);
    j.beginObject("summary")
        .field("points", s.points)
        .field("first_pc_fraction", s.firstPcFraction)
        .field("along_axis_real_median", s.alongAxisRealMedian)
        .field("along_axis_real_min", s.alongAxisRealMin)
        .field("along_axis_real_max", s.alongAxisRealMax)
        .field("along_axis_alignment_median", s.alongAxisAlignmentMedian)
        .field("top_real_median", s.topRealMedian)
        .endObject();
    j.beginArray("points");
    for (const FixedPoint& p : r.points) {
        j.beginObject()
            .field("kind", pointKindName(p.kind))
            .field("class", stabilityName(p.linear.stability))
            .field("unstable_modes", p.linear.unstableModes)
            .field("q", p.q)
            .field("speed", p.speed)
            .field("starts", p.starts)
            .field("iterations", p.iterations)
            .field("x", p.x);
        j.beginObject("eigenvalues")
            .field("real", Eigen::VectorXd(p.linear.eigenvalues.real()))
            .field("imag", Eigen::VectorXd(p.linear.eigenvalues.imag()))
            .endObject();
        j.field("slow_direction", p.linear.slowDirection);
        if (p.linear.unstableModes > 0)
            j.field("unstable_direction", p.linear.unstableDirection);
        j.endObject();
    }
    j.endArray();
    std::cout << j.endObject().str();
}

void writeText(TaskKind task, const FixedPointProblem& problem, const std::string& weights,
               const FixedPointResult& r, const PointSetSummary& s, double seconds) {
    std::printf("%s, %s, %s weights: %zu points from %zu starts in %.2f s\n", taskName(task),
                problem.description.c_str(), weights.c_str(), r.points.size(), r.runs.size(),
                seconds);
    std::printf("runs: %d fixed, %d slow, %d discarded; %d duplicates merged, %d outliers\n",
                r.fixedRuns, r.slowRuns, r.discardedRuns, r.duplicates, r.outliers);
    std::printf("%5s %-6s %-12s %11s %11s %6s %24s\n", "#", "kind", "class", "speed", "q", "starts",
                "top eigenvalue");
    for (std::size_t i = 0; i < r.points.size(); ++i) {
        const FixedPoint& p = r.points[i];
        std::string cls = stabilityName(p.linear.stability);
        if (p.linear.stability == Stability::Saddle)
            cls += "(" + std::to_string(p.linear.unstableModes) + ")";
        const std::complex<double> top = p.linear.eigenvalues(0);
        std::printf("%5zu %-6s %-12s %11.3e %11.3e %6d %11.4g %+11.4gi\n", i + 1,
                    pointKindName(p.kind), cls.c_str(), p.speed, p.q, p.starts, top.real(),
                    top.imag());
    }
    std::printf("variance on the first principal component of the points: %.4f\n",
                s.firstPcFraction);
    std::printf("eigenvalue along that axis, real part: median %.4g (min %.4g, max %.4g), "
                "median |cos| to the axis %.3f\n",
                s.alongAxisRealMedian, s.alongAxisRealMin, s.alongAxisRealMax,
                s.alongAxisAlignmentMedian);
}

int run(const Args& args) {
    checkOutputs(args, {"out"});
    const auto start = std::chrono::steady_clock::now();
    const Model m = loadModelArg(args);
    const FixedPointsStep step = runFixedPointsStep(
        args, m, terminalProgress("operative dimensions"), terminalProgress("fixed points"));
    finishTerminalProgress();
    const TaskKind task = step.task;
    const FixedPointProblem& problem = step.problem;
    const std::string& weights = step.weights;
    const StartOptions& so = step.starts;
    const FixedPointOptions& options = step.options;
    const FixedPointResult& result = step.result;
    const PointSetSummary& summary = step.summary;
    if (args.has("out")) {
        FixedPointProvenance prov;
        prov.text = {{"model", args.positional(0)},
                     {"task", taskName(task)},
                     {"problem", problem.description},
                     {"weights", weights}};
        prov.numbers = {{"net", static_cast<double>(args.integer("net", 1))},
                        {"seed", static_cast<double>(so.seed)},
                        {"starts", static_cast<double>(so.count)},
                        {"jitter", so.jitter},
                        {"fixed_speed", options.fixedSpeed},
                        {"slow_q", options.slowQ},
                        {"merge_distance", options.mergeDistance},
                        {"marginal", options.marginal}};
        saveFixedPoints(args.value("out"), result, problem.input, prov);
    }
    const double seconds = secondsSince(start);
    if (args.has("json"))
        writeJson(args, task, problem, weights, result, summary, seconds);
    else
        writeText(task, problem, weights, result, summary, seconds);
    return 0;
}

std::vector<OptionSpec> options() {
    auto o = modelOptions();
    o.push_back(taskOption());
    o.push_back({"context", "C", "ctxt: context 1 or 2 with zero sensory input (default 1)"});
    o.push_back({"input", "v1,v2,...", "a constant input vector (one value per input)"});
    o.push_back({"trials", "FILE",
                 "a trial set (.npz, .h5) instead of --task: its trials give the starts"});
    o.push_back({"input-of", "CONDITION,T",
                 "with --trials: the input of that condition's trials at 1-based time T"});
    o.push_back({"starts", "N", "starting states sampled on the grid trajectories (default 1000)"});
    o.push_back({"seed", "S", "seed of the sampling and the jitter (default 1)"});
    o.push_back({"jitter", "SIGMA", "Gaussian noise added to every start (default 0)"});
    o.push_back({"basis", "pc|op-columns|op-rows[:SUBSET]|file:PATH",
                 "analyse the reduced-rank weight matrix of this basis (with --rank); SUBSET: "
                 "ctxt1, ctxt2, pos-choice, neg-choice (ctxt), freqN (swg); a file's dimensions "
                 "are columns"});
    o.push_back({"rank", "K", "dimensions of --basis kept"});
    o.push_back({"max-iterations", "N", "Newton iterations per start (default 200)"});
    o.push_back({"slow-q", "Q", "q below which a non-fixed point is a slow point (default 1e-6)"});
    o.push_back({"merge-distance", "D", "points closer than this are one (default 1e-3)"});
    o.push_back({"outlier-scale", "S",
                 "drop points farther from the starts' centroid than S times their mean "
                 "distance to it (default 10, 0: keep all)"});
    o.push_back({"marginal", "M", "|Re eigenvalue| <= M counts as marginal (default 1e-3)"});
    o.push_back({"threads", "N", "threads (default: all cores)"});
    o.push_back({"json", "", "print one JSON object with every point"});
    o.push_back({"out", "FILE.h5", "also write the points to an HDF5 file (atomically)"});
    return o;
}

const Registration reg(
    {"fixed-points",
     "MODEL [--task TASK | --trials FILE] [--context C | --input v1,...] [options]",
     "Find fixed and slow points of the flow for a constant input, with their linearisation.",
     "Minimises q(x) = 1/2 ||F(x)||^2, F(x) = -x + W tanh(x) + W_in u + b, from states sampled on "
     "the grid trajectories with a damped Newton method (exact Jacobian and Hessian). A fixed "
     "point has ||F|| < 1e-10; a slow point is a minimum of q below --slow-q. Each point's "
     "Jacobian -I + W diag(1 - tanh(x)^2) gives its eigenvalues and class (stable, marginal, "
     "saddle with its unstable modes, unstable). --out FILE.h5 holds /input and /points/{x, q, "
     "speed, kind (0 fixed, 1 slow), stability (0 stable, 1 marginal, 2 saddle, 3 unstable), "
     "unstable_modes, starts, start_index, iterations, eigenvalues_real, eigenvalues_imag, "
     "slow_direction, unstable_direction} with one row per point, and /runs (speed, iterations, "
     "converged per start); see docs/fixed-points.md.",
     {"MODEL"},
     options()},
    run);

} // namespace
} // namespace opdims::cli
