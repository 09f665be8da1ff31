// Local operative dimension files in the authors' layout: readLocalDimensions.
#include "core/analysis/local_io.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const opdims::fuzz::InputFile file(data, size);
    opdims::fuzz::expectErrorOrSuccess(
        [&] { opdims::readLocalDimensions(file.path(), opdims::Side::Columns); });
    opdims::fuzz::expectNoOpenHdf5Objects();
    return 0;
}
