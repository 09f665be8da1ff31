// Writes the fuzzing seed corpus: small valid files of every format the harnesses read.
//
//   fuzz_make_corpus OUTDIR      (cmake --build BUILD --target fuzz_corpus writes fuzz/corpus)
//
// OUTDIR/<harness>/ gets the files of that harness. HDF5 files come in three variants: as
// opdims' own writers produce them (chunked, deflated, HDF5 1.8 object headers), rewritten
// contiguous with the earliest file format ("-contig"), and rewritten with the latest file
// format, compact datasets and variable-length UTF-8 strings as h5py writes them ("-latest").
// .npz archives are written by a small zip writer here (stored and deflated members, with and
// without the Zip64 extra fields NumPy's np.savez writes), so their bytes do not depend on the
// clock. Every file is read back with the harness's reader before the program reports success.
#include "core/analysis/basis.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/local_io.h"
#include "core/base/error.h"
#include "core/files/h5.h"
#include "core/files/npz.h"
#include "core/fixed_points/io.h"
#include "core/model/io.h"
#include "core/tasks/generated.h"
#include "core/tasks/trial_set.h"
#include "core/train/checkpoint.h"

#include <hdf5.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace opdims;

namespace {

constexpr int kUnits = 6;

void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw Error(path.string() + ": cannot write the file");
}

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---------------------------------------------------------------------------------------------
// HDF5 rewriting: the same groups, datasets and attributes in another storage layout.

struct Layout {
    bool latest = false;      // latest file format (superblock 3, version 2 object headers)
    bool compact = false;     // compact datasets (data inside the object header)
    bool vlenStrings = false; // string attributes as variable-length UTF-8 (h5py's default)
};

class H5 {
public:
    explicit H5(hid_t id) : id_(id) {
        if (id_ < 0)
            throw Error("HDF5 call failed while rewriting a seed");
    }
    H5(const H5&) = delete;
    H5& operator=(const H5&) = delete;
    ~H5() {
        switch (H5Iget_type(id_)) {
        case H5I_FILE:
            H5Fclose(id_);
            break;
        case H5I_GROUP:
            H5Gclose(id_);
            break;
        case H5I_DATASET:
            H5Dclose(id_);
            break;
        case H5I_DATASPACE:
            H5Sclose(id_);
            break;
        case H5I_DATATYPE:
            H5Tclose(id_);
            break;
        case H5I_ATTR:
            H5Aclose(id_);
            break;
        case H5I_GENPROP_LST:
            H5Pclose(id_);
            break;
        default:
            break;
        }
    }
    operator hid_t() const { return id_; }

private:
    hid_t id_;
};

void check(herr_t status) {
    if (status < 0)
        throw Error("HDF5 call failed while rewriting a seed");
}

struct CopyContext {
    hid_t dst;
    const Layout* layout;
};

herr_t copyAttribute(hid_t src, const char* name, const H5A_info_t*, void* data) {
    const auto& ctx = *static_cast<const CopyContext*>(data);
    H5 attr(H5Aopen(src, name, H5P_DEFAULT));
    H5 type(H5Aget_type(attr));
    H5 space(H5Aget_space(attr));
    const hssize_t points = H5Sget_simple_extent_npoints(space);
    if (ctx.layout->vlenStrings && H5Tget_class(type) == H5T_STRING &&
        H5Tis_variable_str(type) <= 0 && points == 1) {
        std::string text(H5Tget_size(type), '\0');
        check(H5Aread(attr, type, text.data()));
        text.resize(std::strlen(text.c_str()));
        H5 vlen(H5Tcopy(H5T_C_S1));
        check(H5Tset_size(vlen, H5T_VARIABLE));
        check(H5Tset_cset(vlen, H5T_CSET_UTF8));
        H5 out(H5Acreate2(ctx.dst, name, vlen, space, H5P_DEFAULT, H5P_DEFAULT));
        const char* p = text.c_str();
        check(H5Awrite(out, vlen, &p));
        return 0;
    }
    std::vector<char> buffer(H5Tget_size(type) * static_cast<std::size_t>(points));
    check(H5Aread(attr, type, buffer.data()));
    H5 out(H5Acreate2(ctx.dst, name, type, space, H5P_DEFAULT, H5P_DEFAULT));
    check(H5Awrite(out, type, buffer.data()));
    if (H5Tdetect_class(type, H5T_VLEN) > 0 || H5Tis_variable_str(type) > 0)
        check(H5Dvlen_reclaim(type, space, H5P_DEFAULT, buffer.data()));
    return 0;
}

