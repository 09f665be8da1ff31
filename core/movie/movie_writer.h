// Movies for presentations and web pages: RGB frames encoded to MP4 (H.264) or WebM (VP9) through
// Debian's FFmpeg libraries, saved atomically; and a reader that decodes a movie to check it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace opdims {

// The container and codec, one per file suffix (movieFormatForPath):
//   .mp4  H.264 (libx264, High profile, yuv420p, index at the front so web pages can stream it)
//   .webm VP9 (libvpx-vp9, yuv420p)
// Both play in current browsers and in presentation software.
enum class MovieFormat { Mp4H264, WebmVp9 };

// The format for `path` from its suffix (.mp4 or .webm, any case); throws Error naming the file
// for any other suffix.
MovieFormat movieFormatForPath(const std::string& path);

// What the movie looks like. The constructor of MovieWriter throws Error for values out of range.
struct MovieSettings {
    int width = 1280; // pixels, even (yuv420p halves the colour planes), 16..7680
    int height = 720; // pixels, even, 16..7680; width * height at most 7680 * 4320 (8K)
    int fps = 30;     // frames per second, 1..120
    // Must be the format of the file's suffix: settings.format = movieFormatForPath(path).
    MovieFormat format = MovieFormat::Mp4H264;
    // Constant quality (the encoder's CRF; lower is better and larger): 1..51 for H.264,
    // 1..63 for VP9; -1 picks a good default for screen content (23 for H.264, 32 for VP9).
    int quality = -1;
};

// Writes one movie. Frames go into a temporary file beside `path` (".<name>.opdims-tmp-...",
// saved through writeAtomically of core/files/atomic_file.h); finish() completes the movie and
// only then renames the temporary to `path`. A writer destroyed without finish(), or after an
// error, removes its temporary and leaves `path` as it was (absent, or the previous file); so
// does SIGINT, SIGTERM or SIGHUP while it writes.
//
// Every error is an Error with one sentence naming `path`, e.g.
// "/tmp/a.mp4: cannot write the movie (No space left on device)". After an error the writer
// accepts no more frames; destroy it.
//
// Encoding uses 2 threads and a fast preset (x264 veryfast, VP9 realtime): 300 frames of 1280x720
// take seconds. Not thread-safe: calls must not overlap, but the writer may be created on one
// thread and fed on another. FFmpeg's log (stderr) is set to errors only, unless the program
// chose a level with av_log_set_level before.
class MovieWriter {
public:
    // Checks the settings, creates the temporary and starts the encoder. Throws Error for a bad
    // suffix, settings out of range, a folder that does not exist or cannot be written, or a
    // missing encoder.
    MovieWriter(const std::string& path, const MovieSettings& settings);
    ~MovieWriter();
    MovieWriter(const MovieWriter&) = delete;
    MovieWriter& operator=(const MovieWriter&) = delete;
    // A moved-from writer may only be destroyed or assigned to.
    MovieWriter(MovieWriter&&) noexcept;
    MovieWriter& operator=(MovieWriter&&) noexcept;

    // Encodes one frame: `rgb` holds height rows of width pixels (3 bytes each, red green blue),
    // top row first; `stride` is the distance in bytes between rows' starts (>= 3 * width), e.g.
    // QImage::Format_RGB888's bytesPerLine().
    void addFrame(const std::uint8_t* rgb, int stride);

    // Flushes the encoder, completes the file and moves it to `path`. Throws Error when no frame
    // was added or the file cannot be completed; `path` is then untouched.
    void finish();

    // Frames accepted by addFrame so far.
    int framesWritten() const;

    const std::string& path() const;
    const MovieSettings& settings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// What a movie holds, found by decoding it.
struct MovieInfo {
    int width = 0;     // of the decoded frames
    int height = 0;    // of the decoded frames
    long frames = 0;   // frames decoded (all of them; the container's frame count is not trusted)
    double fps = 0.0;  // the video stream's frame rate
    std::string codec; // FFmpeg's codec name, e.g. "h264" or "vp9"
};

// Opens the movie at `path` and decodes every frame of its first video stream. Throws Error naming
// the file when it cannot be opened, has no video stream or cannot be decoded. For tests and for a
// check after an export; it reads the whole movie.
MovieInfo readMovieInfo(const std::string& path);

} // namespace opdims
