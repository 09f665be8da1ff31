// `opdims local`: local operative dimensions at every sampling location, in the authors' layout.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/analysis/local_io.h"
#include "core/base/error.h"

#include <filesystem>
#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    checkOutputs(args, {"out"});
    if (!args.has("out"))
        throw Error("--out FILE.h5 is required");
    const Model m = loadModelArg(args);
    const auto start = std::chrono::steady_clock::now();
    const LocalStep step = runLocal(args, m, terminalProgress("local dimensions"));
    finishTerminalProgress();
    const TaskKind task = step.task;
    const Side side = step.side;
    const Batch& batch = step.batch;
    const auto& local = step.local;
    const double seconds = secondsSince(start);
    writeLocalDimensions(args.value("out"), task, m, local);
    long long dims = 0;
    double minLast = 0.0;
    for (const auto& l : local) {
        dims += l.dimensions();
        if (l.dimensions() > 0 && (minLast == 0.0 || l.deltaF(l.dimensions() - 1) < minLast))
            minLast = l.deltaF(l.dimensions() - 1);
    }
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("file", args.value("out"))
            .field("task", taskName(task))
            .field("type", sideName(side))
            .field("batch", batch.kind)
            .field("locations", static_cast<long long>(local.size()))
            .field("local_dimensions", dims)
            .field("seconds", seconds)
            .beginArray("delta_f");
        for (const auto& l : local)
            j.value(l.deltaF);
        std::cout << j.endArray().endObject().str();
        return 0;
    }
    std::cout << local.size() << " sampling locations, " << dims << " local "
              << (side == Side::Columns ? "column" : "row") << " dimensions in " << num(seconds)
              << " s; written to " << args.value("out") << "\n";
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions({networkBatchOptions(),
                        {{"type", "columns|rows", "column or row dimensions"}},
                        samplingOptions(),
                        {{"out", "FILE.h5", "output file (the authors' localOpDims layout)"},
                         {"json", "", "print a JSON summary with every Delta_f"}}});
}

const Registration
    reg({"local",
         "MODEL [--task TASK | --trials FILE] --type columns|rows --out FILE.h5 [options]",
         "Local operative dimensions at every sampling location (authors' HDF5 layout).",
         "Sampling locations are condition-average states of the batch (default: the noise-free "
         "grid; --batch random --seed S for the paper's noisy procedure) at --times; for the "
         "random batch --trials counts trials per condition (default 10). Columns: closed "
         "form, one dimension per location. Rows: greedy, each dimension maximises Delta_f among "
         "unit vectors orthogonal to the earlier ones, until Delta_f < 1e-8.",
         {"MODEL"},
         options()},
        run);

} // namespace
} // namespace opdims::cli