void copyAttributes(hid_t src, hid_t dst, const Layout& layout) {
    CopyContext ctx{dst, &layout};
    check(H5Aiterate2(src, H5_INDEX_NAME, H5_ITER_INC, nullptr, copyAttribute, &ctx));
}

void copyGroup(hid_t src, hid_t dst, const Layout& layout);

herr_t copyLink(hid_t src, const char* name, const H5L_info_t*, void* data) {
    const auto& ctx = *static_cast<const CopyContext*>(data);
    H5O_info_t info;
    check(H5Oget_info_by_name(src, name, &info, H5P_DEFAULT));
    if (info.type == H5O_TYPE_GROUP) {
        H5 gcpl(H5Pcreate(H5P_GROUP_CREATE));
        check(H5Pset_obj_track_times(gcpl, 0));
        H5 in(H5Gopen2(src, name, H5P_DEFAULT));
        H5 out(H5Gcreate2(ctx.dst, name, H5P_DEFAULT, gcpl, H5P_DEFAULT));
        copyAttributes(in, out, *ctx.layout);
        copyGroup(in, out, *ctx.layout);
    } else if (info.type == H5O_TYPE_DATASET) {
        H5 in(H5Dopen2(src, name, H5P_DEFAULT));
        H5 type(H5Dget_type(in));
        H5 space(H5Dget_space(in));
        const hssize_t points = H5Sget_simple_extent_npoints(space);
        std::vector<char> buffer(H5Tget_size(type) * static_cast<std::size_t>(points));
        if (points > 0)
            check(H5Dread(in, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()));
        H5 dcpl(H5Pcreate(H5P_DATASET_CREATE));
        check(H5Pset_obj_track_times(dcpl, 0));
        check(H5Pset_layout(dcpl, ctx.layout->compact ? H5D_COMPACT : H5D_CONTIGUOUS));
        H5 out(H5Dcreate2(ctx.dst, name, type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT));
        if (points > 0)
            check(H5Dwrite(out, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()));
        // Variable-length values (strings as writeStrings writes them) were allocated by the read.
        if (points > 0 && (H5Tdetect_class(type, H5T_VLEN) > 0 || H5Tis_variable_str(type) > 0))
            check(H5Dvlen_reclaim(type, space, H5P_DEFAULT, buffer.data()));
        copyAttributes(in, out, *ctx.layout);
    }
    return 0;
}

void copyGroup(hid_t src, hid_t dst, const Layout& layout) {
    CopyContext ctx{dst, &layout};
    check(H5Literate(src, H5_INDEX_NAME, H5_ITER_INC, nullptr, copyLink, &ctx));
}

