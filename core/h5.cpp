// RAII helpers over the HDF5 C API.
#include "core/h5.h"

#include "core/error.h"

#include <cstdio>
#include <mutex>

namespace opdims::h5 {

void quietErrors() {
    static std::once_flag once;
    std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

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
    f.handle_ = Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
    if (!f.handle_.valid())
        throw Error(path + ": cannot create the file");
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

std::vector<std::string> File::children(const std::string& groupPath) const {
    std::vector<std::string> names;
    Handle g(H5Gopen2(id(), groupPath.c_str(), H5P_DEFAULT));
    if (!g.valid())
        throw Error(path_ + ": group " + groupPath + " is missing");
    H5G_info_t info;
    if (H5Gget_info(g.id(), &info) < 0)
        throw Error(path_ + ": cannot list group " + groupPath);
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t len =
            H5Lget_name_by_idx(g.id(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (len < 0)
            continue;
        std::string name(static_cast<std::size_t>(len), '\0');
        H5Lget_name_by_idx(g.id(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(),
                           static_cast<std::size_t>(len) + 1, H5P_DEFAULT);
        names.push_back(name);
    }
    return names;
}

std::vector<hsize_t> File::dims(const std::string& dataset) const {
    if (!exists(dataset))
        throw Error(path_ + ": dataset " + dataset + " is missing");
    Handle d(H5Dopen2(id(), dataset.c_str(), H5P_DEFAULT));
    if (!d.valid())
        throw Error(path_ + ": " + dataset + " is not a dataset");
    Handle space(H5Dget_space(d.id()));
    const int rank = H5Sget_simple_extent_ndims(space.id());
    if (rank < 0)
        throw Error(path_ + ": cannot read the shape of " + dataset);
    std::vector<hsize_t> out(static_cast<std::size_t>(rank));
    if (rank > 0)
        H5Sget_simple_extent_dims(space.id(), out.data(), nullptr);
    return out;
}

Eigen::MatrixXd File::readRowMajor(const std::string& dataset) const {
    const std::vector<hsize_t> d = dims(dataset);
    if (d.size() > 2)
        throw Error(path_ + ": dataset " + dataset + " has " + std::to_string(d.size()) +
                    " dimensions, expected at most 2");
    const Eigen::Index rows = d.empty() ? 1 : static_cast<Eigen::Index>(d[0]);
    const Eigen::Index cols = d.size() < 2 ? 1 : static_cast<Eigen::Index>(d[1]);
    Handle ds(H5Dopen2(id(), dataset.c_str(), H5P_DEFAULT));
    Handle type(H5Dget_type(ds.id()));
    if (H5Tget_class(type.id()) != H5T_FLOAT && H5Tget_class(type.id()) != H5T_INTEGER)
        throw Error(path_ + ": dataset " + dataset + " is not numeric");
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> buf(rows, cols);
    if (rows * cols > 0 &&
        H5Dread(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0)
        throw Error(path_ + ": cannot read dataset " + dataset + " (corrupt data?)");
    return buf;
}

Eigen::MatrixXd File::readSwapped(const std::string& dataset) const {
    return readRowMajor(dataset).transpose();
}

void File::writeRowMajor(const std::string& dataset, const Eigen::MatrixXd& m) {
    const hsize_t d[2] = {static_cast<hsize_t>(m.rows()), static_cast<hsize_t>(m.cols())};
    Handle space(H5Screate_simple(2, d, nullptr));
    Handle plist(H5Pcreate(H5P_DATASET_CREATE));
    if (m.size() > 0) {
        const hsize_t chunk[2] = {d[0] ? d[0] : 1, d[1] ? d[1] : 1};
        H5Pset_chunk(plist.id(), 2, chunk);
        H5Pset_deflate(plist.id(), 4);
    }
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE));
    H5Pset_create_intermediate_group(lcpl.id(), 1);
    Handle ds(H5Dcreate2(id(), dataset.c_str(), H5T_IEEE_F64LE, space.id(), lcpl.id(), plist.id(),
                         H5P_DEFAULT));
    if (!ds.valid())
        throw Error(path_ + ": cannot create dataset " + dataset);
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> buf = m;
    if (m.size() > 0 &&
        H5Dwrite(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0)
        throw Error(path_ + ": cannot write dataset " + dataset);
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

std::string File::stringAttribute(const std::string& object, const std::string& name) const {
    Handle o = openObject(*this, object);
    Handle a(H5Aopen(o.id(), name.c_str(), H5P_DEFAULT));
    if (!a.valid())
        throw Error(path_ + ": attribute " + name + " of " + object + " is missing");
    Handle type(H5Aget_type(a.id()));
    if (H5Tget_class(type.id()) != H5T_STRING)
        throw Error(path_ + ": attribute " + name + " of " + object + " is not a string");
    if (H5Tis_variable_str(type.id()) > 0) {
        Handle mem(H5Tcopy(H5T_C_S1));
        H5Tset_size(mem.id(), H5T_VARIABLE);
        char* s = nullptr;
        if (H5Aread(a.id(), mem.id(), &s) < 0 || !s)
            throw Error(path_ + ": cannot read attribute " + name + " of " + object);
        std::string out(s);
        H5free_memory(s);
        return out;
    }
    // Read with the attribute's own type: HDF5 does not convert between character sets.
    const std::size_t size = H5Tget_size(type.id());
    std::string out(size, '\0');
    if (H5Aread(a.id(), type.id(), out.data()) < 0)
        throw Error(path_ + ": cannot read attribute " + name + " of " + object);
    out.resize(out.find('\0') == std::string::npos ? out.size() : out.find('\0'));
    return out;
}

double File::doubleAttribute(const std::string& object, const std::string& name) const {
    Handle o = openObject(*this, object);
    Handle a(H5Aopen(o.id(), name.c_str(), H5P_DEFAULT));
    if (!a.valid())
        throw Error(path_ + ": attribute " + name + " of " + object + " is missing");
    double v = 0;
    if (H5Aread(a.id(), H5T_NATIVE_DOUBLE, &v) < 0)
        throw Error(path_ + ": attribute " + name + " of " + object + " is not a number");
    return v;
}

} // namespace opdims::h5
