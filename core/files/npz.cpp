// .npz reading and writing: the zip container through libzip, the .npy header through a small
// strict parser (a Python dict literal of three known keys).
#include "core/files/npz.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>

namespace opdims {

namespace {

std::uint32_t u32(const unsigned char* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}
std::uint16_t u16(const unsigned char* p) {
    return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}

// The header of a .npy: {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
struct NpyHeader {
    std::string descr;
    bool fortran = false;
    std::vector<std::size_t> shape;
};

class HeaderParser {
public:
    HeaderParser(const std::string& text, const std::string& where) : s_(text), where_(where) {}

    NpyHeader parse() {
        NpyHeader h;
        bool haveDescr = false, haveOrder = false, haveShape = false;
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}')
                break;
            const std::string key = quoted();
            expect(':');
            if (key == "descr") {
                h.descr = quoted();
                haveDescr = true;
            } else if (key == "fortran_order") {
                skipSpace();
                if (s_.compare(pos_, 4, "True") == 0) {
                    h.fortran = true;
                    pos_ += 4;
                } else if (s_.compare(pos_, 5, "False") == 0) {
                    pos_ += 5;
                } else {
                    fail("fortran_order is neither True nor False");
                }
                haveOrder = true;
            } else if (key == "shape") {
                h.shape = tuple();
                haveShape = true;
            } else {
                fail("has an unknown header key '" + key + "'");
            }
            skipSpace();
            if (peek() == ',')
                ++pos_;
            else if (peek() != '}')
                fail("has a malformed header");
        }
        if (!haveDescr || !haveOrder || !haveShape)
            fail(std::string("has no '") +
                 (!haveDescr   ? "descr"
                  : !haveOrder ? "fortran_order"
                               : "shape") +
                 "' in its header");
        return h;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw Error(where_ + " " + what); }
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    void skipSpace() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t'))
            ++pos_;
    }
    void expect(char c) {
        skipSpace();
        if (peek() != c)
            fail("has a malformed header");
        ++pos_;
    }
    std::string quoted() {
        skipSpace();
        const char q = peek();
        if (q != '\'' && q != '"')
            fail("has a malformed header");
        const std::size_t end = s_.find(q, pos_ + 1);
        if (end == std::string::npos)
            fail("has a malformed header");
        std::string out = s_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = end + 1;
        return out;
    }
    std::vector<std::size_t> tuple() {
        std::vector<std::size_t> out;
        expect('(');
        while (true) {
            skipSpace();
            if (peek() == ')') {
                ++pos_;
                return out;
            }
            if (peek() < '0' || peek() > '9')
                fail("has a shape that is not a tuple of non-negative whole numbers");
            unsigned long long v = 0;
            const auto res = std::from_chars(s_.data() + pos_, s_.data() + s_.size(), v);
            if (res.ec != std::errc())
                fail("has a shape entry too large to read");
            pos_ = static_cast<std::size_t>(res.ptr - s_.data());
            if (v > static_cast<unsigned long long>(limits::kMaxElements))
                fail("has a dimension of " + std::to_string(v) + ", more than the limit of " +
                     std::to_string(limits::kMaxElements) + " values");
            out.push_back(static_cast<std::size_t>(v));
            if (out.size() > 32)
                fail("has too many dimensions");
            skipSpace();
            if (peek() == ',')
                ++pos_;
            else if (peek() != ')')
                fail("has a shape that is not a tuple of non-negative whole numbers");
        }
    }

    const std::string& s_;
    std::string where_;
    std::size_t pos_ = 0;
};

std::size_t itemSizeOf(const std::string& descr, const std::string& where) {
    if (descr == "<f8" || descr == "<i8" || descr == "<u8")
        return 8;
    if (descr == "<f4" || descr == "<i4" || descr == "<u4")
        return 4;
    if (descr == "<i2" || descr == "<u2")
        return 2;
    if (descr == "|u1" || descr == "|b1" || descr == "|i1")
        return 1;
    if (!descr.empty() && descr[0] == '>')
        throw Error(where + " is big-endian (" + descr +
                    "); save it little-endian, e.g. with a.astype('<f8')");
    throw Error(where + " has element type " + descr +
                ", expected float64, float32 or an integer type");
}

