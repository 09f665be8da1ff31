// Movie export through FFmpeg (libavformat, libavcodec, libavutil, libswscale): RGB24 frames are
// converted to yuv420p with BT.709 colours and encoded with libx264 (.mp4) or libvpx-vp9 (.webm)
// into a temporary file that writeAtomically (core/files/atomic_file.h) renames at the end.
#include "core/movie/movie_writer.h"

#include "core/base/error.h"
#include "core/files/atomic_file.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <utility>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

namespace opdims {

namespace {

// Threads of the encoder and of the decoder in readMovieInfo: fixed, not one per core.
constexpr int kCodecThreads = 2;
constexpr int kMinSide = 16;
constexpr int kMaxSide = 7680;
constexpr long kMaxPixels = 7680L * 4320L;
constexpr int kMaxFps = 120;

struct FormatSpec {
    const char* suffix;
    const char* muxer;   // libavformat's short name
    const char* encoder; // libavcodec's encoder name
    const char* label;   // for messages
    int defaultQuality;  // CRF
    int maxQuality;
};

constexpr FormatSpec kMp4{".mp4", "mp4", "libx264", "MP4 (H.264)", 23, 51};
constexpr FormatSpec kWebm{".webm", "webm", "libvpx-vp9", "WebM (VP9)", 32, 63};

const FormatSpec& specOf(MovieFormat format) {
    return format == MovieFormat::Mp4H264 ? kMp4 : kWebm;
}

// av_err2str is a C99 compound literal, not C++; this is the same text.
std::string avErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(code, text, sizeof text) < 0)
        return "FFmpeg error " + std::to_string(code);
    return text;
}

[[noreturn]] void fail(const std::string& path, const std::string& what, int code) {
    throw Error(path + ": " + what + " (" + avErrorText(code) + ")");
}

int check(int rc, const std::string& path, const std::string& what) {
    if (rc < 0)
        fail(path, what, rc);
    return rc;
}

template <typename T> T* checkAlloc(T* p, const std::string& path, const std::string& what) {
    if (!p)
        fail(path, what, AVERROR(ENOMEM));
    return p;
}

// FFmpeg logs at "info" level by default (libx264 prints its statistics to stderr); keep errors
// only, unless the program chose a level itself.
void quietFfmpegLog() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (av_log_get_level() == AV_LOG_INFO)
            av_log_set_level(AV_LOG_ERROR);
    });
}

struct OutputDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE))
            avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct InputDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct Options {
    AVDictionary* dict = nullptr;
    Options() = default;
    Options(const Options&) = delete;
    Options& operator=(const Options&) = delete;
    ~Options() { av_dict_free(&dict); }
    void set(const char* key, const std::string& value) {
        av_dict_set(&dict, key, value.c_str(), 0);
    }
    // After FFmpeg took the options it knows: one it did not know is a mistake here.
    void checkAllUsed(const std::string& path, const char* who) const {
        if (const AVDictionaryEntry* e = av_dict_get(dict, "", nullptr, AV_DICT_IGNORE_SUFFIX))
            throw Error(path + ": this system's FFmpeg " + who + " does not know the option '" +
                        e->key + "'");
    }
};

using OutputPtr = std::unique_ptr<AVFormatContext, OutputDeleter>;
using InputPtr = std::unique_ptr<AVFormatContext, InputDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

// The temporary of one movie. writeAtomically takes a callback that writes the whole file, while a
// movie is written frame by frame over many calls; so writeAtomically runs on a thread of its own
// for the writer's lifetime, its callback waiting until the movie is complete (commit: the
// temporary is synced and renamed to the target) or abandoned (the temporary is removed). The
// temporary is thereby named, cleaned up after a SIGINT, SIGTERM or SIGHUP, synced and renamed
// like every other file opdims saves. The thread only waits; FFmpeg writes on the caller's thread.
class StagedFile {
public:
    explicit StagedFile(const std::string& path) : thread_([this, path] { run(path); }) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !tmpPath_.empty() || done_; });
        if (!done_)
            return;
        lock.unlock();
        thread_.join();
        if (error_)
            std::rethrow_exception(error_);
        throw Error(path + ": cannot create the movie");
    }
    ~StagedFile() { end(Decision::Abandon); }
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    const std::string& tmpPath() const { return tmpPath_; }

    // Renames the (closed) temporary to the target; throws Error naming the target.
    void commit() {
        end(Decision::Commit);
        if (error_)
            std::rethrow_exception(error_);
    }

