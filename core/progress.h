// Progress reporting and cooperative cancellation shared by every long computation in core/.
#pragma once

#include "core/error.h"

#include <atomic>
#include <functional>

namespace opdims {

// A long computation calls report(done, total) now and then and throws Cancelled from check()
// once the flag is set. Either member may be empty.
struct Progress {
    std::function<void(double done, double total)> onProgress;
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void check() const {
        if (cancelled())
            throw Cancelled();
    }
    void report(double done, double total) const {
        if (onProgress)
            onProgress(done, total);
    }
};

} // namespace opdims