double elementAt(const std::string& descr, const char* e) {
    auto as = [e](auto v) {
        std::memcpy(&v, e, sizeof v);
        return static_cast<double>(v);
    };
    if (descr == "<f8")
        return as(double{});
    if (descr == "<f4")
        return as(float{});
    if (descr == "<i8")
        return as(std::int64_t{});
    if (descr == "<u8")
        return as(std::uint64_t{});
    if (descr == "<i4")
        return as(std::int32_t{});
    if (descr == "<u4")
        return as(std::uint32_t{});
    if (descr == "<i2")
        return as(std::int16_t{});
    if (descr == "<u2")
        return as(std::uint16_t{});
    if (descr == "|i1")
        return as(std::int8_t{});
    return as(std::uint8_t{});
}

bool isTextType(const std::string& descr) {
    return descr.size() > 2 && (descr.compare(0, 2, "<U") == 0 || descr.compare(0, 2, "|S") == 0);
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// A 1-D text array: numpy's '<Un' (n UTF-32LE code units per value) or '|Sn' (n bytes), both
// padded with zeros.
NpyArray parseText(const std::string& where, const NpyHeader& h, const std::string& bytes,
                   std::size_t dataOffset) {
    if (h.shape.size() > 1)
        throw Error(where + " is a text array of " + std::to_string(h.shape.size()) +
                    " dimensions, expected at most 1");
    const bool wide = h.descr[0] == '<';
    std::size_t width = 0;
    const auto res = std::from_chars(h.descr.data() + 2, h.descr.data() + h.descr.size(), width);
    if (res.ec != std::errc() || res.ptr != h.descr.data() + h.descr.size() || width == 0 ||
        width > 4096)
        throw Error(where + " has text type " + h.descr +
                    ", expected '<Un' or '|Sn' with n from 1 to 4096");
    const std::size_t count = h.shape.empty() ? 1 : h.shape[0];
    if (count > static_cast<std::size_t>(limits::kMaxTrials))
        throw Error(where + " holds " + std::to_string(count) + " texts, more than " +
                    std::to_string(limits::kMaxTrials));
    const std::size_t item = wide ? 4 * width : width;
    if (bytes.size() - dataOffset < count * item)
        throw Error(where + " is truncated (its shape needs " + std::to_string(count * item) +
                    " bytes of data, the member has " + std::to_string(bytes.size() - dataOffset) +
                    ")");
    NpyArray a;
    a.shape = h.shape;
    a.isText = true;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + dataOffset);
    for (std::size_t i = 0; i < count; ++i) {
        std::string s;
        for (std::size_t c = 0; c < width; ++c) {
            if (wide) {
                const std::uint32_t cp = u32(p + i * item + 4 * c);
                if (cp == 0)
                    break;
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    throw Error(where + ": text " + std::to_string(i + 1) +
                                " holds an invalid character");
                appendUtf8(s, cp);
            } else {
                const unsigned char b = p[i * item + c];
                if (b == 0)
                    break;
                s.push_back(static_cast<char>(b));
            }
        }
        a.text.push_back(std::move(s));
    }
    return a;
}

NpyArray parseNpy(const std::string& path, const std::string& member, const std::string& bytes,
                  const NpzOptions& options) {
    const std::string where = path + ": array '" + member + "'";
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
        throw Error(where + " is not a .npy array");
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    const unsigned char major = b[6];
    std::size_t headerLen = 0, offset = 0;
    if (major == 1) {
        headerLen = u16(b + 8);
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            throw Error(where + " has a truncated header");
        headerLen = u32(b + 8);
        offset = 12;
    } else {
        throw Error(where + " has .npy format version " + std::to_string(major) +
                    ", expected 1, 2 or 3");
    }
    if (headerLen > bytes.size() - offset)
        throw Error(where + " has a truncated header");
    const NpyHeader h = HeaderParser(bytes.substr(offset, headerLen), where).parse();
    const std::size_t maxRank = static_cast<std::size_t>(std::clamp(options.maxRank, 0, 3));
    if (options.text && isTextType(h.descr))
        return parseText(where, h, bytes, offset + headerLen);
    if (h.shape.size() > maxRank)
        throw Error(where + " has " + std::to_string(h.shape.size()) +
                    " dimensions, expected at most " + std::to_string(maxRank));
    const std::size_t itemSize = itemSizeOf(h.descr, where);
    const std::size_t rows = h.shape.empty() ? 1 : h.shape[0];
    long long colsChecked = 1;
    for (std::size_t d = 1; d < h.shape.size(); ++d)
        colsChecked = limits::mulChecked(colsChecked, static_cast<long long>(h.shape[d]));
    if (colsChecked < 0 || colsChecked > limits::kMaxElements)
        throw Error(where + " has more values than opdims reads from one array (" +
                    std::to_string(limits::kMaxElements) + ")");
    const std::size_t cols = static_cast<std::size_t>(colsChecked);
    const long long count =
        limits::mulChecked(static_cast<long long>(rows), static_cast<long long>(cols));
    if (count < 0 || count > limits::kMaxElements)
        throw Error(where + " has shape " + std::to_string(rows) + "x" + std::to_string(cols) +
                    ", more values than opdims reads from one array (" +
                    std::to_string(limits::kMaxElements) + ")");
    const std::size_t dataOffset = offset + headerLen;
    const std::size_t need = static_cast<std::size_t>(count) * itemSize;
    if (bytes.size() - dataOffset < need)
        throw Error(where + " is truncated (its shape needs " + std::to_string(need) +
                    " bytes of data, the member has " + std::to_string(bytes.size() - dataOffset) +
                    ")");
    NpyArray a;
    a.shape = h.shape;
    a.matrix.resize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
    const char* p = bytes.data() + dataOffset;
    // Fortran order: the first index runs fastest; the columns of a 3-D array are (j, k) in C
    // order whatever the array's own order.
    const std::size_t d1 = h.shape.size() > 1 ? h.shape[1] : 1;
    const std::size_t d2 = h.shape.size() > 2 ? h.shape[2] : 1;
    for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k) {
        const std::size_t r = h.fortran ? k % rows : k / cols;
        std::size_t c = k % cols;
        if (h.fortran) {
            const std::size_t rest = k / rows;
            c = (rest % d1) * d2 + rest / d1;
        }
        a.matrix(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
            elementAt(h.descr, p + k * itemSize);
    }
    return a;
}

