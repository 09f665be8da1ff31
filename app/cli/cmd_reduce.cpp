// `opdims reduce`: the network with dimensions of a basis kept or removed, as a model file.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/base/error.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"

#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    if (!args.has("out"))
        throw Error("--out FILE.h5 is required");
    checkOutputs(args, {"out"});
    if (!args.has("basis") && !args.has("basis-file"))
        throw Error("--basis or --basis-file is required (with --rank, --keep or --remove)");
    Model m = loadModelArg(args);
    const TaskKind task = taskArg(args, m);
    std::string label;
    const Eigen::MatrixXd W =
        selectedWeights(args, m, task, terminalProgress("operative dimensions"), label);
    finishTerminalProgress();
    const Batch batch = batchArg(args, task, m);
    Model reduced = m;
    reduced.W = W;
    reduced.task = task == TaskKind::Data ? m.task : task;
    reduced.name = m.name + " (" + label + ")";
    reduced.provenance = "opdims " OPDIMS_VERSION ": " + commandLine("reduce", args) +
                         (m.provenance.empty() ? "" : "; before that: " + m.provenance);
    saveModel(reduced, args.value("out"));
    std::cout << "saved " << args.value("out") << ": " << label << ", cost "
              << num(evaluateCost(reduced, reduced.W, batch)) << " on the " << batch.kind
              << " batch (full network " << num(evaluateCost(m, m.W, batch)) << ")\n";
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions({networkBatchOptions(),
                        selectionOptions(),
                        globalOptions(),
                        samplingOptions(),
                        {{"out", "FILE.h5", "where the reduced network goes (opdims format)"}}});
}

const Registration reg(
    {"reduce",
     "MODEL --basis pc|op-columns|op-rows[:SUBSET] (--rank K | --keep LIST | --remove LIST) "
     "--out FILE.h5",
     "Write the network with dimensions of a basis kept or removed, as a model file.",
     "--rank K keeps the first K dimensions (the reduced-rank weight matrix W_K = Q_K Q_K^T W for "
     "columns, W Q_K Q_K^T for rows); --keep LIST keeps any set of them; --remove LIST removes "
     "them (W minus its projection onto them). Everything but W is the network's own. 'opdims "
     "evaluate' of the file gives the cost of 'opdims evaluate MODEL --basis ... --rank K' and of "
     "'opdims sweep --exact' (or 'sweep --remove' for removed dimensions) bit for bit. The cost "
     "printed is on --batch (default the grid).",
     {"MODEL"},
     options()},
    run);

} // namespace
} // namespace opdims::cli
