// TrialSetController: readTrialSet on a pool thread, the fit check on the GUI thread.
#include "app/explorer/trial_set_controller.h"

#include "app/explorer/session.h"
#include "core/base/error.h"
#include "core/tasks/trial_set.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QWidget>
#include <QtConcurrent>

namespace opdims::explorer {

namespace {
const QString kLastDirKey = QStringLiteral("lastTrialsDirectory");
}

TrialSetController::TrialSetController(Session* session, QWidget* window)
    : QObject(window), m_session(session), m_window(window) {}

QString TrialSetController::openFilter() {
    return tr("Trial sets (*.npz *.h5 *.hdf5);;All files (*)");
}

void TrialSetController::openWithDialog() {
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open trials"), settings.value(kLastDirKey).toString(), openFilter());
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    open(path);
}

void TrialSetController::open(const QString& path) {
    const quint64 id = ++m_latest;
    m_reading = true;
    // The read holds no pointer to this object: closing the window lets it finish on its own.
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    m_current = QtConcurrent::run([file] {
        Outcome out;
        try {
            out.set = std::make_shared<const Batch>(readTrialSet(file));
        } catch (const std::exception& e) {
            out.error = QString::fromStdString(e.what());
        }
        return out;
    });
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        if (id != m_latest)
            return; // a newer file was asked for since
        m_reading = false;
        const Outcome out = watcher->result();
        if (!out.error.isEmpty())
            emit error(tr("Cannot open the trial set"), out.error);
        else
            offer(out.set);
    });
    watcher->setFuture(m_current);
}

void TrialSetController::waitForFinished() {
    m_current.waitForFinished();
}

void TrialSetController::offer(std::shared_ptr<const Batch> set) {
    const OpenedModel& network = m_session->network();
    if (!network.model) {
        if (auto fitting = defaultModelFitting(*set)) {
            emit openWith(*fitting, std::move(set));
            return;
        }
        emit error(tr("Cannot open the trial set"),
                   tr("%1: no built-in network fits its %2 inputs and %3 outputs; open a network "
                      "that does (File > Open), then the trial set.")
                       .arg(QString::fromStdString(set->source))
                       .arg(set->inputs)
                       .arg(set->outputs));
        return;
    }
    try {
        checkModelFitsBatch(*network.model, *set, network.model->name);
    } catch (const std::exception& e) {
        emit error(tr("Cannot open the trial set"), QString::fromStdString(e.what()));
        return;
    }
    emit analyse(std::move(set));
}

} // namespace opdims::explorer