private:
    enum class Decision { Pending, Commit, Abandon };
    struct Abandoned {};

    void run(const std::string& path) {
        std::exception_ptr error;
        try {
            writeAtomically(path, [this](const std::string& tmp) {
                std::unique_lock<std::mutex> lock(mutex_);
                tmpPath_ = tmp;
                changed_.notify_all();
                changed_.wait(lock, [this] { return decision_ != Decision::Pending; });
                if (decision_ == Decision::Abandon)
                    throw Abandoned{}; // writeAtomically removes the temporary
            });
        } catch (const Abandoned&) {
        } catch (...) {
            error = std::current_exception();
        }
        const std::lock_guard<std::mutex> lock(mutex_);
        error_ = error;
        done_ = true;
        changed_.notify_all();
    }

    void end(Decision decision) {
        if (!thread_.joinable())
            return;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            decision_ = decision;
        }
        changed_.notify_all();
        thread_.join();
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::string tmpPath_;
    Decision decision_ = Decision::Pending;
    bool done_ = false;
    std::exception_ptr error_;
    std::thread thread_; // last: started once the members above exist
};

const MovieSettings& checkedSettings(const std::string& path, const MovieSettings& s) {
    const MovieFormat suffixFormat = movieFormatForPath(path);
    if (suffixFormat != s.format)
        throw Error(path + ": the settings ask for an " + specOf(s.format).label +
                    " movie but the name ends in " + specOf(suffixFormat).suffix);
    const long pixels = static_cast<long>(s.width) * s.height;
    if (s.width < kMinSide || s.height < kMinSide || s.width > kMaxSide || s.height > kMaxSide ||
        s.width % 2 != 0 || s.height % 2 != 0 || pixels > kMaxPixels)
        throw Error(path + ": cannot make a movie of " + std::to_string(s.width) + " x " +
                    std::to_string(s.height) + " pixels: width and height must be even, from " +
                    std::to_string(kMinSide) + " to " + std::to_string(kMaxSide) +
                    ", and at most 7680 x 4320 pixels in all");
    if (s.fps < 1 || s.fps > kMaxFps)
        throw Error(path + ": cannot make a movie at " + std::to_string(s.fps) +
                    " frames per second: choose 1 to " + std::to_string(kMaxFps));
    const FormatSpec& spec = specOf(s.format);
    if (s.quality != -1 && (s.quality < 1 || s.quality > spec.maxQuality))
        throw Error(path + ": quality " + std::to_string(s.quality) + " is out of range for an " +
                    spec.label + " movie: choose 1 to " + std::to_string(spec.maxQuality) +
                    " (lower is better), or -1 for the default");
    return s;
}

} // namespace

MovieFormat movieFormatForPath(const std::string& path) {
    std::string suffix = std::filesystem::path(path).extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (suffix == kMp4.suffix)
        return MovieFormat::Mp4H264;
    if (suffix == kWebm.suffix)
        return MovieFormat::WebmVp9;
    throw Error(path + ": a movie is saved as .mp4 (H.264) or .webm (VP9), not as " +
                (suffix.empty() ? std::string("a file without suffix") : "'" + suffix + "'"));
}

struct MovieWriter::Impl {
    // In the order of construction; destroyed in reverse, so FFmpeg has closed the temporary
    // before `staged` removes it.
    std::string path;
    MovieSettings settings;
    StagedFile staged;
    OutputPtr output;
    CodecPtr encoder;
    AVStream* stream = nullptr; // owned by `output`
    SwsPtr sws;
    FramePtr frame;
    PacketPtr packet;
    int frames = 0;
    bool failed = false;
    bool finished = false;

