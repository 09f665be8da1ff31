// `opdims trials`: a paper task's batch written as a trial-set file, or a trial set checked and
// summarised.
#include "app/cli/common.h"
#include "core/analysis/sampling.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/tasks/conditions.h"
#include "core/tasks/generated.h"
#include "core/tasks/trial_set.h"

#include <iostream>
#include <map>

namespace opdims::cli {
namespace {

void summarise(const Batch& b, const std::string& what) {
    std::map<std::string, int> counts;
    for (const TrialInfo& t : b.trials)
        ++counts[t.label];
    std::cout << what << ": " << b.trialCount() << " trials x " << b.steps << " steps, " << b.inputs
              << " inputs, " << b.outputs << " outputs"
              << (b.mask.empty() ? ""
                                 : ", with a mask (cost over " + num(b.costCount()) + " entries)")
              << "\n";
    std::cout << "conditions (" << counts.size() << "):";
    for (const Condition& c : labelConditions(b))
        std::cout << " " << c.label << " (" << counts[c.label] << ")";
    std::cout << "\n";
    if (!b.phases.empty()) {
        std::cout << "phases:";
        for (std::size_t i = 0; i < b.phases.size(); ++i) {
            const int end = i + 1 < b.phases.size() ? b.phases[i + 1].start : b.steps;
            std::cout << " " << b.phases[i].name << " (steps " << b.phases[i].start << "-"
                      << end - 1 << ")";
        }
        std::cout << "\n";
    }
    std::cout << "sampling times:";
    for (const int t : defaultSamplingTimes(b))
        std::cout << " " << t;
    std::cout << "\n";
    if (b.inputNoise > 0 || b.networkNoiseSigma >= 0)
        std::cout << "random batches: input noise " << num(b.inputNoise) << ", network noise "
                  << (b.networkNoiseSigma >= 0 ? num(b.networkNoiseSigma) : "the network's")
                  << "\n";
}

int run(const Args& args) {
    if (args.has("check")) {
        if (args.has("task") || args.has("out"))
            throw Error("give either --check FILE or --task and --out, not both");
        const Batch b = readTrialSet(args.value("check"));
        summarise(b, args.value("check"));
        return 0;
    }
    if (!args.has("task") || !args.has("out"))
        throw Error("--task TASK and --out FILE are required (or --check FILE)");
    checkOutputs(args, {"out"});
    const TaskKind task = parseTask(args.value("task"));
    const std::string kind = args.value("batch", "grid");
    if (kind == "grid" && args.has("trials"))
        throw Error("--trials applies to --batch random only (the grid batch is fixed)");
    const bool generated = isGeneratedTask(task);
    const long long trials = args.integer("trials",
                                          generated                ? generatedRandomTrials(task)
                                          : task == TaskKind::Ctxt ? 10
                                                                   : 100,
                                          1, limits::kMaxTrials);
    if (generated && args.has("dt"))
        throw Error("--dt applies to ctxt and swg only (the " + std::string(taskName(task)) +
                    " task is defined in steps)");
    if (generated && kind != "grid" && kind != "random")
        throw Error("unknown batch '" + kind + "' (expected grid or random)");
    const double dt = args.number("dt", 0.001);
    Batch b = !generated ? makeBatch(task, kind, static_cast<int>(trials), args.seed("seed", 1), dt)
              : kind == "grid"
                  ? generatedGridBatch(task)
                  : generatedRandomBatch(task, static_cast<int>(trials), args.seed("seed", 1));
    writeTrialSet(args.value("out"), b);
    summarise(readTrialSet(args.value("out")), "wrote " + args.value("out"));
    return 0;
}

std::vector<OptionSpec> options() {
    return {{"task", "ctxt|swg|flipflop|decision", "the task whose trials are written"},
            {"batch", "grid|random", "the grid (default) or a seeded random batch"},
            {"trials", "N",
             "random batch size: ctxt trials per context and coherency pair (default 10), swg "
             "trials with random frequency ids (default 100), flipflop trials (default 256), "
             "decision trials per coherence (default 20)"},
            {"seed", "S", "seed of the random batch (default 1)"},
            {"dt", "DT", "ctxt and swg: Euler step of the trials in seconds (default 0.001)"},
            {"out", "FILE", "the trial set to write (.npz, or HDF5 when it ends in .h5)"},
            {"check", "FILE", "read a trial set with every check and summarise it"}};
}

const Registration
    reg({"trials",
         "--task TASK --out FILE | --check FILE",
         "Write a task's trials as a trial-set file, or check and summarise one.",
         "With --task and --out: the task's grid batch (or, with --batch random, a seeded random "
         "batch including its input noise) as a trial set: inputs, targets, condition labels, "
         "initial states, input phases and the task's sampling conditions and times. Any command "
         "given '--trials FILE' instead of '--task' then gives the same results as with the task, "
         "bit for bit (the grid; a random batch's network noise comes from that command's --seed). "
         "With --check FILE: reads it with every check and prints its trials, conditions and "
         "phases. The "
         "format is in docs/file-format.md.",
         {},
         options()},
        run);

} // namespace
} // namespace opdims::cli