void rewriteHdf5(const fs::path& from, const fs::path& to, const Layout& layout) {
    H5 in(H5Fopen(from.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    H5 fcpl(H5Pcreate(H5P_FILE_CREATE));
    check(H5Pset_obj_track_times(fcpl, 0));
    H5 fapl(H5Pcreate(H5P_FILE_ACCESS));
    if (layout.latest)
        check(H5Pset_libver_bounds(fapl, H5F_LIBVER_LATEST, H5F_LIBVER_LATEST));
    {
        H5 out(H5Fcreate(to.c_str(), H5F_ACC_TRUNC, fcpl, fapl));
        H5 inRoot(H5Gopen2(in, "/", H5P_DEFAULT));
        H5 outRoot(H5Gopen2(out, "/", H5P_DEFAULT));
        copyAttributes(inRoot, outRoot, layout);
        copyGroup(inRoot, outRoot, layout);
    }
}

// The file as opdims writes it (NAME.h5), plus NAME-contig.h5 and NAME-latest.h5.
std::vector<fs::path> hdf5Variants(const fs::path& dir, const std::string& name,
                                   const std::function<void(const std::string&)>& write) {
    const fs::path own = dir / (name + ".h5");
    write(own.string());
    const fs::path contig = dir / (name + "-contig.h5");
    const fs::path latest = dir / (name + "-latest.h5");
    rewriteHdf5(own, contig, Layout{});
    rewriteHdf5(own, latest, Layout{true, true, true});
    return {own, contig, latest};
}

// ---------------------------------------------------------------------------------------------
// .npy and .npz

std::string npy(const std::string& descr, bool fortran, const std::vector<std::size_t>& shape,
                const std::string& data, int version = 1) {
    std::string dims;
    for (std::size_t i = 0; i < shape.size(); ++i)
        dims += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1)
        dims += ",";
    std::string header = "{'descr': '" + descr +
                         "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" +
                         dims + "), }";
    const std::size_t prefix = version == 1 ? 10 : 12;
    while ((prefix + header.size() + 1) % 64 != 0)
        header.push_back(' ');
    header.push_back('\n');
    std::string out = "\x93NUMPY";
    out.push_back(static_cast<char>(version));
    out.push_back('\0');
    const std::size_t n = header.size();
    for (std::size_t i = 0; i < prefix - 8; ++i)
        out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
    return out + header + data;
}

// The matrix's values in C order (or Fortran order) as the given little-endian type.
template <typename T> std::string raw(const Eigen::MatrixXd& m, bool fortran = false) {
    std::string out;
    const auto put = [&](double v) {
        const T t = static_cast<T>(v);
        out.append(reinterpret_cast<const char*>(&t), sizeof t);
    };
    if (fortran) {
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            for (Eigen::Index r = 0; r < m.rows(); ++r)
                put(m(r, c));
    } else {
        for (Eigen::Index r = 0; r < m.rows(); ++r)
            for (Eigen::Index c = 0; c < m.cols(); ++c)
                put(m(r, c));
    }
    return out;
}

std::string npyMatrix(const Eigen::MatrixXd& m) {
    return npy("<f8", false,
               {static_cast<std::size_t>(m.rows()), static_cast<std::size_t>(m.cols())},
               raw<double>(m));
}

std::string npyVector(const Eigen::VectorXd& v) {
    return npy("<f8", false, {static_cast<std::size_t>(v.size())}, raw<double>(v));
}

std::string npyScalar(double v) {
    return npy("<f8", false, {}, raw<double>(Eigen::MatrixXd::Constant(1, 1, v)));
}

void le16(std::string& s, unsigned v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void le32(std::string& s, std::uint32_t v) {
    le16(s, v & 0xFFFF);
    le16(s, v >> 16);
}
void le64(std::string& s, std::uint64_t v) {
    le32(s, static_cast<std::uint32_t>(v));
    le32(s, static_cast<std::uint32_t>(v >> 32));
}

std::string rawDeflate(const std::string& in) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("deflateInit2 failed");
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw Error("deflate failed");
    out.resize(z.total_out);
    return out;
}

struct ZipOptions {
    bool deflate = false;
    bool zip64 = false; // local headers as Python's zipfile with force_zip64 (np.savez) writes
};

// A zip archive of the members in order, dated 1980-01-01 00:00.
std::string zipArchive(const std::vector<std::pair<std::string, std::string>>& members,
                       const ZipOptions& options) {
    std::string out, central;
    for (const auto& [name, data] : members) {
        const std::string stored = options.deflate ? rawDeflate(data) : data;
        const auto crc = static_cast<std::uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        const unsigned method = options.deflate ? 8 : 0;
        const unsigned version = options.zip64 ? 45 : 20;
        const auto offset = static_cast<std::uint32_t>(out.size());
        std::string extra;
        if (options.zip64) {
            le16(extra, 1);
            le16(extra, 16);
            le64(extra, data.size());
            le64(extra, stored.size());
        }
        le32(out, 0x04034b50);
        le16(out, version);
        le16(out, 0);
        le16(out, method);
        le16(out, 0);      // time
        le16(out, 0x0021); // date: 1980-01-01
        le32(out, crc);
        le32(out, options.zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(stored.size()));
        le32(out, options.zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(data.size()));
        le16(out, static_cast<unsigned>(name.size()));
        le16(out, static_cast<unsigned>(extra.size()));
        out += name + extra + stored;

        le32(central, 0x02014b50);
        le16(central, 0x0300 | version); // made by: Unix
        le16(central, version);
        le16(central, 0);
        le16(central, method);
        le16(central, 0);
        le16(central, 0x0021);
        le32(central, crc);
        le32(central, static_cast<std::uint32_t>(stored.size()));
        le32(central, static_cast<std::uint32_t>(data.size()));
        le16(central, static_cast<unsigned>(name.size()));
        le16(central, 0); // extra
        le16(central, 0); // comment
        le16(central, 0); // disk
        le16(central, 0); // internal attributes
        le32(central, 0644u << 16);
        le32(central, offset);
        central += name;
    }
    const auto centralOffset = static_cast<std::uint32_t>(out.size());
    out += central;
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, static_cast<unsigned>(members.size()));
    le16(out, static_cast<unsigned>(members.size()));
    le32(out, static_cast<std::uint32_t>(central.size()));
    le32(out, centralOffset);
    le16(out, 0);
    return out;
}

// ---------------------------------------------------------------------------------------------
// The valid files.

Model smallModel(TaskKind task) {
    Model m = randomModel(task, kUnits, 7);
    m.name = std::string("fuzz seed ") + taskName(task);
    m.provenance = "fuzz/make_corpus.cpp";
    return m;
}

