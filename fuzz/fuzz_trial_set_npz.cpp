// Trial sets as .npz (docs/file-format.md): readTrialSet, which reads every member with readNpz
// (up to 3-D numbers and 1-D text) and checks every shape, value and label.
//
// libzip refuses a member whose CRC-32 does not match its bytes, so nearly every mutation of a
// member's bytes would end there, before the .npy parser and readTrialSet's checks. The custom
// mutator therefore sets the CRC-32 (and a deflated member's uncompressed size) of every member
// in the central directory to match its data after each mutation; the inputs it writes (and so
// the artifacts) are files that fail the same way outside the harness. fuzz_npz fuzzes the zip
// container with the CRCs as they come.
#include "core/tasks/trial_set.h"
#include "fuzz/fuzz_input.h"

#include <zlib.h>

#include <string>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {

constexpr std::size_t kMaxInflated = 16u << 20; // members beyond this keep their CRC

std::uint32_t get(const std::uint8_t* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

void put32(std::uint8_t* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// The CRC-32 and length of a raw deflate stream's output, or false if it does not inflate (or
// inflates to more than kMaxInflated bytes).
bool inflatedCrc(const std::uint8_t* in, std::size_t size, std::uint32_t& crc,
                 std::uint32_t& length) {
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK)
        return false;
    z.next_in = const_cast<Bytef*>(in);
    z.avail_in = static_cast<uInt>(size);
    std::string out(64 << 10, '\0');
    uLong c = crc32(0, nullptr, 0);
    std::size_t total = 0;
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&z, Z_NO_FLUSH);
        const std::size_t got = out.size() - z.avail_out;
        c = crc32(c, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(got));
        total += got;
        if (total > kMaxInflated || (rc == Z_OK && got == 0 && z.avail_in == 0))
            rc = Z_DATA_ERROR;
    }
    inflateEnd(&z);
    crc = static_cast<std::uint32_t>(c);
    length = static_cast<std::uint32_t>(total);
    return rc == Z_STREAM_END;
}

// Every member the central directory lists whose local header and data lie inside the bytes.
void fixCrcs(std::uint8_t* data, std::size_t size) {
    if (size < 22)
        return;
    std::size_t end = size - 22;
    const std::size_t lowest = size > 22 + 65535 ? size - 22 - 65535 : 0;
    while (get(data + end, 4) != 0x06054b50) {
        if (end == lowest)
            return;
        --end;
    }
    const std::uint32_t count = get(data + end + 10, 2);
    std::size_t at = get(data + end + 16, 4);
    for (std::uint32_t i = 0; i < count && at + 46 <= size; ++i) {
        std::uint8_t* central = data + at;
        if (get(central, 4) != 0x02014b50)
            return;
        const std::uint32_t method = get(central + 10, 2);
        const std::size_t stored = get(central + 20, 4);
        const std::size_t local = get(central + 42, 4);
        at += 46 + get(central + 28, 2) + get(central + 30, 2) + get(central + 32, 2);
        if (stored == 0xFFFFFFFFu || local > size || size - local < 30 ||
            get(data + local, 4) != 0x04034b50)
            continue;
        const std::size_t offset =
            local + 30 + get(data + local + 26, 2) + get(data + local + 28, 2);
        if (offset > size || size - offset < stored)
            continue;
        std::uint32_t crc = 0, length = 0;
        if (method == 0) {
            crc = static_cast<std::uint32_t>(crc32(0, data + offset, static_cast<uInt>(stored)));
        } else if (method == 8) {
            if (!inflatedCrc(data + offset, stored, crc, length))
                continue;
            put32(central + 24, length);
            if (get(data + local + 22, 4) != 0xFFFFFFFFu)
                put32(data + local + 22, length);
        } else {
            continue;
        }
        put32(central + 16, crc);
        put32(data + local + 14, crc);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t maxSize, unsigned int) {
    size = LLVMFuzzerMutate(data, size, maxSize);
    fixCrcs(data, size);
    return size;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const opdims::fuzz::InputFile file(data, size, ".npz");
    opdims::fuzz::expectErrorOrSuccess([&] { opdims::readTrialSet(file.path()); });
    opdims::fuzz::expectNoOpenHdf5Objects();
    return 0;
}