struct ZipDeleter {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileDeleter {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string zipErrorText(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string s = zip_error_strerror(&e);
    zip_error_fini(&e);
    return s;
}

} // namespace

NpyArray parseNpyBytes(const std::string& path, const std::string& member, const std::string& bytes,
                       const NpzOptions& options) {
    return parseNpy(path, member, bytes, options);
}

std::map<std::string, NpyArray> readNpz(const std::string& path, const NpzOptions& options) {
    std::error_code ec;
    const auto fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        throw Error(path + ": cannot open the file (" + ec.message() + ")");
    int err = 0;
    std::unique_ptr<zip_t, ZipDeleter> za(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!za)
        throw Error(path + ": not a readable NumPy .npz archive (" + zipErrorText(err) + ")");
    const zip_int64_t entries = zip_get_num_entries(za.get(), 0);
    if (entries < 0)
        throw Error(path + ": the zip directory is corrupt");
    // Everything the archive may expand to: a small multiple of its size. More is a
    // decompression bomb (or a declared size that is a lie), refused before reading.
    // Counted in integers: a declared size may be anything up to 2^64 - 1.
    const std::uint64_t fileBytes = static_cast<std::uint64_t>(fileSize);
    const std::uint64_t archiveCap = static_cast<std::uint64_t>(limits::kMaxArchiveBytes);
    const std::uint64_t expansion = static_cast<std::uint64_t>(limits::kMaxExpansion);
    const std::uint64_t allowed =
        fileBytes > (archiveCap - (1u << 20)) / expansion
            ? archiveCap
            : std::min<std::uint64_t>(fileBytes * expansion + (1u << 20), archiveCap);
    const std::uint64_t maxMember =
        static_cast<std::uint64_t>(limits::kMaxElements) * 8 + (1u << 16);
    std::uint64_t total = 0;
    std::map<std::string, NpyArray> out;
    for (zip_int64_t i = 0; i < entries; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !(st.valid & ZIP_STAT_SIZE))
            throw Error(path + ": zip member " + std::to_string(i + 1) + " cannot be read (" +
                        zip_strerror(za.get()) + ")");
        std::string name = st.name;
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            throw Error(path + ": member " + name + " is encrypted");
        const std::uint64_t size = static_cast<std::uint64_t>(st.size);
        // Saturating sum: once over the cap the exact figure does not matter.
        total = size > allowed || total > allowed - size ? allowed + 1 : total + size;
        if (size > maxMember || total > allowed)
            throw Error(path + ": member " + name + " declares " + std::to_string(size) +
                        " bytes, which brings the archive of " + std::to_string(fileBytes) +
                        " bytes over what opdims reads uncompressed (" + std::to_string(allowed) +
                        " bytes; corrupt, or a decompression bomb)");
        std::unique_ptr<zip_file_t, ZipFileDeleter> zf(zip_fopen_index(za.get(), index, 0));
        if (!zf)
            throw Error(path + ": member " + name + " cannot be opened (" + zip_strerror(za.get()) +
                        ")");
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        std::size_t got = 0;
        while (got < bytes.size()) {
            const zip_int64_t n = zip_fread(zf.get(), bytes.data() + got, bytes.size() - got);
            if (n < 0)
                throw Error(path + ": member " + name + " is corrupt (" +
                            zip_file_strerror(zf.get()) + ")");
            if (n == 0)
                break;
            got += static_cast<std::size_t>(n);
        }
        char extra = 0;
        if (got != bytes.size() || zip_fread(zf.get(), &extra, 1) != 0)
            throw Error(path + ": member " + name +
                        " does not have the size its zip entry declares");
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0)
            name.resize(name.size() - 4);
        if (out.count(name))
            throw Error(path + ": the archive holds two arrays named '" + name + "'");
        out[name] = parseNpy(path, name, bytes, options);
    }
    return out;
}

