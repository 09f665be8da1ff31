// Reading and checking batch plans (batch_plan.h, docs/batch.md).
#include "app/cli/batch_plan.h"

#include "core/base/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace opdims::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A plan lists at most this many items and steps, and is at most this large.
constexpr std::size_t kMaxPlanBytes = 64u << 20;
constexpr std::size_t kMaxItems = 1000000;
constexpr std::size_t kMaxSteps = 100;

// Options the batch sets itself (results go into its own files) or that make no sense there.
const std::set<std::string> kReservedOptions = {
    "out", "csv", "json", "log", "checkpoint", "from", "print-every", "help", "checkpoint-every"};

bool isStepCommand(const std::string& c) {
    return std::find(std::begin(kBatchStepCommands), std::end(kBatchStepCommands), c) !=
           std::end(kBatchStepCommands);
}

bool validName(const std::string& n) {
    if (n.empty() || n.size() > 100 || n[0] == '.' || n[0] == '-')
        return false;
    return std::all_of(n.begin(), n.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '.';
    });
}

bool knowsOption(const std::string& command, const std::string& option) {
    if (option == "threads")
        return true; // every command understands --threads
    const CommandSpec* spec = findCommand(command);
    if (!spec)
        return false;
    for (const OptionSpec& o : spec->options)
        if (o.name == option)
            return true;
    return false;
}

using Options = std::vector<std::pair<std::string, std::string>>;

// Sets (or replaces) one option, keeping the order of first appearance.
void setOption(Options& o, const std::string& name, const std::string& value) {
    for (auto& [n, v] : o)
        if (n == name) {
            v = value;
            return;
        }
    o.emplace_back(name, value);
}

// {"basis": "pc", "ks": "1-100", "starts": 200, "no-noise": true} as CLI options. Numbers keep
// their JSON text (the shortest that reads back the same); true is a flag, false leaves it out.
Options optionsOf(const json& j, const std::string& where) {
    if (j.is_null())
        return {};
    if (!j.is_object())
        throw Error(where + ": \"options\" must be an object of option names and values");
    Options out;
    for (const auto& [name, value] : j.items()) {
        if (kReservedOptions.count(name))
            throw Error(where + ": option \"" + name +
                        "\" is not allowed in a plan (the batch writes every result into its own "
                        "result file)");
        if (value.is_string())
            out.emplace_back(name, value.get<std::string>());
        else if (value.is_number())
            out.emplace_back(name, value.dump());
        else if (value.is_boolean()) {
            if (value.get<bool>())
                out.emplace_back(name, "");
        } else
            throw Error(where + ": option \"" + name +
                        "\" must be a string, a number or true/false");
    }
    return out;
}

std::string absolute(const fs::path& base, const std::string& p) {
    const fs::path path(p);
    return fs::weakly_canonical(path.is_absolute() ? path : base / path).string();
}

struct PipelineStep {
    std::string command, name;
    Options options;
};

} // namespace

const PlanItem& Plan::item(const std::string& which) const {
    char* end = nullptr;
    const long long n = std::strtoll(which.c_str(), &end, 10);
    if (!which.empty() && *end == '\0') {
        if (n < 1 || n > static_cast<long long>(items.size()))
            throw Error(path + ": there is no item " + which + " (the plan has " +
                        std::to_string(items.size()) + " items, numbered from 1)");
        return items[static_cast<std::size_t>(n - 1)];
    }
    for (const PlanItem& i : items)
        if (i.name == which)
            return i;
    throw Error(path + ": there is no item named \"" + which + "\"");
}

std::string Plan::resultPath(const PlanItem& i) const {
    return (fs::path(results) / (i.name + ".h5")).string();
}

std::string Plan::networkPath(const PlanItem& i) const {
    return (fs::path(results) / (i.name + ".network.h5")).string();
}

std::string Plan::logPath(const PlanItem& i) const {
    return (fs::path(results) / "logs" / (i.name + ".log")).string();
}

