// StateSpacePanel: projections are done here (cheap), the views only draw what they are given.
#include "app/explorer/state_space_panel.h"

#include "app/explorer/labels.h"
#include "app/explorer/playback.h"
#include "app/explorer/session.h"
#include "app/explorer/widget_types.h"
#include "core/tasks/trial_set.h"
#include "widgets/palette.h"
#include "widgets/state_space_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opdims::explorer {

namespace {

constexpr const char* kActivityKey = "activity";
const QColor kFullArrowColor(60, 60, 60);
const QColor kReducedArrowColor(200, 30, 30);

bool sameLegend(const QVector<widgets::LegendEntry>& a, const QVector<widgets::LegendEntry>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const widgets::LegendEntry& x, const widgets::LegendEntry& y) {
                          return x.text == y.text && x.color == y.color && x.footer == y.footer;
                      });
}

} // namespace

StateSpacePanel::StateSpacePanel(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_view(new widgets::StateSpaceView(this)),
      m_axesSource(new QComboBox(this)),
      m_showReduced(new QCheckBox(tr("Reduced-rank network"), this)),
      m_showLocations(new QCheckBox(tr("Sampling locations"), this)),
      m_showFixedPoints(new QCheckBox(tr("Fixed points"), this)),
      m_showFlow(new QCheckBox(tr("Flow arrows"), this)),
      m_allFrequencies(new QCheckBox(tr("All frequencies"), this)),
      m_fixedPointInput(new QComboBox(this)), m_timeControls(new QWidget(this)),
      m_fixedPointTime(new QSpinBox(m_timeControls)), m_phase(new QComboBox(m_timeControls)),
      m_playback(new Playback(session, this)), m_play(new QToolButton(this)),
      m_timeSlider(new QSlider(Qt::Horizontal, this)), m_timeLabel(new QLabel(this)),
      m_speed(new QComboBox(this)), m_loop(new QCheckBox(tr("Loop"), this)) {
    auto* axesRow = new QHBoxLayout;
    axesRow->addWidget(new QLabel(tr("Axes:"), this));
    axesRow->addWidget(m_axesSource, 1);
    for (int i = 0; i < 3; ++i) {
        m_axis[i] = new QSpinBox(this);
        m_axis[i]->setRange(1, 1000000);
        m_axis[i]->setValue(i + 1);
        m_axis[i]->setToolTip(tr("Which dimension of the chosen basis is axis %1").arg(i + 1));
        axesRow->addWidget(m_axis[i]);
        connect(m_axis[i], &QSpinBox::valueChanged, this, [this] { redrawAll(false); });
    }
    m_axesSource->setToolTip(tr("Project on principal components of the full network's activity, "
                                "PC dimensions of W or operative dimensions"));
    connect(m_axesSource, &QComboBox::currentIndexChanged, this, [this] { redrawAll(true); });
    axesRow->addSpacing(12);
    axesRow->addWidget(new QLabel(tr("Fixed points under:"), this));
    axesRow->addWidget(m_fixedPointInput);
    m_fixedPointInput->setToolTip(tr("The constant input under which the fixed points of the "
                                     "reduced-rank network are searched (ctxt: the context input "
                                     "alone, without sensory input)"));
    m_fixedPointInput->setEnabled(false);
    m_fixedPointInput->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_fixedPointInput, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_session->setFixedPointChoice(m_showFixedPoints->isChecked(), index);
    });
    // A trial set's inputs change along its trials: the condition's input at a chosen time, or
    // at the start of a chosen phase.
    auto* timeRow = new QHBoxLayout(m_timeControls);
    timeRow->setContentsMargins(0, 0, 0, 0);
    timeRow->addWidget(new QLabel(tr("at t ="), m_timeControls));
    timeRow->addWidget(m_fixedPointTime);
    timeRow->addWidget(m_phase);
    m_fixedPointTime->setToolTip(tr("The time step (1-based) whose input, averaged over the "
                                    "condition's trials, the fixed points are searched under"));
    m_phase->setToolTip(tr("Jump to the first time step of a phase of the trials"));
    m_timeControls->setVisible(false);
    m_timeControls->setEnabled(false);
    axesRow->addWidget(m_timeControls);
    connect(m_fixedPointTime, &QSpinBox::valueChanged, this, [this](int t) {
        showPhaseOf(t);
        m_session->setFixedPointTime(t);
    });
    connect(m_phase, &QComboBox::activated, this, [this](int index) {
        const auto analysis = m_session->analysis();
        if (analysis && index >= 0 && index < static_cast<int>(analysis->batch().phases.size()))
            m_fixedPointTime->setValue(
                analysis->batch().phases[static_cast<std::size_t>(index)].start + 1);
    });
    connect(m_session, &Session::fixedPointInputsChanged, this,
            &StateSpacePanel::fillFixedPointInputs);

    auto* layersRow = new QHBoxLayout;
    for (QCheckBox* box :
         {m_showReduced, m_showLocations, m_showFixedPoints, m_showFlow, m_allFrequencies})
        layersRow->addWidget(box);
    layersRow->addStretch(1);
    auto* reset = new QPushButton(tr("Reset camera"), this);
    auto* save = new QPushButton(tr("Save PNG…"), this);
    layersRow->addWidget(reset);
    layersRow->addWidget(save);
    m_showReduced->setToolTip(tr("Draw the reduced-rank network's trajectories, dashed, beside the "
                                 "full network's (solid)"));
    m_showLocations->setToolTip(tr("Draw the sampling locations: the states where the local "
                                   "operative dimensions are computed"));
    reset->setToolTip(tr("Frame everything drawn, seen from an oblique direction"));
    save->setToolTip(tr("Save the 3D view as a PNG image"));
    m_showReduced->setChecked(true);
    m_showLocations->setChecked(true);
    m_showFlow->setToolTip(tr("Arrows at the sampling locations: the recurrent contribution "
                              "α W tanh(x) of one step, grey for the full network, red for the "
                              "reduced-rank network (the legend says which is which)"));
    m_showFixedPoints->setToolTip(
        tr("Fixed and slow points of the reduced-rank network under the input chosen above; the "
           "Fixed points dock lists them, and a click on one selects it there"));
    m_allFrequencies->setToolTip(tr("Draw every frequency of the swg grid batch instead of ids 1, "
                                    "6, …, 51"));
    m_allFrequencies->setVisible(false);
    connect(m_showReduced, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setLayerVisible(widgets::Layer::ReducedTrajectories, on);
        drawTime();
    });
    connect(m_showLocations, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setLayerVisible(widgets::Layer::SamplingLocations, on);
        drawReduced();
    });
    connect(m_showFlow, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setLayerVisible(widgets::Layer::FlowArrows, on);
        drawReduced();
    });
    connect(m_showFixedPoints, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setLayerVisible(widgets::Layer::FixedPoints, on);
        m_fixedPointInput->setEnabled(on);
        m_timeControls->setEnabled(on);
        m_session->setFixedPointChoice(on, m_fixedPointInput->currentIndex());
    });
    connect(m_allFrequencies, &QCheckBox::toggled, this, &StateSpacePanel::allFrequenciesToggled);
    connect(reset, &QPushButton::clicked, m_view, &widgets::StateSpaceView::resetCamera);
    connect(save, &QPushButton::clicked, this, &StateSpacePanel::savePngRequested);
    m_view->setLayerVisible(widgets::Layer::FlowArrows, false);
    m_view->setLayerVisible(widgets::Layer::FixedPoints, false);

    // Time: Play / Pause, the slider, the time and phase, the speed and looping.
    m_playRow = new QWidget(this);
    auto* playRow = new QHBoxLayout(m_playRow);
    playRow->setContentsMargins(0, 0, 0, 0);
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setText(tr("Play"));
    m_play->setToolTip(tr("Play the trials in time: a marker moves along every trajectory and a "
                          "line over the output plot (Space)"));
    m_timeSlider->setToolTip(tr("The time shown by the markers on the trajectories and the line "
                                "over the output plot"));
    m_timeSlider->setRange(0, 0);
    m_timeSlider->setTickPosition(QSlider::TicksBelow);
    m_timeLabel->setToolTip(tr("The time shown and the input phase of the trials then"));
    m_timeLabel->setMinimumWidth(m_timeLabel->fontMetrics().horizontalAdvance(
        QStringLiteral("t = 0.000 s · frequency cue")));
    for (double speed : Playback::speeds())
        m_speed->addItem(tr("%1× speed").arg(QLocale().toString(speed)), speed);
    m_speed->setCurrentIndex(std::max<int>(0, static_cast<int>(Playback::speeds().indexOf(0.5))));
    m_speed->setToolTip(tr("Trial time per second of playback (1×: the network's own time)"));
    m_loop->setChecked(true);
    m_loop->setToolTip(tr("Start again at the end of the trials"));
    playRow->addWidget(m_play);
    playRow->addWidget(m_timeSlider, 1);
    playRow->addWidget(m_timeLabel);
    playRow->addWidget(m_speed);
    playRow->addWidget(m_loop);
    connect(m_play, &QToolButton::clicked, this, [this] {
        setTimeShown(true);
        m_playback->toggle();
    });
    connect(m_playback, &Playback::playingChanged, this, [this](bool playing) {
        m_play->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        m_play->setText(playing ? tr("Pause") : tr("Play"));
    });
    connect(m_timeSlider, &QSlider::valueChanged, this, [this](int step) {
        setTimeShown(true);
        m_session->setTimeStep(step);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_playback->setSpeed(m_speed->currentData().toDouble()); });
    m_playback->setSpeed(m_speed->currentData().toDouble());
    connect(m_loop, &QCheckBox::toggled, m_playback, &Playback::setLoop);
    connect(m_session, &Session::timeChanged, this, &StateSpacePanel::onTimeChanged);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(axesRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_playRow);
    layout->addLayout(layersRow);

    connect(m_session, &Session::analysisChanged, this, &StateSpacePanel::onAnalysisChanged);
    connect(m_session, &Session::basesAdded, this, [this] { rebuildAxisChoices(); });
    connect(m_session, &Session::resultChanged, this, &StateSpacePanel::drawReduced);
    connect(m_session, &Session::fixedPointsChanged, this, &StateSpacePanel::onFixedPointsChanged);
}

