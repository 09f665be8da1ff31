// A small parallel-for over indices on std::threads, with cancellation and exception transport.
#pragma once

#include "core/base/progress.h"

#include <functional>

namespace opdims {

// Number of worker threads to use when the caller passes 0: the override below if set, else the
// environment variable OPDIMS_THREADS (1..1024) if set, else the hardware concurrency. Results
// never depend on it (every parallel computation in core/ is bit-identical for any count).
int defaultThreadCount();
// Sets the count defaultThreadCount() returns (0 clears it); the CLI's --threads.
void setDefaultThreadCount(int threads);

// Calls body(i) for i in [0, count) on up to `threads` threads (0: defaultThreadCount()).
// Indices are handed out dynamically. The first exception thrown by a body is rethrown after all
// threads stop; a set cancel flag in `progress` stops handing out indices and throws Cancelled.
// progress.report(done, count) is called from the worker threads after each index.
void parallelFor(int count, int threads, const std::function<void(int)>& body,
                 const Progress& progress = {});

} // namespace opdims
