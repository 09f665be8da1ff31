// `opdims batch`: many networks or training runs through one pipeline of CLI steps, resumable,
// in parallel on one machine or as a Slurm array job (docs/batch.md).
#include "app/cli/analysis_args.h"
#include "app/cli/batch_plan.h"
#include "app/cli/batch_run.h"
#include "app/cli/common.h"
#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/files/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include <sys/stat.h>
#include <sys/wait.h>

namespace opdims::cli {
namespace {

namespace fs = std::filesystem;

std::string thisCommand(const Args& args) {
    std::string s = "opdims batch";
    for (const auto& p : args.positionals_)
        s += " " + p;
    for (const auto& [name, value] : args.values_)
        s += " --" + name + (value.empty() ? "" : " " + value);
    return s;
}

int runOne(const Plan& plan, const PlanItem& item, const Args& args) {
    const ItemOutcome o = runItem(plan, item, thisCommand(args), args.has("force"));
    if (o.status == ItemStatus::Skipped) {
        std::cout << item.name << ": done before (skipped; --force runs it again)\n";
        return 0;
    }
    if (o.status == ItemStatus::Failed) {
        std::cerr << "opdims batch: " << item.name << ": " << o.error << "\n";
        return 1;
    }
    std::cout << item.name << ": done in " << num(std::round(o.seconds * 10) / 10) << " s, "
              << plan.resultPath(item) << "\n";
    return 0;
}

int run(const Args& args) {
    const Plan plan = readPlan(args.positional(0));
    const int threads = static_cast<int>(args.integer("threads", 0, 0, 1024));
    if (args.has("item") && args.has("array-task"))
        throw Error("give either --item or --array-task, not both");
    if (args.has("item")) {
        if (threads > 0)
            setDefaultThreadCount(threads);
        return runOne(plan, plan.item(args.value("item")), args);
    }
    if (args.has("array-task")) {
        const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
        if (!id)
            throw Error("--array-task needs SLURM_ARRAY_TASK_ID (set by Slurm in an array job)");
        Args a;
        a.values_["SLURM_ARRAY_TASK_ID"] = id;
        const long long task = a.integer("SLURM_ARRAY_TASK_ID", 0, 0, 1000000000);
        const long long chunk = args.integer("chunk", 1, 1, 1000000);
        const long long first = task * chunk;
        const long long count = static_cast<long long>(plan.items.size());
        if (first >= count)
            throw Error(plan.path + ": array task " + std::to_string(task) + " with --chunk " +
                        std::to_string(chunk) + " has no items (the plan has " +
                        std::to_string(count) + ")");
        if (threads > 0)
            setDefaultThreadCount(threads);
        int failed = 0;
        for (long long i = first; i < std::min(count, first + chunk); ++i)
            failed += runOne(plan, plan.items[static_cast<std::size_t>(i)], args) != 0;
        return failed ? 1 : 0;
    }
    const int jobs = static_cast<int>(args.integer("jobs", 1, 1, 1024));
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int perItem = threads > 0 ? threads : std::max(1, cores / jobs);
    std::vector<int> items(plan.items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i] = static_cast<int>(i);
    std::cout << plan.path << ": " << items.size() << (items.size() == 1 ? " item, " : " items, ")
              << jobs << " at a time, " << perItem << " thread" << (perItem == 1 ? "" : "s")
              << " each; results in " << plan.results << std::endl;
    const auto start = std::chrono::steady_clock::now();
    const auto outcomes = runItemsInChildren(plan, items, jobs, perItem, args.has("force"));
    int done = 0, skipped = 0, failed = 0;
    for (const auto& o : outcomes) {
        done += o.status == ItemStatus::Done;
        skipped += o.status == ItemStatus::Skipped;
        failed += o.status == ItemStatus::Failed;
    }
    std::cout << done << " done, " << skipped << " done before, " << failed << " failed in "
              << num(std::round(secondsSince(start) * 10) / 10) << " s"
              << (failed ? "; 'opdims batch merge' lists the errors" : "") << "\n";
    return failed ? 1 : 0;
}

int merge(const Args& args) {
    const Plan plan = readPlan(args.positional(0));
    const std::string csv = args.value("csv", (fs::path(plan.results) / "summary.csv").string());
    const std::string h5 = args.value("h5", (fs::path(plan.results) / "summary.h5").string());
    std::vector<std::string> inputs = {plan.path};
    for (const PlanItem& i : plan.items)
        inputs.push_back(plan.resultPath(i));
    std::error_code ec;
    fs::create_directories(plan.results, ec);
    checkOutputPath(csv, "--csv", inputs);
    checkOutputPath(h5, "--h5", inputs);
    const MergeCounts c = mergeResults(plan, csv, h5);
    std::cout << plan.items.size() << " items: " << c.done << " done, " << c.failed << " failed, "
              << c.missing << " missing; table " << csv << ", curves " << h5 << "\n";
    return 0;
}

int slurm(const Args& args) {
    const Plan plan = readPlan(args.positional(0));
    SlurmOptions o;
    o.chunk = static_cast<int>(args.integer("chunk", 1, 1, 1000000));
    o.throttle = static_cast<int>(args.integer("throttle", 0, 0, 1000000));
    o.cpus = static_cast<int>(args.integer("cpus", 1, 1, 1024));
    o.memory = args.value("mem");
    o.time = args.value("time");
    o.partition = args.value("partition");
    o.account = args.value("account");
    o.logs = args.has("logs") ? fs::absolute(args.value("logs")).string() : "";
    const std::string script = args.value(
        "script",
        (fs::path(plan.results) / (fs::path(plan.path).stem().string() + ".sbatch")).string());
    std::error_code ec;
    fs::create_directories(plan.results, ec);
    const std::string logs =
        o.logs.empty() ? (fs::path(plan.results) / "slurm-logs").string() : o.logs;
    fs::create_directories(logs, ec); // Slurm does not create the folder of --output
    if (ec)
        throw Error(logs + ": cannot create the folder for the array tasks' logs (" + ec.message() +
                    ")");
    checkOutputPath(script, "--script", {plan.path});
    const std::string text = slurmScript(plan, o);
    writeTextOutput(script, text);
    ::chmod(script.c_str(), 0755); // an sbatch script may also be run by hand
    const int tasks = (static_cast<int>(plan.items.size()) + o.chunk - 1) / o.chunk;
    std::cout << "wrote " << script << ": " << tasks << " array tasks for " << plan.items.size()
              << " items\n";
    if (!args.has("submit"))
        return 0;
    std::string quoted = "'";
    for (char c : script)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    FILE* p = ::popen(("sbatch --parsable " + quoted + " 2>&1").c_str(), "r");
    if (!p)
        throw Error(std::string("cannot run sbatch (") + std::strerror(errno) + ")");
    std::string output;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p))
        output += buf;
    const int status = ::pclose(p);
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
        output.pop_back();
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw Error("sbatch refused " + script + ": " +
                    (output.empty() ? std::string("no message (is Slurm installed?)") : output));
    // --parsable prints "jobid" or "jobid;cluster".
    std::cout << "submitted job " << output.substr(0, output.find(';')) << "\n";
    return 0;
}