void writeAuthors(const std::string& path, const std::vector<Model>& nets) {
    h5::File f = h5::File::create(path);
    for (std::size_t i = 0; i < nets.size(); ++i) {
        const std::string net = "/NetNr" + std::to_string(i + 1);
        for (const char* weights : {"final", "init"}) {
            const Model& m = nets[i];
            const std::string g = net + "/" + weights;
            f.createGroup(g);
            // "init" differs from "final" as a trained network differs from its start.
            const double scale = std::strcmp(weights, "init") == 0 ? 0.5 : 1.0;
            f.writeSwapped(g + "/n_Wrr_n", scale * m.W);
            f.writeSwapped(g + "/n_Wru_v", m.W_in);
            f.writeSwapped(g + "/m_Wzr_n", m.W_out);
            f.writeSwapped(g + "/n_x0_c", m.x0);
            f.writeSwapped(g + "/n_bx_1", Eigen::MatrixXd(m.b));
            f.writeSwapped(g + "/m_bz_1", Eigen::MatrixXd(m.b_z));
        }
    }
}

Basis smallBasis(const Model& m, int k) {
    Basis b = pcBasis(m.W);
    b.Q = Eigen::MatrixXd(b.Q.leftCols(k));
    b.strength = Eigen::VectorXd(b.strength.head(k));
    b.name = "fuzz seed basis";
    return b;
}

std::vector<LocalDimensions> localLocations(const Model& m, TaskKind task) {
    const Basis b = pcBasis(m.W);
    std::vector<LocalDimensions> out;
    for (int i = 0; i < 2; ++i) {
        LocalDimensions l;
        l.side = Side::Columns;
        l.location.t = task == TaskKind::Ctxt ? 1 + 99 * i : 1 + 49 * i;
        if (task == TaskKind::Ctxt)
            l.location.condition = Condition{1 + i, 1, i == 0 ? -1 : 1, 0, {}};
        else
            l.location.condition.freqId = 1 + 5 * i;
        l.location.x = m.x0.col(0) * (1.0 + i);
        l.Q = b.Q.leftCols(2 - i);
        l.deltaF = Eigen::VectorXd::LinSpaced(2 - i, 0.5, 0.1);
        out.push_back(l);
    }
    return out;
}

FixedPointResult smallFixedPoints(const Model& m) {
    FixedPointResult r;
    for (int p = 0; p < 3; ++p) {
        FixedPoint fp;
        fp.x = m.x0.col(0) * (p - 1.0);
        fp.q = 1e-14 * (p + 1);
        fp.speed = std::sqrt(2 * fp.q);
        fp.kind = p < 2 ? PointKind::Fixed : PointKind::Slow;
        fp.start = p;
        fp.starts = p + 1;
        fp.iterations = 10 + p;
        fp.linear.eigenvalues.resize(kUnits);
        for (int i = 0; i < kUnits; ++i)
            fp.linear.eigenvalues(i) = {0.2 * (p - 1) - 0.3 * i, i == 1 ? 0.5 : 0.0};
        fp.linear.unstableModes = p == 2 ? 1 : 0;
        fp.linear.stability = p == 2 ? Stability::Saddle : Stability::Stable;
        fp.linear.slowDirection = Eigen::VectorXd::Unit(kUnits, p);
        if (p == 2)
            fp.linear.unstableDirection = Eigen::VectorXd::Unit(kUnits, 0);
        r.points.push_back(fp);
    }
    for (int i = 0; i < 4; ++i) {
        FixedPointRun run;
        run.speed = 1e-7 * i;
        run.iterations = 10 + i;
        run.converged = i != 3;
        r.runs.push_back(run);
    }
    r.fixedRuns = 2;
    r.slowRuns = 1;
    r.discardedRuns = 1;
    return r;
}

