// `opdims evaluate`: the cost of a network on a batch of its task.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"

#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const auto start = std::chrono::steady_clock::now();
    const EvaluateStep step = runEvaluate(args, m, terminalProgress("operative dimensions"));
    finishTerminalProgress();
    const bool reduced = step.weights != "full";
    const double seconds = secondsSince(start);
    const TaskKind task = step.task;
    const Batch& batch = step.batch;
    const double cost = step.cost;
    std::vector<std::pair<std::string, std::vector<GroupEffect>>> levels;
    if (args.has("per-condition"))
        for (const auto& [name, level] :
             {std::pair{"groups", EffectLevel::Group}, {"conditions", EffectLevel::Condition}})
            levels.emplace_back(name,
                                groupEffects(trialGroups(batch, level), step.sums.trialSquaredError,
                                             step.sums.trialDistance, batch));
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("file", args.positional(0))
            .field("task", taskName(task))
            .field("batch", batch.kind)
            .field("cost", cost)
            .field("weights", step.weights)
            .field("trials", batch.trialCount())
            .field("steps", batch.steps)
            .field("units", m.units())
            .field("seconds", seconds);
        if (batch.kind == "random")
            j.field("seed", static_cast<long long>(batch.noiseSeed));
        if (reduced)
            j.field("state_distance", step.sums.stateDistance);
        if (step.accuracy)
            j.field("sign_accuracy", step.accuracy->fraction())
                .field("signs_counted", step.accuracy->counted);
        for (const auto& [name, effects] : levels) {
            j.beginArray(name);
            for (const GroupEffect& e : effects)
                j.beginObject()
                    .field("label", e.label)
                    .field("trials", e.trials)
                    .field("cost", e.cost)
                    .field("state_distance", e.stateDistance)
                    .endObject();
            j.endArray();
        }
        std::cout << j.endObject().str();
        return 0;
    }
    std::cout << "cost " << num(cost) << "  (" << taskName(task) << ", " << batch.kind << " batch, "
              << batch.trialCount() << " trials x " << batch.steps << " steps, " << m.units()
              << " units)\n";
    if (reduced)
        std::cout << "weights " << step.weights << "; state distance to the full network "
                  << num(step.sums.stateDistance) << "\n";
    if (step.accuracy)
        std::cout << "output signs right: " << num(100.0 * step.accuracy->fraction()) << " % ("
                  << step.accuracy->correct << " of " << step.accuracy->counted
                  << " counted entries with a nonzero target)\n";
    for (const auto& [name, effects] : levels)
        for (const GroupEffect& e : effects) {
            std::string label = "  " + e.label;
            label.resize(std::max<std::size_t>(label.size() + 1, 18), ' ');
            std::cout << label << "cost " << num(e.cost);
            if (reduced)
                std::cout << "  state distance " << num(e.stateDistance);
            std::cout << "  (" << e.trials << " trials)\n";
        }
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions({networkBatchOptions(),
                        selectionOptions(),
                        globalOptions(),
                        samplingOptions(),
                        {{"json", "", "print one JSON object (cost, trials, steps, units, ...)"},
                         {"accuracy", "",
                          "also how often the output has its target's sign (entries the mask "
                          "counts with a nonzero target; always on for flipflop and decision)"},
                         {"per-condition", "",
                          "also the cost per context (ctxt) or frequency band (swg) and per "
                          "condition (ctxt: context x sign(coh1) x sign(coh2); swg: frequency)"}}});
}

const Registration reg({"evaluate",
                        "MODEL [--task TASK | --trials FILE] [options]",
                        "Compute a network's cost (MSE of output vs target) on a batch.",
                        "The cost is the mean over outputs, steps (burn-in included) and trials "
                        "of (z_t - y_t)^2.",
                        {"MODEL"},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
