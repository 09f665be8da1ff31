// MainWindow::switchLanguage: a new window in the new language takes over the open network and
// everything the user chose for it (kept apart from main_window.cpp for its length).
#include "app/explorer/ablation_panel.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/language.h"
#include "app/explorer/lesson.h"
#include "app/explorer/lesson_controller.h"
#include "app/explorer/main_window.h"
#include "app/explorer/playback.h"
#include "app/explorer/presentation.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "app/explorer/train_dialog.h"
#include "widgets/dimension_list.h"
#include "widgets/state_space_view.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStatusBar>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace opdims::explorer {

MainWindow* MainWindow::switchLanguage(const QString& code) {
    setLanguageSetting(code);
    if (m_jobs->busy() || (m_train && m_train->running())) {
        // Rebuilding the window would stop the running job.
        statusBar()->showMessage(
            tr("The language changes when the explorer starts the next time (a job is running)."),
            8000);
        return nullptr;
    }
    installTranslations(QCoreApplication::instance(), code);
    // Every string is set when a window is built: a new window in the new language takes over the
    // open network (already in memory) and the layout.
    writeSettings();
    auto* next = new MainWindow;
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->setGeometry(geometry());
    next->restoreState(saveState());
    if (isMaximized())
        next->showMaximized();
    else
        next->show();
    next->presentation()->takeOver(*m_presentation);
    if (m_session->network().model) {
        // What the user chose goes along once the new window has analysed the network: the bases
        // computed later (row dimensions, files), the sweeps, the basis with its ticked
        // dimensions and mode, the views, the fixed points and their input, the camera and an
        // open lesson's step.
        struct Carried {
            std::vector<NamedBasis> bases;
            std::map<std::string, SweepResult> sweeps;
            std::vector<Session::SweepSet> sweepsPutAside; // of the networks opened before
            Session::Selection selection;
            bool reduced, locations, flow, fixedPoints;
            int input, time;
            widgets::StateSpaceView::CameraState camera;
            std::optional<Lesson> lesson;
            int step = 0;
            bool timeShown = false, playing = false, loop = true;
            int timeStep = 0;
            double speed = 0.5;
        };
        auto carried = std::make_shared<Carried>();
        carried->bases = m_session->bases();
        carried->sweeps = m_session->sweeps();
        carried->sweepsPutAside = m_session->sweepsPutAside();
        carried->selection = m_session->selection();
        carried->reduced = m_stateSpace->reducedShown();
        carried->locations = m_stateSpace->samplingLocationsShown();
        carried->flow = m_stateSpace->flowArrowsShown();
        carried->fixedPoints = m_stateSpace->fixedPointsShown();
        carried->input = m_session->selection().fixedPointInput;
        carried->time = m_session->selection().fixedPointTime;
        carried->camera = m_stateSpace->view()->camera();
        carried->timeShown = m_stateSpace->timeShown();
        carried->timeStep = m_session->timeStep();
        carried->playing = m_stateSpace->playback()->isPlaying();
        carried->speed = m_stateSpace->playback()->speed();
        carried->loop = m_stateSpace->playback()->loops();
        m_stateSpace->playback()->pause();
        if (m_lessons->lesson()) {
            carried->lesson = *m_lessons->lesson();
            carried->step = m_lessons->step();
        }
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(next, &MainWindow::analysisShown, next, [next, carried, conn] {
            QObject::disconnect(*conn);
            Session* s = next->session();
            std::vector<NamedBasis> extra;
            for (const NamedBasis& b : carried->bases)
                if (!s->basis(b.key))
                    extra.push_back(b);
            if (!extra.empty())
                s->addBases(extra);
            for (const auto& [key, sweep] : carried->sweeps)
                s->addSweep(key, sweep);
            s->adoptSweepsPutAside(carried->sweepsPutAside);
            AblationPanel* panel = next->ablationPanel();
            panel->setRemoving(carried->selection.remove);
            panel->selectBasis(carried->selection.basisKey);
            QVector<bool> keep(carried->selection.keep.begin(), carried->selection.keep.end());
            if (keep.size() == panel->dimensionList()->count())
                panel->dimensionList()->setKept(keep);
            StateSpacePanel* space = next->stateSpace();
            space->setReducedShown(carried->reduced);
            space->setSamplingLocationsShown(carried->locations);
            space->setFlowArrowsShown(carried->flow);
            if (carried->time > 0)
                space->setFixedPointTime(carried->time);
            if (carried->input >= 0)
                space->selectFixedPointInput(carried->input);
            space->setFixedPointsShown(carried->fixedPoints);
            space->view()->setCamera(carried->camera);
            // Time, and playback where it was playing.
            space->setPlaybackSpeed(carried->speed);
            space->setPlaybackLoop(carried->loop);
            s->setTimeStep(carried->timeStep);
            space->setTimeShown(carried->timeShown);
            if (carried->playing)
                space->playback()->play();
            auto again = std::make_shared<QMetaObject::Connection>();
            *again = connect(next, &MainWindow::resultShown, next, [next, carried, again] {
                QObject::disconnect(*again);
                next->stateSpace()->view()->setCamera(carried->camera);
            });
            if (carried->lesson) {
                // A shipped lesson continues in the new language (its translations have the same
                // steps); a lesson file in its own. The step is where it was.
                Lesson lesson = *carried->lesson;
                if (lesson.path.startsWith(QStringLiteral(":/lessons/"))) {
                    const QString name = QFileInfo(lesson.path).fileName().section(u'.', 0, 0);
                    try {
                        Lesson translated = readLesson(shippedLessonPath(name, lessonLanguage()));
                        if (translated.steps.size() == lesson.steps.size())
                            lesson = std::move(translated);
                    } catch (const Error&) {
                        // keep the lesson as it was
                    }
                }
                next->lessons()->resume(std::move(lesson), carried->step);
            }
        });
        next->openModelWith(m_session->network(), m_session->trialSet());
    }
    // The training-loss curve goes along with the network it trained.
    if (!m_session->trainingLog().empty()) {
        next->session()->startTrainingLog();
        for (const auto& [iteration, loss] : m_session->trainingLog())
            next->session()->appendLoss(iteration, loss);
    }
    close();
    return next;
}

} // namespace opdims::explorer