TrainState smallTrainState() {
    TrainConfig c;
    c.task = TaskKind::Ctxt;
    c.seed = 12345678901234567ULL;
    c.iterations = 20;
    c.batchSize = 8;
    c.checkpointEvery = 5;
    c.checkpointPath = "checkpoint.h5";
    TrainState s = startTraining(smallModel(TaskKind::Ctxt), c);
    s.iteration = 5;
    s.adam.steps = 5;
    s.seconds = 1.5;
    for (Param p : kAllParams) {
        s.adam.m[p].setConstant(1e-3);
        s.adam.v[p].setConstant(1e-6);
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Trial sets.

// A batch of `trials` x `steps` with `inputs` inputs and `outputs` outputs of smooth values.
Batch smallTrialBatch(int trials, int steps, int inputs, int outputs) {
    Batch b;
    b.task = TaskKind::Data;
    b.kind = "fuzz seed";
    b.steps = steps;
    b.inputs = inputs;
    b.outputs = outputs;
    b.trials.resize(static_cast<std::size_t>(trials));
    for (int t = 0; t < steps; ++t) {
        Eigen::MatrixXd u(inputs, trials), y(outputs, trials);
        for (int j = 0; j < trials; ++j) {
            for (int k = 0; k < inputs; ++k)
                u(k, j) = 0.25 * (j + 1) * (k == t % inputs ? 1.0 : -0.5);
            for (int k = 0; k < outputs; ++k)
                y(k, j) = std::tanh(0.1 * (t + 1) * (j - k));
        }
        b.u.push_back(u);
        b.y.push_back(y);
    }
    return b;
}

// Three trials of two conditions with every optional array: a mask (the first step of each trial
// left out), phases, initial-state indices, noise levels, dt, sampling conditions and times, and
// the uniform training draw.
Batch fullTrialSet() {
    Batch b = smallTrialBatch(3, 6, 2, 2);
    const char* labels[] = {"left", "right", "left"};
    for (int j = 0; j < 3; ++j) {
        b.trials[static_cast<std::size_t>(j)].label = labels[j];
        b.trials[static_cast<std::size_t>(j)].x0Column = j % 2;
    }
    for (int t = 0; t < b.steps; ++t)
        b.mask.push_back(Eigen::MatrixXd::Constant(2, 3, t == 0 ? 0.0 : 1.0));
    b.phases = {{"cue", 0}, {"go", 3}};
    b.inputNoise = 0.1;
    b.networkNoiseSigma = 0.05;
    b.dt = 0.01;
    b.samplingConditions = {"left", "right"};
    b.samplingTimes = {2, 6};
    b.uniformDraw = true;
    return b;
}

// Two trials without any optional array (initial_state, which writeTrialSet always writes, is
// left out of the repacked .npz variants: see trialSetNpzVariants).
Batch minimalTrialSet() {
    Batch b = smallTrialBatch(2, 4, 1, 1);
    b.trials[0].label = "a";
    b.trials[1].label = "b";
    return b;
}

// The flip-flop grid (core/tasks/generated.h) cut down to a few KB: trials 0, 13 and 23, every
// 25th of its 500 steps (its pulses at steps 0 and 250 stay in), the phases moved with them.
Batch smallFlipFlopGrid() {
    const Batch grid = generatedGridBatch(TaskKind::FlipFlop);
    constexpr int kEvery = 25;
    const std::vector<int> keep = {0, 13, 23};
    Batch b = grid;
    b.steps = grid.steps / kEvery;
    b.trials.clear();
    for (const int j : keep)
        b.trials.push_back(grid.trials[static_cast<std::size_t>(j)]);
    b.u.clear();
    b.y.clear();
    b.mask.clear();
    for (int t = 0; t < b.steps; ++t) {
        const auto from = static_cast<std::size_t>(t * kEvery);
        Eigen::MatrixXd u(grid.inputs, 3), y(grid.outputs, 3), mask(grid.outputs, 3);
        for (int j = 0; j < 3; ++j) {
            u.col(j) = grid.u[from].col(keep[static_cast<std::size_t>(j)]);
            y.col(j) = grid.y[from].col(keep[static_cast<std::size_t>(j)]);
            mask.col(j) = grid.mask[from].col(keep[static_cast<std::size_t>(j)]);
        }
        b.u.push_back(u);
        b.y.push_back(y);
        b.mask.push_back(mask);
    }
    for (Phase& p : b.phases)
        p.start = (p.start + kEvery - 1) / kEvery;
    std::set<std::string> present;
    for (const TrialInfo& t : b.trials)
        present.insert(t.label);
    std::erase_if(b.samplingConditions, [&](const std::string& c) { return !present.count(c); });
    for (int& t : b.samplingTimes)
        t = std::max(1, t / kEvery);
    return b;
}

std::uint32_t readLe(const std::string& s, std::size_t at, int bytes) {
    if (at + static_cast<std::size_t>(bytes) > s.size())
        throw Error("a zip record runs past the end of the archive");
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}

// The members (name, bytes) of a stored zip archive, as listed in its central directory.
std::vector<std::pair<std::string, std::string>> storedMembers(const std::string& zip) {
    const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos)
        throw Error("no end of central directory record");
    const std::uint32_t count = readLe(zip, end + 10, 2);
    std::size_t at = readLe(zip, end + 16, 4);
    std::vector<std::pair<std::string, std::string>> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (readLe(zip, at, 4) != 0x02014b50 || readLe(zip, at + 10, 2) != 0)
            throw Error("expected a stored member in the central directory");
        const std::uint32_t size = readLe(zip, at + 20, 4);
        const std::uint32_t nameLength = readLe(zip, at + 28, 2);
        const std::size_t next =
            at + 46 + nameLength + readLe(zip, at + 30, 2) + readLe(zip, at + 32, 2);
        const std::uint32_t local = readLe(zip, at + 42, 4);
        const std::size_t data =
            local + 30 + readLe(zip, local + 26, 2) + readLe(zip, local + 28, 2);
        if (data + size > zip.size())
            throw Error("a member runs past the end of the archive");
        out.emplace_back(zip.substr(at + 46, nameLength), zip.substr(data, size));
        at = next;
    }
    return out;
}

