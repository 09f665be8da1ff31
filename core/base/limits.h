// Documented maxima checked before any allocation, and overflow-checked size arithmetic.
#pragma once

#include <cstdint>
#include <string>

namespace opdims::limits {

// Network sizes (docs/file-format.md, "Limits"). A network beyond them is refused with a sentence
// naming the file, the dataset, its size and the limit; nothing is allocated first.
inline constexpr long long kMaxUnits = 2048;
inline constexpr long long kMaxInputs = 4096;
inline constexpr long long kMaxOutputs = 4096;
inline constexpr long long kMaxInitialStates = 4096;
// One dataset or array read from a file: 2^24 float64 values (128 MiB).
inline constexpr long long kMaxElements = 1LL << 24;
// Chunks of one chunked HDF5 dataset (opdims writes one; h5py's automatic chunking of the largest
// dataset opdims reads makes a few hundred). HDF 1.10 finds chunk i by walking its index, so
// checking n chunks costs n^2 steps.
inline constexpr long long kMaxChunks = 4096;
// Values read from one file, all datasets together: 2^27 (1 GiB of float64). A small file can
// declare far more through compression; reading stops at this.
inline constexpr long long kMaxFileValues = 1LL << 27;
// Parameters beyond this magnitude would overflow the cost (squared outputs) in float64.
inline constexpr double kMaxAbsParameter = 1e100;
// Steps of one trial, trials of one batch, starts of a fixed-point search, training batch size.
inline constexpr long long kMaxSteps = 1000000;
inline constexpr long long kMaxTrials = 100000;
inline constexpr long long kMaxStarts = 100000;
inline constexpr long long kMaxBatchSize = 100000;
// Entries of a list option such as --ks or --times.
inline constexpr long long kMaxListEntries = 100000;
// Links listed in one HDF5 group (the authors' files hold one group per network, a local-dimension
// file one dataset per sampling location): a corrupt group can claim billions.
inline constexpr long long kMaxGroupLinks = 100000;
// A compressed archive member may expand to at most this multiple of its archive's size (plus
// 1 MiB): more is a decompression bomb, not a network.
inline constexpr long long kMaxExpansion = 1100;
// All members of one .npz together, uncompressed: 256 MiB (two of the largest arrays).
inline constexpr long long kMaxArchiveBytes = 1LL << 28;

// The memory one computation may allocate for its large arrays, in bytes: 2 GiB, or
// OPDIMS_MEMORY_LIMIT_MB when set to a whole number of MiB.
std::uint64_t memoryBudget();

// Throws Error("<what> needs X GB, more than opdims' memory limit of Y GB ...") when `bytes`
// exceeds memoryBudget(). `bytes` is a double so that absurd products do not wrap.
void checkMemory(const std::string& what, double bytes);

// a * b, or -1 when it overflows (both must be >= 0).
long long mulChecked(long long a, long long b);

// "12000" -> checks 1 <= value <= limit, else Error("<source>: <what> is 12000, more than the
// limit of 2048").
void checkCount(const std::string& source, const std::string& what, long long value,
                long long limit, long long minimum = 1);

} // namespace opdims::limits
