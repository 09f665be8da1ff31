// Atomic saves through a temporary file and rename(2).
#include "core/atomic_file.h"

#include "core/error.h"

#include <atomic>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace opdims {

void writeAtomically(const std::string& path,
                     const std::function<void(const std::string&)>& write) {
    namespace fs = std::filesystem;
    static std::atomic<unsigned> counter{0};
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(path + ": the folder " + dir.string() + " does not exist");
    const fs::path tmp = dir / ("." + target.filename().string() + ".tmp-" +
                                std::to_string(::getpid()) + "-" + std::to_string(counter++));
    try {
        write(tmp.string());
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(path + ": cannot replace the file (" + ec.message() + ")");
    }
}

} // namespace opdims
