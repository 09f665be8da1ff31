// Fixed-point files: loadFixedPoints.
#include "core/fixed_points/io.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const opdims::fuzz::InputFile file(data, size);
    opdims::fuzz::expectErrorOrSuccess([&] { opdims::loadFixedPoints(file.path()); });
    opdims::fuzz::expectNoOpenHdf5Objects();
    return 0;
}
