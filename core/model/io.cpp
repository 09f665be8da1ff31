// Network files: the authors' HDF5 layout, opdims' own HDF5 format and NumPy .npz exports.
#include "core/model/io.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/files/npz.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace opdims {

namespace {

constexpr const char* kFormatName = "opdims-model";
constexpr long long kFormatVersion = 1;

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string shapeText(const std::vector<hsize_t>& d) {
    std::string s;
    for (std::size_t i = 0; i < d.size(); ++i)
        s += (i ? "x" : "") + std::to_string(d[i]);
    return d.empty() ? "a scalar" : s;
}

// Reads an authors' dataset after checking its HDF5 shape is (rows, cols); a negative
// expectation leaves that dimension free.
Eigen::MatrixXd readAuthors(const h5::File& f, const std::string& ds, long long rows,
                            long long cols, const char* meaning) {
    const std::vector<hsize_t> d = f.dims(ds);
    const bool ok = d.size() == 2 && (rows < 0 || d[0] == static_cast<hsize_t>(rows)) &&
                    (cols < 0 || d[1] == static_cast<hsize_t>(cols));
    if (!ok)
        throw Error(f.path() + ": dataset " + ds + " is " + shapeText(d) + ", expected " +
                    (rows < 0 ? std::string("?") : std::to_string(rows)) + "x" +
                    (cols < 0 ? std::string("?") : std::to_string(cols)) + " (" + meaning + ")");
    return f.readSwapped(ds);
}

// The free dimension `index` of a 2-D authors' dataset (the count of inputs, outputs or initial
// states), checked against its limit before anything is read.
long long freeDim(const h5::File& f, const std::string& ds, std::size_t index, long long limit,
                  const char* what, long long minimum) {
    const std::vector<hsize_t> d = f.dims(ds);
    if (d.size() != 2)
        throw Error(f.path() + ": dataset " + ds + " is " + shapeText(d) +
                    ", expected 2 dimensions");
    if (d[index] > static_cast<hsize_t>(limit) || static_cast<long long>(d[index]) < minimum)
        throw Error(f.path() + ": dataset " + ds + " is " + shapeText(d) + ", which means " +
                    std::to_string(d[index]) + " " + what + "; opdims accepts " +
                    std::to_string(minimum) + " to " + std::to_string(limit));
    return static_cast<long long>(d[index]);
}

// Checks the shapes of an opdims model file against each other and the limits before reading.
void checkOpdimsShapes(const h5::File& f) {
    const std::string& path = f.path();
    const h5::File::Shape w = f.shape("/W"), win = f.shape("/W_in"), wout = f.shape("/W_out"),
                          b = f.shape("/b"), bz = f.shape("/b_z"), x0 = f.shape("/x0");
    auto text = [](const h5::File::Shape& s) {
        return std::to_string(s.rows) + "x" + std::to_string(s.cols);
    };
    if (w.rows != w.cols || w.rows < 1)
        throw Error(path + ": dataset /W is " + text(w) + ", expected NxN with N >= 1");
    const long long n = w.rows;
    limits::checkCount(path, "the number of units (dataset /W is " + text(w) + ")", n,
                       limits::kMaxUnits);
    if (win.rows != n)
        throw Error(path + ": dataset /W_in is " + text(win) + ", expected " + std::to_string(n) +
                    " rows (one per unit)");
    limits::checkCount(path, "the number of inputs (dataset /W_in)", win.cols, limits::kMaxInputs,
                       0);
    if (wout.cols != n)
        throw Error(path + ": dataset /W_out is " + text(wout) + ", expected " + std::to_string(n) +
                    " columns (one per unit)");
    limits::checkCount(path, "the number of outputs (dataset /W_out)", wout.rows,
                       limits::kMaxOutputs);
    if (b.rows != n || b.cols != 1)
        throw Error(path + ": dataset /b is " + text(b) + ", expected " + std::to_string(n) + "x1");
    if (bz.rows != wout.rows || bz.cols != 1)
        throw Error(path + ": dataset /b_z is " + text(bz) + ", expected " +
                    std::to_string(wout.rows) + "x1");
    if (x0.rows != n)
        throw Error(path + ": dataset /x0 is " + text(x0) + ", expected " + std::to_string(n) +
                    " rows (one per unit)");
    limits::checkCount(path, "the number of initial states (dataset /x0)", x0.cols,
                       limits::kMaxInitialStates);
}

} // namespace

FileFormat detectFormat(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open the file (it does not exist or is not readable)");
    char magic[8] = {};
    in.read(magic, 8);
    if (in.gcount() >= 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0)
        return FileFormat::Npz;
    if (in.gcount() == 8 && std::memcmp(magic, "\x89HDF\r\n\x1a\n", 8) == 0) {
        const h5::File f = h5::File::openRead(path);
        if (f.hasAttribute("/", "format"))
            return f.stringAttribute("/", "format") == kFormatName ? FileFormat::Opdims
                                                                   : FileFormat::Unknown;
        for (const std::string& child : f.children("/"))
            if (startsWith(child, "NetNr"))
                return FileFormat::Authors;
        return FileFormat::Unknown;
    }
    // HDF5 files may carry a user block; let the library decide.
    h5::quietErrors();
    if (H5Fis_hdf5(path.c_str()) > 0)
        return FileFormat::Unknown;
    return FileFormat::Unknown;
}

