// CompareWindow (compare_window.h).
#include "app/explorer/compare_window.h"

#include "app/explorer/ablation_controller.h"
#include "app/explorer/ablation_panel.h"
#include "app/explorer/ablation_worker.h"
#include "app/explorer/labels.h"
#include "app/explorer/main_window.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "core/analysis/angles.h"
#include "core/base/error.h"
#include "widgets/state_space_view.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>
#include <numbers>

namespace opdims::explorer {

CompareWindow::CompareWindow(MainWindow* main)
    : QWidget(main, Qt::Window), m_main(main), m_session(new Session(this)),
      m_ablation(new AblationController(this)), m_panel(new StateSpacePanel(m_session, this)),
      m_info(new QLabel(this)) {
    setWindowTitle(tr("Second network"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_panel, 1);
    layout->addWidget(m_info);
    m_info->setWordWrap(true);
    m_info->setMinimumHeight(3 * m_info->fontMetrics().lineSpacing() + 6);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resize(760, 640);

    connect(m_ablation, &AblationController::analysisReady, this,
            [this](std::shared_ptr<const ModelAnalysis> analysis) {
                m_session->setAnalysis(std::move(analysis));
                follow();
            });
    connect(m_ablation, &AblationController::analysisFailed, this,
            [this](const QString& message) { m_info->setText(message); });
    connect(m_ablation, &AblationController::resultReady, this, &CompareWindow::onResult);
    connect(m_ablation, &AblationController::requestFailed, this,
            [this](const QString& message) { m_info->setText(message); });
    // The main window leads: its basis, ticked dimensions and mode.
    connect(m_main->session(), &Session::selectionChanged, this, &CompareWindow::follow);
    connect(m_main->session(), &Session::analysisChanged, this, [this] {
        // A trial set opened or closed in the main window: the second network follows.
        const auto lead = m_main->session()->analysis();
        const auto mine = m_session->analysis();
        if (lead && mine && lead->trialSet != mine->trialSet && m_session->network().model) {
            m_info->setText(tr("Analysing %1…").arg(m_source));
            m_ablation->prepare(m_session->network().model, lead->trialSet, false);
            return;
        }
        follow();
    });

    // One camera for both views: whichever moves, the other follows.
    widgets::linkCameras(m_panel->view(), m_main->stateSpace()->view(), this);
}

void CompareWindow::compareWith(std::shared_ptr<const Model> model, const QString& source) {
    const auto main = m_main->session()->analysis();
    if (!main)
        throw Error("open a network in the main window first");
    auto taskOf = [](const Model& m) {
        return m.task == TaskKind::Unknown || m.task == TaskKind::Data ? guessTask(m) : m.task;
    };
    // With a trial set open the main network is still one of its task.
    const TaskKind task = taskOf(*model);
    const TaskKind mainTask = main->trialSet ? taskOf(*main->model) : main->task;
    if (task != mainTask || model->units() != main->model->units())
        throw Error(source.toStdString() + ": a " + std::to_string(model->units()) + "-unit " +
                    taskName(task) + " network cannot be compared with the " +
                    std::to_string(main->model->units()) + "-unit " + taskName(mainTask) +
                    " network of the main window (the same task and size are needed)");
    m_source = source;
    OpenedModel opened;
    opened.model = model;
    opened.path = source;
    opened.origin = source;
    m_session->setNetwork(opened);
    setWindowTitle(tr("Second network: %1").arg(source));
    m_info->setText(tr("Analysing %1…").arg(source));
    // On the trials the main window shows: its trial set, or the task's grid.
    m_ablation->prepare(model, main->trialSet, false);
}

void CompareWindow::follow() {
    const Session* lead = m_main->session();
    if (!m_session->analysis() || !lead->analysis())
        return;
    const Session::Selection& choice = lead->selection();
    const NamedBasis* basis = m_session->basis(choice.basisKey);
    if (!basis || static_cast<int>(choice.keep.size()) != basis->basis->size()) {
        m_info->setText(tr("The second network has no basis %1 yet (compute it there first).")
                            .arg(basisTitle(choice.basisKey)));
        return;
    }
    m_session->setAblationChoice(choice.basisKey, choice.keep);
    m_session->setAblationMode(choice.remove);
    m_ablation->request(basis->basis, choice.keep, false, {}, choice.remove);
}

void CompareWindow::onResult(std::shared_ptr<const AblationResult> result) {
    if (!result || result->analysis != m_session->analysis())
        return;
    m_session->setResult(result);
    // Start where the main view looks (the linked cameras stop the echo).
    m_panel->view()->setCamera(m_main->stateSpace()->view()->camera());
    updateInfo();
    emit resultShown();
}

void CompareWindow::updateInfo() {
    const auto result = m_session->result();
    const Session* lead = m_main->session();
    const NamedBasis* a = lead->basis(lead->selection().basisKey);
    const NamedBasis* b = m_session->basis(lead->selection().basisKey);
    m_angles.clear();
    if (!result || !a || !b)
        return;
    // The chosen subspaces: the ticked dimensions of each network's basis.
    const std::vector<bool>& keep = lead->selection().keep;
    const auto count = std::count(keep.begin(), keep.end(), true);
    const QLocale l;
    QString distanceText;
    if (count > 0) {
        const Eigen::VectorXd angles =
            principalAngles(chosenDimensions(*a->basis, keep), chosenDimensions(*b->basis, keep)) *
            (180.0 / std::numbers::pi);
        double sin2 = 0.0;
        for (Eigen::Index i = 0; i < angles.size(); ++i) {
            m_angles.push_back(angles(i));
            const double s = std::sin(angles(i) * std::numbers::pi / 180.0);
            sin2 += s * s;
        }
        // The projection distance ||P_a - P_b||_F / sqrt(2) = sqrt(sum sin^2 of the angles).
        distanceText = tr("Subspace distance between the two networks' %1 ticked dimensions: %2 "
                          "(0: the same subspace, %3: orthogonal); principal angles %4 to %5 "
                          "degrees.")
                           .arg(count)
                           .arg(l.toString(std::sqrt(sin2), 'g', 4))
                           .arg(l.toString(std::sqrt(static_cast<double>(count)), 'g', 4))
                           .arg(l.toString(angles.minCoeff(), 'f', 1))
                           .arg(l.toString(angles.maxCoeff(), 'f', 1));
    }
    m_info->setText(tr("%1: cost %2 (full network %3), state distance %4.")
                        .arg(m_source, l.toString(result->run.cost, 'g', 4),
                             l.toString(m_session->analysis()->reference.run.cost, 'g', 4),
                             l.toString(result->run.stateDistance, 'g', 4)) +
                    (distanceText.isEmpty() ? QString() : QStringLiteral("\n") + distanceText));
}

QString CompareWindow::infoText() const {
    return m_info->text();
}

} // namespace opdims::explorer