// NAME.npz as writeTrialSet writes it (libzip, stored), and its members repacked by zipArchive:
// deflated, and stored and deflated with NumPy's Zip64 local headers. Members named in `drop`
// are left out of the repacked archives.
std::vector<fs::path> trialSetNpzVariants(const fs::path& dir, const std::string& name,
                                          const Batch& batch,
                                          const std::set<std::string>& drop = {}) {
    const fs::path own = dir / (name + ".npz");
    writeTrialSet(own.string(), batch);
    std::vector<std::pair<std::string, std::string>> members;
    for (auto& member : storedMembers(readBytes(own)))
        if (!drop.count(member.first))
            members.push_back(std::move(member));
    std::vector<fs::path> out = {own};
    for (const auto& [suffix, options] :
         std::vector<std::pair<std::string, ZipOptions>>{{"-deflated", {true, false}},
                                                         {"-savez", {false, true}},
                                                         {"-savez_compressed", {true, true}}}) {
        const fs::path path = dir / (name + suffix + ".npz");
        writeBytes(path, zipArchive(members, options));
        out.push_back(path);
    }
    return out;
}

// Seeds the reader refuses: reported at the end (the files are written all the same, so that a
// reader that wrongly refuses valid files does not hold up the corpus).
std::vector<std::string> refused;

void expectReadable(const fs::path& path, const std::function<void(const std::string&)>& read) {
    try {
        read(path.string());
    } catch (const Error& e) {
        refused.push_back(e.what());
    }
}