bool StateSpacePanel::fixedPointsShown() const {
    return m_showFixedPoints->isChecked();
}
void StateSpacePanel::setFixedPointsShown(bool shown) {
    m_showFixedPoints->setChecked(shown);
}
bool StateSpacePanel::flowArrowsShown() const {
    return m_showFlow->isChecked();
}
void StateSpacePanel::setFlowArrowsShown(bool shown) {
    m_showFlow->setChecked(shown);
}
bool StateSpacePanel::reducedShown() const {
    return m_showReduced->isChecked();
}
void StateSpacePanel::setReducedShown(bool shown) {
    m_showReduced->setChecked(shown);
}
bool StateSpacePanel::samplingLocationsShown() const {
    return m_showLocations->isChecked();
}
void StateSpacePanel::setSamplingLocationsShown(bool shown) {
    m_showLocations->setChecked(shown);
}
bool StateSpacePanel::allFrequencies() const {
    return m_allFrequencies->isChecked();
}
Eigen::MatrixXd StateSpacePanel::axes() const {
    return m_axes;
}

const FixedPointInput* StateSpacePanel::fixedPointInput() const {
    return m_session->selectedFixedPointInput();
}

void StateSpacePanel::selectFixedPointInput(int index) {
    m_fixedPointInput->setCurrentIndex(index);
}

