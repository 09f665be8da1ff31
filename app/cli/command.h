// The CLI's subcommand registry and argument parsing shared by every `opdims` subcommand.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace opdims::cli {

struct OptionSpec {
    std::string name;      // without the leading "--"
    std::string valueName; // empty: a flag without value
    std::string help;
};

struct CommandSpec {
    std::string name;    // "evaluate", or "bench simulate" for a bench subcommand
    std::string usage;   // e.g. "MODEL --task ctxt|swg [options]"
    std::string summary; // one line for `opdims --help`
    std::string description;
    std::vector<std::string> positionals; // names of required positional arguments
    std::vector<OptionSpec> options;
};

class Args {
public:
    const std::string& positional(std::size_t i) const { return positionals_.at(i); }
    std::size_t positionalCount() const { return positionals_.size(); }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    // Numbers are checked and reported as "--name expects ...". Whole numbers must lie in
    // [lo, hi] (by default what an int holds); numbers must be finite.
    long long integer(const std::string& name, long long fallback, long long lo = -2147483647LL,
                      long long hi = 2147483647LL) const;
    double number(const std::string& name, double fallback) const;
    unsigned long long seed(const std::string& name, unsigned long long fallback) const;

    std::vector<std::string> positionals_;
    std::map<std::string, std::string> values_;
};

using RunFn = std::function<int(const Args&)>;

// Commands register themselves from their own .cpp through a static Registration.
struct Registration {
    Registration(CommandSpec spec, RunFn run);
};

// The registered command `name` ("sweep", "bench simulate"), or nullptr.
const CommandSpec* findCommand(const std::string& name);
// Parses argv (without the command's name) as the command would: unknown options, missing values
// and missing or extra positionals throw Error.
Args parseArguments(const CommandSpec& spec, const std::vector<std::string>& argv);

// Runs `opdims <argv...>`; returns the process exit code. Errors go to stderr as one line.
int runCli(int argc, char** argv);

// Options every command that loads a network understands (--net, --weights).
std::vector<OptionSpec> modelOptions();
// Common: --task.
OptionSpec taskOption();
// The groups one after the other: a command's options are mostly shared groups plus its own.
std::vector<OptionSpec> joinOptions(std::initializer_list<std::vector<OptionSpec>> groups);

// Parses a list like "1,5,10" or "1-100" or "1-100:5" into integers (throws Error).
std::vector<int> parseIntList(const std::string& text, const std::string& option);

// True when stderr is a terminal (progress is shown only then).
bool stderrIsTerminal();

} // namespace opdims::cli
