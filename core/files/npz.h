// Reader for NumPy .npy arrays inside .npz archives (stored or deflated zip members).
#pragma once

#include <Eigen/Dense>

#include <map>
#include <string>
#include <vector>

namespace opdims {

struct NpyArray {
    std::vector<std::size_t> shape;
    Eigen::MatrixXd matrix; // 0-D: 1x1, 1-D (n): n x 1, 2-D (a, b): a x b in the array's own order
};

// Reads every member of an .npz as float64 (from <f8, <f4, <i8, <i4, |u1, |b1 arrays).
// Throws Error("<path>: ...") for anything else, for truncated archives and bad headers.
std::map<std::string, NpyArray> readNpz(const std::string& path);

// Parses the bytes of one .npy member (for tests and fuzzing; readNpz calls the same parser).
NpyArray parseNpyBytes(const std::string& path, const std::string& member,
                       const std::string& bytes);

// Writes an uncompressed .npz (np.load reads it) with 2-D float64 C-order arrays.
void writeNpz(const std::string& path, const std::map<std::string, Eigen::MatrixXd>& arrays);

} // namespace opdims
