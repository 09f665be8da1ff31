// Atomic saves through a temporary file, fsync and rename(2); temporaries are removed on errors,
// on SIGINT/SIGTERM/SIGHUP, and (when a killed process left them) by the next save to the folder.
#include "core/files/atomic_file.h"

#include "core/base/error.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace opdims {

namespace {

namespace fs = std::filesystem;

constexpr const char* kTmpMarker = ".opdims-tmp-";

// Temporaries being written, as fixed buffers a signal handler may read without allocating.
constexpr int kSlots = 32;
constexpr std::size_t kPathMax = 4096;
struct Slot {
    std::atomic<int> state{0}; // 0 free, 1 being filled, 2 holds a temporary's path
    char path[kPathMax];
};
Slot g_slots[kSlots];
struct sigaction g_previous[3];
constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void removeTemporariesAndReraise(int sig, siginfo_t* info, void* context) {
    for (Slot& s : g_slots)
        if (s.state.load() == 2)
            ::unlink(s.path);
    // Then whatever the program had chosen before: its own handler, ignoring, or the default.
    for (int i = 0; i < 3; ++i) {
        if (kSignals[i] != sig)
            continue;
        const struct sigaction& prev = g_previous[i];
        if (prev.sa_flags & SA_SIGINFO) {
            prev.sa_sigaction(sig, info, context);
        } else if (prev.sa_handler == SIG_DFL || prev.sa_handler == SIG_IGN) {
            ::signal(sig, SIG_DFL);
            ::raise(sig);
        } else {
            prev.sa_handler(sig);
        }
    }
}

// Installs the handler for each signal, chained to what the program had before, unless it is
// already in place or the signal is ignored (nohup: the save goes on and needs its temporary).
// Called before every save, so a handler the program set since is chained too.
void installHandlers() {
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock(mutex);
    for (int i = 0; i < 3; ++i) {
        struct sigaction current {};
        ::sigaction(kSignals[i], nullptr, &current);
        const bool ours =
            (current.sa_flags & SA_SIGINFO) && current.sa_sigaction == removeTemporariesAndReraise;
        const bool ignored = !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN;
        if (ours || ignored)
            continue;
        g_previous[i] = current;
        struct sigaction act {};
        act.sa_sigaction = removeTemporariesAndReraise;
        act.sa_flags = SA_SIGINFO;
        sigemptyset(&act.sa_mask);
        ::sigaction(kSignals[i], &act, nullptr);
    }
}

// Keeps a temporary's path where the signal handler finds it, for the lifetime of the object.
class Registered {
public:
    explicit Registered(const std::string& path) {
        if (path.size() >= kPathMax)
            return;
        for (int i = 0; i < kSlots; ++i) {
            int expected = 0;
            if (!g_slots[i].state.compare_exchange_strong(expected, 1))
                continue;
            std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
            g_slots[i].state.store(2);
            slot_ = i;
            return;
        }
    }
    ~Registered() {
        if (slot_ >= 0)
            g_slots[slot_].state.store(0);
    }
    Registered(const Registered&) = delete;
    Registered& operator=(const Registered&) = delete;

private:
    int slot_ = -1;
};

// Whether process `pid` still runs: it exists and is not a zombie (a killed process whose parent
// died too stays a zombie until init reaps it, which can take a while).
bool processRuns(long pid) {
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
        return false;
    std::FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    if (!f)
        return true; // no /proc: trust kill()
    char buf[512] = {};
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    const std::string stat(buf, n);
    const std::size_t paren = stat.rfind(") ");
    if (paren == std::string::npos || paren + 2 >= stat.size())
        return true;
    const char state = stat[paren + 2];
    return state != 'Z' && state != 'X';
}

// Removes temporaries left by processes that no longer run (killed with SIGKILL, or a power cut):
// ".<name>.opdims-tmp-<pid>-<n>", of the target `name` or (name empty) of any target.
void removeStaleTemporaries(const fs::path& dir, const std::string& name) {
    const std::string prefix = "." + name + kTmpMarker;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        std::size_t at = std::string::npos;
        if (!name.empty()) {
            if (file.compare(0, prefix.size(), prefix) == 0)
                at = prefix.size();
        } else if (!file.empty() && file[0] == '.') {
            const std::size_t marker = file.rfind(kTmpMarker);
            if (marker != std::string::npos)
                at = marker + std::strlen(kTmpMarker);
        }
        if (at == std::string::npos)
            continue;
        const std::string rest = file.substr(at);
        char* after = nullptr;
        const long pid = std::strtol(rest.c_str(), &after, 10);
        if (pid <= 0 || *after != '-')
            continue;
        if (!processRuns(pid)) {
            std::error_code rm;
            fs::remove(it->path(), rm);
        }
    }
}

