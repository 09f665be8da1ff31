// Options shared by the analysis subcommands (local, global, sweep, angles, bench analysis).
#pragma once

#include "app/cli/command.h"
#include "core/analysis/basis.h"
#include "core/analysis/global_dims.h"
#include "core/analysis/local_dims.h"
#include "core/analysis/local_io.h"
#include "core/model/model.h"
#include "core/tasks/task.h"

#include <string>
#include <vector>

namespace opdims::cli {

// --times and --starts: where local operative dimensions are computed and how rows are searched.
std::vector<OptionSpec> samplingOptions();
// --local, --locations: where local dimensions come from and which locations enter global ones.
std::vector<OptionSpec> globalOptions();

// The batch for sampling locations from --batch grid|random, --trials (random: per condition,
// default 10) and --seed.
Batch samplingBatchArg(const Args& args, TaskKind task, const Model& model);

// Sampling locations on the batch's condition averages at --times (default: the paper's).
std::vector<SamplingLocation> locationsArg(const Args& args, const Model& model, TaskKind task,
                                           const Batch& batch, const Progress& progress);
LocalOptions localOptionsArg(const Args& args);

// Local dimensions from `localFile` when not empty (the authors' layout), else computed on the
// batch at the sampling locations of --times.
std::vector<LocalDimensions> localDimsArg(const Args& args, const std::string& localFile,
                                          const Model& model, TaskKind task, Side side,
                                          const Batch& batch, const Progress& progress);

// --locations all|ctxt1|ctxt2|pos-choice|neg-choice (default all), restricted to --global-times
// and --conditions.
LocationFilter locationFilterArg(const Args& args, TaskKind task, const std::string& option);

// A basis by name (core/analysis/basis_names.h): "pc", "op-columns", "op-rows" (global operative
// dimensions from `localFile` or computed; a subset from the name, "op-columns:ctxt1", or from
// `locations`), or "file:PATH" with --type for its side.
// globalDimensions, with its errors ("no local operative dimension") naming where the local
// dimensions came from: the --local file, else the network file.
GlobalDimensions globalDimsArg(const Args& args, const std::string& localFile,
                               const std::vector<LocalDimensions>& local, Side side,
                               const LocationFilter& filter);

Basis basisFromSpec(const Args& args, const std::string& spec, const std::string& localFile,
                    const std::string& locations, const Model& model, TaskKind task,
                    const Batch& batch, const Progress& progress);

// Writes text to a file atomically, or to stdout when path is empty or "-".
void writeTextOutput(const std::string& path, const std::string& text);

} // namespace opdims::cli