Plan readPlan(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw Error(path + ": cannot read the plan (" + ec.message() + ")");
    if (size > kMaxPlanBytes)
        throw Error(path + ": the plan is " + std::to_string(size) + " bytes, more than the " +
                    std::to_string(kMaxPlanBytes) + " a plan may have");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot read the plan");
    std::stringstream text;
    text << in.rdbuf();
    json j;
    try {
        j = json::parse(text.str());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        const auto cut = what.find("] ");
        throw Error(path + ": the plan is not valid JSON (" +
                    (cut == std::string::npos ? what : what.substr(cut + 2)) + ")");
    }
    if (!j.is_object())
        throw Error(path + ": a plan is a JSON object with \"pipeline\" and \"items\"");
    for (const auto& [key, value] : j.items())
        if (key != "results" && key != "options" && key != "pipeline" && key != "items" &&
            key != "comment")
            throw Error(path + ": unknown plan field \"" + key +
                        "\" (expected results, options, pipeline, items, comment)");

    Plan plan;
    plan.path = fs::absolute(path).lexically_normal().string();
    const fs::path base = fs::path(plan.path).parent_path();
    if (j.contains("results") && !j["results"].is_string())
        throw Error(path + ": \"results\" must be the path of the results folder");
    plan.results =
        absolute(base, j.value("results", fs::path(plan.path).stem().string() + "-results"));
    const Options planOptions = optionsOf(j.value("options", json()), path);

    // The pipeline.
    if (!j.contains("pipeline") || !j["pipeline"].is_array() || j["pipeline"].empty())
        throw Error(path + ": \"pipeline\" must be a non-empty list of steps");
    if (j["pipeline"].size() > kMaxSteps)
        throw Error(path + ": the pipeline has more than " + std::to_string(kMaxSteps) + " steps");
    std::vector<PipelineStep> pipeline;
    std::set<std::string> stepNames;
    bool pipelineTrains = false;
    for (std::size_t s = 0; s < j["pipeline"].size(); ++s) {
        const json& js = j["pipeline"][s];
        const std::string where = path + ": pipeline step " + std::to_string(s + 1);
        if (!js.is_object() || !js.contains("step") || !js["step"].is_string())
            throw Error(where + " must be an object with \"step\" (one of train, evaluate, "
                                "sweep, local, global, fixed-points)");
        for (const auto& [key, value] : js.items())
            if (key != "step" && key != "name" && key != "options")
                throw Error(where + ": unknown field \"" + key +
                            "\" (expected step, name, options)");
        PipelineStep p;
        p.command = js["step"].get<std::string>();
        if (!isStepCommand(p.command))
            throw Error(where + ": \"" + p.command +
                        "\" is not a step (train, evaluate, sweep, local, global, fixed-points)");
        if (js.contains("name") && !js["name"].is_string())
            throw Error(where + ": \"name\" must be text");
        p.name = js.value("name", p.command);
        if (!validName(p.name))
            throw Error(where + ": the name \"" + p.name +
                        "\" may use only letters, digits, '_', '-' and '.' (at most 100)");
        if (!stepNames.insert(p.name).second)
            throw Error(where + ": a second step named \"" + p.name +
                        "\" (give each step of the same command its own \"name\")");
        if (p.command == "train") {
            if (s != 0)
                throw Error(where + ": train must be the first step (the later ones analyse the "
                                    "trained network)");
            pipelineTrains = true;
        }
        p.options = optionsOf(js.value("options", json()), where);
        for (const auto& [name, value] : p.options)
            if (!knowsOption(p.command, name))
                throw Error(where + ": " + p.command + " has no option --" + name);
        pipeline.push_back(std::move(p));
    }
    for (const auto& [name, value] : planOptions) {
        bool known = false;
        for (const auto& p : pipeline)
            known = known || knowsOption(p.command, name);
        if (!known)
            throw Error(path + ": no step of the pipeline has the plan option --" + name);
    }

    // The items.
    if (!j.contains("items") || !j["items"].is_array() || j["items"].empty())
        throw Error(path + ": \"items\" must be a non-empty list of networks or training runs");
    if (j["items"].size() > kMaxItems)
        throw Error(path + ": the plan has more than " + std::to_string(kMaxItems) + " items");
    const std::size_t count = j["items"].size();
    const int width = static_cast<int>(std::to_string(count).size());
    std::set<std::string> itemNames;
    for (std::size_t i = 0; i < count; ++i) {
        const json& ji = j["items"][i];
        const std::string where = path + ": item " + std::to_string(i + 1);
        if (!ji.is_object())
            throw Error(where + " must be an object with \"network\" or \"train\"");
        for (const auto& [key, value] : ji.items())
            if (key != "name" && key != "network" && key != "train" && key != "options")
                throw Error(where + ": unknown field \"" + key +
                            "\" (expected name, network, train, options)");
        PlanItem item;
        item.index = static_cast<int>(i + 1);
        if (ji.contains("name")) {
            if (!ji["name"].is_string())
                throw Error(where + ": \"name\" must be text");
            item.name = ji["name"].get<std::string>();
        } else {
            std::string n = std::to_string(i + 1);
            item.name = "item-" + std::string(static_cast<std::size_t>(width) - n.size(), '0') + n;
        }
        if (!validName(item.name))
            throw Error(where + ": the name \"" + item.name +
                        "\" may use only letters, digits, '_', '-' and '.' (at most 100)");
        if (!itemNames.insert(item.name).second)
            throw Error(where + ": a second item named \"" + item.name + "\"");
        if (ji.contains("network") == ji.contains("train"))
            throw Error(where + ": give exactly one of \"network\" (a file) and \"train\" (the "
                                "options of a training run)");
        const Options itemOptions = optionsOf(ji.value("options", json()), where);
        Options trainOptions;
        if (ji.contains("network")) {
            if (!ji["network"].is_string() || ji["network"].get<std::string>().empty())
                throw Error(where + ": \"network\" must be the path of a network file");
            item.network = absolute(base, ji["network"].get<std::string>());
        } else {
            item.training = true;
            trainOptions = optionsOf(ji["train"], where + " (train)");
            for (const auto& [name, value] : trainOptions)
                if (!knowsOption("train", name))
                    throw Error(where + ": train has no option --" + name);
        }
        for (const auto& [name, value] : itemOptions) {
            bool known = false;
            for (const auto& p : pipeline)
                known = known || knowsOption(p.command, name);
            if (!known)
                throw Error(where + ": no step of the pipeline has the item option --" + name);
        }

        // The item's steps: plan options < step options < item options.
        std::vector<PipelineStep> steps = pipeline;
        if (item.training && !pipelineTrains)
            steps.insert(steps.begin(), PipelineStep{"train", "train", {}});
        if (item.training && stepNames.count("train") && !pipelineTrains)
            throw Error(where + ": a training run needs a step named \"train\", and another step "
                                "has that name");
        for (const PipelineStep& p : steps) {
            PlanStep s;
            s.command = p.command;
            s.name = p.name;
            for (const auto& [name, value] : planOptions)
                if (knowsOption(p.command, name))
                    setOption(s.options, name, value);
            for (const auto& [name, value] : p.options)
                setOption(s.options, name, value);
            for (const auto& [name, value] : itemOptions)
                if (knowsOption(p.command, name))
                    setOption(s.options, name, value);
            if (p.command == "train")
                for (const auto& [name, value] : trainOptions)
                    setOption(s.options, name, value);
            item.steps.push_back(std::move(s));
        }
        json entry;
        entry["item"] = ji;
        entry["pipeline"] = j["pipeline"];
        entry["options"] = j.value("options", json::object());
        entry["version"] = OPDIMS_VERSION;
        item.entry = entry.dump();
        plan.items.push_back(std::move(item));
    }
    // Every step's arguments parse as its command would parse them.
    for (const PlanItem& item : plan.items)
        for (const PlanStep& s : item.steps) {
            try {
                (void)stepArguments(plan, item, s);
            } catch (const Error& e) {
                throw Error(path + ": item " + std::to_string(item.index) + " (" + item.name +
                            "), step " + s.name + ": " + e.what());
            }
        }
    return plan;
}

