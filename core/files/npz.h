// Reader for NumPy .npy arrays inside .npz archives (stored or deflated zip members).
#pragma once

#include <Eigen/Dense>

#include <map>
#include <string>
#include <vector>

namespace opdims {

struct NpyArray {
    std::vector<std::size_t> shape;
    // 0-D: 1x1, 1-D (n): n x 1, 2-D (a, b): a x b in the array's own order; 3-D (a, b, c):
    // a x (b c), element [i, j, k] at (i, j c + k). Empty for a text array.
    Eigen::MatrixXd matrix;
    // A text array's values (numpy '<U' or '|S', at most 1-D), as UTF-8.
    std::vector<std::string> text;
    bool isText = false;
};

// What a reader accepts besides numeric arrays of at most 2 dimensions.
struct NpzOptions {
    int maxRank = 2;   // up to 3
    bool text = false; // 1-D text arrays ('<U', '|S')
};

// Reads every member of an .npz as float64 (from <f8, <f4, <i8, <i4, |u1, |b1 arrays).
// Throws Error("<path>: ...") for anything else, for truncated archives and bad headers.
std::map<std::string, NpyArray> readNpz(const std::string& path, const NpzOptions& options = {});

// Parses the bytes of one .npy member (for tests and fuzzing; readNpz calls the same parser).
NpyArray parseNpyBytes(const std::string& path, const std::string& member, const std::string& bytes,
                       const NpzOptions& options = {});

// One member to write: numbers (float64, C order, `shape` of 0 to 3 dimensions) or, when `text`
// is not empty or `isText` is set, a 1-D text array ('<U').
struct NpyOut {
    std::vector<std::size_t> shape;
    std::vector<double> values;
    std::vector<std::string> text;
    bool isText = false;
};

// Writes an uncompressed .npz (np.load reads it), atomically.
void writeNpzArrays(const std::string& path, const std::map<std::string, NpyOut>& arrays);

// Writes an uncompressed .npz (np.load reads it) with 2-D float64 C-order arrays.
void writeNpz(const std::string& path, const std::map<std::string, Eigen::MatrixXd>& arrays);

} // namespace opdims