    Impl(const std::string& target, const MovieSettings& s)
        : path(target), settings(checkedSettings(target, s)), staged(target) {
        quietFfmpegLog();
        const FormatSpec& spec = specOf(settings.format);
        const std::string& tmp = staged.tmpPath();

        const AVCodec* codec = avcodec_find_encoder_by_name(spec.encoder);
        if (!codec)
            throw Error(path + ": this system's FFmpeg has no " + spec.encoder +
                        " encoder, which " + spec.label + " movies need");

        AVFormatContext* rawOutput = nullptr;
        const int rc = avformat_alloc_output_context2(&rawOutput, nullptr, spec.muxer, tmp.c_str());
        if (rc < 0 || !rawOutput)
            fail(path, "cannot start the movie", rc < 0 ? rc : AVERROR_MUXER_NOT_FOUND);
        output.reset(rawOutput);

        encoder.reset(checkAlloc(avcodec_alloc_context3(codec), path, "cannot start the encoder"));
        AVCodecContext* e = encoder.get();
        e->width = settings.width;
        e->height = settings.height;
        e->pix_fmt = AV_PIX_FMT_YUV420P;
        e->time_base = AVRational{1, settings.fps};
        e->framerate = AVRational{settings.fps, 1};
        e->sample_aspect_ratio = AVRational{1, 1};
        e->gop_size = 2 * settings.fps; // a key frame every 2 seconds, for seeking
        e->thread_count = kCodecThreads;
        e->bit_rate = 0; // constant quality (with VP9: libvpx's "Q" mode)
        // Frames are converted with the BT.709 matrix to limited range (below); say so.
        e->color_range = AVCOL_RANGE_MPEG;
        e->colorspace = AVCOL_SPC_BT709;
        e->color_primaries = AVCOL_PRI_BT709;
        e->color_trc = AVCOL_TRC_BT709;
        if (output->oformat->flags & AVFMT_GLOBALHEADER)
            e->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

        const int quality = settings.quality == -1 ? spec.defaultQuality : settings.quality;
        Options codecOptions;
        codecOptions.set("crf", std::to_string(quality));
        if (settings.format == MovieFormat::Mp4H264) {
            codecOptions.set("preset", "veryfast");
        } else {
            codecOptions.set("deadline", "realtime");
            codecOptions.set("cpu-used", "8");
            codecOptions.set("row-mt", "1");
        }
        check(avcodec_open2(e, codec, &codecOptions.dict), path, "cannot start the encoder");
        codecOptions.checkAllUsed(path, spec.encoder);

        stream =
            checkAlloc(avformat_new_stream(output.get(), nullptr), path, "cannot start the movie");
        stream->time_base = e->time_base;
        stream->avg_frame_rate = e->framerate;
        stream->sample_aspect_ratio = e->sample_aspect_ratio;
        check(avcodec_parameters_from_context(stream->codecpar, e), path, "cannot start the movie");

        if (!(output->oformat->flags & AVFMT_NOFILE))
            check(avio_open(&output->pb, tmp.c_str(), AVIO_FLAG_WRITE), path,
                  "cannot create the movie");
        Options muxerOptions;
        if (settings.format == MovieFormat::Mp4H264)
            muxerOptions.set("movflags", "+faststart"); // the index first: web pages stream it
        check(avformat_write_header(output.get(), &muxerOptions.dict), path,
              "cannot write the movie");
        muxerOptions.checkAllUsed(path, spec.muxer);
        checkIo();

        sws.reset(checkAlloc(sws_getContext(settings.width, settings.height, AV_PIX_FMT_RGB24,
                                            settings.width, settings.height, AV_PIX_FMT_YUV420P,
                                            SWS_BICUBIC, nullptr, nullptr, nullptr),
                             path, "cannot start the colour conversion"));
        // Full-range RGB to limited-range BT.709 YUV (the RGB table is not used).
        if (sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_ITU709), 1,
                                     sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16,
                                     1 << 16) < 0)
            fail(path, "cannot start the colour conversion", AVERROR(ENOSYS));

        frame.reset(checkAlloc(av_frame_alloc(), path, "cannot start the encoder"));
        frame->format = AV_PIX_FMT_YUV420P;
        frame->width = settings.width;
        frame->height = settings.height;
        check(av_frame_get_buffer(frame.get(), 0), path, "cannot start the encoder");
        packet.reset(checkAlloc(av_packet_alloc(), path, "cannot start the encoder"));
    }

    // A failed write may only show in the file's error flag (libavformat buffers).
    void checkIo() const {
        if (output->pb && output->pb->error < 0)
            fail(path, "cannot write the movie", output->pb->error);
    }

    // Writes the packets the encoder has ready.
    void writePackets() {
        for (;;) {
            const int rc = avcodec_receive_packet(encoder.get(), packet.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return;
            check(rc, path, "cannot encode the movie");
            if (packet->duration == 0)
                packet->duration = 1;
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            // Takes the packet's data, even on an error.
            check(av_interleaved_write_frame(output.get(), packet.get()), path,
                  "cannot write the movie");
            checkIo();
        }
    }

    void checkUsable() const {
        if (finished)
            throw Error(path + ": the movie is already finished");
        if (failed)
            throw Error(path + ": the movie cannot be continued after an error");
    }

    void addFrame(const std::uint8_t* rgb, int stride) {
        checkUsable();
        if (!rgb || stride < 3 * settings.width)
            throw Error(path + ": a frame needs " + std::to_string(settings.height) + " rows of " +
                        std::to_string(3 * settings.width) + " bytes");
        try {
            check(av_frame_make_writable(frame.get()), path, "cannot encode the movie");
            const std::uint8_t* const src[1] = {rgb};
            const int srcStride[1] = {stride};
            if (sws_scale(sws.get(), src, srcStride, 0, settings.height, frame->data,
                          frame->linesize) != settings.height)
                fail(path, "cannot convert a frame's colours", AVERROR_EXTERNAL);
            frame->pts = frames;
            check(avcodec_send_frame(encoder.get(), frame.get()), path, "cannot encode the movie");
            ++frames;
            writePackets();
        } catch (...) {
            failed = true;
            throw;
        }
    }

    void finish() {
        checkUsable();
        if (frames == 0)
            throw Error(path + ": the movie has no frames");
        try {
            check(avcodec_send_frame(encoder.get(), nullptr), path, "cannot encode the movie");
            writePackets();
            check(av_write_trailer(output.get()), path, "cannot write the movie");
            if (output->pb && !(output->oformat->flags & AVFMT_NOFILE)) {
                avio_flush(output->pb);
                checkIo();
                check(avio_closep(&output->pb), path, "cannot write the movie");
            }
            staged.commit();
            finished = true;
        } catch (...) {
            failed = true;
            throw;
        }
    }
};

