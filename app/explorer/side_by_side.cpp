// SideBySideWindow (side_by_side.h): two sessions share the main window's analysis; each has its
// own live-ablation worker, so both sides compute at once.
#include "app/explorer/side_by_side.h"

#include "app/explorer/ablation_controller.h"
#include "app/explorer/ablation_panel.h"
#include "app/explorer/labels.h"
#include "app/explorer/main_window.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "widgets/state_space_view.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace opdims::explorer {

const std::array<std::string, 2>& SideBySideWindow::basisKeys() {
    static const std::array<std::string, 2> keys{"pc", "op-columns"};
    return keys;
}

SideBySideWindow::SideBySideWindow(MainWindow* main)
    : QWidget(main, Qt::Window), m_main(main), m_rank(new QSpinBox(this)),
      m_note(new QLabel(this)) {
    setWindowTitle(tr("PC dimensions beside operative dimensions"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Kept dimensions k:"), this));
    top->addWidget(m_rank);
    m_rank->setToolTip(tr("The number of dimensions both reduced-rank networks keep (the same k "
                          "as in the Live ablation dock)"));
    top->addWidget(m_note, 1);
    m_note->setWordWrap(true);
    auto* grid = new QGridLayout;
    for (int i = 0; i < 2; ++i) {
        Side& s = m_sides[static_cast<std::size_t>(i)];
        s.session = new Session(this);
        s.ablation = new AblationController(this);
        s.panel = new StateSpacePanel(s.session, this);
        s.panel->view()->setInterfaceScale(m_main->stateSpace()->view()->interfaceScale());
        s.panel->setPlaybackControlsVisible(false);
        s.title = new QLabel(this);
        s.cost = new QLabel(this);
        // Title and cost read from the back of a room.
        QFont bold = s.title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.25);
        s.title->setFont(bold);
        s.cost->setFont(bold);
        s.title->setAlignment(Qt::AlignCenter);
        s.cost->setAlignment(Qt::AlignCenter);
        s.cost->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(s.title, 0, i);
        grid->addWidget(s.panel, 1, i);
        grid->addWidget(s.cost, 2, i);
        grid->setColumnStretch(i, 1);
        connect(s.ablation, &AblationController::resultReady, this,
                [this, i](std::shared_ptr<const AblationResult> r) { onResult(i, std::move(r)); });
        connect(s.ablation, &AblationController::requestFailed, this,
                [s](const QString& message) { s.cost->setText(message); });
    }
    grid->setRowStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    resize(1400, 760);

    // One camera for both views: whichever moves, the other follows.
    widgets::linkCameras(m_sides[0].panel->view(), m_sides[1].panel->view(), this);

    connect(m_rank, &QSpinBox::valueChanged, this, [this](int k) {
        if (k != m_main->ablationPanel()->rank())
            m_main->ablationPanel()->setRank(k);
        follow();
    });
    Session* lead = m_main->session();
    connect(lead, &Session::analysisChanged, this, &SideBySideWindow::onMainAnalysis);
    connect(lead, &Session::selectionChanged, this, &SideBySideWindow::follow);
    // Time, as played in the main window.
    connect(lead, &Session::timeChanged, this, &SideBySideWindow::followTime);
    onMainAnalysis();
}

void SideBySideWindow::followTime() {
    for (Side& s : m_sides) {
        s.session->setTimeStep(m_main->session()->timeStep());
        s.panel->setTimeShown(m_main->stateSpace()->timeShown());
    }
}

int SideBySideWindow::rank() const {
    return m_rank->value();
}

void SideBySideWindow::setRank(int k) {
    m_rank->setValue(k);
}

QString SideBySideWindow::costText(int side) const {
    return m_sides[static_cast<std::size_t>(side)].cost->text();
}

void SideBySideWindow::onMainAnalysis() {
    const auto analysis = m_main->session()->analysis();
    for (Side& s : m_sides) {
        s.shownRank = -1;
        s.ablation->adopt(analysis);
        s.session->setNetwork(m_main->session()->network());
        if (analysis)
            s.session->setAnalysis(analysis);
    }
    if (!analysis)
        return;
    int size = 0;
    for (const std::string& key : basisKeys())
        if (const NamedBasis* b = m_main->session()->basis(key))
            size = std::max(size, b->basis->size());
    {
        const QSignalBlocker block(m_rank);
        m_rank->setRange(0, size);
        m_rank->setValue(std::min(m_main->ablationPanel()->rank(), size));
    }
    updateTitles();
    follow();
}

void SideBySideWindow::updateTitles() {
    for (std::size_t i = 0; i < m_sides.size(); ++i)
        m_sides[i].title->setText(basisTitle(basisKeys()[i]));
}

void SideBySideWindow::follow() {
    // k follows the main window's slider.
    const int k = m_main->ablationPanel()->rank();
    if (k != m_rank->value()) {
        const QSignalBlocker block(m_rank);
        m_rank->setValue(k);
    }
    const bool remove = m_main->session()->selection().remove;
    m_note->setText(remove ? tr("Both sides remove their first k dimensions from W.")
                           : tr("Both sides keep their first k dimensions of W."));
    for (std::size_t i = 0; i < m_sides.size(); ++i) {
        Side& s = m_sides[i];
        if (!s.session->analysis())
            continue;
        const NamedBasis* basis = s.session->basis(basisKeys()[i]);
        if (!basis) {
            s.cost->setText(tr("This network has no %1.").arg(basisTitle(basisKeys()[i])));
            continue;
        }
        const int n = basis->basis->size();
        std::vector<bool> keep(static_cast<std::size_t>(n), false);
        std::fill_n(keep.begin(), std::min(k, n), true);
        s.session->setAblationChoice(basis->key, keep);
        s.session->setAblationMode(remove);
        s.shownRank = -1;
        s.ablation->request(basis->basis, keep, false, {}, remove);
    }
}

void SideBySideWindow::onResult(int side, std::shared_ptr<const AblationResult> result) {
    Side& s = m_sides[static_cast<std::size_t>(side)];
    if (!result || result->analysis != s.session->analysis())
        return;
    const bool first = !s.session->result();
    s.session->setResult(result);
    if (first) {
        followTime();
        // Framed so that the PC side, whose reduced-rank trajectories stray furthest, fits; the
        // other side follows (one camera).
        if (side == 0)
            s.panel->view()->resetCamera();
    }
    const QLocale l;
    const auto k = std::count(result->keep.begin(), result->keep.end(), true);
    s.shownRank = static_cast<int>(k);
    s.cost->setText(tr("k = %1: cost %2 (full network %3), state distance %4")
                        .arg(k)
                        .arg(l.toString(result->run.cost, 'g', 4),
                             l.toString(s.session->analysis()->reference.run.cost, 'g', 4),
                             l.toString(result->run.stateDistance, 'g', 4)));
    if (m_sides[0].shownRank == m_rank->value() && m_sides[1].shownRank == m_rank->value())
        emit resultsShown();
}

} // namespace opdims::explorer
