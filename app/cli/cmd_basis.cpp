// `opdims basis`: a basis (PC or operative dimensions) written to a file, for use elsewhere.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "core/analysis/basis_file.h"
#include "core/base/error.h"

#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    if (!args.has("out"))
        throw Error("--out FILE.npz or FILE.h5 is required");
    if (!args.has("basis"))
        throw Error("--basis pc|op-columns|op-rows[:SUBSET] is required");
    checkOutputs(args, {"out"});
    const Model m = loadModelArg(args);
    const TaskKind task = taskArg(args, m);
    const Basis basis = basisFromSpec(
        args, args.value("basis"), args.value("local"), args.value("locations", "all"), m, task,
        samplingBatchArg(args, task, m), terminalProgress("operative dimensions"));
    finishTerminalProgress();
    writeBasisFile(args.value("out"), basis);
    std::cout << "saved " << args.value("out") << ": " << basis.name << ", " << basis.units()
              << " x " << basis.size() << " (" << sideName(basis.side)
              << (basis.side == Side::Rows ? "; read it back with --type rows" : "") << ")\n";
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions(
        {modelOptions(),
         {taskOption(),
          {"basis", "pc|op-columns|op-rows[:SUBSET]", "the basis (SUBSET as for sweep)"},
          {"batch", "grid|random", "batch for the sampling locations (default grid)"},
          {"trials", "N|FILE",
           "random batch: trials per condition (default 10); or a trial-set file instead of "
           "--task"},
          {"repeat", "N", "with --trials FILE --batch random: copies of each trial (default 1)"},
          {"seed", "S", "seed of the random batch and of the row search (default 1)"}},
         globalOptions(),
         samplingOptions(),
         {{"out", "FILE", "where the basis goes: .npz or .h5 (see docs/file-format.md)"}}});
}

const Registration reg({"basis",
                        "MODEL --basis pc|op-columns|op-rows[:SUBSET] --out FILE.npz|FILE.h5",
                        "Write a basis of a network (N x K, with its strengths) to a file.",
                        "The file is a basis file (docs/file-format.md): Q with orthonormal "
                        "columns, most important first, and their strengths (singular values). "
                        "The side is not stored: 'sweep --basis-file FILE --type rows' reads a "
                        "basis of op-rows back.",
                        {"MODEL"},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
