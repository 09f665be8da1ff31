// Memory budget and checked size arithmetic.
#include "core/base/limits.h"

#include "core/base/error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace opdims::limits {

std::uint64_t memoryBudget() {
    constexpr std::uint64_t kDefault = 2048ULL << 20;
    const char* env = std::getenv("OPDIMS_MEMORY_LIMIT_MB");
    if (!env || !*env)
        return kDefault;
    char* end = nullptr;
    errno = 0;
    const unsigned long long mb = std::strtoull(env, &end, 10);
    if (*end != '\0' || errno != 0 || mb == 0 || mb > (1ULL << 40))
        return kDefault;
    return mb << 20;
}

namespace {
std::string gigabytes(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g GB", bytes / 1e9);
    return buf;
}
} // namespace

void checkMemory(const std::string& what, double bytes) {
    const double budget = static_cast<double>(memoryBudget());
    if (!(bytes <= budget))
        throw Error(what + " needs " + gigabytes(bytes) + ", more than opdims' memory limit of " +
                    gigabytes(budget) + " (set OPDIMS_MEMORY_LIMIT_MB to raise it)");
}

long long mulChecked(long long a, long long b) {
    if (a < 0 || b < 0)
        return -1;
    if (a != 0 && b > std::numeric_limits<long long>::max() / a)
        return -1;
    return a * b;
}

void checkCount(const std::string& source, const std::string& what, long long value,
                long long limit, long long minimum) {
    const std::string prefix = source.empty() ? std::string() : source + ": ";
    if (value < minimum)
        throw Error(prefix + what + " is " + std::to_string(value) + ", it must be at least " +
                    std::to_string(minimum));
    if (value > limit)
        throw Error(prefix + what + " is " + std::to_string(value) + ", more than the limit of " +
                    std::to_string(limit));
}

} // namespace opdims::limits
