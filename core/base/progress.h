// Progress reporting and cooperative cancellation shared by every long computation in core/.
#pragma once

#include "core/base/error.h"

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
    // One phase of a longer computation: its own progress (done / total) fills the share
    // [offset, offset + share] of this one's 0..1; the cancel flag is the same. The phase refers
    // to this object, which must outlive it.
    Progress phase(double offset, double share) const {
        Progress p;
        p.cancel = cancel;
        if (onProgress)
            p.onProgress = [this, offset, share](double done, double total) {
                report(offset + share * (total > 0 ? done / total : 1.0), 1.0);
            };
        return p;
    }
};

} // namespace opdims