namespace {

// The code points of a UTF-8 text (invalid bytes are taken as Latin-1 characters).
std::vector<std::uint32_t> codePoints(const std::string& s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
        std::uint32_t cp = extra == 0 ? b : b & (0x3F >> extra);
        bool ok = b < 0x80 || (b >= 0xC0 && i + static_cast<std::size_t>(extra) < s.size());
        for (int k = 1; ok && k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) {
            out.push_back(b);
            ++i;
        } else {
            out.push_back(cp);
            i += 1 + static_cast<std::size_t>(extra);
        }
    }
    return out;
}

std::string npyMember(const NpyOut& a) {
    std::string descr = "<f8";
    std::vector<std::vector<std::uint32_t>> texts;
    std::size_t width = 1;
    std::vector<std::size_t> shape = a.shape;
    if (a.isText || !a.text.empty()) {
        for (const std::string& t : a.text) {
            texts.push_back(codePoints(t));
            width = std::max(width, texts.back().size());
        }
        descr = "<U" + std::to_string(width);
        shape = {a.text.size()};
    }
    std::string dims;
    for (std::size_t i = 0; i < shape.size(); ++i)
        dims += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1)
        dims += ",";
    std::string header =
        "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header.push_back(' ');
    header.push_back('\n');
    std::string npy = "\x93NUMPY";
    npy.push_back('\x01');
    npy.push_back('\x00');
    npy.push_back(static_cast<char>(header.size() & 0xFF));
    npy.push_back(static_cast<char>((header.size() >> 8) & 0xFF));
    npy += header;
    if (!texts.empty() || a.isText) {
        for (const auto& t : texts)
            for (std::size_t c = 0; c < width; ++c) {
                const std::uint32_t cp = c < t.size() ? t[c] : 0;
                for (int k = 0; k < 4; ++k)
                    npy.push_back(static_cast<char>((cp >> (8 * k)) & 0xFF));
            }
    } else {
        npy.append(reinterpret_cast<const char*>(a.values.data()),
                   sizeof(double) * a.values.size());
    }
    return npy;
}

} // namespace

void writeNpzArrays(const std::string& path, const std::map<std::string, NpyOut>& arrays) {
    // The buffers must outlive zip_close, which writes them.
    std::vector<std::string> members;
    members.reserve(arrays.size());
    for (const auto& entry : arrays)
        members.push_back(npyMember(entry.second));
    writeAtomically(path, [&](const std::string& tmp) {
        int err = 0;
        zip_t* za = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        if (!za)
            throw Error(tmp + ": cannot create the file (" + zipErrorText(err) + ")");
        std::size_t k = 0;
        for (const auto& entry : arrays) {
            const std::string& npy = members[k++];
            zip_source_t* src = zip_source_buffer(za, npy.data(), npy.size(), 0);
            const zip_int64_t idx =
                src ? zip_file_add(za, (entry.first + ".npy").c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
            if (idx < 0) {
                if (src)
                    zip_source_free(src);
                const std::string why = zip_strerror(za);
                zip_discard(za);
                throw Error(tmp + ": cannot write the file (" + why + ")");
            }
            zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
        }
        if (zip_close(za) != 0) {
            const std::string why = zip_strerror(za);
            zip_discard(za);
            throw Error(tmp + ": cannot write the file (" + why + ")");
        }
    });
}

void writeNpz(const std::string& path, const std::map<std::string, Eigen::MatrixXd>& arrays) {
    std::map<std::string, NpyOut> out;
    for (const auto& [key, m] : arrays) {
        NpyOut a;
        a.shape = {static_cast<std::size_t>(m.rows()), static_cast<std::size_t>(m.cols())};
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = m;
        a.values.assign(rm.data(), rm.data() + rm.size());
        out[key] = std::move(a);
    }
    writeNpzArrays(path, out);
}

} // namespace opdims
