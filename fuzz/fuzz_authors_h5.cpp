// The authors' weights files: authorsNetworks and loadAuthorsModel (final and init weights).
#include "core/model/io.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    opdims::fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const opdims::fuzz::InputFile file(data, size);
    int net = 1;
    opdims::fuzz::expectErrorOrSuccess([&] {
        const std::vector<int> nets = opdims::authorsNetworks(file.path());
        if (!nets.empty())
            net = nets.front();
    });
    for (const char* weights : {"final", "init"})
        opdims::fuzz::expectErrorOrSuccess(
            [&] { opdims::loadAuthorsModel(file.path(), net, weights); });
    opdims::fuzz::expectNoOpenHdf5Objects();
    return 0;
}
