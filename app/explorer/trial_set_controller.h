// File > Open trials: a trial set is read on a pool thread (the GUI thread never waits for the
// file) and offered to the open network when it fits; the newest request wins.
#pragma once

#include "app/explorer/model_source.h"
#include "core/tasks/task.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>

class QWidget;

namespace opdims::explorer {

class Session;

class TrialSetController : public QObject {
    Q_OBJECT
public:
    TrialSetController(Session* session, QWidget* window);

    // "Trial sets (*.npz *.h5 *.hdf5)" and all files.
    static QString openFilter();
    // Asks for a file, then opens it.
    void openWithDialog();
    // Reads the file off the GUI thread. Then, when it fits the open network, emits
    // analyse(set); with no network open, openWith(the embedded default network that fits, set);
    // otherwise error() with one sentence (the core's). Never throws.
    void open(const QString& path);
    bool reading() const { return m_reading; }
    // Blocks until the newest read has finished (tests; never from a slot).
    void waitForFinished();

signals:
    void analyse(std::shared_ptr<const opdims::Batch> set);
    void openWith(const opdims::explorer::OpenedModel& network,
                  std::shared_ptr<const opdims::Batch> set);
    void error(const QString& title, const QString& message);

private:
    struct Outcome {
        std::shared_ptr<const Batch> set;
        QString error;
    };
    void offer(std::shared_ptr<const Batch> set);

    Session* m_session;
    QWidget* m_window;
    quint64 m_latest = 0; // the number of the newest read; older ones are dropped
    bool m_reading = false;
    QFuture<Outcome> m_current; // the newest read
};

} // namespace opdims::explorer
