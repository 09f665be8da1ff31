// Basis files: readBasisFile, which decides by extension. Bytes that begin like a zip archive
// are named .npz, everything else .h5. The seeds are 6-unit bases.
#include "core/analysis/basis_file.h"
#include "fuzz/fuzz_input.h"

#include <cstring>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bool zip = size >= 2 && std::memcmp(data, "PK", 2) == 0;
    const opdims::fuzz::InputFile file(data, size, zip ? ".npz" : ".h5");
    opdims::fuzz::expectErrorOrSuccess(
        [&] { opdims::readBasisFile(file.path(), 6, opdims::Side::Columns); });
    opdims::fuzz::expectNoOpenHdf5Objects();
    return 0;
}
