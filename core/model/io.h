// Loading and saving networks: the authors' HDF5 files, opdims' own HDF5 format and NumPy .npz.
#pragma once

#include "core/files/h5.h"
#include "core/model/model.h"

#include <string>
#include <vector>

namespace opdims {

enum class FileFormat { Authors, Opdims, Npz, Unknown };

struct LoadOptions {
    int net = 1;                   // /NetNr<net> in the authors' files
    std::string weights = "final"; // "final" or "init" in the authors' files
};

FileFormat detectFormat(const std::string& path);

// The network numbers i of the /NetNr<i> groups of an authors' file, ascending.
std::vector<int> authorsNetworks(const std::string& path);

// Loads and validates a network from any supported format; throws Error naming the file, the
// dataset and what was expected.
Model loadModel(const std::string& path, const LoadOptions& options = {});

Model loadAuthorsModel(const std::string& path, int net, const std::string& weights);
Model loadOpdimsModel(const std::string& path);
Model loadNpzModel(const std::string& path);

// Writes opdims' own format (docs/file-format.md) atomically.
void saveModel(const Model& model, const std::string& path);

// Writes the model's attributes and datasets of opdims' format into an open, new file; for files
// that carry more than a model (training checkpoints).
void writeModelContents(h5::File& file, const Model& model);

} // namespace opdims
