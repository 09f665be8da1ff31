// Subcommand registry, argument parsing and help text of the `opdims` CLI.
#include "app/cli/command.h"

#include "core/base/error.h"

#include "core/base/limits.h"
#include "core/base/parallel.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace opdims::cli {

namespace {

struct Entry {
    CommandSpec spec;
    RunFn run;
};

std::map<std::string, Entry>& registry() {
    static std::map<std::string, Entry> r;
    return r;
}

std::string helpText(const CommandSpec& spec) {
    std::ostringstream s;
    s << "usage: opdims " << spec.name << " " << spec.usage << "\n\n" << spec.summary << "\n";
    if (!spec.description.empty())
        s << "\n" << spec.description << "\n";
    if (!spec.options.empty()) {
        s << "\noptions:\n";
        for (const OptionSpec& o : spec.options) {
            std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
            if (left.size() < 28)
                left.resize(28, ' ');
            else
                left += "\n" + std::string(28, ' ');
            s << left << o.help << "\n";
        }
    }
    bool ownThreads = false;
    for (const OptionSpec& o : spec.options)
        ownThreads = ownThreads || o.name == "threads";
    if (!ownThreads)
        s << "  --threads N               worker threads (default: all cores; results do not "
             "depend on it)\n";
    s << "  --help                    show this help\n";
    return s.str();
}

std::string topHelp() {
    std::ostringstream s;
    s << "usage: opdims <command> [arguments]\n\n"
         "opdims analyses the operative dimensions of recurrent neural networks (Krause et al.,\n"
         "NeurIPS 2022). Commands:\n\n";
    std::map<std::string, std::vector<const Entry*>> groups;
    for (const auto& [name, e] : registry()) {
        const std::string head = name.substr(0, name.find(' '));
        groups[head].push_back(&e);
    }
    for (const auto& [head, entries] : groups)
        for (const Entry* e : entries) {
            std::string left = "  " + e->spec.name;
            left.resize(std::max<std::size_t>(left.size() + 1, 26), ' ');
            s << left << e->spec.summary << "\n";
        }
    s << "\nRun 'opdims <command> --help' for a command's options.\n";
    return s.str();
}

Args parse(const CommandSpec& spec, const std::vector<std::string>& argv) {
    Args a;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
            std::string name = arg.substr(2), value;
            const std::size_t eq = name.find('=');
            bool inlineValue = false;
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                inlineValue = true;
            }
            const OptionSpec* o = nullptr;
            for (const OptionSpec& candidate : spec.options)
                if (candidate.name == name)
                    o = &candidate;
            if (!o)
                throw Error("unknown option --" + name + " (see 'opdims " + spec.name +
                            " --help')");
            if (!o->valueName.empty() && !inlineValue) {
                if (i + 1 >= argv.size())
                    throw Error("--" + name + " needs a value (" + o->valueName + ")");
                value = argv[++i];
            } else if (o->valueName.empty() && inlineValue) {
                throw Error("--" + name + " takes no value");
            }
            a.values_[name] = value;
        } else {
            a.positionals_.push_back(arg);
        }
    }
    if (a.positionals_.size() < spec.positionals.size())
        throw Error("missing " + spec.positionals[a.positionals_.size()] + " (usage: opdims " +
                    spec.name + " " + spec.usage + ")");
    if (a.positionals_.size() > spec.positionals.size())
        throw Error("unexpected argument '" + a.positionals_[spec.positionals.size()] +
                    "' (usage: opdims " + spec.name + " " + spec.usage + ")");
    return a;
}

// --threads N works on every command (a command that has its own --threads keeps it): it sets
// the thread count of every parallel computation. Results do not depend on it.
void applyGlobalOptions(const CommandSpec& spec, std::vector<std::string>& argv) {
    for (const OptionSpec& o : spec.options)
        if (o.name == "threads")
            return;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        std::string value;
        std::size_t width = 0;
        if (argv[i] == "--threads") {
            if (i + 1 >= argv.size())
                throw Error("--threads needs a value (N)");
            value = argv[i + 1];
            width = 2;
        } else if (argv[i].rfind("--threads=", 0) == 0) {
            value = argv[i].substr(10);
            width = 1;
        } else {
            continue;
        }
        Args a;
        a.values_["threads"] = value;
        setDefaultThreadCount(static_cast<int>(a.integer("threads", 0, 1, 1024)));
        argv.erase(argv.begin() + static_cast<long>(i),
                   argv.begin() + static_cast<long>(i + width));
        --i;
    }
}

} // namespace

