// User-supplied bases: an orthonormal N x K matrix in an .npz or .h5 file, read and written.
#pragma once

#include "core/analysis/basis.h"

#include <string>

namespace opdims {

// Reads the matrix "Q" (or the only array/dataset) of an .npz or HDF5 file as N x K
// (HDF5: row-major, as h5py writes it) and checks it is orthonormal with N = units.
// Throws Error("<path>: ...").
Basis readBasisFile(const std::string& path, int units, Side side);

// Writes Q (N x K) and the strengths (K x 1) to .npz or .h5 (by extension), atomically.
void writeBasisFile(const std::string& path, const Basis& basis);

} // namespace opdims
