// `opdims angles`: principal angles between the leading dimensions of two bases.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "core/analysis/angles.h"
#include "core/base/error.h"
#include "core/model/io.h"

#include <cstdio>
#include <iostream>
#include <numbers>

namespace opdims::cli {
namespace {

// One side of the comparison: its own basis spec, subset, local file, network and rank.
Basis sideBasis(const Args& args, const std::string& p, const Model& base, TaskKind task,
                const Batch& batch, Model& storage) {
    if (!args.has(p))
        throw Error("--" + p + " is required (pc, op-columns, op-rows or file:PATH)");
    const Model* m = &base;
    if (args.has(p + "-net")) {
        LoadOptions o;
        o.net = static_cast<int>(args.integer(p + "-net", 1, 1, 2147483647));
        o.weights = args.value("weights", "final");
        storage =
            loadModel(args.has(p + "-model") ? args.value(p + "-model") : args.positional(0), o);
        m = &storage;
    } else if (args.has(p + "-model")) {
        storage = loadModel(args.value(p + "-model"));
        m = &storage;
    }
    if (m != &base)
        checkModelFitsTask(*m, task, args.value(p + "-model", args.positional(0)));
    Basis b = basisFromSpec(args, args.value(p), args.value(p + "-local"),
                            args.value(p + "-locations", "all"), *m, task, batch,
                            terminalProgress("basis " + p));
    finishTerminalProgress();
    if (m != &base)
        b.name += " of " + args.value(p + "-model", args.positional(0)) + " net " +
                  std::to_string(args.integer(p + "-net", 1, 1, 2147483647));
    return b;
}

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const TaskKind task = taskArg(args, m);
    const Batch batch = samplingBatchArg(args, task, m);
    Model ma, mb;
    const Basis a = sideBasis(args, "a", m, task, batch, ma);
    const Basis b = sideBasis(args, "b", m, task, batch, mb);
    const long long k = args.integer("k", 10);
    const long long ka = args.integer("a-k", k), kb = args.integer("b-k", k);
    if (ka < 1 || ka > a.size() || kb < 1 || kb > b.size())
        throw Error("--k must be between 1 and the basis size (" + std::to_string(a.size()) + ")");
    if (a.side != b.side)
        std::cerr << "note: comparing " << sideName(a.side) << " with " << sideName(b.side)
                  << " dimensions\n";
    const Eigen::VectorXd angles =
        principalAngles(a.Q.leftCols(ka), b.Q.leftCols(kb)) * (180.0 / std::numbers::pi);
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("a", a.name)
            .field("b", b.name)
            .field("a_k", ka)
            .field("b_k", kb)
            .field("angles_degrees", angles);
        std::cout << j.endObject().str();
        return 0;
    }
    std::cout << "principal angles (degrees) between the first " << ka << " dimensions of "
              << a.name << " and the first " << kb << " of " << b.name << ":\n";
    for (Eigen::Index i = 0; i < angles.size(); ++i)
        std::printf("%3d  %8.4f\n", static_cast<int>(i + 1), angles(i));
    return 0;
}

std::vector<OptionSpec> options() {
    auto o = networkBatchOptions();
    for (const char* p : {"a", "b"}) {
        const std::string s = p;
        o.push_back({s, "SPEC", "basis " + s + ": " + basisVocabulary()});
        o.push_back({s + "-locations", "SET", "sampling locations of " + s + "'s operative dims"});
        o.push_back({s + "-local", "FILE.h5", "local operative dimensions for " + s});
        o.push_back({s + "-net", "N", "network number for " + s + " (default: --net)"});
        o.push_back({s + "-model", "FILE", "another network file for " + s});
        o.push_back({s + "-k", "K", "dimensions of " + s + " to compare (default --k)"});
    }
    o.push_back({"k", "K", "leading dimensions of each basis to compare (default 10)"});
    o.push_back({"type", "columns|rows", "side of file: bases (default columns)"});
    o = joinOptions({o, samplingOptions()});
    o.push_back({"global-times", "LIST", "use only sampling locations at these times"});
    o.push_back({"conditions", "LIST", "use only these conditions (see opdims global --help)"});
    o.push_back({"json", "", "print JSON"});
    return o;
}

const Registration reg(
    {"angles",
     "MODEL [--task TASK | --trials FILE] --a SPEC --b SPEC [--k K] [options]",
     "Principal angles between the leading dimensions of two bases.",
     "Examples: --a op-columns --a-locations ctxt1 --b op-columns --b-locations ctxt2 (context 1 "
     "vs context 2); --a op-columns --b pc (operative vs PC); --a op-rows --b op-rows --b-net 2 "
     "(two networks).",
     {"MODEL"},
     options()},
    run);

} // namespace
} // namespace opdims::cli
