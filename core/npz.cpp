// .npz reading and writing: a minimal zip reader (stored and deflate members) plus .npy parsing.
#include "core/npz.h"

#include "core/atomic_file.h"
#include "core/error.h"

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace opdims {

namespace {

std::uint32_t u32(const unsigned char* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}
std::uint16_t u16(const unsigned char* p) {
    return std::uint16_t(p[0] | p[1] << 8);
}

std::string inflateRaw(const std::string& path, const unsigned char* data, std::size_t size,
                       std::size_t expected) {
    std::string out(expected, '\0');
    z_stream zs{};
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
        throw Error(path + ": cannot initialise zlib");
    zs.next_in = const_cast<unsigned char*>(data);
    zs.avail_in = static_cast<uInt>(size);
    zs.next_out = reinterpret_cast<unsigned char*>(out.data());
    zs.avail_out = static_cast<uInt>(expected);
    const int rc = inflate(&zs, Z_FINISH);
    inflateEnd(&zs);
    if (rc != Z_STREAM_END || zs.total_out != expected)
        throw Error(path + ": a compressed member of the archive is corrupt");
    return out;
}

// Parses the header dict of a .npy: {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
NpyArray parseNpy(const std::string& path, const std::string& member, const std::string& bytes) {
    const std::string where = path + ": array '" + member + "'";
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
        throw Error(where + " is not a .npy array");
    const unsigned char major = static_cast<unsigned char>(bytes[6]);
    std::size_t headerLen, offset;
    if (major == 1) {
        headerLen = u16(reinterpret_cast<const unsigned char*>(bytes.data()) + 8);
        offset = 10;
    } else {
        if (bytes.size() < 12)
            throw Error(where + " has a truncated header");
        headerLen = u32(reinterpret_cast<const unsigned char*>(bytes.data()) + 8);
        offset = 12;
    }
    if (offset + headerLen > bytes.size())
        throw Error(where + " has a truncated header");
    const std::string header = bytes.substr(offset, headerLen);
    auto valueOf = [&](const std::string& key) {
        const std::size_t k = header.find("'" + key + "'");
        if (k == std::string::npos)
            throw Error(where + " has no '" + key + "' in its header");
        const std::size_t colon = header.find(':', k);
        return header.substr(colon + 1);
    };
    std::string descr = valueOf("descr");
    descr = descr.substr(descr.find('\'') + 1);
    descr = descr.substr(0, descr.find('\''));
    const bool fortran = valueOf("fortran_order").find("True") < valueOf("fortran_order").find(',');
    std::string shapeText = valueOf("shape");
    shapeText = shapeText.substr(shapeText.find('(') + 1);
    shapeText = shapeText.substr(0, shapeText.find(')'));
    NpyArray a;
    std::stringstream ss(shapeText);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.find_first_not_of(" ") == std::string::npos)
            continue;
        try {
            a.shape.push_back(static_cast<std::size_t>(std::stoull(item)));
        } catch (...) {
            throw Error(where + " has an unreadable shape");
        }
    }
    if (a.shape.size() > 2)
        throw Error(where + " has " + std::to_string(a.shape.size()) +
                    " dimensions, expected at most 2");
    const std::size_t rows = a.shape.empty() ? 1 : a.shape[0];
    const std::size_t cols = a.shape.size() < 2 ? 1 : a.shape[1];
    std::size_t itemSize = 0;
    if (descr == "<f8" || descr == "<i8" || descr == "<u8")
        itemSize = 8;
    else if (descr == "<f4" || descr == "<i4" || descr == "<u4")
        itemSize = 4;
    else if (descr == "|u1" || descr == "|b1" || descr == "|i1")
        itemSize = 1;
    else
        throw Error(where + " has element type " + descr +
                    ", expected float64, float32 or an integer type");
    const std::size_t count = rows * cols;
    const std::size_t dataOffset = offset + headerLen;
    if (bytes.size() < dataOffset + count * itemSize)
        throw Error(where + " is truncated");
    const char* p = bytes.data() + dataOffset;
    a.matrix.resize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
    for (std::size_t k = 0; k < count; ++k) {
        double v = 0;
        const char* e = p + k * itemSize;
        if (descr == "<f8") {
            std::memcpy(&v, e, 8);
        } else if (descr == "<f4") {
            float f;
            std::memcpy(&f, e, 4);
            v = f;
        } else if (descr == "<i8") {
            std::int64_t i;
            std::memcpy(&i, e, 8);
            v = static_cast<double>(i);
        } else if (descr == "<u8") {
            std::uint64_t i;
            std::memcpy(&i, e, 8);
            v = static_cast<double>(i);
        } else if (descr == "<i4") {
            std::int32_t i;
            std::memcpy(&i, e, 4);
            v = i;
        } else if (descr == "<u4") {
            std::uint32_t i;
            std::memcpy(&i, e, 4);
            v = i;
        } else if (descr == "|i1") {
            v = static_cast<signed char>(*e);
        } else {
            v = static_cast<unsigned char>(*e);
        }
        const std::size_t r = fortran ? k % rows : k / cols;
        const std::size_t c = fortran ? k / rows : k % cols;
        a.matrix(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = v;
    }
    return a;
}

} // namespace

