// Trial sets as HDF5 (docs/file-format.md): readTrialSet, which checks the root attribute
// format, reads every dataset it knows (numbers up to 3-D, 1-D text) and checks every shape,
// value and label.
#include "core/tasks/trial_set.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const opdims::fuzz::InputFile file(data, size, ".h5");
    opdims::fuzz::expectErrorOrSuccess([&] { opdims::readTrialSet(file.path()); });
    opdims::fuzz::expectNoOpenHdf5Objects();
    return 0;
}
