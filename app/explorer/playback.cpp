// Playback: a timer at about 30 frames per second advances the time by the wall-clock time that
// passed, so a busy GUI thread slows the frame rate, not the speed.
#include "app/explorer/playback.h"

#include "app/explorer/session.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace opdims::explorer {

namespace {
constexpr int kFrameMs = 33;
}

Playback::Playback(Session* session, QObject* parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this)) {
    m_timer->setInterval(kFrameMs);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Playback::advance);
    // Another network keeps playing from where the time is (clamped by the session).
    connect(m_session, &Session::timeChanged, this, [this](int step) {
        if (static_cast<int>(std::floor(m_position)) != step)
            m_position = step;
    });
}

const QList<double>& Playback::speeds() {
    static const QList<double> list{0.1, 0.25, 0.5, 1.0, 2.0};
    return list;
}

void Playback::play() {
    if (m_playing)
        return;
    const int steps = m_session->timeSteps();
    if (steps <= 1)
        return;
    m_position = m_session->timeStep();
    if (m_session->timeStep() >= steps - 1) {
        m_position = 0.0;
        m_session->setTimeStep(0);
    }
    m_playing = true;
    m_clock.start();
    m_timer->start(kFrameMs);
    emit playingChanged(true);
}

void Playback::pause() {
    if (!m_playing)
        return;
    m_playing = false;
    m_timer->stop();
    emit playingChanged(false);
}

void Playback::toggle() {
    if (m_playing)
        pause();
    else
        play();
}

void Playback::setSpeed(double speed) {
    if (std::isfinite(speed) && speed > 0.0)
        m_speed = speed;
}

void Playback::setLoop(bool loop) {
    m_loop = loop;
}

double Playback::stepsFor(double seconds) const {
    const auto analysis = m_session->analysis();
    const double dt = analysis ? analysis->model->dt : 0.0;
    return dt > 0.0 ? seconds * m_speed / dt : 0.0;
}

void Playback::setHeld(bool held) {
    if (held == m_held)
        return;
    m_held = held;
    if (!held && m_playing)
        advance();
}

void Playback::advance() {
    if (m_held)
        return;
    const int steps = m_session->timeSteps();
    if (steps <= 1) {
        pause();
        return;
    }
    // At most a quarter of a second per frame: a stall does not make the marker jump far.
    const qint64 elapsed = m_clock.restart();
    const double seconds = std::min(0.25, static_cast<double>(elapsed) / 1000.0);
    // Frame pacing: what the GUI thread did beyond the wait asked for (painting the last frame,
    // a live-ablation result) is waited again before the next frame, so that playback takes at
    // most about half of the GUI thread and a slider stays as quick as without it. On a fast
    // machine this is the plain 30 frames per second.
    const qint64 busy = std::max<qint64>(0, elapsed - m_timer->interval());
    m_timer->setInterval(static_cast<int>(std::clamp<qint64>(busy, kFrameMs, 250)));
    m_position += stepsFor(seconds);
    if (m_position > steps - 1) {
        if (m_loop) {
            m_position = std::fmod(m_position, static_cast<double>(steps));
        } else {
            m_session->setTimeStep(steps - 1);
            pause();
            return;
        }
    }
    m_session->setTimeStep(static_cast<int>(std::floor(m_position)));
}

} // namespace opdims::explorer
