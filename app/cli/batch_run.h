// Running a batch plan: one item in this process, all items in parallel child processes, the
// merge of the result files and the Slurm array script (docs/batch.md).
#pragma once

#include "app/cli/batch_plan.h"

#include <string>
#include <vector>

namespace opdims::cli {

// What became of an item: done now, skipped (its result file holds this plan entry, done),
// failed (its result file holds the error) or missing (no result yet).
enum class ItemStatus { Done, Skipped, Failed, Missing };

struct ItemOutcome {
    ItemStatus status = ItemStatus::Missing;
    std::string error; // failed: the step and the one-sentence message
    double seconds = 0.0;
};

// True when the item's result file exists, is done and was made for the same plan entry.
bool itemDone(const Plan& plan, const PlanItem& item);

// Runs the item's steps in this process and writes its result file atomically (also when a step
// fails: then with status "failed" and the error). `command` is this process' command line, kept
// as provenance. Skips an item that is done unless `force`.
ItemOutcome runItem(const Plan& plan, const PlanItem& item, const std::string& command, bool force);

// Runs the items (indexes into plan.items) in up to `jobs` child processes of this executable,
// each with `threads` threads, and reports each on stdout. A child killed by a signal gets a
// failed result file naming the signal. Returns the outcomes in the order of `items`.
std::vector<ItemOutcome> runItemsInChildren(const Plan& plan, const std::vector<int>& items,
                                            int jobs, int threads, bool force);

// `opdims batch merge`: one CSV row per item (status, error and each step's figures) and an HDF5
// file with every item's curves. Returns the counts of done, failed and missing items.
struct MergeCounts {
    int done = 0, failed = 0, missing = 0;
};
MergeCounts mergeResults(const Plan& plan, const std::string& csvPath, const std::string& h5Path);

// The sbatch array script for the plan: one array task per `chunk` items.
struct SlurmOptions {
    int chunk = 1;
    int throttle = 0; // at most this many array tasks at once (0: no limit)
    int cpus = 1;
    std::string memory;    // e.g. "4G" (empty: the cluster's default)
    std::string time;      // e.g. "01:00:00"
    std::string partition; // empty: the default partition
    std::string account;
    std::string logs;       // folder of the array tasks' output (default <results>/slurm-logs)
    std::string executable; // the opdims the array tasks run (default: this one)
};
std::string slurmScript(const Plan& plan, const SlurmOptions& options);

// The absolute path of the running executable.
std::string selfExecutable();

} // namespace opdims::cli
