// A batch plan (docs/batch.md): the items (networks or training runs) and the pipeline of CLI
// steps run on each, read from a JSON file and checked completely before anything runs.
#pragma once

#include "app/cli/command.h"

#include <string>
#include <vector>

namespace opdims::cli {

// The commands a pipeline step may run.
inline constexpr const char* kBatchStepCommands[] = {"train", "evaluate", "sweep",
                                                     "local", "global",   "fixed-points"};

struct PlanStep {
    std::string command; // one of kBatchStepCommands
    std::string name;    // unique in the pipeline: the result group /steps/<name>
    // CLI options as `--name value` pairs (a flag has an empty value), plan-wide options and the
    // item's included: exactly the arguments the command would be given.
    std::vector<std::pair<std::string, std::string>> options;
};

struct PlanItem {
    int index = 0;       // 1-based position in the plan
    std::string name;    // unique: the result file <results>/<name>.h5
    std::string network; // absolute path of the network file; empty for a training run
    bool training = false;
    // The item's steps: the plan's pipeline with the item's options applied; a training run
    // starts with its train step.
    std::vector<PlanStep> steps;
    // The item's entry and the pipeline as canonical JSON: a result file whose entry differs was
    // made by another plan and is not reused.
    std::string entry;
};

struct Plan {
    std::string path;    // absolute path of the plan file
    std::string results; // absolute path of the results folder
    std::vector<PlanItem> items;

    // Throws Error naming the plan when the item does not exist. `which` is a 1-based number or
    // an item name.
    const PlanItem& item(const std::string& which) const;
    std::string resultPath(const PlanItem& item) const;  // <results>/<name>.h5
    std::string networkPath(const PlanItem& item) const; // <results>/<name>.network.h5 (trained)
    std::string logPath(const PlanItem& item) const;     // <results>/logs/<name>.log
};

// Reads and checks the plan: its JSON, every item and every step's options (as the command's own
// argument parser would). Throws Error with one sentence naming the plan and the problem.
Plan readPlan(const std::string& path);

// The arguments of one step of one item, parsed by the step's command, with the network the step
// reads (the item's file, or the network trained by an earlier step) as MODEL.
Args stepArguments(const Plan& plan, const PlanItem& item, const PlanStep& step);
// The same as a command line: "opdims sweep net.h5 --basis pc --net 2".
std::string stepCommandLine(const Plan& plan, const PlanItem& item, const PlanStep& step);

} // namespace opdims::cli
