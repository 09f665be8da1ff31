// parallelFor on plain std::threads.
#include "core/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace opdims {

namespace {
std::atomic<int> g_threadOverride{0};
} // namespace

void setDefaultThreadCount(int threads) {
    g_threadOverride = threads > 0 ? threads : 0;
}

int defaultThreadCount() {
    if (const int o = g_threadOverride.load(); o > 0)
        return o;
    if (const char* env = std::getenv("OPDIMS_THREADS")) {
        char* end = nullptr;
        const long v = std::strtol(env, &end, 10);
        if (*env && *end == '\0' && v >= 1 && v <= 1024)
            return static_cast<int>(v);
    }
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

void parallelFor(int count, int threads, const std::function<void(int)>& body,
                 const Progress& progress) {
    if (count <= 0)
        return;
    if (threads <= 0)
        threads = defaultThreadCount();
    threads = std::min(threads, count);
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    std::mutex progressMutex;
    auto worker = [&] {
        for (;;) {
            if (failed.load() || progress.cancelled())
                return;
            const int i = next.fetch_add(1);
            if (i >= count)
                return;
            try {
                body(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(errorMutex);
                if (!error)
                    error = std::current_exception();
                failed = true;
                return;
            }
            const int d = done.fetch_add(1) + 1;
            if (progress.onProgress) {
                std::lock_guard<std::mutex> lock(progressMutex);
                progress.report(d, count);
            }
        }
    };
    if (threads == 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        pool.reserve(static_cast<std::size_t>(threads - 1));
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(worker);
        worker();
        for (auto& th : pool)
            th.join();
    }
    if (error)
        std::rethrow_exception(error);
    progress.check();
}

} // namespace opdims
