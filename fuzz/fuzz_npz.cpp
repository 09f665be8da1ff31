// NumPy .npz archives: loadNpzModel, which reads every member with readNpz.
#include "core/model/io.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const opdims::fuzz::InputFile file(data, size, ".npz");
    opdims::fuzz::expectErrorOrSuccess([&] { opdims::loadNpzModel(file.path()); });
    return 0;
}
