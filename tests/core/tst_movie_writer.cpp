// Tests of the movie export (core/movie/movie_writer.h): MP4 and WebM written and decoded again,
// settings and paths refused with the file named, and the target untouched by abandoned writers.
#include "core/base/error.h"
#include "core/movie/movie_writer.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

using namespace opdims;
using opdims::test::expectError;

namespace {

// Frame `n` of a gradient that moves to the right, in rows of `stride` bytes (padding included).
std::vector<std::uint8_t> gradientFrame(int width, int height, int stride, int n) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(stride) * height, 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = rgb.data() + static_cast<std::size_t>(y) * stride + 3 * x;
            p[0] = static_cast<std::uint8_t>((x + 8 * n) % 256);
            p[1] = static_cast<std::uint8_t>(255 * y / height);
            p[2] = static_cast<std::uint8_t>(128 + 127 * std::sin(0.3 * n));
        }
    return rgb;
}

void addFrames(MovieWriter& writer, int count) {
    const MovieSettings& s = writer.settings();
    const int stride = 3 * s.width + 4; // rows with padding, as QImage may have
    for (int n = 0; n < count; ++n)
        writer.addFrame(gradientFrame(s.width, s.height, stride, n).data(), stride);
}

MovieSettings smallSettings(const std::string& path) {
    MovieSettings s;
    s.width = 320;
    s.height = 240;
    s.fps = 12;
    s.format = movieFormatForPath(path);
    return s;
}

// The names in `dir`, hidden ones (temporaries) included.
QStringList filesIn(const QString& dir) {
    QStringList names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.toStdString()))
        names << QString::fromStdString(entry.path().filename().string());
    names.sort();
    return names;
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

std::string contentsOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