const Registration regRun(
    {"batch",
     "PLAN [--jobs N] [--item I | --array-task] [options]",
     "Run a plan's pipeline on many networks or training runs; resumable.",
     "PLAN is a JSON file listing items (network files or training runs) and the pipeline of "
     "steps (train, evaluate, sweep, local, global, fixed-points with their CLI options) run on "
     "each; see docs/batch.md. Each item writes one HDF5 result file, atomically, into the plan's "
     "results folder; an item whose result file holds the same plan entry is skipped, so a killed "
     "run resumes where it stopped. Items run in child processes, --jobs at a time; a failed item "
     "is recorded with its error and the others go on. 'opdims batch merge PLAN' collects the "
     "results, 'opdims batch slurm PLAN' runs them on a Slurm cluster.",
     {"PLAN"},
     {{"jobs", "N", "items run at the same time (default 1)"},
      {"threads", "T",
       "threads per item (default: the cores divided by --jobs; results do not depend on it)"},
      {"item", "I", "run only item I (its number from 1, or its name) in this process"},
      {"array-task", "",
       "run the items of the Slurm array task SLURM_ARRAY_TASK_ID (with --chunk)"},
      {"chunk", "C", "items per array task (default 1)"},
      {"force", "", "run items again even when their result is done"}}},
    run);

const Registration regMerge(
    {"batch merge",
     "PLAN [--csv FILE] [--h5 FILE]",
     "Collect a plan's results: a table (CSV) and every item's curves (HDF5).",
     "One CSV row per item: its number, name, status (done, failed with its one-line error, or "
     "missing), network, seconds and each step's figures (cost; full cost and smallest k within 2x "
     "and 10x of it; local dimensions; fixed points and their classes; training loss). The HDF5 "
     "file holds the same figures as attributes and each step's datasets under /items/NAME/STEP.",
     {"PLAN"},
     {{"csv", "FILE", "the table (default RESULTS/summary.csv)"},
      {"h5", "FILE", "the curves (default RESULTS/summary.h5)"}}},
    merge);

const Registration regSlurm(
    {"batch slurm",
     "PLAN [--submit] [options]",
     "Write (and submit) an sbatch array script that runs a plan on a Slurm cluster.",
     "One array task per --chunk items; each task runs 'opdims batch PLAN --array-task' and finds "
     "its items from SLURM_ARRAY_TASK_ID. Items already done are skipped, so the script can be "
     "submitted again after a partial run. The results folder and the plan must be on a file "
     "system every node sees.",
     {"PLAN"},
     {{"script", "FILE", "where the script goes (default RESULTS/PLAN.sbatch)"},
      {"chunk", "C", "items per array task (default 1)"},
      {"throttle", "P", "at most P array tasks at once (sbatch --array=...%P)"},
      {"cpus", "N", "CPUs per array task, also its threads (default 1)"},
      {"mem", "SIZE", "memory per array task, e.g. 4G (default: the cluster's)"},
      {"time", "LIMIT", "time limit per array task, e.g. 02:00:00"},
      {"partition", "P", "Slurm partition"},
      {"account", "A", "Slurm account"},
      {"logs", "DIR", "folder of the array tasks' output (default RESULTS/slurm-logs)"},
      {"submit", "", "submit the script with sbatch and print the job id"}}},
    slurm);

} // namespace
} // namespace opdims::cli