MovieWriter::MovieWriter(const std::string& path, const MovieSettings& settings)
    : impl_(std::make_unique<Impl>(path, settings)) {}
MovieWriter::~MovieWriter() = default;
MovieWriter::MovieWriter(MovieWriter&&) noexcept = default;
MovieWriter& MovieWriter::operator=(MovieWriter&&) noexcept = default;

void MovieWriter::addFrame(const std::uint8_t* rgb, int stride) {
    impl_->addFrame(rgb, stride);
}
void MovieWriter::finish() {
    impl_->finish();
}
int MovieWriter::framesWritten() const {
    return impl_->frames;
}
const std::string& MovieWriter::path() const {
    return impl_->path;
}
const MovieSettings& MovieWriter::settings() const {
    return impl_->settings;
}

MovieInfo readMovieInfo(const std::string& path) {
    quietFfmpegLog();
    AVFormatContext* rawInput = nullptr;
    check(avformat_open_input(&rawInput, path.c_str(), nullptr, nullptr), path,
          "cannot open the movie");
    const InputPtr input(rawInput);
    check(avformat_find_stream_info(input.get(), nullptr), path, "cannot read the movie");
    const int index = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index == AVERROR_STREAM_NOT_FOUND)
        throw Error(path + ": the file holds no video");
    check(index, path, "cannot read the movie");
    AVStream* stream = input->streams[index];
    const AVCodec* decoderCodec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!decoderCodec)
        throw Error(path + ": this system's FFmpeg cannot decode its " +
                    avcodec_get_name(stream->codecpar->codec_id) + " video");

    const CodecPtr decoder(
        checkAlloc(avcodec_alloc_context3(decoderCodec), path, "cannot start the decoder"));
    check(avcodec_parameters_to_context(decoder.get(), stream->codecpar), path,
          "cannot start the decoder");
    decoder->thread_count = kCodecThreads;
    check(avcodec_open2(decoder.get(), decoderCodec, nullptr), path, "cannot start the decoder");
    const PacketPtr packet(checkAlloc(av_packet_alloc(), path, "cannot read the movie"));
    const FramePtr frame(checkAlloc(av_frame_alloc(), path, "cannot decode the movie"));

    MovieInfo info;
    const auto receiveFrames = [&] {
        for (;;) {
            const int rc = avcodec_receive_frame(decoder.get(), frame.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return;
            check(rc, path, "cannot decode the movie");
            if (info.frames == 0) {
                info.width = frame->width;
                info.height = frame->height;
            }
            ++info.frames;
            av_frame_unref(frame.get());
        }
    };
    for (;;) {
        const int rc = av_read_frame(input.get(), packet.get());
        if (rc == AVERROR_EOF)
            break;
        check(rc, path, "cannot read the movie");
        if (packet->stream_index != index) {
            av_packet_unref(packet.get());
            continue;
        }
        const int sent = avcodec_send_packet(decoder.get(), packet.get());
        av_packet_unref(packet.get());
        check(sent, path, "cannot decode the movie");
        receiveFrames();
    }
    check(avcodec_send_packet(decoder.get(), nullptr), path, "cannot decode the movie");
    receiveFrames();

    info.fps = av_q2d(av_guess_frame_rate(input.get(), stream, nullptr));
    info.codec = avcodec_get_name(stream->codecpar->codec_id);
    return info;
}

} // namespace opdims