class TestMovieWriter : public QObject {
    Q_OBJECT
private slots:
    void writeAndReadBack_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("codec");
        QTest::newRow("mp4") << QString("movie.mp4") << QString("h264");
        QTest::newRow("webm") << QString("movie.webm") << QString("vp9");
    }
    void writeAndReadBack() {
        QFETCH(QString, name);
        QFETCH(QString, codec);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(name).toStdString();
        {
            MovieWriter writer(path, smallSettings(path));
            addFrames(writer, 24);
            QCOMPARE(writer.framesWritten(), 24);
            // Nothing at the target until the movie is complete.
            QVERIFY(!std::filesystem::exists(path));
            writer.finish();
        }
        QCOMPARE(filesIn(dir.path()), QStringList{name}); // no temporary left
        const MovieInfo info = readMovieInfo(path);
        QCOMPARE(info.frames, 24L);
        QCOMPARE(info.width, 320);
        QCOMPARE(info.height, 240);
        QVERIFY2(std::abs(info.fps - 12.0) < 1e-6, qPrintable(QString::number(info.fps)));
        QCOMPARE(QString::fromStdString(info.codec), codec);
    }

    void finish_replacesExistingFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("movie.mp4").toStdString();
        writeText(path, "an older file");
        MovieSettings s = smallSettings(path);
        s.width = 64;
        s.height = 48;
        s.fps = 25;
        s.quality = 30;
        MovieWriter writer(path, s);
        addFrames(writer, 5);
        writer.finish();
        const MovieInfo info = readMovieInfo(path);
        QCOMPARE(info.frames, 5L);
        QCOMPARE(info.width, 64);
        QCOMPARE(info.height, 48);
        QVERIFY(std::abs(info.fps - 25.0) < 1e-6);
        QCOMPARE(filesIn(dir.path()), QStringList{"movie.mp4"});
        expectError([&] { writer.addFrame(nullptr, 0); }, "already finished");
    }

    void formatForPath() {
        QVERIFY(movieFormatForPath("/a/b.mp4") == MovieFormat::Mp4H264);
        QVERIFY(movieFormatForPath("B.MP4") == MovieFormat::Mp4H264);
        QVERIFY(movieFormatForPath("c.webm") == MovieFormat::WebmVp9);
        expectError([] { movieFormatForPath("/a/movie.avi"); }, "/a/movie.avi");
        expectError([] { movieFormatForPath("/a/movie"); }, "/a/movie: ");
    }

    void badSuffix_namesFile() {
        QTemporaryDir dir;
        for (const char* name : {"movie.avi", "movie", "movie.mp4.tmp"}) {
            const std::string path = dir.filePath(name).toStdString();
            MovieSettings s;
            expectError([&] { MovieWriter(path, s); }, QString::fromStdString(path));
        }
        // The settings' format must be the suffix's.
        const std::string webm = dir.filePath("movie.webm").toStdString();
        MovieSettings s; // MP4
        expectError([&] { MovieWriter(webm, s); }, QString::fromStdString(webm));
        QCOMPARE(filesIn(dir.path()), QStringList{});
    }

    void badSettings_namesFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("movie.mp4").toStdString();
        const QString name = QString::fromStdString(path);
        const auto refused = [&](int width, int height, int fps, int quality) {
            MovieSettings s = smallSettings(path);
            s.width = width;
            s.height = height;
            s.fps = fps;
            s.quality = quality;
            expectError([&] { MovieWriter(path, s); }, name);
        };
        refused(321, 240, 12, -1); // odd
        refused(320, 241, 12, -1);
        refused(0, 240, 12, -1); // zero
        refused(320, 0, 12, -1);
        refused(-320, 240, 12, -1);
        refused(8, 8, 12, -1);       // too small
        refused(7682, 240, 12, -1);  // too wide
        refused(7680, 7680, 12, -1); // too many pixels
        refused(320, 240, 0, -1);    // frame rate
        refused(320, 240, 121, -1);
        refused(320, 240, 12, 0); // quality
        refused(320, 240, 12, 52);
        QCOMPARE(filesIn(dir.path()), QStringList{});
    }

    void missingFolder_namesFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("no/such/folder/movie.mp4").toStdString();
        expectError([&] { MovieWriter(path, smallSettings(path)); }, QString::fromStdString(path));
        QCOMPARE(filesIn(dir.path()), QStringList{});
    }

    void unwritableFolder_namesFile() {
        QTemporaryDir dir;
        const QString locked = dir.filePath("locked");
        QVERIFY(QDir().mkdir(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        std::string path = (locked + "/movie.mp4").toStdString();
        // root writes into read-only folders; sysfs refuses new files even to root.
        if (::geteuid() == 0)
            path = "/sys/opdims-movie-test.mp4";
        if (::geteuid() == 0 && !QFileInfo(QStringLiteral("/sys")).isDir())
            QSKIP("running as root without /sys: no folder here refuses a new file");
        expectError([&] { MovieWriter(path, smallSettings(path)); }, QString::fromStdString(path));
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QCOMPARE(filesIn(locked), QStringList{});
    }

    void abandoned_leavesNoFile() {
        for (const char* name : {"movie.mp4", "movie.webm"}) {
            QTemporaryDir dir;
            const std::string path = dir.filePath(name).toStdString();
            {
                MovieWriter writer(path, smallSettings(path));
                addFrames(writer, 6);
                QCOMPARE(filesIn(dir.path()).size(), 1); // the temporary
            }
            QCOMPARE(filesIn(dir.path()), QStringList{});
        }
    }

    void abandoned_leavesExistingFileUntouched() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("movie.webm").toStdString();
        writeText(path, "the previous movie");
        {
            MovieWriter writer(path, smallSettings(path));
            addFrames(writer, 6);
        }
        QCOMPARE(contentsOf(path), std::string("the previous movie"));
        QCOMPARE(filesIn(dir.path()), QStringList{"movie.webm"});
    }

    void badFrame_refusedAndWriterGoesOn() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("movie.mp4").toStdString();
        MovieWriter writer(path, smallSettings(path));
        addFrames(writer, 2);
        const QString name = QString::fromStdString(path);
        expectError([&] { writer.addFrame(nullptr, 3 * 320); }, name);
        const std::vector<std::uint8_t> rgb = gradientFrame(320, 240, 3 * 320, 0);
        expectError([&] { writer.addFrame(rgb.data(), 3 * 320 - 1); }, name); // short rows
        QCOMPARE(writer.framesWritten(), 2);
        writer.addFrame(rgb.data(), 3 * 320); // a refused frame is not an encoder error
        writer.finish();
        QCOMPARE(readMovieInfo(path).frames, 3L);
    }

    void noFrames_refused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("movie.webm").toStdString();
        {
            MovieWriter writer(path, smallSettings(path));
            expectError([&] { writer.finish(); }, QString::fromStdString(path));
        }
        QCOMPARE(filesIn(dir.path()), QStringList{});
    }

    void readMovieInfo_refusesOtherFiles() {
        QTemporaryDir dir;
        const std::string text = dir.filePath("notes.mp4").toStdString();
        writeText(text, "not a movie at all, just some words in a file");
        expectError([&] { readMovieInfo(text); }, QString::fromStdString(text));
        const std::string missing = dir.filePath("missing.webm").toStdString();
        expectError([&] { readMovieInfo(missing); }, QString::fromStdString(missing));
    }
};

QTEST_APPLESS_MAIN(TestMovieWriter)
#include "tst_movie_writer.moc"