void StateSpacePanel::setFixedPointTime(int t) {
    m_fixedPointTime->setValue(t);
}

int StateSpacePanel::fixedPointTime() const {
    return m_fixedPointTime->value();
}

void StateSpacePanel::fillFixedPointInputs() {
    // The session keeps the chosen input when the same kind of network is opened again.
    const auto analysis = m_session->analysis();
    const bool isTrialSet = analysis && analysis->task == TaskKind::Data;
    const QSignalBlocker block(m_fixedPointInput);
    m_fixedPointInput->clear();
    for (const FixedPointInput& in : m_session->fixedPointInputs())
        // A trial set's time is in the controls beside: the list names the conditions.
        m_fixedPointInput->addItem(isTrialSet ? QString::fromStdString(in.problem.condition.label)
                                              : in.label);
    m_fixedPointInput->setCurrentIndex(m_session->selection().fixedPointInput);
}

void StateSpacePanel::showPhaseOf(int t) {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const QSignalBlocker block(m_phase);
    int index = -1;
    for (std::size_t i = 0; i < analysis->batch().phases.size(); ++i)
        if (analysis->batch().phases[i].start <= t - 1)
            index = static_cast<int>(i);
    m_phase->setCurrentIndex(index);
}

void StateSpacePanel::onFixedPointsChanged() {
    // Searched points turn the layer on, without the signal: a new ablation request would
    // supersede them.
    if (m_session->shownFixedPoints(false) && !m_showFixedPoints->isChecked()) {
        const QSignalBlocker block(m_showFixedPoints);
        m_showFixedPoints->setChecked(true);
        m_fixedPointInput->setEnabled(true);
        m_timeControls->setEnabled(true);
        m_view->setLayerVisible(widgets::Layer::FixedPoints, true);
    }
    drawReduced();
}