std::map<std::string, NpyArray> readNpz(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open the file (it does not exist or is not readable)");
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    // Find the end-of-central-directory record from the back.
    if (data.size() < 22)
        throw Error(path + ": not a NumPy .npz archive (too short)");
    std::size_t eocd = std::string::npos;
    for (std::size_t i = data.size() - 22 + 1; i-- > 0;) {
        if (u32(bytes + i) == 0x06054b50) {
            eocd = i;
            break;
        }
        if (data.size() - i > 22 + 65535)
            break;
    }
    if (eocd == std::string::npos)
        throw Error(path + ": not a NumPy .npz archive (no zip directory)");
    const std::size_t entries = u16(bytes + eocd + 10);
    std::size_t cd = u32(bytes + eocd + 16);
    std::map<std::string, NpyArray> out;
    for (std::size_t e = 0; e < entries; ++e) {
        if (cd + 46 > data.size() || u32(bytes + cd) != 0x02014b50)
            throw Error(path + ": the zip directory is corrupt");
        const std::uint16_t method = u16(bytes + cd + 10);
        std::size_t csize = u32(bytes + cd + 20);
        std::size_t usize = u32(bytes + cd + 24);
        const std::size_t nameLen = u16(bytes + cd + 28);
        const std::size_t extraLen = u16(bytes + cd + 30);
        const std::size_t commentLen = u16(bytes + cd + 32);
        std::size_t local = u32(bytes + cd + 42);
        if (cd + 46 + nameLen > data.size())
            throw Error(path + ": the zip directory is corrupt");
        std::string name(data, cd + 46, nameLen);
        // zip64: sizes and offset in the extra field (np.savez writes it for large members).
        if (csize == 0xFFFFFFFF || usize == 0xFFFFFFFF || local == 0xFFFFFFFF) {
            std::size_t x = cd + 46 + nameLen;
            const std::size_t end = x + extraLen;
            while (x + 4 <= end && end <= data.size()) {
                const std::uint16_t id = u16(bytes + x), len = u16(bytes + x + 2);
                if (id == 0x0001) {
                    std::size_t f = x + 4;
                    auto u64 = [&](std::size_t at) {
                        return std::size_t(u32(bytes + at)) |
                               (std::size_t(u32(bytes + at + 4)) << 32);
                    };
                    if (usize == 0xFFFFFFFF) {
                        usize = u64(f);
                        f += 8;
                    }
                    if (csize == 0xFFFFFFFF) {
                        csize = u64(f);
                        f += 8;
                    }
                    if (local == 0xFFFFFFFF)
                        local = u64(f);
                }
                x += 4 + len;
            }
        }
        cd += 46 + nameLen + extraLen + commentLen;
        if (local + 30 > data.size() || u32(bytes + local) != 0x04034b50)
            throw Error(path + ": the zip member " + name + " is corrupt");
        const std::size_t start = local + 30 + u16(bytes + local + 26) + u16(bytes + local + 28);
        if (start + csize > data.size())
            throw Error(path + ": the archive is truncated (member " + name + ")");
        std::string member;
        if (method == 0)
            member.assign(data, start, csize);
        else if (method == 8)
            member = inflateRaw(path, bytes + start, csize, usize);
        else
            throw Error(path + ": member " + name + " uses an unsupported zip compression");
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0)
            name.resize(name.size() - 4);
        out[name] = parseNpy(path, name, member);
    }
    return out;
}

namespace {

void put16(std::string& s, std::uint32_t v) {
    s.push_back(char(v & 0xFF));
    s.push_back(char((v >> 8) & 0xFF));
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}

} // namespace

void writeNpz(const std::string& path, const std::map<std::string, Eigen::MatrixXd>& arrays) {
    std::string zip, directory;
    std::uint32_t count = 0;
    for (const auto& [key, m] : arrays) {
        std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" +
                             std::to_string(m.rows()) + ", " + std::to_string(m.cols()) + "), }";
        while ((10 + header.size() + 1) % 64 != 0)
            header.push_back(' ');
        header.push_back('\n');
        std::string npy = "\x93NUMPY";
        npy.push_back('\x01');
        npy.push_back('\x00');
        put16(npy, static_cast<std::uint32_t>(header.size()));
        npy += header;
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = m;
        npy.append(reinterpret_cast<const char*>(rm.data()), sizeof(double) * rm.size());
        const std::string name = key + ".npy";
        const std::uint32_t crc = static_cast<std::uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(npy.data()), static_cast<uInt>(npy.size())));
        const std::uint32_t offset = static_cast<std::uint32_t>(zip.size());
        put32(zip, 0x04034b50);
        put16(zip, 20);
        put16(zip, 0);
        put16(zip, 0);
        put16(zip, 0);
        put16(zip, 0x21);
        put32(zip, crc);
        put32(zip, static_cast<std::uint32_t>(npy.size()));
        put32(zip, static_cast<std::uint32_t>(npy.size()));
        put16(zip, static_cast<std::uint32_t>(name.size()));
        put16(zip, 0);
        zip += name + npy;
        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0x21);
        put32(directory, crc);
        put32(directory, static_cast<std::uint32_t>(npy.size()));
        put32(directory, static_cast<std::uint32_t>(npy.size()));
        put16(directory, static_cast<std::uint32_t>(name.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, offset);
        directory += name;
        ++count;
    }
    const std::uint32_t cdOffset = static_cast<std::uint32_t>(zip.size());
    zip += directory;
    put32(zip, 0x06054b50);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, count);
    put16(zip, count);
    put32(zip, static_cast<std::uint32_t>(directory.size()));
    put32(zip, cdOffset);
    put16(zip, 0);
    writeAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out.write(zip.data(), static_cast<std::streamsize>(zip.size()));
        out.close();
        if (!out)
            throw Error(path + ": cannot write the file");
    });
}

} // namespace opdims
