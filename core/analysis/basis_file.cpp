// Basis files: what `opdims global --out` writes and `--basis-file` reads.
#include "core/analysis/basis_file.h"

#include "core/base/error.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/files/npz.h"

#include <filesystem>

namespace opdims {

namespace {
bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
} // namespace

Basis readBasisFile(const std::string& path, int units, Side side) {
    Eigen::MatrixXd Q, strength;
    if (endsWith(path, ".npz")) {
        const auto arrays = readNpz(path);
        if (arrays.count("strength"))
            strength = arrays.at("strength").matrix;
        if (arrays.count("Q"))
            Q = arrays.at("Q").matrix;
        else if (arrays.size() == 1)
            Q = arrays.begin()->second.matrix;
        else
            throw Error(path + ": no array named Q (and more than one array)");
    } else {
        const h5::File f = h5::File::openRead(path);
        // The shape is checked against the network before the data are read.
        const auto expectRows = [&](const std::string& ds) {
            const h5::File::Shape s = f.shape(ds);
            if (s.rows != units || s.cols < 1 || s.cols > units)
                throw Error(path + ": dataset " + ds + " is " + std::to_string(s.rows) + "x" +
                            std::to_string(s.cols) + ", expected " + std::to_string(units) +
                            "xK with 1 <= K <= " + std::to_string(units));
        };
        if (f.exists("/Q")) {
            expectRows("/Q");
            Q = f.readRowMajor("/Q");
            if (f.exists("/strength"))
                strength = f.readRowMajor("/strength");
        } else {
            const auto names = f.children("/");
            if (names.size() != 1 || f.isGroup("/" + names.front()))
                throw Error(path + ": no dataset named Q (and not exactly one dataset)");
            expectRows("/" + names.front());
            Q = f.readRowMajor("/" + names.front());
        }
    }
    checkOrthonormal(Q, units, path);
    Basis b;
    b.name = std::filesystem::path(path).filename().string();
    b.side = side;
    b.Q = std::move(Q);
    // Strengths are optional; without them (or when they do not fit) the order is all we know.
    if (strength.size() == b.Q.cols() && strength.allFinite())
        b.strength = strength.reshaped();
    else
        b.strength = Eigen::VectorXd::Zero(b.Q.cols());
    return b;
}

void writeBasisFile(const std::string& path, const Basis& basis) {
    if (endsWith(path, ".npz")) {
        writeAtomically(path, [&](const std::string& tmp) {
            writeNpz(tmp, {{"Q", basis.Q}, {"strength", Eigen::MatrixXd(basis.strength)}});
        });
        return;
    }
    writeAtomically(path, [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        f.writeRowMajor("/Q", basis.Q);
        f.writeRowMajor("/strength", Eigen::MatrixXd(basis.strength));
        f.setAttribute("/", "name", basis.name);
        f.setAttribute("/", "side", std::string(sideName(basis.side)));
    });
}

} // namespace opdims
