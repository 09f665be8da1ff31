// MovieExporter (movie_export.h).
#include "app/explorer/movie_export.h"

#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "core/base/error.h"
#include "core/movie/movie_writer.h"
#include "widgets/state_space_view.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QQuaternion>
#include <QSaveFile>
#include <QTimer>
#include <QVector3D>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace opdims::explorer {

namespace {

// Frames waiting for the encoder: a few, so that memory stays bounded (8K frames are 100 MB).
int queueLimit(QSize size) {
    return static_cast<qint64>(size.width()) * size.height() > 3840 * 2160 ? 1 : 4;
}

} // namespace

// The worker thread: takes rendered frames from a bounded queue and encodes or saves them.
struct MovieExporter::Encoder {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QImage> queue;
    int limit = 4;
    bool noMore = false;
    bool cancel = false;
    std::unique_ptr<MovieWriter> writer; // null: a PNG sequence
    QString sequencePath;
    QStringList written;
    std::thread thread;

    // The owner outlives the worker (it joins it before it goes): posting to it is safe.
    template <typename F> static void post(const QPointer<MovieExporter>& owner, F f) {
        if (owner)
            QMetaObject::invokeMethod(owner.data(), std::move(f), Qt::QueuedConnection);
    }

    void run(QPointer<MovieExporter> owner) {
        int done = 0;
        QString error;
        for (;;) {
            QImage frame;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return cancel || noMore || !queue.empty(); });
                if (cancel)
                    break;
                if (queue.empty())
                    break; // no more frames
                frame = std::move(queue.front());
                queue.pop_front();
            }
            changed.notify_all();
            try {
                if (writer) {
                    writer->addFrame(frame.constBits(), static_cast<int>(frame.bytesPerLine()));
                } else {
                    const QString file = MovieExporter::sequenceFrame(sequencePath, done);
                    QSaveFile out(file);
                    if (!out.open(QIODevice::WriteOnly) || !frame.save(&out, "PNG") ||
                        !out.commit())
                        throw Error(file.toStdString() + ": cannot write the frame (" +
                                    out.errorString().toStdString() + ")");
                    std::lock_guard lock(mutex);
                    written << file;
                }
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
                break;
            }
            ++done;
            post(owner, [owner, done] { owner->onEncoded(done); });
        }
        bool cancelled;
        {
            std::lock_guard lock(mutex);
            cancelled = cancel;
        }
        if (!cancelled && error.isEmpty() && writer) {
            try {
                writer->finish();
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
        }
        if (!error.isEmpty() || cancelled) {
            writer.reset(); // removes the temporary; the target stays as it was
            std::lock_guard lock(mutex);
            for (const QString& file : written)
                QFile::remove(file);
            written.clear();
        }
        if (!error.isEmpty())
            post(owner, [owner, error] { owner->onEncoderFailed(error); });
        else if (!cancelled)
            post(owner, [owner, done] { owner->onEncoded(-done); });
    }

    void stop(bool cancelling) {
        {
            std::lock_guard lock(mutex);
            if (cancelling)
                cancel = true;
            noMore = true;
        }
        changed.notify_all();
    }

    // Stops the worker (cancelling or letting it finish the queue) and waits for it.
    void join(bool cancelling) {
        stop(cancelling);
        if (thread.joinable())
            thread.join();
    }
};

MovieExporter::MovieExporter(StateSpacePanel* panel, MovieOptions options, QObject* parent)
    : QObject(parent), m_panel(panel), m_options(std::move(options)) {}

MovieExporter::~MovieExporter() {
    if (m_encoder)
        m_encoder->join(true);
}

QString MovieExporter::sequenceFrame(const QString& path, int index) {
    const QFileInfo info(path);
    return info.dir().filePath(QStringLiteral("%1_%2.png")
                                   .arg(info.completeBaseName())
                                   .arg(index + 1, 4, 10, QLatin1Char('0')));
}

bool MovieExporter::isRunning() const {
    return m_running;
}

int MovieExporter::frameCount() const {
    return m_frames;
}

bool MovieExporter::start() {
    const MovieOptions& o = m_options;
    const QString suffix = QFileInfo(o.path).suffix().toLower();
    m_sequence = suffix == QLatin1String("png");
    auto fail = [this](const QString& message) {
        emit failed(message);
        return false;
    };
    if (!m_panel->view() || !m_panel->session()->analysis())
        return fail(tr("%1: there is nothing to film: open a network first").arg(o.path));
    if (!(o.seconds > 0.0) || o.seconds > 600.0 || o.fps < 1 || o.fps > 120)
        return fail(tr("%1: a movie lasts 0 to 600 s at 1 to 120 frames per second").arg(o.path));
    if (!o.animateTime && !o.rotate)
        return fail(tr("%1: choose what moves: time, rotation or both").arg(o.path));
    m_frames = std::max(1, static_cast<int>(std::lround(o.seconds * o.fps)));
    auto encoder = std::make_shared<Encoder>();
    encoder->limit = queueLimit(o.size);
    if (m_sequence) {
        if (o.size.width() < 16 || o.size.height() < 16 || o.size.width() > 7680 ||
            o.size.height() > 7680)
            return fail(tr("%1: frames are 16 to 7680 pixels wide and high").arg(o.path));
        if (!QFileInfo(QFileInfo(o.path).absolutePath()).isDir())
            return fail(tr("%1: the folder does not exist").arg(o.path));
        encoder->sequencePath = o.path;
    } else {
        try {
            MovieSettings settings;
            settings.width = o.size.width();
            settings.height = o.size.height();
            settings.fps = o.fps;
            settings.format = movieFormatForPath(o.path.toStdString());
            encoder->writer = std::make_unique<MovieWriter>(o.path.toStdString(), settings);
        } catch (const std::exception& e) {
            return fail(QString::fromUtf8(e.what()));
        }
    }

    // The off-screen copy looks like the view on screen, at the movie's size.
    widgets::StateSpaceView* view = m_panel->view();
    m_copy = std::make_unique<widgets::StateSpaceView>();
    m_copy->setAttribute(Qt::WA_DontShowOnScreen, true);
    m_copy->copyContentFrom(*view);
    const double magnification =
        std::clamp(static_cast<double>(o.size.height()) / std::max(1, view->height()), 0.5, 4.0);
    m_copy->setInterfaceScale(view->interfaceScale() * magnification);
    m_copy->show();
    const double dpr = m_copy->devicePixelRatioF();
    m_copy->resize(static_cast<int>(std::lround(o.size.width() / dpr)),
                   static_cast<int>(std::lround(o.size.height() / dpr)));
    m_copy->setCamera(view->camera());

    m_encoder = encoder;
    m_encoder->thread =
        std::thread([encoder, owner = QPointer<MovieExporter>(this)] { encoder->run(owner); });
    m_rendered = 0;
    m_files.clear();
    m_running = true;
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    emit progress(0, m_frames, -1.0);
    QTimer::singleShot(0, this, &MovieExporter::renderNext);
    return true;
}

