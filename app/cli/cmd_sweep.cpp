// `opdims sweep`: cost and state distance of reduced-rank weight matrices for a list of ranks k.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/sweep.h"
#include "core/base/error.h"

#include <iostream>
#include <sstream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    checkOutputs(args, {"csv"});
    const Model m = loadModelArg(args);
    const auto start = std::chrono::steady_clock::now();
    const SweepStep step =
        runSweep(args, m, terminalProgress("operative dimensions"), terminalProgress("sweep"));
    finishTerminalProgress();
    const Basis& basis = step.basis;
    const SweepResult& sweep = step.sweep;
    std::ostringstream csv;
    csv.precision(17);
    csv << "k,cost,state_distance";
    std::vector<TrialGroup> groups;
    if (args.has("per-condition")) {
        for (EffectLevel level : {EffectLevel::Group, EffectLevel::Condition})
            for (TrialGroup& g : trialGroups(step.batch, level))
                groups.push_back(std::move(g));
        for (const TrialGroup& g : groups)
            csv << ",cost[" << g.label << "]";
        for (const TrialGroup& g : groups)
            csv << ",state_distance[" << g.label << "]";
    }
    csv << "\n";
    for (const auto& p : sweep.points) {
        csv << p.k << ',' << num(p.cost) << ',' << num(p.stateDistance);
        if (!groups.empty()) {
            const auto effects =
                groupEffects(groups, p.trialSquaredError, p.trialDistance, step.batch);
            for (const GroupEffect& e : effects)
                csv << ',' << num(e.cost);
            for (const GroupEffect& e : effects)
                csv << ',' << num(e.stateDistance);
        }
        csv << '\n';
    }
    writeTextOutput(args.value("csv"), csv.str());
    if (args.has("csv") && !args.has("remove")) {
        const int k = sufficientRank(sweep);
        std::cout << "basis " << basis.name << ", full cost " << num(sweep.fullCost) << ", "
                  << sweep.points.size() << " ranks in " << secondsSince(start) << " s; "
                  << (k > 0 ? "smallest k with cost <= 2 x full: " + std::to_string(k)
                            : std::string("no k reaches 2 x the full cost"))
                  << "\n";
    }
    return 0;
}

std::vector<OptionSpec> options() {
    return joinOptions(
        {networkBatchOptions(),
         {{"basis", "pc|op-columns|op-rows[:SUBSET]",
           "the dimensions to keep, most important first; SUBSET (ctxt: ctxt1, ctxt2, "
           "pos-choice, neg-choice; swg: freqN) is the same as --locations"},
          {"basis-file", "FILE",
           "a user basis instead: orthonormal N x K matrix Q in .npz or .h5 (see --type)"},
          {"type", "columns|rows", "side of the --basis-file dimensions (default columns)"}},
         globalOptions(),
         samplingOptions(),
         {{"ks", "LIST", "ranks to evaluate, e.g. 1,5,10 or 1-100 or 1-100:5 (default all)"},
          {"csv", "FILE", "write the CSV here (default stdout)"},
          {"remove", "",
           "remove the first k dimensions from W instead of keeping them (W minus their "
           "projection)"},
          {"exact", "",
           "simulate the dense reduced-rank weight matrix, so that each cost equals 'opdims "
           "evaluate' of the network 'opdims reduce' writes bit for bit (slower)"},
          {"per-condition", "",
           "add columns cost[GROUP] and state_distance[GROUP] per context (ctxt) or frequency "
           "band (swg) and per condition"}}});
}

const Registration reg(
    {"sweep",
     "MODEL [--task TASK | --trials FILE] --basis pc|op-columns|op-rows [options]",
     "Cost and state distance of reduced-rank weight matrices W_k for each rank k.",
     "Prints CSV with the header k,cost,state_distance. W_k keeps the first k dimensions of the "
     "basis (docs/method.md section 3); the state distance is to the full network on the same "
     "batch. Operative dimensions come from --local or are computed at the sampling locations on "
     "the same batch.",
     {"MODEL"},
     options()},
    run);

} // namespace
} // namespace opdims::cli
