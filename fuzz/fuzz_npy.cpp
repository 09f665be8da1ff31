// One .npy member's bytes: parseNpyBytes (no zip container, no file).
#include "core/files/npz.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    opdims::fuzz::expectErrorOrSuccess([&] { opdims::parseNpyBytes("fuzz.npz", "member", bytes); });
    return 0;
}
