// `opdims bench analysis`: times of the analysis pipeline, and the authors' optimiser to compare.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "core/analysis/sweep.h"
#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/compare/local_dims_bfgs.h"

#include <cstdio>
#include <iostream>

namespace opdims::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string sequence(const Eigen::VectorXd& v) {
    std::string s;
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        char b[32];
        std::snprintf(b, sizeof b, "%s%.6g", i ? " " : "", v(i));
        s += b;
    }
    return s;
}

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const TaskKind task = taskArg(args, m);
    const Batch grid = makeGridBatch(task, m.dt);
    const int compare = static_cast<int>(args.integer("compare", 2));
    if (compare < 0 || compare > 1000)
        throw Error("--compare must be between 0 and 1000");
    const LocalOptions local = localOptionsArg(args);

    auto t = Clock::now();
    const SweepResult pc = rankSweep(m, grid, pcBasis(m.W), allRanks(pcBasis(m.W)));
    const double pcSweep = secondsSince(t);

    t = Clock::now();
    const auto locations = locationsArg(args, m, task, grid, {});
    const double sampling = secondsSince(t);
    t = Clock::now();
    const auto rows = localDimensions(m, locations, Side::Rows, local);
    const double localRows = secondsSince(t);

    // The whole pipeline for the paper's figure: sampling locations, local and global column and
    // row dimensions, and the PC, operative-column and operative-row sweeps.
    t = Clock::now();
    const auto locs = locationsArg(args, m, task, grid, {});
    const auto cols = localDimensions(m, locs, Side::Columns, local);
    const auto rows2 = localDimensions(m, locs, Side::Rows, local);
    const Basis opc = globalDimensions(cols, Side::Columns).basis;
    const Basis opr = globalDimensions(rows2, Side::Rows).basis;
    const SweepResult s1 = rankSweep(m, grid, pcBasis(m.W), allRanks(opc));
    const SweepResult s2 = rankSweep(m, grid, opc, allRanks(opc));
    const SweepResult s3 = rankSweep(m, grid, opr, allRanks(opr));
    const double pipeline = secondsSince(t);

    long long rowDims = 0;
    for (const auto& l : rows)
        rowDims += l.dimensions();
    std::cout << "network " << args.positional(0) << " (" << taskName(task) << ", " << m.units()
              << " units), grid batch, " << defaultThreadCount() << " threads\n";
    std::printf("PC sweep k = 1..%d:                 %8.3f s\n", static_cast<int>(pc.points.size()),
                pcSweep);
    std::printf("sampling locations (%zu):           %8.3f s\n", locations.size(), sampling);
    std::printf("local row dimensions (%lld at %zu locations): %8.3f s\n", rowDims,
                locations.size(), localRows);
    std::printf("whole pipeline (local + global columns and rows, 3 sweeps): %8.3f s\n", pipeline);
    std::printf("smallest k with cost <= 2 x full (%.6g): PC %d, operative columns %d, rows %d\n",
                s1.fullCost, sufficientRank(s1), sufficientRank(s2), sufficientRank(s3));

    // The authors' way at a few locations spread over the list.
    for (int c = 0; c < compare && !locations.empty(); ++c) {
        const std::size_t i = locations.size() * static_cast<std::size_t>(c) /
                              static_cast<std::size_t>(std::max(compare, 1));
        const SamplingLocation& loc = locations[i];
        t = Clock::now();
        const LocalDimensions ours =
            localRowDimensions(m.W, m.alpha(), loc, local, static_cast<std::uint64_t>(i));
        const double tOurs = secondsSince(t);
        t = Clock::now();
        const LocalDimensions theirs =
            localRowDimensionsBfgs(m.W, m.alpha(), loc, local, static_cast<std::uint64_t>(i));
        const double tTheirs = secondsSince(t);
        // Fair step-by-step comparison: BFGS in the complement of opdims' earlier dimensions.
        Rng rng(local.seed, 1000 + static_cast<std::uint64_t>(i));
        const Eigen::VectorXd r = loc.x.array().tanh();
        Eigen::VectorXd same(ours.dimensions());
        double worst = 0.0;
        for (int d = 0; d < ours.dimensions(); ++d) {
            same(d) = bestRowDimensionBfgs(m.W, m.alpha(), r, ours.Q.leftCols(d), rng).deltaF;
            worst = std::max(worst, same(d) / ours.deltaF(d));
        }
        std::cout << "\nlocation t=" << loc.t << " " << conditionLabel(task, loc.condition)
                  << ":\n  opdims   " << ours.dimensions() << " dims in " << num(tOurs)
                  << " s, Delta_f: " << sequence(ours.deltaF) << "\n  BFGS-FD  "
                  << theirs.dimensions() << " dims in " << num(tTheirs)
                  << " s, Delta_f: " << sequence(theirs.deltaF)
                  << "\n  BFGS-FD in opdims' complements, step by step: " << sequence(same)
                  << "\n  largest ratio BFGS-FD / opdims over the steps: " << num(worst) << "\n";
    }
    return 0;
}

std::vector<OptionSpec> options() {
    auto o = joinOptions({modelOptions(), {taskOption()}, samplingOptions()});
    o.push_back({"seed", "S", "seed of the random starts (default 1)"});
    o.push_back({"compare", "N",
                 "locations at which to also run the authors' BFGS with finite differences "
                 "(default 2; 0 skips it)"});
    return o;
}

const Registration reg({"bench analysis",
                        "MODEL [--task ctxt|swg] [options]",
                        "Time the analysis: PC sweep, local row dimensions, whole pipeline.",
                        "Runs on the grid batch with all cores. With --compare N it also runs "
                        "the authors' optimiser (BFGS with finite-difference gradients from a "
                        "random start) at N locations and prints both Delta_f sequences.",
                        {"MODEL"},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
