// `opdims info`: sizes, task guess, spectral radius and norms of a network.
#include "app/cli/common.h"
#include "core/base/linalg.h"
#include "core/model/io.h"

#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    const Model m = loadModelArg(args);
    const double radius = spectralRadius(m.W);
    const double frob = m.W.norm();
    const double spec = linalg::singularValuesJacobi(m.W)(0);
    std::vector<int> nets;
    if (detectFormat(args.positional(0)) == FileFormat::Authors)
        nets = authorsNetworks(args.positional(0));
    if (args.has("json")) {
        Json j;
        j.beginObject()
            .field("file", args.positional(0))
            .field("name", m.name)
            .field("task", taskName(m.task))
            .field("task_guess", taskName(guessTask(m)))
            .field("units", m.units())
            .field("inputs", m.inputs())
            .field("outputs", m.outputs())
            .field("initial_states", m.initialStates())
            .field("dt", m.dt)
            .field("tau", m.tau)
            .field("noise_sigma", m.noiseSigma)
            .field("spectral_radius", radius)
            .field("frobenius_norm", frob)
            .field("spectral_norm", spec)
            .field("provenance", m.provenance);
        if (!nets.empty()) {
            j.beginArray("networks");
            for (int n : nets)
                j.value(n);
            j.endArray();
        }
        std::cout << j.endObject().str();
        return 0;
    }
    std::cout << "file:            " << args.positional(0) << "\n"
              << "name:            " << m.name << "\n"
              << "task:            " << taskName(m.task)
              << " (guess from sizes: " << taskName(guessTask(m)) << ")\n"
              << "units N:         " << m.units() << "\n"
              << "inputs V:        " << m.inputs() << "\n"
              << "outputs M:       " << m.outputs() << "\n"
              << "initial states:  " << m.initialStates() << "\n"
              << "dt, tau:         " << num(m.dt) << " s, " << num(m.tau) << " s (alpha "
              << num(m.alpha()) << ")\n"
              << "spectral radius: " << num(radius) << "\n"
              << "norm of W:       " << num(spec) << " (spectral), " << num(frob)
              << " (Frobenius)\n";
    if (!nets.empty()) {
        std::cout << "networks:       ";
        for (int n : nets)
            std::cout << " " << n;
        std::cout << "\n";
    }
    if (!m.provenance.empty())
        std::cout << "provenance:      " << m.provenance << "\n";
    return 0;
}

std::vector<OptionSpec> options() {
    auto o = modelOptions();
    o.push_back({"json", "", "print one JSON object"});
    return o;
}

const Registration reg({"info",
                        "MODEL [options]",
                        "Print a network's sizes, task guess, spectral radius and norm of W.",
                        "MODEL is an authors' HDF5 file (pick the network with --net), an opdims "
                        "model file or a NumPy .npz export.",
                        {"MODEL"},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
