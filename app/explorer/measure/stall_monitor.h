// Measures how long the GUI thread fails to run its event loop: a 5 ms timer records its largest
// gap between ticks (the longest stall, plus at most the timer's own 5 ms period).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace opdims::explorer {

class StallMonitor : public QObject {
    Q_OBJECT
public:
    explicit StallMonitor(QObject* parent = nullptr);

    void start();
    void stop();
    // Largest gap between ticks since start(), in ms.
    double longestGapMs() const { return m_longest; }
    int ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_longest = 0.0;
    int m_ticks = 0;
};

} // namespace opdims::explorer
