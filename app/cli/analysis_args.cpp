// Parsing of the analysis options into core calls.
#include "app/cli/analysis_args.h"

#include "app/cli/common.h"

#include "core/analysis/basis_file.h"
#include "core/analysis/basis_names.h"
#include "core/analysis/sampling.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace opdims::cli {

std::vector<OptionSpec> samplingOptions() {
    return {{"times", "LIST",
             "1-based sampling times, e.g. 1,100-1400:100 (default: ctxt 1,100,...,1400; swg "
             "1,50,...,500)"},
            {"starts", "N",
             "random starts per local row dimension besides the analytic ones (default 2)"}};
}

std::vector<OptionSpec> globalOptions() {
    return {{"local", "FILE.h5",
             "local operative dimensions in the authors' layout (default: compute them)"},
            {"locations", "SET",
             "sampling locations of the global dimensions: all (default), ctxt1, ctxt2, "
             "pos-choice, neg-choice (ctxt), freqN (swg: frequency id N)"},
            {"global-times", "LIST", "use only sampling locations at these times"},
            {"conditions", "LIST",
             "use only these conditions, e.g. Ctxt1Inps1_-1,Ctxt2Inps1_1 or Freq1,Freq6"}};
}

Batch samplingBatchArg(const Args& args, TaskKind task, const Model& model) {
    if (task == TaskKind::Data)
        return batchArg(args, task, model);
    const std::string kind = args.value("batch", "grid");
    if (kind == "grid" && args.has("trials"))
        throw Error("--trials applies to --batch random only (the grid batch is fixed)");
    const long long trials = args.integer("trials", 10, 1, limits::kMaxTrials);
    return samplingBatch(task, kind, static_cast<int>(trials), args.seed("seed", 1), model.dt);
}

std::vector<SamplingLocation> locationsArg(const Args& args, const Model& model, TaskKind task,
                                           const Batch& batch, const Progress& progress) {
    const std::vector<int> times = args.has("times") ? parseIntList(args.value("times"), "times")
                                                     : defaultSamplingTimes(batch);
    return samplingLocations(model, task, batch, analysisConditions(batch), times, progress);
}

LocalOptions localOptionsArg(const Args& args) {
    LocalOptions o;
    o.rowStarts = static_cast<int>(args.integer("starts", 2, 0, 1000));
    o.seed = args.seed("seed", 1);
    return o;
}

std::vector<LocalDimensions> localDimsArg(const Args& args, const std::string& localFile,
                                          const Model& model, TaskKind task, Side side,
                                          const Batch& batch, const Progress& progress) {
    if (!localFile.empty()) {
        LocalFile f = readLocalDimensions(localFile, side);
        if (f.task != task)
            throw Error(localFile + ": the file holds " + taskName(f.task) +
                        " sampling locations, the task is " + taskName(task));
        if (f.locations.front().Q.rows() != model.units())
            throw Error(localFile + ": the local dimensions have " +
                        std::to_string(f.locations.front().Q.rows()) +
                        " entries, the network has " + std::to_string(model.units()) + " units");
        return std::move(f.locations);
    }
    const auto locations = locationsArg(args, model, task, batch, progress);
    return localDimensions(model, locations, side, localOptionsArg(args), progress);
}

namespace {
LocationFilter filterFor(const Args& args, TaskKind task, const std::string& subset) {
    LocationFilter f = locationSubset(task, subset);
    if (args.has("global-times"))
        f = withTimes(std::move(f), parseIntList(args.value("global-times"), "global-times"));
    if (args.has("conditions")) {
        std::vector<std::string> labels;
        std::stringstream ss(args.value("conditions"));
        for (std::string part; std::getline(ss, part, ',');)
            if (!part.empty())
                labels.push_back(part);
        f = withConditions(std::move(f), task, labels);
    }
    return f;
}
} // namespace

LocationFilter locationFilterArg(const Args& args, TaskKind task, const std::string& option) {
    return filterFor(args, task, args.value(option, "all"));
}

GlobalDimensions globalDimsArg(const Args& args, const std::string& localFile,
                               const std::vector<LocalDimensions>& local, Side side,
                               const LocationFilter& filter) {
    try {
        return globalDimensions(local, side, filter);
    } catch (const Error& e) {
        throw Error((localFile.empty() ? args.positional(0) : localFile) + ": " + e.what());
    }
}

Basis basisFromSpec(const Args& args, const std::string& spec, const std::string& localFile,
                    const std::string& locations, const Model& model, TaskKind task,
                    const Batch& batch, const Progress& progress) {
    const BasisName name = parseBasisName(spec);
    switch (name.kind) {
    case BasisKind::Pc:
        return pcBasis(model.W);
    case BasisKind::File:
        return readBasisFile(name.path, model.units(), parseSide(args.value("type", "columns")));
    case BasisKind::Operative:
        break;
    }
    // The subset comes from the name (op-columns:ctxt1) or from the locations option.
    LocationSubset subset = name.subset;
    int frequency = name.frequency;
    int optionFrequency = 0;
    if (const LocationSubset option = parseLocationSubset(locations, &optionFrequency);
        option != LocationSubset::All) {
        if (subset != LocationSubset::All && (subset != option || frequency != optionFrequency))
            throw Error("basis '" + spec + "' and locations '" + locations + "' disagree");
        subset = option;
        frequency = optionFrequency;
    }
    const LocationFilter filter = filterFor(args, task, locationSubsetName(subset, frequency));
    const auto local = localDimsArg(args, localFile, model, task, name.side, batch, progress);
    Basis b = globalDimsArg(args, localFile, local, name.side, filter).basis;
    if (subset != LocationSubset::All)
        b.name += " (" + locationSubsetName(subset, frequency) + ")";
    return b;
}

void writeTextOutput(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text;
        return;
    }
    writeAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        out.close();
        if (!out)
            throw Error(path + ": cannot write the file");
    });
}

} // namespace opdims::cli