void MovieExporter::renderNext() {
    if (!m_running || !m_encoder)
        return;
    if (m_rendered >= m_frames) {
        m_encoder->stop(false);
        return;
    }
    {
        // Wait (without blocking the GUI thread) while the encoder is behind.
        std::lock_guard lock(m_encoder->mutex);
        if (static_cast<int>(m_encoder->queue.size()) >= m_encoder->limit) {
            QTimer::singleShot(5, this, &MovieExporter::renderNext);
            return;
        }
    }
    const int i = m_rendered;
    const double f = m_frames > 1 ? static_cast<double>(i) / (m_frames - 1) : 0.0;
    if (m_options.animateTime) {
        const int steps = m_panel->session()->timeSteps();
        const int step = static_cast<int>(std::lround(f * std::max(0, steps - 1)));
        m_copy->setTimeMarkers(m_panel->timeMarkers(step));
        m_copy->setCaption(m_panel->timeCaption(step));
    }
    if (m_options.rotate) {
        // One turn about the view's vertical axis through the focal point (the last frame is
        // one step short of the first, so that a looping movie does not stutter).
        const auto start = m_panel->view()->camera();
        const double angle = 360.0 * i / m_frames;
        const QVector3D up(static_cast<float>(start.viewUp[0]), static_cast<float>(start.viewUp[1]),
                           static_cast<float>(start.viewUp[2]));
        const QVector3D focal(static_cast<float>(start.focalPoint[0]),
                              static_cast<float>(start.focalPoint[1]),
                              static_cast<float>(start.focalPoint[2]));
        const QVector3D position(static_cast<float>(start.position[0]),
                                 static_cast<float>(start.position[1]),
                                 static_cast<float>(start.position[2]));
        const QVector3D turned =
            focal + QQuaternion::fromAxisAndAngle(up, static_cast<float>(angle))
                        .rotatedVector(position - focal);
        auto camera = start;
        for (int k = 0; k < 3; ++k)
            camera.position[k] = turned[k];
        m_copy->setCamera(camera);
    }
    QImage frame = m_copy->renderImage();
    if (frame.isNull()) {
        onEncoderFailed(
            tr("%1: the 3D view could not be rendered (no OpenGL context)").arg(m_options.path));
        return;
    }
    if (frame.size() != m_options.size)
        frame = frame.scaled(m_options.size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    frame = frame.convertToFormat(m_sequence ? QImage::Format_RGB32 : QImage::Format_RGB888);
    {
        std::lock_guard lock(m_encoder->mutex);
        m_encoder->queue.push_back(std::move(frame));
    }
    m_encoder->changed.notify_all();
    ++m_rendered;
    QTimer::singleShot(0, this, &MovieExporter::renderNext);
}

void MovieExporter::onEncoded(int frames) {
    if (!m_running)
        return;
    if (frames < 0) {
        // Finished: -frames were written.
        m_running = false;
        if (m_sequence) {
            std::lock_guard lock(m_encoder->mutex);
            m_files = m_encoder->written;
        } else {
            m_files = QStringList{m_options.path};
        }
        cleanUp();
        emit progress(m_frames, m_frames, 0.0);
        emit finished(m_options.path);
        return;
    }
    const double elapsed = (QDateTime::currentMSecsSinceEpoch() - m_startMs) / 1000.0;
    emit progress(frames, m_frames, elapsed / frames * (m_frames - frames));
}

void MovieExporter::onEncoderFailed(const QString& message) {
    if (!m_running)
        return;
    m_running = false;
    if (m_encoder)
        m_encoder->stop(true);
    cleanUp();
    emit failed(message);
}

void MovieExporter::cancel() {
    if (!m_running)
        return;
    m_running = false;
    if (m_encoder)
        m_encoder->stop(true);
    cleanUp();
    emit cancelled();
}

void MovieExporter::cleanUp() {
    // Waits for the worker (after a cancel it stops at the next frame); the copy goes.
    if (m_encoder)
        m_encoder->join(true);
    m_encoder.reset();
    if (m_copy)
        m_copy->hide();
    m_copy.reset();
}

} // namespace opdims::explorer
