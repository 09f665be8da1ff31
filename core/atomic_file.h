// Atomic saves: write to a temporary file beside the target, then rename over it.
#pragma once

#include <functional>
#include <string>

namespace opdims {

// Calls write(tmpPath) and renames tmpPath to `path` only if write returned normally. On an
// exception the temporary file is removed and the exception propagates; `path` is untouched.
void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write);

} // namespace opdims
