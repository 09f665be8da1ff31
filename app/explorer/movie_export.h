// Movies of the 3D view: animated over the trials' time and/or turning about the vertical axis,
// written as MP4 or WebM (core/movie) or as a numbered PNG sequence. Frames are rendered on the
// GUI thread, one per event-loop turn, by an off-screen copy of the view; a worker thread encodes
// them, so the window stays responsive; progress, time left and Cancel.
#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace opdims::widgets {
class StateSpaceView;
}

namespace opdims::explorer {

class StateSpacePanel;

struct MovieOptions {
    // A .mp4 or .webm file, or a .png name: the sequence NAME_0001.png, NAME_0002.png, ...
    QString path;
    QSize size{1280, 720};
    int fps = 30;
    double seconds = 10.0;
    bool animateTime = true; // the trials played once over the movie
    bool rotate = false;     // one turn about the vertical axis over the movie
};

class MovieExporter : public QObject {
    Q_OBJECT
public:
    MovieExporter(StateSpacePanel* panel, MovieOptions options, QObject* parent = nullptr);
    ~MovieExporter() override;

    // Checks the options and starts; false (with failed emitted) when they cannot be used.
    bool start();
    // Stops as soon as possible: the movie file is not written (nor left half-written), the
    // frames of a PNG sequence are removed.
    void cancel();
    bool isRunning() const;
    int frameCount() const;
    const MovieOptions& options() const { return m_options; }
    // The files written (the movie, or the PNG frames), once finished.
    const QStringList& files() const { return m_files; }

    // The PNG file of frame `index` (0-based) of a sequence named `path`.
    static QString sequenceFrame(const QString& path, int index);

signals:
    void progress(int done, int total, double secondsLeft);
    void finished(const QString& path);
    void failed(const QString& message);
    void cancelled();

private:
    struct Encoder;
    void renderNext();
    void onEncoded(int frames);
    void onEncoderFailed(const QString& message);
    void cleanUp();

    StateSpacePanel* m_panel;
    MovieOptions m_options;
    std::unique_ptr<widgets::StateSpaceView> m_copy;
    std::shared_ptr<Encoder> m_encoder;
    int m_frames = 0;
    int m_rendered = 0;
    qint64 m_startMs = 0;
    bool m_running = false;
    bool m_sequence = false;
    QStringList m_files;
};

} // namespace opdims::explorer