void syncPath(const std::string& path, int flags, const std::string& target, const char* what) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        throw Error(target + ": cannot " + what + " (" + std::strerror(errno) + ")");
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    // Some file systems cannot sync a folder; that is not a failed save.
    if (rc != 0 && err != EINVAL && err != EROFS)
        throw Error(target + ": cannot " + what + " (" + std::strerror(err) + ")");
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    if (from.empty())
        return s;
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

fs::path folderOf(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

} // namespace

void removeStaleTemporariesIn(const std::string& folder) {
    removeStaleTemporaries(fs::path(folder), "");
}

void writeAtomically(const std::string& path,
                     const std::function<void(const std::string&)>& write) {
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    const fs::path dir = folderOf(target);
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(path + ": the folder " + dir.string() + " does not exist");
    if (fs::is_directory(target, ec))
        throw Error(path + ": is a folder, not a file");
    installHandlers();
    removeStaleTemporaries(dir, target.filename().string());
    const fs::path tmp = dir / ("." + target.filename().string() + kTmpMarker +
                                std::to_string(::getpid()) + "-" + std::to_string(counter++));
    const std::string tmpPath = tmp.string();
    Registered registered(tmpPath);
    try {
        write(tmpPath);
        syncPath(tmpPath, O_RDONLY, path, "write the file to disk");
    } catch (const Error& e) {
        fs::remove(tmp, ec);
        // The user knows the target, not our temporary name.
        throw Error(replaceAll(e.what(), tmpPath, path));
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    if (::rename(tmpPath.c_str(), path.c_str()) != 0) {
        const int err = errno;
        fs::remove(tmp, ec);
        throw Error(path + ": cannot replace the file (" + std::strerror(err) + ")");
    }
    syncPath(dir.string(), O_RDONLY | O_DIRECTORY, path, "write the folder entry to disk");
}

void checkOutputPath(const std::string& output, const std::string& option,
                     const std::vector<std::string>& inputs) {
    const fs::path target(output);
    std::error_code ec;
    for (const std::string& in : inputs) {
        if (in.empty())
            continue;
        std::error_code e1;
        const bool same = fs::exists(target, e1) ? fs::equivalent(target, fs::path(in), e1)
                                                 : fs::weakly_canonical(target, e1) ==
                                                       fs::weakly_canonical(fs::path(in), e1);
        if (same && !e1)
            throw Error(output + ": " + option +
                        " names an input of this command; choose another file for the output");
    }
    const fs::path dir = folderOf(target);
    if (!fs::is_directory(dir, ec))
        throw Error(output + ": " + option + " is in a folder that does not exist (" +
                    dir.string() + ")");
    if (fs::is_directory(target, ec))
        throw Error(output + ": " + option + " is a folder, not a file");
    // Try what the save will do, before the long work: create a file in the folder.
    const fs::path probe = dir / ("." + target.filename().string() + kTmpMarker +
                                  std::to_string(::getpid()) + "-probe");
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(output + ": " + option + " cannot be written (" + std::strerror(errno) + ")");
    ::close(fd);
    fs::remove(probe, ec);
    if (fs::exists(target, ec) && ::access(output.c_str(), W_OK) != 0 && errno == EROFS)
        throw Error(output + ": " + option + " cannot be written (" + std::strerror(errno) + ")");
}

} // namespace opdims