std::vector<int> authorsNetworks(const std::string& path) {
    const h5::File f = h5::File::openRead(path);
    std::vector<int> nets;
    for (const std::string& child : f.children("/")) {
        if (!startsWith(child, "NetNr"))
            continue;
        const std::string digits = child.substr(5);
        int net = 0;
        const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), net);
        // Only plain positive numbers name networks ("NetNr-1", "NetNr007x" are other groups).
        if (digits.empty() || digits[0] == '+' || res.ec != std::errc() ||
            res.ptr != digits.data() + digits.size() || net < 1)
            continue;
        nets.push_back(net);
    }
    std::sort(nets.begin(), nets.end());
    return nets;
}

Model loadAuthorsModel(const std::string& path, int net, const std::string& weights) {
    if (weights != "final" && weights != "init")
        throw Error("--weights must be final or init, not '" + weights + "'");
    const h5::File f = h5::File::openRead(path);
    const std::string group = "/NetNr" + std::to_string(net) + "/" + weights;
    if (!f.isGroup("/NetNr" + std::to_string(net))) {
        const std::vector<int> nets = authorsNetworks(path);
        std::string avail;
        for (int n : nets)
            avail += (avail.empty() ? "" : ", ") + std::to_string(n);
        throw Error(path + ": there is no network " + std::to_string(net) + " (/NetNr" +
                    std::to_string(net) + "); the file has " +
                    (nets.empty() ? std::string("none") : "networks " + avail));
    }
    if (!f.isGroup(group))
        throw Error(path + ": group " + group + " is missing");
    const std::vector<hsize_t> wd = f.dims(group + "/n_Wrr_n");
    if (wd.size() != 2 || wd[0] != wd[1] || wd[0] == 0)
        throw Error(path + ": dataset " + group + "/n_Wrr_n is " + shapeText(wd) +
                    ", expected NxN (the recurrent weights)");
    if (wd[0] > static_cast<hsize_t>(limits::kMaxUnits))
        throw Error(path + ": dataset " + group + "/n_Wrr_n declares " + std::to_string(wd[0]) +
                    " units, more than the limit of " + std::to_string(limits::kMaxUnits));
    const long long n = static_cast<long long>(wd[0]);
    // Every shape is checked against W and the limits before anything is read.
    const long long v = freeDim(f, group + "/n_Wru_v", 0, limits::kMaxInputs, "inputs", 0);
    const long long mOut = freeDim(f, group + "/m_Wzr_n", 1, limits::kMaxOutputs, "outputs", 1);
    const long long c =
        freeDim(f, group + "/n_x0_c", 0, limits::kMaxInitialStates, "initial states", 1);
    Model m;
    m.W = readAuthors(f, group + "/n_Wrr_n", n, n, "W");
    m.W_in = readAuthors(f, group + "/n_Wru_v", v, n, "W_in, inputs x units");
    m.W_out = readAuthors(f, group + "/m_Wzr_n", n, mOut, "W_out, units x outputs");
    m.x0 = readAuthors(f, group + "/n_x0_c", c, n, "x0, contexts x units");
    m.b = readAuthors(f, group + "/n_bx_1", 1, n, "b");
    m.b_z = readAuthors(f, group + "/m_bz_1", 1, mOut, "b_z");
    const std::size_t slash = path.find_last_of('/');
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    m.name = base + " network " + std::to_string(net) + " (" + weights + ")";
    m.provenance = "authors' HDF5 file " + path + group;
    m.task = guessTask(m);
    m.validate(path + " " + group);
    return m;
}

