// Shared by the libFuzzer harnesses: the fuzzer's bytes as a file that HDF5, libzip and
// std::ifstream open by path, and the checks every harness makes after calling a reader.
#pragma once

#include "core/base/error.h"
#include "core/files/h5.h"

#include <hdf5.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace opdims::fuzz {

// Once per process (from LLVMFuzzerInitialize): HDF5 prints nothing and loads no plugins.
// HDF5's free list for fixed-size blocks may keep up to 4 MiB per type (default 64 KiB): each
// open file's metadata cache (H5C_t, about 600 KiB) is then reused instead of being allocated
// afresh through ASan's mmap allocator, which more than doubles the executions per second.
inline void initialise() {
    h5::quietErrors();
    H5set_free_list_limits(16 << 20, 4 << 20, 4 << 20, 256 << 10, 16 << 20, 1 << 20);
}

// The bytes as a file /dev/shm/opdims-fuzz-<pid><suffix> (tmpfs: no disk writes), created anew
// for each input and removed by the destructor; a crashed run's file is removed by the next run.
// The suffix is for readers that decide by extension (".npz", ".h5"). An anonymous memfd opened
// as /proc/self/fd/<fd> does not work: HDF5 1.10 resolves symbolic links with realpath() before
// it opens a file, and a memfd's link target ("/memfd:... (deleted)") is not a path.
class InputFile {
public:
    InputFile(const std::uint8_t* data, std::size_t size, const char* suffix = "") {
        removeStaleFiles();
        path_ = directory() + "/" + kPrefix + std::to_string(getpid()) + suffix;
        unlink(path_.c_str()); // a new inode per input: HDF5 identifies open files by inode
        const int fd = open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            die("open");
        std::size_t done = 0;
        while (done < size) {
            const ssize_t n = write(fd, data + done, size - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                die("write");
            done += static_cast<std::size_t>(n);
        }
        if (close(fd) != 0)
            die("close");
    }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile() { unlink(path_.c_str()); }

    const std::string& path() const { return path_; }

private:
    static constexpr const char* kPrefix = "opdims-fuzz-";

    [[noreturn]] void die(const char* what) const {
        std::fprintf(stderr, "fuzz_input: %s of %s failed: %s\n", what, path_.c_str(),
                     std::strerror(errno));
        std::abort();
    }

    // /dev/shm when it is a writable folder, else $TMPDIR or /tmp.
    static const std::string& directory() {
        static const std::string dir = [] {
            if (access("/dev/shm", W_OK | X_OK) == 0)
                return std::string("/dev/shm");
            const char* tmp = std::getenv("TMPDIR");
            return std::string(tmp && *tmp ? tmp : "/tmp");
        }();
        return dir;
    }

    // Files left by runs that crashed (their process no longer exists).
    static void removeStaleFiles() {
        static bool done = false;
        if (done)
            return;
        done = true;
        DIR* dir = opendir(directory().c_str());
        if (!dir)
            return;
        const std::string prefix = kPrefix;
        while (const dirent* e = readdir(dir)) {
            const std::string name = e->d_name;
            if (name.compare(0, prefix.size(), prefix) != 0)
                continue;
            const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
            if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
                unlink((directory() + "/" + name).c_str());
        }
        closedir(dir);
    }

    std::string path_;
};

// Runs one reader: opdims::Error is the expected answer to bad bytes; any other exception
// escapes and libFuzzer reports it as a crash.
template <typename Read> void expectErrorOrSuccess(Read&& read) {
    try {
        read();
    } catch (const Error&) {
    }
}

// After a reader returned or threw, no HDF5 file, group, dataset, datatype or attribute may
// still be open: a leaked handle keeps the file open, and HDF5 would hand its stale metadata
// to the next open of the same file.
inline void expectNoOpenHdf5Objects() {
    const ssize_t open = H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL);
    if (open != 0) {
        std::fprintf(stderr, "fuzz: %lld HDF5 objects are still open after the reader returned\n",
                     static_cast<long long>(open));
        std::abort();
    }
}

} // namespace opdims::fuzz
