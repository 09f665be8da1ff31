// `opdims evaluate`: the cost of a network on a batch of its task.
#include "app/cli/common.h"
#include "app/cli/steps.h"

#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const auto start = std::chrono::steady_clock::now();
    const EvaluateStep step = runEvaluate(args, m);
    const double seconds = secondsSince(start);
    const TaskKind task = step.task;
    const Batch& batch = step.batch;
    const double cost = step.cost;
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("file", args.positional(0))
            .field("task", taskName(task))
            .field("batch", batch.kind)
            .field("cost", cost)
            .field("trials", batch.trialCount())
            .field("steps", batch.steps)
            .field("units", m.units())
            .field("seconds", seconds);
        if (batch.kind == "random")
            j.field("seed", static_cast<long long>(batch.noiseSeed));
        std::cout << j.endObject().str();
        return 0;
    }
    std::cout << "cost " << num(cost) << "  (" << taskName(task) << ", " << batch.kind << " batch, "
              << batch.trialCount() << " trials x " << batch.steps << " steps, " << m.units()
              << " units)\n";
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions({networkBatchOptions(),
                        {{"json", "", "print one JSON object (cost, trials, steps, units, ...)"}}});
}

const Registration reg({"evaluate",
                        "MODEL [--task ctxt|swg] [options]",
                        "Compute a network's cost (MSE of output vs target) on a batch.",
                        "The cost is the mean over outputs, steps (burn-in included) and trials "
                        "of (z_t - y_t)^2.",
                        {"MODEL"},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
