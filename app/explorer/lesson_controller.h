// Runs a lesson in the main window: each step sets the network (opened only when it changes),
// the basis, k or the ticked dimensions, the views, the plot in front and the camera.
#pragma once

#include "app/explorer/lesson.h"

#include <QObject>

#include <memory>
#include <optional>

namespace opdims {
struct Model;
}

namespace opdims::explorer {

class LessonPanel;
class MainWindow;

class LessonController : public QObject {
    Q_OBJECT
public:
    LessonController(MainWindow* window, LessonPanel* panel);

    // Reads and starts a lesson at its first step; a bad file gives one message (naming the
    // step and the field) and changes nothing. Returns whether it opened.
    bool open(const QString& path);
    void start(Lesson lesson);
    // Shows a lesson at a step without setting the window's state (the window already shows it,
    // e.g. after a language switch); the open network counts as the step's.
    void resume(Lesson lesson, int step);
    // The open lesson (null when none) and the step shown (0-based).
    const Lesson* lesson() const { return m_lesson ? &*m_lesson : nullptr; }
    int step() const { return m_step; }
    void goTo(int index);
    void next();
    void back();
    void reapply() { goTo(m_step); }
    void close();

signals:
    // The step's state is set (its network opened and analysed); its result may still be
    // computed.
    void stepApplied(int index);

private:
    void applyRest(quint64 generation, bool reopened);
    void fail(const QString& field, const QString& what);

    MainWindow* m_window;
    LessonPanel* m_panel;
    std::optional<Lesson> m_lesson;
    int m_step = 0;
    quint64 m_generation = 0;
    // The network the lesson opened last, to tell whether the next step must open it again.
    QString m_networkKey;
    std::shared_ptr<const Model> m_networkModel;
    QMetaObject::Connection m_camera; // sets the camera again once a reopened network is drawn
};

} // namespace opdims::explorer
