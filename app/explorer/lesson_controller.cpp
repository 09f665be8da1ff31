// LessonController (lesson_controller.h).
#include "app/explorer/lesson_controller.h"

#include "app/explorer/ablation_panel.h"
#include "app/explorer/lesson_panel.h"
#include "app/explorer/main_window.h"
#include "app/explorer/model_source.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "core/base/error.h"
#include "widgets/dimension_list.h"
#include "widgets/state_space_view.h"

#include <QDockWidget>
#include <QTimer>

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace opdims::explorer {

namespace {

// The camera turned from `c` by azimuth degrees about its up direction, then by elevation
// degrees towards it, around the focal point.
widgets::StateSpaceView::CameraState turned(widgets::StateSpaceView::CameraState c, double azimuth,
                                            double elevation) {
    const Eigen::Vector3d focal(c.focalPoint[0], c.focalPoint[1], c.focalPoint[2]);
    Eigen::Vector3d offset = Eigen::Vector3d(c.position[0], c.position[1], c.position[2]) - focal;
    Eigen::Vector3d up(c.viewUp[0], c.viewUp[1], c.viewUp[2]);
    const double degree = std::numbers::pi / 180.0;
    offset = Eigen::AngleAxisd(azimuth * degree, up.normalized()) * offset;
    const Eigen::Vector3d right = offset.cross(up).normalized();
    const Eigen::AngleAxisd tilt(-elevation * degree, right);
    offset = tilt * offset;
    up = tilt * up;
    for (int i = 0; i < 3; ++i) {
        c.position[i] = focal(i) + offset(i);
        c.viewUp[i] = up(i);
    }
    return c;
}

} // namespace

LessonController::LessonController(MainWindow* window, LessonPanel* panel)
    : QObject(window), m_window(window), m_panel(panel) {
    connect(panel, &LessonPanel::nextRequested, this, &LessonController::next);
    connect(panel, &LessonPanel::backRequested, this, &LessonController::back);
    connect(panel, &LessonPanel::returnRequested, this, &LessonController::reapply);
    connect(panel, &LessonPanel::closeRequested, this, &LessonController::close);
}

bool LessonController::open(const QString& path) {
    try {
        start(readLesson(path));
        return true;
    } catch (const Error& e) {
        m_window->showError(tr("Cannot open the lesson"), QString::fromStdString(e.what()));
        return false;
    }
}

void LessonController::start(Lesson lesson) {
    m_lesson = std::move(lesson);
    m_networkKey.clear();
    m_networkModel.reset();
    if (auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("lessonDock"))) {
        dock->show();
        dock->raise();
    }
    goTo(0);
}

void LessonController::resume(Lesson lesson, int step) {
    m_lesson = std::move(lesson);
    m_step = std::clamp(step, 0, static_cast<int>(m_lesson->steps.size()) - 1);
    ++m_generation;
    const LessonStep& s = m_lesson->steps[static_cast<std::size_t>(m_step)];
    m_networkKey = s.networkIsFile ? QStringLiteral("%1#%2").arg(s.network).arg(s.net) : s.network;
    m_networkModel = m_window->session()->network().model;
    if (auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("lessonDock"))) {
        dock->show();
        dock->raise();
    }
    m_panel->showStep(*m_lesson, m_step);
}

void LessonController::next() {
    if (m_lesson && m_step + 1 < static_cast<int>(m_lesson->steps.size()))
        goTo(m_step + 1);
}

void LessonController::back() {
    if (m_lesson && m_step > 0)
        goTo(m_step - 1);
}

void LessonController::close() {
    m_lesson.reset();
    ++m_generation;
    m_panel->showOffer();
}

void LessonController::fail(const QString& field, const QString& what) {
    m_window->showError(
        tr("Cannot apply the lesson step"),
        tr("%1: step %2: field '%3': %4").arg(m_lesson->path).arg(m_step + 1).arg(field, what));
}