std::optional<Session::ShownFixedPoints> StateSpacePanel::shownFixedPoints() const {
    return m_session->shownFixedPoints(m_showFixedPoints->isChecked());
}

void StateSpacePanel::onAnalysisChanged() {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const bool sameTask = analysis->task == m_shownTask && analysis->model->units() == m_shownUnits;
    // Another network has another state space: the camera is fitted to it. The same network
    // analysed again (a trial set, all frequencies) keeps the user's view.
    const bool sameNetwork = analysis->model == m_shownModel;
    m_shownTask = analysis->task;
    m_shownUnits = analysis->model->units();
    m_shownModel = analysis->model;
    {
        const QSignalBlocker block(m_allFrequencies);
        m_allFrequencies->setVisible(analysis->task == TaskKind::Swg);
    }
    fillFixedPointInputs();
    {
        const bool isTrialSet = analysis->task == TaskKind::Data;
        const QSignalBlocker a(m_fixedPointTime), b(m_phase);
        m_timeControls->setVisible(isTrialSet);
        m_fixedPointTime->setRange(1, std::max(1, analysis->batch().steps));
        m_fixedPointTime->setValue(m_session->selection().fixedPointTime);
        m_phase->clear();
        for (const Phase& p : analysis->batch().phases)
            m_phase->addItem(QString::fromStdString(p.name));
        m_phase->setVisible(!analysis->batch().phases.empty());
        showPhaseOf(m_fixedPointTime->value());
        m_fixedPointInput->setToolTip(
            isTrialSet ? tr("The condition whose input, at the time beside, the fixed points of "
                            "the reduced-rank network are searched under")
                       : tr("The constant input under which the fixed points of the reduced-rank "
                            "network are searched (ctxt: the context input alone, without sensory "
                            "input)"));
    }
    {
        const QSignalBlocker block(m_timeSlider);
        m_timeSlider->setRange(0, std::max(0, m_session->timeSteps() - 1));
        m_timeSlider->setValue(m_session->timeStep());
        // Ticks at the sampling times when they are evenly spaced (the paper's tasks).
        const auto times = defaultSamplingTimes(analysis->batch());
        const int spacing = times.size() >= 3 ? times[2] - times[1] : 0;
        m_timeSlider->setTickInterval(
            std::max(1, spacing > 0 ? spacing : analysis->batch().steps / 10));
    }
    rebuildAxisChoices();
    redrawAll(!sameTask || !sameNetwork);
}

void StateSpacePanel::setPlaybackSpeed(double speed) {
    const int index = m_speed->findData(speed);
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}

void StateSpacePanel::setPlaybackLoop(bool loop) {
    m_loop->setChecked(loop);
}

void StateSpacePanel::setPlaybackControlsVisible(bool visible) {
    m_playRow->setVisible(visible);
}

void StateSpacePanel::setTimeShown(bool shown) {
    if (shown == m_timeShown)
        return;
    m_timeShown = shown;
    if (!shown)
        m_playback->pause();
    drawReduced(); // the legend's note on the time markers, and the markers
    drawTime();
    emit timeShownChanged(shown);
}

void StateSpacePanel::onTimeChanged(int step) {
    {
        const QSignalBlocker block(m_timeSlider);
        m_timeSlider->setValue(step);
    }
    drawTime();
}

