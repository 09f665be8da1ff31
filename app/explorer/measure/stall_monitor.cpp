// StallMonitor: a precise 5 ms timer on the GUI thread.
#include "app/explorer/measure/stall_monitor.h"

#include <algorithm>

namespace opdims::explorer {

StallMonitor::StallMonitor(QObject* parent) : QObject(parent) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::tick);
}

void StallMonitor::start() {
    m_longest = 0.0;
    m_ticks = 0;
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallMonitor::stop() {
    m_timer.stop();
}

void StallMonitor::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    m_longest = std::max(m_longest, static_cast<double>(now - m_last) / 1e6);
    m_last = now;
    ++m_ticks;
}

} // namespace opdims::explorer