std::string Args::value(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

long long Args::integer(const std::string& name, long long fallback, long long lo,
                        long long hi) const {
    auto it = values_.find(name);
    if (it == values_.end())
        return fallback;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0')
        throw Error("--" + name + " expects a whole number, not '" + it->second + "'" +
                    (name == "trials" ? " (or a trial-set file: .npz, .h5 or .hdf5)" : ""));
    if (errno == ERANGE || v < lo || v > hi)
        throw Error("--" + name + " is " + it->second + ", expected a whole number from " +
                    std::to_string(lo) + " to " + std::to_string(hi));
    return v;
}

unsigned long long Args::seed(const std::string& name, unsigned long long fallback) const {
    auto it = values_.find(name);
    if (it == values_.end())
        return fallback;
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(it->second.c_str(), &end, 10);
    if (it->second.empty() || it->second[0] == '-' || *end != '\0' || errno != 0)
        throw Error("--" + name + " expects a non-negative whole number, not '" + it->second + "'");
    return v;
}

double Args::number(const std::string& name, double fallback) const {
    auto it = values_.find(name);
    if (it == values_.end())
        return fallback;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0' || !std::isfinite(v))
        throw Error("--" + name + " expects a finite number, not '" + it->second + "'");
    return v;
}

const CommandSpec* findCommand(const std::string& name) {
    auto it = registry().find(name);
    return it == registry().end() ? nullptr : &it->second.spec;
}

Args parseArguments(const CommandSpec& spec, const std::vector<std::string>& argv) {
    return parse(spec, argv);
}

Registration::Registration(CommandSpec spec, RunFn run) {
    const std::string name = spec.name;
    registry()[name] = Entry{std::move(spec), std::move(run)};
}

std::vector<OptionSpec> modelOptions() {
    return {{"net", "N", "network number in an authors' file with /NetNr<i> groups (default 1)"},
            {"weights", "final|init", "trained (final, default) or initial weights"}};
}

OptionSpec taskOption() {
    return {"task", "ctxt|swg|flipflop|decision",
            "the task (default: the network's own, or guessed from its inputs and outputs; "
            "--trials FILE instead gives the trials as data)"};
}

std::vector<OptionSpec> joinOptions(std::initializer_list<std::vector<OptionSpec>> groups) {
    std::vector<OptionSpec> out;
    for (const auto& g : groups)
        out.insert(out.end(), g.begin(), g.end());
    return out;
}

std::vector<int> parseIntList(const std::string& text, const std::string& option) {
    std::vector<int> out;
    std::stringstream ss(text);
    std::string part;
    auto toInt = [&](const std::string& s) {
        char* end = nullptr;
        errno = 0;
        const long long v = std::strtoll(s.c_str(), &end, 10);
        if (s.empty() || *end != '\0')
            throw Error("--" + option + ": '" + s + "' is not a whole number");
        if (errno == ERANGE || v < -1000000000LL || v > 1000000000LL)
            throw Error("--" + option + ": " + s + " is out of range (at most 1000000000 in size)");
        return v;
    };
    auto tooMany = [&]() {
        return Error("--" + option + " lists more than " + std::to_string(limits::kMaxListEntries) +
                     " values");
    };
    while (std::getline(ss, part, ',')) {
        if (part.empty())
            continue;
        const std::size_t dash = part.find('-', 1);
        if (dash == std::string::npos) {
            if (static_cast<long long>(out.size()) >= limits::kMaxListEntries)
                throw tooMany();
            out.push_back(static_cast<int>(toInt(part)));
            continue;
        }
        std::string rest = part.substr(dash + 1);
        long long stepSize = 1;
        const std::size_t colon = rest.find(':');
        if (colon != std::string::npos) {
            stepSize = toInt(rest.substr(colon + 1));
            rest = rest.substr(0, colon);
        }
        const long long lo = toInt(part.substr(0, dash)), hi = toInt(rest);
        if (stepSize < 1 || hi < lo)
            throw Error("--" + option + ": '" + part + "' is not a valid range");
        // Counted before anything is stored: a range of two billion values is refused at once.
        const long long count = (hi - lo) / stepSize + 1;
        if (count > limits::kMaxListEntries - static_cast<long long>(out.size()))
            throw tooMany();
        for (long long v = lo; v <= hi; v += stepSize)
            out.push_back(static_cast<int>(v));
    }
    if (out.empty())
        throw Error("--" + option + " is empty");
    return out;
}

bool stderrIsTerminal() {
    return ::isatty(2) == 1;
}

int runCli(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << topHelp();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "opdims " << OPDIMS_VERSION << "\n";
        return 0;
    }
    std::string name = args[0];
    std::size_t consumed = 1;
    // Two-word commands ("bench simulate").
    if (args.size() > 1 && registry().count(name + " " + args[1])) {
        name += " " + args[1];
        consumed = 2;
    }
    auto it = registry().find(name);
    if (it == registry().end()) {
        bool isGroup = false;
        for (const auto& [n, e] : registry())
            if (n.rfind(name + " ", 0) == 0)
                isGroup = true;
        if (isGroup) {
            std::cerr << "opdims " << name << ": choose one of:";
            for (const auto& [n, e] : registry())
                if (n.rfind(name + " ", 0) == 0)
                    std::cerr << " " << n.substr(name.size() + 1);
            std::cerr << "\n";
            return 2;
        }
        std::cerr << "opdims: unknown command '" << name << "' (see 'opdims --help')\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + static_cast<long>(consumed), args.end());
    for (const std::string& a : rest)
        if (a == "--help" || a == "-h") {
            std::cout << helpText(it->second.spec);
            return 0;
        }
    try {
        applyGlobalOptions(it->second.spec, rest);
        const Args parsed = parse(it->second.spec, rest);
        return it->second.run(parsed);
    } catch (const Cancelled&) {
        std::cerr << "opdims " << name << ": cancelled\n";
        return 130;
    } catch (const Error& e) {
        std::cerr << "opdims " << name << ": " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "opdims " << name << ": out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "opdims " << name << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace opdims::cli