QString StateSpacePanel::timeCaption(int step) const {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return {};
    const double dt = analysis->model->dt;
    QString text = tr("t = %1 s").arg(QLocale().toString((step + 1) * dt, 'f', dt < 0.01 ? 3 : 2));
    QString phase;
    for (const Phase& p : inputPhases(analysis->batch()))
        if (p.start <= step)
            phase = phaseTitle(p.name);
    return phase.isEmpty() ? text : tr("%1 · %2").arg(text, phase);
}

QVector<widgets::Marker3D> StateSpacePanel::timeMarkers(int step) const {
    QVector<widgets::Marker3D> markers;
    const auto analysis = m_session->analysis();
    if (!analysis || m_axes.rows() != analysis->model->units())
        return markers;
    const ModelAnalysis& a = *analysis;
    const int k = a.conditions.count();
    auto add = [&](const std::vector<Eigen::MatrixXd>& averages, double size) {
        if (static_cast<int>(averages.size()) != k)
            return;
        for (int c = 0; c < k; ++c) {
            const Eigen::MatrixXd& avg = averages[static_cast<std::size_t>(c)];
            if (step >= avg.cols())
                continue;
            widgets::Marker3D m;
            m.position = projectVector(avg.col(step) - m_center);
            m.color = widgets::conditionColor(c, k);
            m.size = size;
            markers.append(m);
        }
    };
    add(a.reference.run.averages, 2.2);
    if (const auto result = m_session->result(); result && m_showReduced->isChecked())
        add(result->run.averages, 1.7);
    return markers;
}

void StateSpacePanel::drawTime() {
    const int step = m_session->timeStep();
    const QString caption = m_session->analysis() ? timeCaption(step) : QString();
    m_timeLabel->setText(caption);
    if (!m_timeShown) {
        if (!m_view->caption().isEmpty())
            m_view->setCaption(QString());
        m_view->setTimeMarkers({});
        return;
    }
    m_view->setTimeMarkers(timeMarkers(step));
    m_view->setCaption(caption);
}

void StateSpacePanel::rebuildAxisChoices() {
    const QString current = m_axesSource->currentData().toString();
    const QSignalBlocker block(m_axesSource);
    m_axesSource->clear();
    m_axesSource->addItem(tr("PCs of the activity"), QString::fromLatin1(kActivityKey));
    auto add = [this](const NamedBasis& b) {
        m_axesSource->addItem(basisTitle(b.name), QString::fromStdString(b.key));
    };
    for (const NamedBasis& b : m_session->bases())
        add(b);
    const int index = m_axesSource->findData(current);
    m_axesSource->setCurrentIndex(std::max(0, index));
    const int n = m_session->analysis() ? m_session->analysis()->model->units() : 1;
    for (QSpinBox* box : m_axis) {
        const QSignalBlocker b(box);
        box->setRange(1, n);
    }
}

QVector<QVector3D> StateSpacePanel::projectPath(const Eigen::MatrixXd& states) const {
    const Eigen::MatrixXd p = projectStates(states, m_axes, m_center);
    // About 350 points per line look the same as 1400 and keep redraws during live ablation cheap;
    // the last state is always kept.
    const Eigen::Index stride = std::max<Eigen::Index>(1, p.cols() / 350);
    QVector<QVector3D> out;
    out.reserve(static_cast<int>(p.cols() / stride + 2));
    for (Eigen::Index t = 0; t < p.cols(); t += stride)
        out.append(QVector3D(static_cast<float>(p(0, t)), static_cast<float>(p(1, t)),
                             static_cast<float>(p(2, t))));
    if ((p.cols() - 1) % stride != 0)
        out.append(QVector3D(static_cast<float>(p(0, p.cols() - 1)),
                             static_cast<float>(p(1, p.cols() - 1)),
                             static_cast<float>(p(2, p.cols() - 1))));
    return out;
}

QVector3D StateSpacePanel::projectVector(const Eigen::VectorXd& v) const {
    const Eigen::Vector3d p = m_axes.transpose() * v;
    return QVector3D(static_cast<float>(p(0)), static_cast<float>(p(1)), static_cast<float>(p(2)));
}

double StateSpacePanel::sceneExtent() const {
    Eigen::Vector3d lo = Eigen::Vector3d::Constant(1e300), hi = -lo;
    for (const Eigen::MatrixXd& avg : m_session->analysis()->reference.run.averages) {
        const Eigen::MatrixXd p = projectStates(avg, m_axes, m_center);
        lo = lo.cwiseMin(p.rowwise().minCoeff());
        hi = hi.cwiseMax(p.rowwise().maxCoeff());
    }
    const double d = (hi - lo).norm();
    return d > 0 && std::isfinite(d) ? d : 1.0;
}

