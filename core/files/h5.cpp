// RAII helpers over the HDF5 C API.
#include "core/files/h5.h"

#include "core/base/error.h"
#include "core/base/limits.h"

#include <H5PLpublic.h>
#include <zlib.h>

#include <algorithm>
#include <climits>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace opdims::h5 {

namespace {

// Inflates one deflate stream into at most `limit` bytes; false when the stream is corrupt or
// would produce more.
bool boundedInflate(const std::string& in, std::size_t limit, std::string& out) {
    out.assign(std::min<std::size_t>(std::max<std::size_t>(in.size() * 4, 4096), limit + 1), '\0');
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return false;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT_MAX));
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (zs.total_out == out.size()) {
            if (out.size() > limit)
                break; // more than a chunk can hold: corrupt or a decompression bomb
            out.resize(std::min(out.size() * 2, limit + 1));
        }
        zs.next_out = reinterpret_cast<Bytef*>(out.data()) + zs.total_out;
        zs.avail_out = static_cast<uInt>(out.size() - zs.total_out);
        rc = inflate(&zs, Z_NO_FLUSH);
    }
    const std::size_t produced = zs.total_out;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END || produced > limit)
        return false;
    out.resize(produced);
    return true;
}

} // namespace

void quietErrors() {
    static std::once_flag once;
    std::call_once(once, [] {
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
        H5PLset_loading_state(0);
    });
}

namespace {

std::string numberText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string osError(int err) {
    return err != 0 ? std::string(" (") + std::strerror(err) + ")" : std::string();
}

} // namespace

Handle& Handle::operator=(Handle&& o) noexcept {
    if (this != &o) {
        Handle tmp(std::move(*this));
        id_ = o.id_;
        o.id_ = H5I_INVALID_HID;
    }
    return *this;
}

