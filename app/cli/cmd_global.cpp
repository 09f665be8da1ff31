// `opdims global`: global operative dimensions, their singular values and the basis.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/analysis/basis_file.h"
#include "core/base/error.h"

#include <cstdio>
#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    checkOutputs(args, {"out"});
    const Model m = loadModelArg(args);
    const GlobalStep step = runGlobal(args, m, terminalProgress("local dimensions"));
    finishTerminalProgress();
    const TaskKind task = step.task;
    const Side side = step.side;
    const GlobalDimensions& g = step.global;
    if (args.has("out"))
        writeBasisFile(args.value("out"), g.basis);
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("task", taskName(task))
            .field("type", sideName(side))
            .field("locations", g.locations)
            .field("local_dimensions", g.localDimensions)
            .field("singular_values", g.basis.strength)
            .field("variance_explained", g.varianceExplained)
            .beginArray("basis"); // one array per dimension (column of Q)
        for (Eigen::Index c = 0; c < g.basis.Q.cols(); ++c)
            j.value(Eigen::VectorXd(g.basis.Q.col(c)));
        std::cout << j.endArray().endObject().str();
        return 0;
    }
    std::cout << "global operative " << (side == Side::Columns ? "column" : "row")
              << " dimensions from " << g.locations << " sampling locations (" << g.localDimensions
              << " local dimensions)\n";
    std::cout << "dim  singular_value  variance_explained  cumulative\n";
    double cumulative = 0.0;
    for (Eigen::Index i = 0; i < g.basis.strength.size(); ++i) {
        cumulative += g.varianceExplained(i);
        std::printf("%3d  %14.8g  %18.8g  %10.6f\n", static_cast<int>(i + 1), g.basis.strength(i),
                    g.varianceExplained(i), cumulative);
    }
    if (!args.has("out"))
        std::cout << "(the basis itself: --json or --out FILE.npz|FILE.h5)\n";
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions(
        {networkBatchOptions(),
         {{"type", "columns|rows", "column or row dimensions"}},
         globalOptions(),
         samplingOptions(),
         {{"out", "FILE", "write the basis Q (N x N) and strengths to .npz or .h5"},
          {"json", "", "print singular values, variance explained and the basis as JSON"}}});
}

const Registration reg(
    {"global",
     "MODEL [--task TASK | --trials FILE] --type columns|rows [--local FILE.h5] [options]",
     "Global operative dimensions: singular values, variance explained and the basis.",
     "The left singular vectors of the matrix of Delta_f-scaled local operative dimensions over "
     "the chosen sampling locations (docs/method.md section 5). Without --local the local "
     "dimensions are computed first (sampling batch as in `opdims local`).",
     {"MODEL"},
     options()},
    run);

} // namespace
} // namespace opdims::cli