void StateSpacePanel::redrawAll(bool resetCamera) {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return;
    const ModelAnalysis& a = *analysis;
    const std::string key = m_axesSource->currentData().toString().toStdString();
    const Eigen::MatrixXd* source = &a.reference.pcs;
    QString prefix = tr("activity PC %1");
    if (const NamedBasis* b = m_session->basis(key)) {
        source = &b->basis->Q;
        prefix = tr("%1 %2").arg(basisShortTitle(b->name), QStringLiteral("%1"));
    }
    m_axes.resize(a.model->units(), 3);
    QString labels[3];
    for (int i = 0; i < 3; ++i) {
        const int col = std::min<int>(m_axis[i]->value(), static_cast<int>(source->cols())) - 1;
        m_axes.col(i) = source->col(col);
        labels[i] = prefix.arg(col + 1);
    }
    m_center = a.reference.mean;
    m_extent = sceneExtent();
    m_view->setAxisLabels(labels[0], labels[1], labels[2]);

    QVector<widgets::LegendEntry> legend;
    const int k = a.conditions.count();
    for (int c = 0; c < k; ++c)
        // Up to 12 entries stay readable; beyond that the colour ramp speaks for itself.
        if (k <= 12 || c == 0 || c == k - 1)
            legend.append(
                {conditionTitle(a.task, a.conditions.conditions[static_cast<std::size_t>(c)]),
                 widgets::conditionColor(c, k)});
    m_footerRemoves = m_session->selection().remove;
    legend.append({footerText(m_footerRemoves), QColor(Qt::black), true});
    m_legend = legend; // drawReduced adds the notes on glyphs and arrows

    QVector<widgets::Marker3D> markers;
    for (const SamplingLocation& s : a.locations) {
        widgets::Marker3D m;
        m.position = projectVector(s.x - m_center);
        // A sampling location takes the colour of its condition's trajectory.
        m.color =
            widgets::conditionColor(std::max(0, indexOf(a.conditions.conditions, s.condition)), k);
        m.size = 0.8;
        markers.append(m);
    }
    m_view->setSamplingLocations(markers);
    drawReduced();
    if (resetCamera)
        m_view->resetCamera();
}

QString StateSpacePanel::footerText(bool removes) const {
    return removes ? tr("solid: full network, dashed: W with the ticked dimensions removed")
                   : tr("solid: full network, dashed: reduced-rank network");
}