Handle::~Handle() {
    if (id_ < 0)
        return;
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

File File::openRead(const std::string& path) {
    quietErrors();
    File f;
    f.path_ = path;
    if (FILE* probe = std::fopen(path.c_str(), "rb"))
        std::fclose(probe);
    else
        throw Error(path + ": cannot open the file (it does not exist or is not readable)");
    if (H5Fis_hdf5(path.c_str()) <= 0)
        throw Error(path + ": not an HDF5 file");
    f.handle_ = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    if (!f.handle_.valid())
        throw Error(path + ": the HDF5 file cannot be opened (corrupt or truncated?)");
    return f;
}

File File::create(const std::string& path) {
    quietErrors();
    File f;
    f.path_ = path;
    errno = 0;
    f.handle_ = Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
    if (!f.handle_.valid())
        throw Error(path + ": cannot create the file" + osError(errno));
    return f;
}

bool File::exists(const std::string& objectPath) const {
    // Check each component so that a missing intermediate group is not an HDF5 error.
    std::string partial;
    std::size_t pos = 0;
    while (pos <= objectPath.size()) {
        std::size_t next = objectPath.find('/', pos);
        if (next == std::string::npos)
            next = objectPath.size();
        const std::string part = objectPath.substr(pos, next - pos);
        if (!part.empty()) {
            partial += "/" + part;
            if (H5Lexists(id(), partial.c_str(), H5P_DEFAULT) <= 0)
                return false;
            // An external link would make HDF5 open another file: opdims reads only the file
            // it was given. Soft links stay inside the file and are followed.
            H5L_info_t link;
            if (H5Lget_info(id(), partial.c_str(), &link, H5P_DEFAULT) < 0)
                return false;
            if (link.type != H5L_TYPE_HARD && link.type != H5L_TYPE_SOFT)
                throw Error(path_ + ": " + partial +
                            " is a link to another file; opdims reads only the file it is given");
        }
        pos = next + 1;
    }
    return !partial.empty();
}

bool File::isGroup(const std::string& objectPath) const {
    if (!exists(objectPath))
        return false;
    H5O_info_t info;
    if (H5Oget_info_by_name(id(), objectPath.c_str(), &info, H5P_DEFAULT) < 0)
        return false;
    return info.type == H5O_TYPE_GROUP;
}

namespace {

herr_t collectLinkName(hid_t, const char* name, const H5L_info_t*, void* data) {
    auto* names = static_cast<std::vector<std::string>*>(data);
    if (static_cast<long long>(names->size()) >= limits::kMaxGroupLinks)
        return 1; // stop: the caller reports the group as too large
    names->emplace_back(name);
    return 0;
}

} // namespace

std::vector<std::string> File::children(const std::string& groupPath) const {
    Handle g(H5Gopen2(id(), groupPath.c_str(), H5P_DEFAULT));
    if (!g.valid())
        throw Error(path_ + ": group " + groupPath + " is missing");
    H5G_info_t info;
    if (H5Gget_info(g.id(), &info) < 0)
        throw Error(path_ + ": cannot list group " + groupPath);
    if (info.nlinks > static_cast<hsize_t>(limits::kMaxGroupLinks))
        throw Error(path_ + ": group " + groupPath + " has " + std::to_string(info.nlinks) +
                    " members, more than opdims lists (" + std::to_string(limits::kMaxGroupLinks) +
                    ")");
    // One pass over the links in name order (looking each up by its index would walk the group's
    // index once per link).
    std::vector<std::string> names;
    hsize_t idx = 0;
    const herr_t rc = H5Literate(g.id(), H5_INDEX_NAME, H5_ITER_INC, &idx, collectLinkName, &names);
    if (rc < 0)
        throw Error(path_ + ": cannot list group " + groupPath);
    if (rc > 0)
        throw Error(path_ + ": group " + groupPath + " has more than " +
                    std::to_string(limits::kMaxGroupLinks) + " members, the most opdims lists");
    return names;
}

namespace {

// Refuses data that HDF5 would fetch from elsewhere (external raw-data files, virtual datasets)
// and filters this build cannot decode, before anything is read.
void checkStoredHere(const File& f, const std::string& dataset, hid_t ds) {
    Handle dcpl(H5Dget_create_plist(ds));
    if (!dcpl.valid())
        throw Error(f.path() + ": cannot read the storage of dataset " + dataset);
    if (H5Pget_external_count(dcpl.id()) != 0)
        throw Error(f.path() + ": dataset " + dataset +
                    " keeps its data in an external file; opdims reads only the file it is given");
    if (H5Pget_layout(dcpl.id()) == H5D_VIRTUAL)
        throw Error(f.path() + ": dataset " + dataset +
                    " is a virtual dataset (its data lives in other files); opdims reads only the "
                    "file it is given");
    const int filters = H5Pget_nfilters(dcpl.id());
    for (int i = 0; i < filters; ++i) {
        unsigned flags = 0, config = 0;
        std::size_t elements = 0;
        const H5Z_filter_t id = H5Pget_filter2(dcpl.id(), static_cast<unsigned>(i), &flags,
                                               &elements, nullptr, 0, nullptr, &config);
        // n-bit and scale-offset take their sizes from parameters stored in the file: not
        // trusted. Deflate is bounded (checkChunks); shuffle and Fletcher-32 keep sizes.
        if (id != H5Z_FILTER_DEFLATE && id != H5Z_FILTER_SHUFFLE && id != H5Z_FILTER_FLETCHER32)
            throw Error(f.path() + ": dataset " + dataset + " uses compression filter " +
                        std::to_string(id) +
                        ", which opdims cannot read (use gzip/deflate or no compression)");
    }
    const H5D_layout_t layout = H5Pget_layout(dcpl.id());
    if (layout == H5D_COMPACT || layout == H5D_CONTIGUOUS) {
        // The layout message states how many bytes the data takes (in the object header for
        // compact data, in the file for contiguous data). HDF5 1.10 sizes its read buffers by that
        // field and then copies the whole dataspace out of them: a smaller field is a read past
        // the buffer. Data that was never written has no storage at all.
        Handle type(H5Dget_type(ds));
        Handle space(H5Dget_space(ds));
        const hssize_t points = space.valid() ? H5Sget_simple_extent_npoints(space.id()) : -1;
        const std::size_t size = type.valid() ? H5Tget_size(type.id()) : 0;
        const hsize_t stored = H5Dget_storage_size(ds);
        if (points < 0 || size == 0 ||
            (points > 0 &&
             static_cast<double>(stored) < static_cast<double>(points) * static_cast<double>(size)))
            throw Error(f.path() + ": dataset " + dataset + " stores " + std::to_string(stored) +
                        " bytes, less than its shape needs; the file is corrupt");
    }
    if (layout == H5D_CHUNKED) {
        hsize_t chunk[H5S_MAX_RANK];
        const int rank = H5Pget_chunk(dcpl.id(), H5S_MAX_RANK, chunk);
        double values = 1;
        for (int i = 0; i < rank; ++i)
            values *= static_cast<double>(chunk[i]);
        if (rank < 0 || values > static_cast<double>(limits::kMaxElements))
            throw Error(f.path() + ": dataset " + dataset +
                        " is stored in chunks larger than opdims reads (" +
                        std::to_string(limits::kMaxElements) + " values)");
        // A chunk larger than the dataset would only hold padding (HDF5 itself refuses one for
        // datasets of fixed size): refused, so that a chunk inflates to at most the data.
        Handle space(H5Dget_space(ds));
        hsize_t dims[H5S_MAX_RANK];
        const int drank = space.valid() ? H5Sget_simple_extent_dims(space.id(), dims, nullptr) : -1;
        if (drank != rank)
            throw Error(f.path() + ": dataset " + dataset + " has chunks of another rank");
        for (int i = 0; i < rank; ++i)
            if (chunk[i] > std::max<hsize_t>(dims[i], 1))
                throw Error(f.path() + ": dataset " + dataset +
                            " is stored in chunks larger than the dataset; the file is corrupt");
    }
}

Handle openDataset(const File& f, const std::string& dataset) {
    if (!f.exists(dataset))
        throw Error(f.path() + ": dataset " + dataset + " is missing");
    Handle d(H5Dopen2(f.id(), dataset.c_str(), H5P_DEFAULT));
    if (!d.valid())
        throw Error(f.path() + ": " + dataset + " is not a dataset");
    checkStoredHere(f, dataset, d.id());
    return d;
}

std::vector<hsize_t> datasetDims(const File& f, const std::string& dataset, hid_t ds) {
    Handle space(H5Dget_space(ds));
    const H5S_class_t kind = H5Sget_simple_extent_type(space.id());
    if (kind == H5S_NULL)
        throw Error(f.path() + ": dataset " + dataset + " is empty (it holds no values)");
    if (kind != H5S_SCALAR && kind != H5S_SIMPLE)
        throw Error(f.path() + ": cannot read the shape of " + dataset);
    const int rank = H5Sget_simple_extent_ndims(space.id());
    if (rank < 0 || rank > H5S_MAX_RANK)
        throw Error(f.path() + ": cannot read the shape of " + dataset);
    std::vector<hsize_t> out(static_cast<std::size_t>(rank));
    if (rank > 0 && H5Sget_simple_extent_dims(space.id(), out.data(), nullptr) < 0)
        throw Error(f.path() + ": cannot read the shape of " + dataset);
    return out;
}

// True for the standard integer and IEEE floating-point types (8 to 64 bits, either byte order),
// the only ones numpy, h5py, MATLAB and opdims write. libhdf5 1.10.8 converts a corrupt integer
// type (a precision or offset beyond its size) by reading past the value's bytes, so any other
// numeric type is refused before a read converts it.
bool standardNumber(hid_t type) {
    const hid_t kinds[] = {H5T_STD_I8LE,   H5T_STD_I8BE,   H5T_STD_U8LE,   H5T_STD_U8BE,
                           H5T_STD_I16LE,  H5T_STD_I16BE,  H5T_STD_U16LE,  H5T_STD_U16BE,
                           H5T_STD_I32LE,  H5T_STD_I32BE,  H5T_STD_U32LE,  H5T_STD_U32BE,
                           H5T_STD_I64LE,  H5T_STD_I64BE,  H5T_STD_U64LE,  H5T_STD_U64BE,
                           H5T_IEEE_F32LE, H5T_IEEE_F32BE, H5T_IEEE_F64LE, H5T_IEEE_F64BE};
    for (const hid_t k : kinds)
        if (H5Tequal(type, k) > 0)
            return true;
    return false;
}

std::string dimsText(const std::vector<hsize_t>& d) {
    std::string s;
    for (std::size_t i = 0; i < d.size(); ++i)
        s += (i ? "x" : "") + std::to_string(d[i]);
    return d.empty() ? "a scalar" : s;
}

// HDF5's deflate filter grows its output without bound, so a few kilobytes of nested deflate
// streams can expand to gigabytes before HDF5 notices the chunk is too large. Before a chunked,
// deflated dataset is read, each stored chunk is run through its filters here with every stage
// bounded by the chunk's own size (plus Fletcher-32's checksum): a chunk that would grow beyond
// it is refused without being expanded.
void checkChunks(const File& f, const std::string& dataset, hid_t ds) {
    Handle dcpl(H5Dget_create_plist(ds));
    if (H5Pget_layout(dcpl.id()) != H5D_CHUNKED)
        return;
    const int filters = H5Pget_nfilters(dcpl.id());
    std::vector<H5Z_filter_t> pipeline;
    for (int i = 0; i < filters; ++i) {
        unsigned flags = 0, config = 0;
        std::size_t elements = 0;
        pipeline.push_back(H5Pget_filter2(dcpl.id(), static_cast<unsigned>(i), &flags, &elements,
                                          nullptr, 0, nullptr, &config));
    }
    hsize_t chunk[H5S_MAX_RANK];
    const int rank = H5Pget_chunk(dcpl.id(), H5S_MAX_RANK, chunk);
    Handle type(H5Dget_type(ds));
    std::size_t limit = H5Tget_size(type.id());
    for (int i = 0; i < rank; ++i)
        limit *= static_cast<std::size_t>(chunk[i]);
    // Every chunk must come out of its filters at exactly this size: HDF 1.10 does not check,
    // and copies a whole chunk out of a shorter buffer.
    const std::size_t expected = limit;
    limit += 16;
    Handle space(H5Dget_space(ds));
    hsize_t count = 0;
    if (rank < 1 || H5Dget_num_chunks(ds, space.id(), &count) < 0)
        throw Error(f.path() + ": cannot read the chunks of dataset " + dataset);
    if (count > static_cast<hsize_t>(limits::kMaxChunks))
        throw Error(f.path() + ": dataset " + dataset + " is stored in " + std::to_string(count) +
                    " chunks, more than opdims reads (" + std::to_string(limits::kMaxChunks) + ")");
    const auto corrupt = [&] {
        return Error(f.path() + ": a chunk of dataset " + dataset +
                     " does not come out at its size (corrupt, or a decompression bomb)");
    };
    hsize_t fileSize = 0;
    if (H5Fget_filesize(f.id(), &fileSize) < 0)
        throw Error(f.path() + ": cannot read the size of the file");
    const hsize_t maxStored = std::min<hsize_t>(fileSize, expected + expected / 8 + 64);
    std::string raw, next;
    for (hsize_t c = 0; c < count; ++c) {
        hsize_t offset[H5S_MAX_RANK];
        unsigned mask = 0;
        haddr_t address = 0;
        hsize_t stored = 0;
        // A filtered chunk is at most a little larger than its data (deflate adds a few bytes per
        // block, Fletcher-32 four), and never larger than the file.
        if (H5Dget_chunk_info(ds, space.id(), c, offset, &mask, &address, &stored) < 0 ||
            stored > maxStored)
            throw corrupt();
        raw.assign(static_cast<std::size_t>(stored), '\0');
        std::uint32_t readMask = 0;
        if (stored > 0 && H5Dread_chunk(ds, H5P_DEFAULT, offset, &readMask, raw.data()) < 0)
            throw corrupt();
        // Undo the filters last to first, as HDF5 will.
        for (int i = static_cast<int>(pipeline.size()) - 1; i >= 0; --i) {
            if (readMask & (1u << i))
                continue;
            if (pipeline[static_cast<std::size_t>(i)] == H5Z_FILTER_DEFLATE) {
                if (!boundedInflate(raw, limit, next))
                    throw corrupt();
                raw.swap(next);
            } else if (pipeline[static_cast<std::size_t>(i)] == H5Z_FILTER_FLETCHER32) {
                if (raw.size() < 4)
                    throw corrupt();
                raw.resize(raw.size() - 4);
            }
        }
        if (raw.size() != expected)
            throw corrupt();
    }
}

} // namespace

std::vector<hsize_t> File::dims(const std::string& dataset) const {
    const Handle d = openDataset(*this, dataset);
    return datasetDims(*this, dataset, d.id());
}

File::Shape File::shape(const std::string& dataset) const {
    const Handle d = openDataset(*this, dataset);
    const std::vector<hsize_t> dd = datasetDims(*this, dataset, d.id());
    if (dd.size() > 2)
        throw Error(path_ + ": dataset " + dataset + " has " + std::to_string(dd.size()) +
                    " dimensions, expected at most 2");
    Handle type(H5Dget_type(d.id()));
    const H5T_class_t cls = H5Tget_class(type.id());
    if (cls != H5T_FLOAT && cls != H5T_INTEGER)
        throw Error(path_ + ": dataset " + dataset + " is not numeric");
    if (!standardNumber(type.id()))
        throw Error(path_ + ": dataset " + dataset +
                    " has a number type opdims does not read (only 8- to 64-bit integers and "
                    "IEEE 32- or 64-bit floating point)");
    const hsize_t rows = dd.empty() ? 1 : dd[0];
    const hsize_t cols = dd.size() < 2 ? 1 : dd[1];
    const auto limit = static_cast<hsize_t>(limits::kMaxElements);
    if (rows > limit || cols > limit || (rows > 0 && cols > limit / rows))
        throw Error(path_ + ": dataset " + dataset + " is " + dimsText(dd) +
                    ", more values than opdims reads from one dataset (" +
                    std::to_string(limits::kMaxElements) + ")");
    return {static_cast<long long>(rows), static_cast<long long>(cols)};
}

Eigen::MatrixXd File::readRowMajor(const std::string& dataset) const {
    const Shape s = shape(dataset);
    valuesRead_ += s.rows * s.cols;
    if (valuesRead_ > limits::kMaxFileValues)
        throw Error(path_ + ": reading dataset " + dataset + " would take more than " +
                    std::to_string(limits::kMaxFileValues) +
                    " values from one file, the most opdims reads");
    const Handle ds = openDataset(*this, dataset);
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> buf(s.rows, s.cols);
    checkChunks(*this, dataset, ds.id());
    const herr_t rc = s.rows * s.cols > 0 ? H5Dread(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL,
                                                    H5P_DEFAULT, buf.data())
                                          : 0;
    if (rc < 0)
        throw Error(path_ + ": cannot read dataset " + dataset + " (corrupt data?)");
    return buf;
}

File::Array File::readArray(const std::string& dataset, int maxRank) const {
    const Handle d = openDataset(*this, dataset);
    const std::vector<hsize_t> dd = datasetDims(*this, dataset, d.id());
    if (static_cast<int>(dd.size()) > std::min(maxRank, 3))
        throw Error(path_ + ": dataset " + dataset + " has " + std::to_string(dd.size()) +
                    " dimensions, expected at most " + std::to_string(std::min(maxRank, 3)));
    Handle type(H5Dget_type(d.id()));
    const H5T_class_t cls = H5Tget_class(type.id());
    if (cls != H5T_FLOAT && cls != H5T_INTEGER)
        throw Error(path_ + ": dataset " + dataset + " is not numeric");
    if (!standardNumber(type.id()))
        throw Error(path_ + ": dataset " + dataset +
                    " has a number type opdims does not read (only 8- to 64-bit integers and "
                    "IEEE 32- or 64-bit floating point)");
    const auto limit = static_cast<hsize_t>(limits::kMaxElements);
    hsize_t count = 1;
    for (const hsize_t n : dd) {
        if (n > limit || (n > 0 && count > limit / n))
            throw Error(path_ + ": dataset " + dataset + " is " + dimsText(dd) +
                        ", more values than opdims reads from one dataset (" +
                        std::to_string(limits::kMaxElements) + ")");
        count *= n;
    }
    valuesRead_ += static_cast<long long>(count);
    if (valuesRead_ > limits::kMaxFileValues)
        throw Error(path_ + ": reading dataset " + dataset + " would take more than " +
                    std::to_string(limits::kMaxFileValues) +
                    " values from one file, the most opdims reads");
    Array a;
    a.dims = dd;
    a.values.resize(static_cast<std::size_t>(count));
    checkChunks(*this, dataset, d.id());
    if (count > 0 &&
        H5Dread(d.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, a.values.data()) < 0)
        throw Error(path_ + ": cannot read dataset " + dataset + " (corrupt data?)");
    return a;
}

std::vector<std::string> File::readStrings(const std::string& dataset) const {
    const Handle d = openDataset(*this, dataset);
    const std::vector<hsize_t> dd = datasetDims(*this, dataset, d.id());
    if (dd.size() > 1)
        throw Error(path_ + ": dataset " + dataset + " has " + std::to_string(dd.size()) +
                    " dimensions, expected a list of texts (1 dimension)");
    const hsize_t count = dd.empty() ? 1 : dd[0];
    if (count > static_cast<hsize_t>(limits::kMaxTrials))
        throw Error(path_ + ": dataset " + dataset + " holds " + std::to_string(count) +
                    " texts, more than " + std::to_string(limits::kMaxTrials));
    Handle type(H5Dget_type(d.id()));
    const H5T_class_t cls = H5Tget_class(type.id());
    std::vector<std::string> out;
    if (cls == H5T_INTEGER || cls == H5T_FLOAT) {
        const Array a = readArray(dataset, 1);
        for (const double v : a.values) {
            if (!(v == std::floor(v)) || std::abs(v) > 1e15)
                throw Error(path_ + ": dataset " + dataset + " holds " + numberText(v) +
                            ", expected text or whole numbers");
            out.push_back(std::to_string(static_cast<long long>(v)));
        }
        return out;
    }
    if (cls != H5T_STRING)
        throw Error(path_ + ": dataset " + dataset + " is not text");
    checkChunks(*this, dataset, d.id());
    if (count == 0)
        return out;
    if (H5Tis_variable_str(type.id()) > 0) {
        Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.id(), H5T_VARIABLE);
        H5Tset_cset(mem.id(), H5Tget_cset(type.id()));
        std::vector<char*> ptrs(static_cast<std::size_t>(count), nullptr);
        if (H5Dread(d.id(), mem.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0)
            throw Error(path_ + ": cannot read dataset " + dataset + " (corrupt data?)");
        Handle space(H5Dget_space(d.id()));
        for (char* p : ptrs) {
            std::string v = p ? std::string(p, strnlen(p, 1u << 16)) : std::string();
            out.push_back(std::move(v));
        }
        H5Dvlen_reclaim(mem.id(), space.id(), H5P_DEFAULT, ptrs.data());
        return out;
    }
    const std::size_t size = H5Tget_size(type.id());
    if (size == 0 || size > 4096)
        throw Error(path_ + ": dataset " + dataset + " holds texts of " + std::to_string(size) +
                    " bytes, expected 1 to 4096");
    std::string buf(size * static_cast<std::size_t>(count), '\0');
    if (H5Dread(d.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0)
        throw Error(path_ + ": cannot read dataset " + dataset + " (corrupt data?)");
    for (hsize_t i = 0; i < count; ++i) {
        std::string v = buf.substr(static_cast<std::size_t>(i) * size, size);
        v.resize(std::min(v.size(), v.find('\0')));
        out.push_back(std::move(v));
    }
    return out;
}

Eigen::MatrixXd File::readSwapped(const std::string& dataset) const {
    return readRowMajor(dataset).transpose();
}

namespace {

// Writes `values` (row-major, dims[0] x ... ) as a float64 dataset in one deflated chunk,
// creating the groups on its path.
void writeFloat64(const File& f, const std::string& dataset, int rank, const hsize_t* dims,
                  const double* values, std::size_t count) {
    Handle space(H5Screate_simple(rank, dims, nullptr));
    Handle plist(H5Pcreate(H5P_DATASET_CREATE));
    if (count > 0) {
        hsize_t chunk[3] = {1, 1, 1};
        for (int i = 0; i < rank; ++i)
            chunk[i] = dims[i] ? dims[i] : 1;
        H5Pset_chunk(plist.id(), rank, chunk);
        H5Pset_deflate(plist.id(), 4);
    }
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(lcpl.id(), 1);
    Handle ds(H5Dcreate2(f.id(), dataset.c_str(), H5T_IEEE_F64LE, space.id(), lcpl.id(), plist.id(),
                         H5P_DEFAULT));
    if (!ds.valid())
        throw Error(f.path() + ": cannot create dataset " + dataset);
    if (count > 0 &&
        H5Dwrite(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0)
        throw Error(f.path() + ": cannot write dataset " + dataset);
}

} // namespace

void File::writeRowMajor(const std::string& dataset, const Eigen::MatrixXd& m) {
    const hsize_t d[2] = {static_cast<hsize_t>(m.rows()), static_cast<hsize_t>(m.cols())};
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> buf = m;
    writeFloat64(*this, dataset, 2, d, buf.data(), static_cast<std::size_t>(m.size()));
}

void File::writeArray(const std::string& dataset, const std::vector<hsize_t>& dims,
                      const std::vector<double>& values) {
    if (dims.empty() || dims.size() > 3)
        throw Error(path_ + ": cannot write dataset " + dataset + " of " +
                    std::to_string(dims.size()) + " dimensions");
    writeFloat64(*this, dataset, static_cast<int>(dims.size()), dims.data(), values.data(),
                 values.size());
}

void File::writeStrings(const std::string& dataset, const std::vector<std::string>& values) {
    const hsize_t d[1] = {static_cast<hsize_t>(values.size())};
    Handle space(H5Screate_simple(1, d, nullptr));
    Handle type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.id(), H5T_VARIABLE);
    H5Tset_cset(type.id(), H5T_CSET_UTF8);
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(lcpl.id(), 1);
    Handle ds(H5Dcreate2(id(), dataset.c_str(), type.id(), space.id(), lcpl.id(), H5P_DEFAULT,
                         H5P_DEFAULT));
    if (!ds.valid())
        throw Error(path_ + ": cannot create dataset " + dataset);
    std::vector<const char*> ptrs;
    for (const std::string& v : values)
        ptrs.push_back(v.c_str());
    if (!values.empty() &&
        H5Dwrite(ds.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0)
        throw Error(path_ + ": cannot write dataset " + dataset);
}

void File::writeVector(const std::string& dataset, const Eigen::VectorXd& v) {
    const hsize_t d[1] = {static_cast<hsize_t>(v.size())};
    writeFloat64(*this, dataset, 1, d, v.data(), static_cast<std::size_t>(v.size()));
}

void File::writeSwapped(const std::string& dataset, const Eigen::MatrixXd& m) {
    writeRowMajor(dataset, m.transpose());
}

void File::createGroup(const std::string& groupPath) {
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(lcpl.id(), 1);
    Handle g(H5Gcreate2(id(), groupPath.c_str(), lcpl.id(), H5P_DEFAULT, H5P_DEFAULT));
    if (!g.valid())
        throw Error(path_ + ": cannot create group " + groupPath);
}

namespace {

Handle openObject(const File& f, const std::string& object) {
    if (object != "/" && !f.exists(object))
        throw Error(f.path() + ": object " + object + " is missing");
    Handle o(H5Oopen(f.id(), object.c_str(), H5P_DEFAULT));
    if (!o.valid())
        throw Error(f.path() + ": object " + object + " is missing");
    return o;
}

void writeAttribute(const File& f, const std::string& object, const std::string& name,
                    hid_t fileType, hid_t memType, const void* value) {
    Handle o(H5Oopen(f.id(), object.c_str(), H5P_DEFAULT));
    if (!o.valid())
        throw Error(f.path() + ": object " + object + " is missing");
    if (H5Aexists(o.id(), name.c_str()) > 0)
        H5Adelete(o.id(), name.c_str());
    Handle space(H5Screate(H5S_SCALAR));
    Handle a(H5Acreate2(o.id(), name.c_str(), fileType, space.id(), H5P_DEFAULT, H5P_DEFAULT));
    if (!a.valid() || H5Awrite(a.id(), memType, value) < 0)
        throw Error(f.path() + ": cannot write attribute " + name + " of " + object);
    // H5Oopen handles are closed by H5Oclose; Handle's type switch covers groups and datasets.
}

} // namespace

void File::setAttribute(const std::string& object, const std::string& name, const std::string& v) {
    Handle type(H5Tcopy(H5T_C_S1));
    H5Tset_size(type.id(), v.empty() ? 1 : v.size());
    H5Tset_strpad(type.id(), H5T_STR_NULLPAD);
    H5Tset_cset(type.id(), H5T_CSET_UTF8);
    const std::string padded = v.empty() ? std::string(1, '\0') : v;
    writeAttribute(*this, object, name, type.id(), type.id(), padded.data());
}

void File::setAttribute(const std::string& object, const std::string& name, double v) {
    writeAttribute(*this, object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &v);
}

void File::setAttribute(const std::string& object, const std::string& name, long long v) {
    writeAttribute(*this, object, name, H5T_STD_I64LE, H5T_NATIVE_LLONG, &v);
}

bool File::hasAttribute(const std::string& object, const std::string& name) const {
    if (object != "/" && !exists(object))
        return false;
    return H5Aexists_by_name(id(), object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

namespace {

// Opens an attribute that must hold exactly one value.
Handle openSingleAttribute(const File& f, const std::string& object, const std::string& name) {
    Handle o = openObject(f, object);
    Handle a(H5Aopen(o.id(), name.c_str(), H5P_DEFAULT));
    if (!a.valid())
        throw Error(f.path() + ": attribute " + name + " of " + object + " is missing");
    Handle space(H5Aget_space(a.id()));
    const H5S_class_t kind = H5Sget_simple_extent_type(space.id());
    const hssize_t count = kind == H5S_NULL ? 0 : H5Sget_simple_extent_npoints(space.id());
    if (kind == H5S_NO_CLASS || count != 1)
        throw Error(f.path() + ": attribute " + name + " of " + object + " holds " +
                    std::to_string(count < 0 ? 0 : count) + " values, expected one");
    return a;
}

} // namespace

std::string File::stringAttribute(const std::string& object, const std::string& name) const {
    const Handle a = openSingleAttribute(*this, object, name);
    Handle type(H5Aget_type(a.id()));
    if (H5Tget_class(type.id()) != H5T_STRING)
        throw Error(path_ + ": attribute " + name + " of " + object + " is not a string");
    if (H5Tis_variable_str(type.id()) > 0) {
        // Same character set as the file's type: HDF5 does not convert between ASCII and UTF-8.
        Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.id(), H5T_VARIABLE);
        H5Tset_cset(mem.id(), H5Tget_cset(type.id()));
        char* s = nullptr;
        if (H5Aread(a.id(), mem.id(), &s) < 0)
            throw Error(path_ + ": cannot read attribute " + name + " of " + object);
        std::string out = s ? std::string(s) : std::string();
        if (s)
            H5free_memory(s);
        return out;
    }
    // Read with the attribute's own type: HDF5 does not convert between character sets.
    const std::size_t size = H5Tget_size(type.id());
    if (size == 0 || size > (1u << 20))
        throw Error(path_ + ": attribute " + name + " of " + object + " is a string of " +
                    std::to_string(size) + " bytes, expected 1 byte to 1 MiB");
    std::string out(size, '\0');
    if (H5Aread(a.id(), type.id(), out.data()) < 0)
        throw Error(path_ + ": cannot read attribute " + name + " of " + object);
    out.resize(out.find('\0') == std::string::npos ? out.size() : out.find('\0'));
    return out;
}

double File::doubleAttribute(const std::string& object, const std::string& name) const {
    const Handle a = openSingleAttribute(*this, object, name);
    Handle type(H5Aget_type(a.id()));
    const H5T_class_t cls = H5Tget_class(type.id());
    double v = 0;
    if ((cls == H5T_FLOAT || cls == H5T_INTEGER) && !standardNumber(type.id()))
        throw Error(path_ + ": attribute " + name + " of " + object +
                    " has a number type opdims does not read (only 8- to 64-bit integers and "
                    "IEEE 32- or 64-bit floating point)");
    if ((cls != H5T_FLOAT && cls != H5T_INTEGER) || H5Aread(a.id(), H5T_NATIVE_DOUBLE, &v) < 0)
        throw Error(path_ + ": attribute " + name + " of " + object + " is not a number");
    return v;
}

long long File::integerAttribute(const std::string& object, const std::string& name, long long lo,
                                 long long hi) const {
    const double v = doubleAttribute(object, name);
    if (!(v == std::floor(v)) || !(v >= static_cast<double>(lo)) || !(v <= static_cast<double>(hi)))
        throw Error(path_ + ": attribute " + name + " of " + object + " is " + numberText(v) +
                    ", expected a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi));
    return static_cast<long long>(v);
}

} // namespace opdims::h5
