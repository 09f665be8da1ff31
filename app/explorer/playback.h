// Time playback: moves the session's time along the trials at a chosen speed, looping or not.
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace opdims::explorer {

class Session;

class Playback : public QObject {
    Q_OBJECT
public:
    explicit Playback(Session* session, QObject* parent = nullptr);

    bool isPlaying() const { return m_playing; }
    // Starts from the beginning when the time is at the end (and looping is off).
    void play();
    void pause();
    void toggle();
    // Trial seconds per second of wall-clock time (1: real time of the network, whose time step
    // is the model's dt).
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    static const QList<double>& speeds();
    // At the end: start again (true) or stop there (false).
    bool loops() const { return m_loop; }
    void setLoop(bool loop);
    // How far one frame of playback moves for a given elapsed wall-clock time (tests and movies
    // use it to step without a clock).
    double stepsFor(double seconds) const;
    // While held (live ablation computing), frames are skipped: the GUI thread is free to show
    // the result at once. Releasing advances at once, so the result and the next frame share
    // one paint; time keeps its pace.
    void setHeld(bool held);

signals:
    void playingChanged(bool playing);

private:
    void advance();

    Session* m_session;
    QTimer* m_timer;
    QElapsedTimer m_clock;
    bool m_playing = false;
    bool m_held = false;
    double m_speed = 0.5;
    bool m_loop = true;
    double m_position = 0.0; // fractional step, so that slow speeds still move
};

} // namespace opdims::explorer