void StateSpacePanel::drawReduced() {
    const auto analysis = m_session->analysis();
    if (!analysis || m_axes.rows() != analysis->model->units())
        return;
    // The note says what the dashed lines are: kept or removed dimensions.
    if (const auto shown = m_session->result();
        shown && shown->remove != m_footerRemoves && !m_legend.isEmpty()) {
        m_footerRemoves = shown->remove;
        m_legend.last().text = footerText(m_footerRemoves);
    }
    const ModelAnalysis& a = *analysis;
    const auto result = m_session->result();
    const int k = a.conditions.count();
    QVector<widgets::Polyline3D> full, reduced;
    for (int c = 0; c < k; ++c) {
        widgets::Polyline3D line;
        line.label = conditionTitle(a.task, a.conditions.conditions[static_cast<std::size_t>(c)]);
        line.color = widgets::conditionColor(c, k);
        line.points = projectPath(a.reference.run.averages[static_cast<std::size_t>(c)]);
        full.append(line);
        if (result && static_cast<int>(result->run.averages.size()) == k) {
            line.points = projectPath(result->run.averages[static_cast<std::size_t>(c)]);
            line.dashed = true;
            reduced.append(line);
        }
    }
    m_view->setTrajectories(full, reduced);

    QVector<widgets::Arrow3D> arrows;
    if (m_showFlow->isChecked()) {
        // The recurrent contribution alpha W r_s of one step (core's recurrentFlow), scaled so
        // that the longest arrow of the full network spans a tenth of the scene.
        const Eigen::MatrixXd& fullFlow = a.locationFlow;
        double longest = 0.0;
        for (Eigen::Index s = 0; s < fullFlow.cols(); ++s)
            longest = std::max<double>(longest, projectVector(fullFlow.col(s)).length());
        const double scale = longest > 0 ? 0.1 * m_extent / longest : 1.0;
        auto addArrows = [&](const Eigen::MatrixXd& flow, QColor color) {
            for (Eigen::Index s = 0; s < flow.cols(); ++s)
                arrows.append({projectVector(a.locationStates.col(s) - m_center),
                               projectVector(flow.col(s)) * static_cast<float>(scale), color});
        };
        addArrows(fullFlow, kFullArrowColor);
        if (result)
            addArrows(result->locationFlow, kReducedArrowColor);
    }
    // Clearing what is already empty would still rebuild the scene.
    if (!arrows.isEmpty() || m_arrowsShown)
        m_view->setFlowArrows(arrows);
    m_arrowsShown = !arrows.isEmpty();

    QVector<widgets::FixedPointGlyph> glyphs;
    const auto shown = m_session->shownFixedPoints(true);
    const FixedPointResult* points = shown ? shown->points.get() : nullptr;
    if (points) {
        const double length = 0.05 * m_extent;
        for (const FixedPoint& p : points->points) {
            widgets::FixedPointGlyph g;
            g.position = projectVector(p.x - m_center);
            g.stability = toWidget(p.linear.stability);
            for (const Eigen::VectorXd* d : {&p.linear.slowDirection, &p.linear.unstableDirection})
                if (d->size() == a.model->units()) {
                    const QVector3D v = projectVector(*d);
                    // A direction nearly orthogonal to the view's axes would be a dot.
                    g.directions.append(
                        v.length() > 1e-9
                            ? v * static_cast<float>(length / v.length()) *
                                  static_cast<float>(std::min(1.0, static_cast<double>(v.length())))
                            : v);
                }
            glyphs.append(g);
        }
    }
    if (!glyphs.isEmpty() || m_glyphsShown)
        m_view->setFixedPoints(glyphs);
    // Which glyph and which arrow is which: one note per stability class drawn and per arrow
    // colour, above the line-style note.
    QVector<widgets::LegendEntry> legend = m_legend;
    int at = legend.isEmpty() ? 0 : static_cast<int>(legend.size()) - 1;
    int present = 0;
    for (const widgets::FixedPointGlyph& g : glyphs)
        present |= 1 << static_cast<int>(g.stability);
    const std::pair<widgets::Stability, QString> classes[] = {
        {widgets::Stability::Stable, tr("stable fixed point (sphere)")},
        {widgets::Stability::Marginal, tr("marginally stable fixed point (sphere)")},
        {widgets::Stability::Saddle, tr("saddle point (cube)")},
        {widgets::Stability::Unstable, tr("unstable fixed point (cube)")}};
    for (const auto& [stability, text] : classes)
        if (present & (1 << static_cast<int>(stability)))
            legend.insert(at++, {text, widgets::stabilityColor(stability), true});
    // A search that found nothing is a result too, and says so.
    if (points && points->points.empty())
        legend.insert(at++, {tr("no fixed points found under %1").arg(shown->input.label),
                             QColor(110, 110, 110), true});
    if (m_showLocations->isChecked() && !a.locations.empty())
        legend.insert(at++, {tr("small dots: sampling locations (where the local operative "
                                "dimensions are computed)"),
                             QColor(110, 110, 110), true});
    if (m_timeShown)
        legend.insert(at++, {tr("large dots: the states at the time shown (top left)"),
                             QColor(110, 110, 110), true});
    if (!arrows.isEmpty()) {
        legend.insert(at++, {tr("grey arrows: recurrent input (dt/tau) W tanh(x) at the "
                                "sampling locations, full network"),
                             kFullArrowColor, true});
        if (result)
            legend.insert(at++, {m_footerRemoves
                                     ? tr("red arrows: the same with the ticked dimensions removed")
                                     : tr("red arrows: the same for the reduced-rank network"),
                                 kReducedArrowColor, true});
    }
    if (!sameLegend(legend, m_view->legend()))
        m_view->setLegend(legend);
    m_glyphsShown = !glyphs.isEmpty();
    if (m_timeShown)
        drawTime();
}

} // namespace opdims::explorer