void LessonController::goTo(int index) {
    if (!m_lesson || index < 0 || index >= static_cast<int>(m_lesson->steps.size()))
        return;
    m_step = index;
    const quint64 generation = ++m_generation;
    const LessonStep& s = m_lesson->steps[static_cast<std::size_t>(index)];
    m_panel->showStep(*m_lesson, index);
    const QString key =
        s.networkIsFile ? QStringLiteral("%1#%2").arg(s.network).arg(s.net) : s.network;
    Session* session = m_window->session();
    const bool same = key == m_networkKey && m_networkModel &&
                      session->network().model == m_networkModel && session->analysis() &&
                      !session->trialSet();
    if (same) {
        applyRest(generation, false);
        return;
    }
    OpenedModel opened;
    try {
        if (s.networkIsFile) {
            opened = openModelFile(s.network, s.net);
        } else {
            const QStringList parts = s.network.split(QLatin1Char(':'));
            const TaskKind task = parseTask(parts.front().toStdString());
            opened = parts.size() > 1 ? openTrainedDefaultModel(task) : openDefaultModel(task);
        }
    } catch (const std::exception& e) {
        fail(QStringLiteral("network"), QString::fromStdString(e.what()));
        return;
    }
    m_networkKey = key;
    m_networkModel = opened.model;
    // The rest waits for the network's analysis (bases, inputs) on the worker thread.
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_window, &MainWindow::analysisShown, this, [this, conn, generation] {
        QObject::disconnect(*conn);
        applyRest(generation, true);
    });
    m_window->openModel(opened);
}

void LessonController::applyRest(quint64 generation, bool reopened) {
    if (!m_lesson || generation != m_generation)
        return; // another step was chosen meanwhile
    const LessonStep& s = m_lesson->steps[static_cast<std::size_t>(m_step)];
    Session* session = m_window->session();
    AblationPanel* ablation = m_window->ablationPanel();
    StateSpacePanel* space = m_window->stateSpace();
    bool ok = true;

    ablation->setRemoving(s.remove);
    const std::string key = s.basis.toStdString();
    if (!session->basis(key)) {
        QStringList known;
        for (const NamedBasis& b : session->bases())
            known << QString::fromStdString(b.key);
        fail(QStringLiteral("basis"), tr("the network has no basis '%1' (it has %2)")
                                          .arg(s.basis, known.join(QStringLiteral(", "))));
        ok = false;
    } else {
        ablation->selectBasis(key);
        const int count = ablation->dimensionList()->count();
        if (!s.dimensions.empty()) {
            QVector<bool> kept(count, false);
            for (const int d : s.dimensions) {
                if (d > count) {
                    fail(QStringLiteral("dimensions"),
                         tr("dimension %1 does not exist (the basis has %2)").arg(d).arg(count));
                    ok = false;
                    break;
                }
                kept[d - 1] = true;
            }
            if (ok)
                ablation->dimensionList()->setKept(kept);
        } else {
            ablation->setRank(s.k < 0 ? count : std::min(s.k, count));
        }
    }
    space->setReducedShown(s.reduced);
    space->setSamplingLocationsShown(s.samplingLocations);
    space->setFlowArrowsShown(s.flowArrows);
    if (!s.fixedPointInput.isEmpty()) {
        const auto& inputs = session->fixedPointInputs();
        int found = -1;
        QStringList titles;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            titles << inputs[i].label;
            if (inputs[i].label.compare(s.fixedPointInput, Qt::CaseInsensitive) == 0)
                found = static_cast<int>(i);
        }
        if (found < 0) {
            fail(QStringLiteral("fixed_point_input"),
                 tr("no input is called '%1' (there are %2)")
                     .arg(s.fixedPointInput, titles.join(QStringLiteral(", "))));
            ok = false;
        } else {
            space->selectFixedPointInput(found);
        }
    }
    space->setFixedPointsShown(s.fixedPoints);
    if (auto* dock = m_window->findChild<QDockWidget*>(lessonPlotDock(s.plot))) {
        dock->show();
        dock->raise();
    }
    if (s.sweep && !session->sweeps().count(key))
        m_window->startSweep();
    // The camera once the scene of this state is drawn (its extent decides the reset camera).
    auto setCamera = [this, generation, azimuth = s.azimuth, elevation = s.elevation] {
        if (generation != m_generation)
            return;
        widgets::StateSpaceView* view = m_window->stateSpace()->view();
        view->resetCamera();
        if (azimuth != 0 || elevation != 0)
            view->setCamera(turned(view->camera(), azimuth, elevation));
    };
    setCamera();
    QObject::disconnect(m_camera);
    if (reopened)
        m_camera = connect(m_window, &MainWindow::resultShown, this, [this, setCamera] {
            QObject::disconnect(m_camera);
            setCamera();
        });
    Q_UNUSED(ok);
    emit stepApplied(m_step);
}

} // namespace opdims::explorer
