// Lower priority for compute threads (Linux: per-thread nice value).
#include "app/explorer/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

namespace opdims::explorer {

void lowerCurrentThreadPriority() {
    // On Linux setpriority with a thread id changes that thread only; failure is harmless.
    const id_t tid = static_cast<id_t>(::gettid());
    if (::getpriority(PRIO_PROCESS, tid) < 5)
        ::setpriority(PRIO_PROCESS, tid, 5);
}

} // namespace opdims::explorer
