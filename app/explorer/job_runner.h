// Long jobs (operative row dimensions, rank sweeps, fixed points) on a pool thread with progress,
// a time-left estimate and cancellation; the GUI thread only polls two atomics.
#pragma once

#include "core/base/progress.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace opdims::explorer {

class JobRunner : public QObject {
    Q_OBJECT
public:
    // The work runs on a pool thread and returns what to do with its result on the GUI thread.
    using Work = std::function<std::function<void()>(const Progress& progress)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // Returns false (and starts nothing) while another job runs.
    bool start(const QString& title, Work work);
    bool busy() const { return m_busy; }
    QString title() const { return m_title; }
    // Asks the running job to stop; it finishes with cancelled().
    void cancel();
    // Blocks until the running job has finished (for shutdown and tests, never from a slot).
    void waitForFinished();

signals:
    void started(const QString& title);
    // fraction in [0, 1]; secondsLeft < 0 while no estimate exists yet.
    void progressed(double fraction, double secondsLeft);
    void finished(const QString& title, double seconds);
    void cancelled(const QString& title);
    void failed(const QString& title, const QString& message);

private:
    struct Outcome {
        std::function<void()> apply;
        QString error;
        bool cancelled = false;
    };
    void poll();
    void onDone();

    QFutureWatcher<Outcome> m_watcher;
    QTimer m_poll;
    QElapsedTimer m_clock;
    QString m_title;
    bool m_busy = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<double>> m_fraction;
};

// A time-left estimate from the elapsed time and the fraction done; negative when unknown.
double estimateSecondsLeft(double elapsedSeconds, double fraction);

} // namespace opdims::explorer
