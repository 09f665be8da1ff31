// Thin RAII layer over the HDF5 C API: open/create files, read and write 2-D float64 datasets
// and scalar attributes, with errors that name the file and the object.
#pragma once

#include <Eigen/Dense>

#include <hdf5.h>

#include <string>
#include <vector>

namespace opdims::h5 {

// Owns one hid_t and closes it with the right H5*close.
class Handle {
public:
    Handle() = default;
    explicit Handle(hid_t id) : id_(id) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& o) noexcept : id_(o.id_) { o.id_ = H5I_INVALID_HID; }
    Handle& operator=(Handle&& o) noexcept;
    ~Handle();
    hid_t id() const { return id_; }
    bool valid() const { return id_ >= 0; }

private:
    hid_t id_ = H5I_INVALID_HID;
};

class File {
public:
    // Opens read-only; throws Error("<path>: ...") when the file is missing or not HDF5.
    static File openRead(const std::string& path);
    // Creates (truncating) a file for writing.
    static File create(const std::string& path);

    const std::string& path() const { return path_; }
    hid_t id() const { return handle_.id(); }

    bool exists(const std::string& objectPath) const;
    bool isGroup(const std::string& objectPath) const;
    std::vector<std::string> children(const std::string& groupPath) const;

    // The dataset's dimensions as HDF5 reports them (row-major order); throws for an empty (null)
    // dataspace and for data that lives outside this file.
    std::vector<hsize_t> dims(const std::string& dataset) const;

    // The dataset as the matrix readRowMajor would return (a scalar is 1 x 1, (n) is n x 1),
    // checked before anything is read: a numeric dataset of at most 2 dimensions and at most
    // limits::kMaxElements values, stored in this file.
    struct Shape {
        long long rows = 0;
        long long cols = 0;
    };
    Shape shape(const std::string& dataset) const;

    // Reads a 1-D or 2-D numeric dataset as float64 in HDF5's row-major order: an (a, b)
    // dataset becomes an a x b matrix (a 1-D dataset of n becomes n x 1).
    Eigen::MatrixXd readRowMajor(const std::string& dataset) const;
    // The authors' convention: the buffer taken column-major with the dimensions swapped,
    // so an HDF5 (a, b) dataset becomes a b x a matrix (the transpose of readRowMajor).
    Eigen::MatrixXd readSwapped(const std::string& dataset) const;

    // A numeric dataset of at most maxRank (<= 3) dimensions, checked like shape(), as float64
    // in HDF5's row-major (C) order.
    struct Array {
        std::vector<hsize_t> dims;
        std::vector<double> values;
    };
    Array readArray(const std::string& dataset, int maxRank) const;
    // A 1-D (or scalar) dataset of text, fixed- or variable-length, ASCII or UTF-8; a numeric
    // dataset of whole numbers is read as their decimal text. At most limits::kMaxTrials values.
    std::vector<std::string> readStrings(const std::string& dataset) const;

    // Writes a float64 dataset of the given dimensions (1 to 3) from row-major values.
    void writeArray(const std::string& dataset, const std::vector<hsize_t>& dims,
                    const std::vector<double>& values);
    // Writes a 1-D dataset of variable-length UTF-8 strings.
    void writeStrings(const std::string& dataset, const std::vector<std::string>& values);

    // Writes a 2-D float64 dataset in row-major order (HDF5 shape rows x cols), deflated.
    void writeRowMajor(const std::string& dataset, const Eigen::MatrixXd& m);
    // Writes a 1-D float64 dataset (HDF5 shape (n)), deflated.
    void writeVector(const std::string& dataset, const Eigen::VectorXd& v);
    // Writes in the authors' convention (HDF5 shape cols x rows).
    void writeSwapped(const std::string& dataset, const Eigen::MatrixXd& m);
    void createGroup(const std::string& groupPath);

    void setAttribute(const std::string& object, const std::string& name, const std::string& v);
    void setAttribute(const std::string& object, const std::string& name, double v);
    void setAttribute(const std::string& object, const std::string& name, long long v);
    bool hasAttribute(const std::string& object, const std::string& name) const;
    // Attribute reads check that the attribute holds exactly one value of the right class;
    // strings may be fixed-length or variable-length (h5py's default), ASCII or UTF-8.
    std::string stringAttribute(const std::string& object, const std::string& name) const;
    double doubleAttribute(const std::string& object, const std::string& name) const;
    // A whole number in [lo, hi], stored as an integer or as an integral float.
    long long integerAttribute(const std::string& object, const std::string& name, long long lo,
                               long long hi) const;

private:
    std::string path_;
    Handle handle_;
    // Values read so far, against limits::kMaxFileValues.
    mutable long long valuesRead_ = 0;
};

// Once per process: silences HDF5's own error printing (we report errors ourselves) and switches
// off the loading of filter plugins, so that a file cannot make the library load code.
void quietErrors();

} // namespace opdims::h5
