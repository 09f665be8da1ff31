// JobRunner: QtConcurrent for the work, a 100 ms poll for progress (newest value wins).
#include "app/explorer/job_runner.h"

#include "app/explorer/thread_priority.h"

#include "core/base/error.h"

#include <QtConcurrent/QtConcurrentRun>

namespace opdims::explorer {

double estimateSecondsLeft(double elapsedSeconds, double fraction) {
    // Below 1 % or a second the rate is mostly start-up noise.
    if (fraction < 0.01 || elapsedSeconds < 1.0)
        return -1.0;
    return elapsedSeconds * (1.0 - fraction) / fraction;
}

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &JobRunner::poll);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &JobRunner::onDone);
}

JobRunner::~JobRunner() {
    cancel();
    waitForFinished();
}

bool JobRunner::start(const QString& title, Work work) {
    if (m_busy)
        return false;
    m_busy = true;
    m_title = title;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_fraction = std::make_shared<std::atomic<double>>(0.0);
    m_clock.start();
    m_watcher.setFuture(QtConcurrent::run(
        [work = std::move(work), cancel = m_cancel, fraction = m_fraction]() -> Outcome {
            lowerCurrentThreadPriority();
            Progress progress;
            progress.cancel = cancel.get();
            progress.onProgress = [fraction](double done, double total) {
                if (total > 0)
                    fraction->store(done / total);
            };
            Outcome out;
            try {
                out.apply = work(progress);
            } catch (const Cancelled&) {
                out.cancelled = true;
            } catch (const std::exception& e) {
                out.error = QString::fromStdString(e.what());
            }
            return out;
        }));
    m_poll.start();
    emit started(title);
    emit progressed(0.0, -1.0);
    return true;
}

void JobRunner::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

void JobRunner::waitForFinished() {
    m_watcher.waitForFinished();
}

void JobRunner::poll() {
    if (!m_busy)
        return;
    const double f = m_fraction->load();
    emit progressed(f, estimateSecondsLeft(m_clock.elapsed() / 1000.0, f));
}

void JobRunner::onDone() {
    m_poll.stop();
    const Outcome out = m_watcher.result();
    const QString title = m_title;
    const double seconds = m_clock.elapsed() / 1000.0;
    m_busy = false;
    if (out.cancelled || m_cancel->load()) {
        emit cancelled(title);
    } else if (!out.error.isEmpty()) {
        emit failed(title, out.error);
    } else {
        if (out.apply)
            out.apply();
        emit finished(title, seconds);
    }
}

} // namespace opdims::explorer