void copyInto(const std::vector<fs::path>& files, const fs::path& dir) {
    for (const fs::path& f : files)
        fs::copy_file(f, dir / f.filename(), fs::copy_options::overwrite_existing);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz_make_corpus OUTDIR\n";
        return 2;
    }
    try {
        h5::quietErrors();
        const fs::path out = argv[1];
        auto dir = [&](const char* harness) {
            const fs::path d = out / harness;
            fs::create_directories(d);
            return d;
        };
        const Model ctxt = smallModel(TaskKind::Ctxt);
        const Model swg = smallModel(TaskKind::Swg);

        // Networks in opdims' format.
        const fs::path opdimsDir = dir("fuzz_opdims_h5");
        std::vector<fs::path> opdimsFiles;
        for (const Model* m : {&ctxt, &swg})
            for (const fs::path& f :
                 hdf5Variants(opdimsDir, std::string("model_") + taskName(m->task),
                              [&](const std::string& p) { saveModel(*m, p); }))
                opdimsFiles.push_back(f);
        for (const fs::path& f : opdimsFiles)
            expectReadable(f, [](const std::string& p) { loadOpdimsModel(p); });

        // The authors' layout: /NetNr1 with final and init; a second file (latest format only)
        // with /NetNr1 (ctxt) and /NetNr2 (swg).
        const fs::path authorsDir = dir("fuzz_authors_h5");
        std::vector<fs::path> authorsFiles = hdf5Variants(
            authorsDir, "authors_ctxt", [&](const std::string& p) { writeAuthors(p, {ctxt}); });
        const fs::path twoNets = authorsDir / "authors_two_nets.tmp";
        writeAuthors(twoNets.string(), {ctxt, swg});
        rewriteHdf5(twoNets, authorsDir / "authors_two_nets-latest.h5", Layout{true, true, true});
        fs::remove(twoNets);
        authorsFiles.push_back(authorsDir / "authors_two_nets-latest.h5");
        for (const fs::path& f : authorsFiles)
            expectReadable(f, [](const std::string& p) {
                for (int net : authorsNetworks(p))
                    for (const char* weights : {"final", "init"})
                        loadAuthorsModel(p, net, weights);
            });

        // .npz networks: 2-D f8 members in C order, 1-D biases, 0-D constants; stored,
        // deflated, NumPy's Zip64 local headers; one with float32 and Fortran-order members.
        const fs::path npzDir = dir("fuzz_npz");
        std::vector<fs::path> npzFiles;
        const std::vector<std::pair<std::string, std::string>> members = {
            {"W.npy", npyMatrix(ctxt.W)},         {"W_in.npy", npyMatrix(ctxt.W_in)},
            {"W_out.npy", npyMatrix(ctxt.W_out)}, {"b.npy", npyVector(ctxt.b)},
            {"b_z.npy", npyVector(ctxt.b_z)},     {"x0.npy", npyMatrix(ctxt.x0)},
            {"dt.npy", npyScalar(ctxt.dt)},       {"tau.npy", npyScalar(ctxt.tau)}};
        for (const auto& [name, options] : std::vector<std::pair<std::string, ZipOptions>>{
                 {"model_stored.npz", {false, false}},
                 {"model_deflated.npz", {true, false}},
                 {"model_savez.npz", {false, true}},
                 {"model_savez_compressed.npz", {true, true}}}) {
            writeBytes(npzDir / name, zipArchive(members, options));
            npzFiles.push_back(npzDir / name);
        }
        const auto shape = [](const Eigen::MatrixXd& m) {
            return std::vector<std::size_t>{static_cast<std::size_t>(m.rows()),
                                            static_cast<std::size_t>(m.cols())};
        };
        writeBytes(
            npzDir / "model_mixed_types.npz",
            zipArchive(
                {{"W.npy", npy("<f8", true, shape(swg.W), raw<double>(swg.W, true))},
                 {"W_in.npy", npy("<f4", false, shape(swg.W_in), raw<float>(swg.W_in))},
                 {"W_out.npy", npy("<f4", true, shape(swg.W_out), raw<float>(swg.W_out, true))},
                 {"b.npy", npy("<f8", false, {kUnits}, raw<double>(swg.b), 2)},
                 {"b_z.npy", npy("<i8", false, {1}, raw<std::int64_t>(swg.b_z))},
                 {"x0.npy", npy("<f8", false, {kUnits}, raw<double>(swg.x0), 3)}},
                {true, false}));
        npzFiles.push_back(npzDir / "model_mixed_types.npz");
        writeNpz((npzDir / "written_by_opdims.npz").string(), {{"W", ctxt.W},
                                                               {"W_in", ctxt.W_in},
                                                               {"W_out", ctxt.W_out},
                                                               {"b", ctxt.b},
                                                               {"b_z", ctxt.b_z},
                                                               {"x0", ctxt.x0}});
        npzFiles.push_back(npzDir / "written_by_opdims.npz");
        for (const fs::path& f : npzFiles)
            expectReadable(f, [](const std::string& p) { loadNpzModel(p); });

        // Single .npy members of every element type, header version and order.
        const fs::path npyDir = dir("fuzz_npy");
        const Eigen::MatrixXd small = ctxt.W.topLeftCorner(2, 3);
        const std::vector<std::pair<std::string, std::string>> npys = {
            {"f8_2d.npy", npy("<f8", false, {2, 3}, raw<double>(small))},
            {"f8_fortran.npy", npy("<f8", true, {2, 3}, raw<double>(small, true))},
            {"f4_1d.npy", npy("<f4", false, {3}, raw<float>(small.row(0).transpose()))},
            {"f8_0d.npy", npyScalar(0.001)},
            {"i8_v2.npy",
             npy("<i8", false, {2, 2}, raw<std::int64_t>(Eigen::Matrix2d::Identity()), 2)},
            {"i4_v3.npy", npy("<i4", false, {2}, raw<std::int32_t>(Eigen::Vector2d(-1, 7)), 3)},
            {"u2_empty.npy", npy("<u2", false, {0, 3}, "")},
            {"u1_0d.npy",
             npy("|u1", false, {}, raw<std::uint8_t>(Eigen::MatrixXd::Constant(1, 1, 200)))},
            {"b1_1d.npy", npy("|b1", false, {4}, raw<std::uint8_t>(Eigen::Vector4d(1, 0, 0, 1)))}};
        for (const auto& member : npys) {
            writeBytes(npyDir / member.first, member.second);
            expectReadable(npyDir / member.first, [&](const std::string& p) {
                parseNpyBytes(p, member.first, readBytes(p));
            });
        }

        // Local operative dimensions (two ctxt, two swg locations).
        const fs::path localDir = dir("fuzz_local_dims");
        for (const Model* m : {&ctxt, &swg})
            for (const fs::path& f :
                 hdf5Variants(localDir, std::string("local_") + taskName(m->task),
                              [&](const std::string& p) {
                                  writeLocalDimensions(p, m->task, *m, localLocations(*m, m->task));
                              }))
                expectReadable(f,
                               [](const std::string& p) { readLocalDimensions(p, Side::Columns); });

        // Bases: .h5 (with strengths) and .npz; one single-array .npz without the name Q.
        const fs::path basisDir = dir("fuzz_basis");
        const Basis basis = smallBasis(ctxt, 3);
        std::vector<fs::path> basisFiles = hdf5Variants(
            basisDir, "basis", [&](const std::string& p) { writeBasisFile(p, basis); });
        writeBasisFile((basisDir / "basis.npz").string(), basis);
        basisFiles.push_back(basisDir / "basis.npz");
        writeBytes(basisDir / "basis_single_deflated.npz",
                   zipArchive({{"operative.npy", npyMatrix(smallBasis(swg, 6).Q)}}, {true, true}));
        basisFiles.push_back(basisDir / "basis_single_deflated.npz");
        for (const fs::path& f : basisFiles)
            expectReadable(f,
                           [](const std::string& p) { readBasisFile(p, kUnits, Side::Columns); });

        // Fixed points: three points (two fixed, one slow saddle), four runs.
        const fs::path fixedDir = dir("fuzz_fixed_points");
        FixedPointProvenance provenance;
        provenance.text = {{"model", "fuzz seed"}, {"task", "ctxt"}};
        provenance.numbers = {{"context", 1.0}, {"seed", 3.0}};
        for (const fs::path& f : hdf5Variants(fixedDir, "fixed_points", [&](const std::string& p) {
                 saveFixedPoints(p, smallFixedPoints(ctxt), Eigen::VectorXd::Zero(5), provenance);
             }))
            expectReadable(f, [](const std::string& p) {
                if (loadFixedPoints(p).size() != 3)
                    throw Error("expected 3 points");
            });

        // A training checkpoint after 5 of 20 iterations.
        const fs::path checkpointDir = dir("fuzz_checkpoint");
        const std::vector<fs::path> checkpointFiles =
            hdf5Variants(checkpointDir, "checkpoint",
                         [&](const std::string& p) { saveCheckpoint(smallTrainState(), p); });
        for (const fs::path& f : checkpointFiles)
            expectReadable(f, [](const std::string& p) {
                if (!isCheckpoint(p))
                    throw Error("not a checkpoint");
                loadCheckpoint(p);
            });

        // Trial sets: a hand-made set with every optional array, one with none, and the
        // flip-flop grid cut down; HDF5 in the three layouts, .npz stored and deflated, with and
        // without NumPy's Zip64 local headers.
        const std::vector<std::pair<std::string, Batch>> trialSets = {
            {"trials_full", fullTrialSet()},
            {"trials_minimal", minimalTrialSet()},
            {"trials_flipflop", smallFlipFlopGrid()}};
        const auto readsBack = [](const Batch& want) {
            return [want](const std::string& p) {
                const Batch got = readTrialSet(p);
                if (got.trialCount() != want.trialCount() || got.steps != want.steps ||
                    got.inputs != want.inputs || got.outputs != want.outputs ||
                    got.mask.empty() != want.mask.empty() ||
                    got.phases.size() != want.phases.size())
                    throw Error(p + ": the trial set read back differs from the one written");
            };
        };
        const fs::path trialsH5Dir = dir("fuzz_trial_set_h5");
        const fs::path trialsNpzDir = dir("fuzz_trial_set_npz");
        for (const auto& set : trialSets) {
            const std::string& name = set.first;
            const Batch& batch = set.second;
            for (const fs::path& f : hdf5Variants(
                     trialsH5Dir, name, [&](const std::string& p) { writeTrialSet(p, batch); }))
                expectReadable(f, readsBack(batch));
            const std::set<std::string> drop = name == "trials_minimal"
                                                   ? std::set<std::string>{"initial_state.npy"}
                                                   : std::set<std::string>{};
            for (const fs::path& f : trialSetNpzVariants(trialsNpzDir, name, batch, drop))
                expectReadable(f, readsBack(batch));
        }

        // Any network file: every format detectFormat knows, and a checkpoint (a model too).
        const fs::path anyDir = dir("fuzz_load_model");
        copyInto(opdimsFiles, anyDir);
        copyInto(authorsFiles, anyDir);
        copyInto(npzFiles, anyDir);
        copyInto({checkpointFiles.back()}, anyDir);
        for (const auto& e : fs::directory_iterator(anyDir))
            expectReadable(e.path(), [](const std::string& p) { loadModel(p); });

        std::uintmax_t total = 0;
        for (const auto& e : fs::recursive_directory_iterator(out))
            if (e.is_regular_file())
                total += e.file_size();
        std::cout << "fuzz_make_corpus: wrote " << out.string() << " (" << total << " bytes)\n";
        for (const std::string& r : refused)
            std::cerr << "fuzz_make_corpus: a valid seed does not load: " << r << "\n";
        if (!refused.empty())
            return 1;
    } catch (const std::exception& e) {
        std::cerr << "fuzz_make_corpus: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