namespace {

std::vector<std::string> stepArgv(const Plan& plan, const PlanItem& item, const PlanStep& step) {
    std::vector<std::string> argv;
    const bool trained = item.training || item.steps.front().command == "train";
    if (step.command == "train") {
        if (!item.training) {
            argv.push_back("--from");
            argv.push_back(item.network);
        }
    } else {
        argv.push_back(trained ? plan.networkPath(item) : item.network);
    }
    for (const auto& [name, value] : step.options) {
        // A trained network is one network in opdims' format: --net and --weights were for the
        // file it started from.
        if (trained && step.command != "train" && (name == "net" || name == "weights"))
            continue;
        argv.push_back("--" + name);
        if (!value.empty())
            argv.push_back(value);
    }
    return argv;
}

} // namespace

Args stepArguments(const Plan& plan, const PlanItem& item, const PlanStep& step) {
    const CommandSpec* spec = findCommand(step.command);
    if (!spec)
        throw Error("unknown step " + step.command);
    std::vector<std::string> argv = stepArgv(plan, item, step);
    // --threads is understood by every command; commands without their own option take it from
    // the process (the batch sets the thread count once).
    bool ownThreads = false;
    for (const OptionSpec& o : spec->options)
        ownThreads = ownThreads || o.name == "threads";
    if (!ownThreads)
        for (std::size_t i = 0; i < argv.size(); ++i)
            if (argv[i] == "--threads") {
                argv.erase(argv.begin() + static_cast<long>(i),
                           argv.begin() + static_cast<long>(std::min(i + 2, argv.size())));
                break;
            }
    return parseArguments(*spec, argv);
}

std::string stepCommandLine(const Plan& plan, const PlanItem& item, const PlanStep& step) {
    std::string s = "opdims " + step.command;
    for (const std::string& a : stepArgv(plan, item, step))
        s += " " + (a.find(' ') == std::string::npos && !a.empty() ? a : "'" + a + "'");
    return s;
}

} // namespace opdims::cli
