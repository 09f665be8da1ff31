// Helpers shared by the CLI subcommands: loading the MODEL argument, task and batch options, JSON.
#pragma once

#include "app/cli/command.h"
#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <chrono>
#include <string>
#include <vector>

namespace opdims::cli {

// Loads positional 0 with --net and --weights.
Model loadModelArg(const Args& args);
// --trials FILE: a trial set instead of --task (any value of --trials that is not a whole number
// names a file; a whole number is the size of a random batch).
bool hasTrialSet(const Args& args);
// The trial set of --trials FILE, read once per process and path.
// The trial-set file of --trials as an absolute path (what a checkpoint keeps).
std::string trialSetPath(const Args& args);
// The generated task (flipflop, decision) a command runs on (--task, or the network's own), or
// Unknown when it runs on a paper task or a trial-set file.
TaskKind generatedTaskArg(const Args& args, const Model& model);
// The trials of a Data command: the --trials file, or a generated task's grid (cached).
const Batch& trialSetArg(const Args& args, const Model& model);

// --task, or the task the model declares or its sizes suggest, or Data with --trials FILE;
// checks the model fits it.
TaskKind taskArg(const Args& args, const Model& model);
// --batch grid|random, --trials, --seed (options from batchOptions()); with --trials FILE the
// file's trials (grid) or its random batch (--repeat copies of each trial, its noise, --seed).
Batch batchArg(const Args& args, TaskKind task, const Model& model);
std::vector<OptionSpec> batchOptions();
// What a command that simulates a network on a batch understands: --net, --weights, --task and
// the batch options.
std::vector<OptionSpec> networkBatchOptions();

// Before any work: each output option present (e.g. "out", "csv"; "-" means stdout) must name a
// writable file that is none of the command's inputs (the positionals and every other option
// whose value is an existing file), except the options in `mayBeInput` (a resumed checkpoint).
void checkOutputs(const Args& args, std::initializer_list<const char*> outputs,
                  std::initializer_list<const char*> mayBeInput = {});

// Shortest text that reads back as the same double.
std::string num(double v);

// A tiny JSON writer: objects and arrays nest; keys and strings are escaped.
class Json {
public:
    Json& beginObject(const std::string& key = {});
    Json& endObject();
    Json& beginArray(const std::string& key = {});
    Json& endArray();
    Json& field(const std::string& key, double v);
    Json& field(const std::string& key, long long v);
    Json& field(const std::string& key, int v) { return field(key, static_cast<long long>(v)); }
    Json& field(const std::string& key, bool v);
    Json& field(const std::string& key, const std::string& v);
    Json& field(const std::string& key, const char* v) { return field(key, std::string(v)); }
    Json& field(const std::string& key, const Eigen::VectorXd& v);
    Json& value(double v);
    Json& value(const Eigen::VectorXd& v);
    std::string str() const { return out_ + "\n"; }

private:
    void sep(const std::string& key);
    std::string out_;
    std::vector<bool> first_;
};

std::string escapeJson(const std::string& s);

// Progress on stderr when it is a terminal: "label: 45% (eta 3 s)".
Progress terminalProgress(const std::string& label);
void finishTerminalProgress();

double secondsSince(std::chrono::steady_clock::time_point start);

} // namespace opdims::cli