Model loadOpdimsModel(const std::string& path) {
    const h5::File f = h5::File::openRead(path);
    if (!f.hasAttribute("/", "format") || f.stringAttribute("/", "format") != kFormatName)
        throw Error(path + ": not an opdims model file (attribute format is not '" +
                    std::string(kFormatName) + "')");
    const long long version = f.integerAttribute("/", "version", 0, 1000000);
    if (version != kFormatVersion)
        throw Error(path + ": opdims model format version " + std::to_string(version) +
                    " is not supported (this build reads version " +
                    std::to_string(kFormatVersion) + ")");
    checkOpdimsShapes(f);
    Model m;
    auto vec = [&](const char* ds) {
        Eigen::MatrixXd v = f.readRowMajor(ds);
        if (v.cols() != 1)
            throw Error(path + ": dataset " + ds + " is " + std::to_string(v.rows()) + "x" +
                        std::to_string(v.cols()) + ", expected a column (n x 1)");
        return Eigen::VectorXd(v.col(0));
    };
    m.W = f.readRowMajor("/W");
    m.W_in = f.readRowMajor("/W_in");
    m.W_out = f.readRowMajor("/W_out");
    m.b = vec("/b");
    m.b_z = vec("/b_z");
    m.x0 = f.readRowMajor("/x0");
    m.dt = f.doubleAttribute("/", "dt");
    m.tau = f.doubleAttribute("/", "tau");
    m.noiseSigma = f.doubleAttribute("/", "noise_sigma");
    if (f.hasAttribute("/", "name"))
        m.name = f.stringAttribute("/", "name");
    if (f.hasAttribute("/", "provenance"))
        m.provenance = f.stringAttribute("/", "provenance");
    m.task = TaskKind::Unknown;
    if (f.hasAttribute("/", "task")) {
        const std::string t = f.stringAttribute("/", "task");
        m.task = TaskKind::Unknown;
        for (const TaskKind k :
             {TaskKind::Ctxt, TaskKind::Swg, TaskKind::FlipFlop, TaskKind::Decision})
            if (t == taskName(k))
                m.task = k;
    }
    m.validate(path);
    return m;
}

Model loadNpzModel(const std::string& path) {
    const auto arrays = readNpz(path);
    auto get = [&](const char* key) -> const Eigen::MatrixXd& {
        auto it = arrays.find(key);
        if (it == arrays.end())
            throw Error(path + ": array '" + key +
                        "' is missing (an opdims .npz needs W, W_in, W_out, b, b_z, x0)");
        return it->second.matrix;
    };
    auto vec = [&](const char* key) {
        const Eigen::MatrixXd& v = get(key);
        if (v.cols() != 1 && v.rows() != 1)
            throw Error(path + ": array '" + key + "' is " + std::to_string(v.rows()) + "x" +
                        std::to_string(v.cols()) + ", expected a vector");
        return Eigen::VectorXd(v.reshaped());
    };
    Model m;
    m.W = get("W");
    m.W_in = get("W_in");
    m.W_out = get("W_out");
    m.b = vec("b");
    m.b_z = vec("b_z");
    m.x0 = get("x0");
    if (m.x0.cols() == 1 && m.x0.rows() == 1 && m.W.rows() > 1)
        throw Error(path + ": array 'x0' is 1x1, expected N x C");
    // A 1-D x0 of length N is one initial state.
    auto scalar = [&](const char* key, double fallback) {
        auto it = arrays.find(key);
        if (it == arrays.end())
            return fallback;
        if (it->second.matrix.size() != 1)
            throw Error(path + ": array '" + std::string(key) + "' must be a scalar");
        return it->second.matrix(0, 0);
    };
    m.dt = scalar("dt", m.dt);
    m.tau = scalar("tau", m.tau);
    m.noiseSigma = scalar("noise_sigma", m.noiseSigma);
    const std::size_t slash = path.find_last_of('/');
    m.name = slash == std::string::npos ? path : path.substr(slash + 1);
    m.provenance = "NumPy export " + path;
    m.task = guessTask(m);
    m.validate(path);
    return m;
}

Model loadModel(const std::string& path, const LoadOptions& options) {
    switch (detectFormat(path)) {
    case FileFormat::Authors:
        return loadAuthorsModel(path, options.net, options.weights);
    case FileFormat::Opdims:
        return loadOpdimsModel(path);
    case FileFormat::Npz:
        return loadNpzModel(path);
    case FileFormat::Unknown:
        break;
    }
    throw Error(path + ": not a network file opdims knows (expected the authors' HDF5 with "
                       "/NetNr<i> groups, an opdims model file or a NumPy .npz)");
}

void writeModelContents(h5::File& f, const Model& model) {
    f.setAttribute("/", "format", std::string(kFormatName));
    f.setAttribute("/", "version", kFormatVersion);
    f.setAttribute("/", "name", model.name);
    f.setAttribute("/", "task", std::string(taskName(model.task)));
    f.setAttribute("/", "provenance", model.provenance);
    f.setAttribute("/", "dt", model.dt);
    f.setAttribute("/", "tau", model.tau);
    f.setAttribute("/", "noise_sigma", model.noiseSigma);
    f.writeRowMajor("/W", model.W);
    f.writeRowMajor("/W_in", model.W_in);
    f.writeRowMajor("/W_out", model.W_out);
    f.writeRowMajor("/b", model.b);
    f.writeRowMajor("/b_z", model.b_z);
    f.writeRowMajor("/x0", model.x0);
}

void saveModel(const Model& model, const std::string& path) {
    model.validate(path);
    writeAtomically(path, [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        writeModelContents(f, model);
        if (H5Fflush(f.id(), H5F_SCOPE_GLOBAL) < 0)
            throw Error(path + ": cannot write the file");
    });
}

} // namespace opdims
