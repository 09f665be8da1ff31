// Atomic saves: write to a temporary file beside the target, then rename over it.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace opdims {

// Calls write(tmpPath), syncs the temporary to disk and renames it to `path` (then syncs the
// folder), only if write returned normally. On an exception, SIGINT, SIGTERM or SIGHUP the
// temporary is removed and `path` is untouched; errors name `path`, never the temporary.
// Temporaries are ".<name>.opdims-tmp-<pid>-<n>" beside the target; those of processes that no
// longer run (killed with SIGKILL) are removed by the next save of the same target.
void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write);

// Removes the temporaries in `folder` that processes which no longer run left behind (of any
// target); a program that resumes work in a folder calls it once at the start.
void removeStaleTemporariesIn(const std::string& folder);

// Before long work: throws Error when `output` (given by `option`, e.g. "--out") is one of the
// inputs, lies in a folder that does not exist, is a folder, or cannot be created or written.
void checkOutputPath(const std::string& output, const std::string& option,
                     const std::vector<std::string>& inputs);

} // namespace opdims
