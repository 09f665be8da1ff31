// MainWindow: docks around the 3D view; results of live ablation are drawn newest-first.
#include "app/explorer/main_window.h"

#include "app/explorer/ablation_controller.h"
#include "app/explorer/ablation_panel.h"
#include "app/explorer/angles_dialog.h"
#include "app/explorer/compare_window.h"
#include "app/explorer/figure_dialog.h"
#include "app/explorer/file_controller.h"
#include "app/explorer/fixed_point_panel.h"
#include "app/explorer/help.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/job_status_widget.h"
#include "app/explorer/labels.h"
#include "app/explorer/language.h"
#include "app/explorer/lesson.h"
#include "app/explorer/lesson_controller.h"
#include "app/explorer/lesson_panel.h"
#include "app/explorer/model_panel.h"
#include "app/explorer/movie_dialog.h"
#include "app/explorer/network_picker_dialog.h"
#include "app/explorer/output_panel.h"
#include "app/explorer/playback.h"
#include "app/explorer/presentation.h"
#include "app/explorer/session.h"
#include "app/explorer/side_by_side.h"
#include "app/explorer/state_space_panel.h"
#include "app/explorer/sweep_panel.h"
#include "app/explorer/train_dialog.h"
#include "app/explorer/trial_set_controller.h"
#include "app/explorer/variance_panel.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/global_dims.h"
#include "core/analysis/local_io.h"
#include "core/base/parallel.h"
#include "core/fixed_points/io.h"
#include "core/model/io.h"
#include "core/simulation/condition_effects.h"
#include "widgets/dimension_list.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <map>
#include <optional>

namespace opdims::explorer {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new Session(this)), m_ablation(new AblationController(this)),
      m_jobs(new JobRunner(this)), m_files(new FileController(this)),
      m_trials(new TrialSetController(m_session, this)) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opdims-explorer.svg")));
    m_stateSpace = new StateSpacePanel(m_session, this);
    setCentralWidget(m_stateSpace);
    createDocks();
    createMenus();
    statusBar()->addPermanentWidget(new JobStatusWidget(m_jobs, this));
    resize(1400, 900);

    connect(m_files, &FileController::opened, this, &MainWindow::openModel);
    connect(m_files, &FileController::error, this, &MainWindow::showError);
    connect(m_trials, &TrialSetController::analyse, this, &MainWindow::analyseOn);
    connect(m_trials, &TrialSetController::openWith, this, &MainWindow::openModelWith);
    connect(m_trials, &TrialSetController::error, this, &MainWindow::showError);
    connect(m_files, &FileController::saved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    });
    connect(m_ablation, &AblationController::analysisReady, this, &MainWindow::onAnalysisReady);
    connect(m_ablation, &AblationController::analysisFailed, this, [this](const QString& message) {
        // The views still show the previous analysis, if any: so does the model panel.
        if (const auto shown = m_session->analysis())
            m_modelPanel->setFullCost(shown->reference.run.cost);
        showError(tr("Cannot analyse the network"), message);
    });
    connect(m_ablation, &AblationController::resultReady, this, &MainWindow::onResult);
    connect(m_ablation, &AblationController::requestFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Ablation failed: %1").arg(message), 8000);
    });
    connect(m_ablation, &AblationController::busyChanged, m_ablationPanel, &AblationPanel::setBusy);
    connect(m_session, &Session::selectionChanged, this, &MainWindow::requestAblation);
    connect(m_ablationPanel, &AblationPanel::rowBasesWanted, this, &MainWindow::startRowDimensions);
    connect(m_stateSpace, &StateSpacePanel::allFrequenciesToggled, this, [this](bool all) {
        if (m_session->network().model)
            m_ablation->prepare(m_session->network().model, m_session->trialSet(), all);
    });
    connect(m_stateSpace, &StateSpacePanel::savePngRequested, this, &MainWindow::exportView);
    connect(m_stateSpace, &StateSpacePanel::timeShownChanged, m_output,
            &OutputPanel::setTimeCursorShown);
    // Time playback yields to live ablation (see Playback::setHeld).
    connect(m_ablation, &AblationController::busyChanged, m_stateSpace->playback(),
            &Playback::setHeld);
    connect(m_sweep, &SweepPanel::sweepRequested, this, &MainWindow::startSweep);
    connect(m_jobs, &JobRunner::failed, this, [this](const QString& title, const QString& message) {
        m_jobMessage.clear();
        showError(tr("%1 failed").arg(title), message);
    });
    connect(m_jobs, &JobRunner::cancelled, this, [this](const QString& title) {
        m_jobMessage.clear();
        statusBar()->showMessage(tr("%1 cancelled").arg(title), 5000);
    });
    connect(m_jobs, &JobRunner::finished, this, [this](const QString& title, double seconds) {
        // What the job found stays in front of how long it took.
        const QString done = tr("%1 finished in %2 s").arg(title).arg(seconds, 0, 'f', 1);
        if (m_jobMessage.isEmpty())
            statusBar()->showMessage(done, 5000);
        else
            statusBar()->showMessage(tr("%1; %2").arg(m_jobMessage, done), 15000);
        m_jobMessage.clear();
    });
    readSettings();
    qApp->installEventFilter(this);
    m_paintFallback.setSingleShot(true);
    m_paintFallback.setInterval(250);
    connect(&m_paintFallback, &QTimer::timeout, this, &MainWindow::finishShowingResult);
    connect(m_stateSpace->view(), &widgets::StateSpaceView::frameShown, this,
            [this] { partShown(false); });
}

MainWindow::~MainWindow() {
    m_jobs->cancel();
    m_jobs->waitForFinished();
}

void MainWindow::createDocks() {
    auto addDock = [this](QWidget* w, const QString& title, const QString& name,
                          Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name); // saveState() needs a stable name per dock
        dock->setWidget(w);
        addDockWidget(area, dock);
        return dock;
    };
    m_modelPanel = new ModelPanel(this);
    m_ablationPanel = new AblationPanel(m_session, this);
    m_sweep = new SweepPanel(m_session, this);
    m_variance = new VariancePanel(m_session, this);
    m_output = new OutputPanel(m_session, this);
    m_fixedPoints = new FixedPointPanel(m_session, this);
    m_lossPlot = new widgets::PlotView(this);
    m_lossPlot->setTitle(tr("Training loss"));
    m_lossPlot->setAxisLabels(tr("iteration"), tr("loss"));
    m_lossPlot->setLogY(true);
    connect(m_session, &Session::trainingLogReset, this, [this] {
        widgets::PlotSeries loss;
        loss.name = tr("loss");
        loss.color = QColor(0, 114, 178);
        m_lossPlot->setSeries({loss});
    });
    connect(m_session, &Session::lossAppended, this,
            [this](double iteration, double loss) { m_lossPlot->appendPoint(0, iteration, loss); });
    // The panel's wrapped lines need more height than a narrow dock may give: scroll then.
    auto* modelScroll = new QScrollArea(this);
    modelScroll->setWidget(m_modelPanel);
    modelScroll->setWidgetResizable(true);
    modelScroll->setFrameShape(QFrame::NoFrame);
    auto* model =
        addDock(modelScroll, tr("Model"), QStringLiteral("modelDock"), Qt::LeftDockWidgetArea);
    auto* ablation = addDock(m_ablationPanel, tr("Live ablation"), QStringLiteral("ablationDock"),
                             Qt::LeftDockWidgetArea);
    auto* output = addDock(m_output, tr("Output vs target"), QStringLiteral("outputDock"),
                           Qt::BottomDockWidgetArea);
    auto* sweep =
        addDock(m_sweep, tr("Rank sweep"), QStringLiteral("sweepDock"), Qt::BottomDockWidgetArea);
    auto* variance = addDock(m_variance, tr("Variance explained"), QStringLiteral("varianceDock"),
                             Qt::BottomDockWidgetArea);
    auto* loss = addDock(m_lossPlot, tr("Training loss"), QStringLiteral("lossDock"),
                         Qt::BottomDockWidgetArea);
    auto* fixedPoints = addDock(m_fixedPoints, tr("Fixed points"), QStringLiteral("fixedPointDock"),
                                Qt::BottomDockWidgetArea);
    splitDockWidget(model, ablation, Qt::Vertical);
    tabifyDockWidget(output, sweep);
    tabifyDockWidget(sweep, variance);
    tabifyDockWidget(variance, loss);
    tabifyDockWidget(loss, fixedPoints);
    // The table comes to the front when fixed points appear, and follows the 3D view's glyphs
    // both ways: a selected row is highlighted there, a clicked glyph selects its row.
    auto bringForward = [fixedPoints] {
        fixedPoints->show();
        fixedPoints->raise();
    };
    connect(m_session, &Session::selectionChanged, this, [this, bringForward] {
        const bool wanted = m_session->selection().fixedPoints;
        if (wanted && !m_fixedPointsWanted)
            bringForward();
        m_fixedPointsWanted = wanted;
    });
    connect(m_session, &Session::fixedPointsChanged, this, bringForward);
    connect(m_fixedPoints, &FixedPointPanel::pointSelected, m_stateSpace->view(),
            &widgets::StateSpaceView::setHighlightedFixedPoint);
    connect(m_stateSpace->view(), &widgets::StateSpaceView::fixedPointPicked, this,
            [this, bringForward](int index) {
                bringForward();
                m_fixedPoints->selectPoint(index);
            });
    output->raise();
    m_lessonPanel = new LessonPanel(this);
    auto* lesson =
        addDock(m_lessonPanel, tr("Lesson"), QStringLiteral("lessonDock"), Qt::RightDockWidgetArea);
    lesson->hide(); // shown by a lesson, or by the offer on the first start
    m_lessons = new LessonController(this, m_lessonPanel);
    connect(m_lessonPanel, &LessonPanel::lessonRequested, this, &MainWindow::openShippedLesson);
    connect(m_lessonPanel, &LessonPanel::offerDeclined, lesson, &QDockWidget::hide);
    resizeDocks({model, ablation}, {300, 440}, Qt::Vertical);
    resizeDocks({model}, {380}, Qt::Horizontal);
    resizeDocks({output}, {300}, Qt::Vertical);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), m_files, &FileController::openWithDialog);
    open->setShortcut(QKeySequence::Open);
    QAction* openTrials =
        file->addAction(tr("Open &trials…"), m_trials, &TrialSetController::openWithDialog);
    openTrials->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_closeTrials = file->addAction(tr("Close tr&ials"), this, &MainWindow::closeTrials);
    m_closeTrials->setEnabled(false);
    connect(m_session, &Session::analysisChanged, this,
            [this] { m_closeTrials->setEnabled(m_session->trialSet() != nullptr); });
    file->addAction(tr("Open &local dimensions (authors' HDF5)…"), this,
                    &MainWindow::openLocalDimensionsWithDialog);
    file->addAction(tr("&Compare with a second network…"), this, &MainWindow::compareWithDialog);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_files->fillRecentMenu(m_recentMenu);
    connect(m_files, &FileController::recentFilesChanged, this,
            [this] { m_files->fillRecentMenu(m_recentMenu); });
    QMenu* defaults = file->addMenu(tr("Open &default network"));
    for (const TaskKind task : builtInTasks()) {
        QString title = taskTitle(task);
        title[0] = title[0].toUpper();
        if (authorsNetworkResource(task).isEmpty()) {
            defaults->addAction(title, this, [this, task] { openDefault(task); });
            continue;
        }
        defaults->addAction(tr("%1: the authors' network 1").arg(title), this,
                            [this, task] { openDefault(task); });
        defaults->addAction(tr("%1: trained by opdims").arg(title), this,
                            [this, task] { openDefault(task, true); });
    }
    file->addSeparator();
    QAction* save = file->addAction(tr("&Save"), this, [this] {
        if (!m_session->network().model)
            return;
        // Only our own format is written in place; anything else goes through Save As.
        if (!m_session->network().path.isEmpty() &&
            detectFormat(m_session->network().path.toStdString()) == FileFormat::Opdims)
            m_files->save(*m_session->network().model, m_session->network().path);
        else
            m_files->saveAs(*m_session->network().model,
                            QFileInfo(m_session->network().path).completeBaseName());
    });
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save &as…"), this, [this] {
        if (m_session->network().model)
            m_files->saveAs(*m_session->network().model,
                            QFileInfo(m_session->network().path).completeBaseName());
    });
    saveAs->setShortcut(QKeySequence::SaveAs);
    createExportMenu(file->addMenu(tr("&Export")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("PC &beside operative dimensions"), this, [this] {
        sideBySideWindow()->show();
        sideBySideWindow()->raise();
    });
    m_presentation = new Presentation(this, m_viewMenu);

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(tr("Compute operative &row dimensions"), this,
                        &MainWindow::startRowDimensions);
    analysis->addAction(tr("&Sweep k for the chosen basis"), this, &MainWindow::startSweep);
    analysis->addAction(tr("Find &fixed points thoroughly (%1 starts)").arg(kSearchStarts), this,
                        &MainWindow::startFixedPointSearch);
    analysis->addAction(tr("&Train a network…"), this, [this] { trainDialog()->show(); });
    analysis->addAction(tr("Principal &angles between bases…"), this, [this] {
        anglesDialog()->show();
        anglesDialog()->raise();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QMenu* lessons = help->addMenu(tr("&Lessons"));
    lessons->addAction(tr("Context-dependent integration"), this,
                       [this] { openShippedLesson(QStringLiteral("ctxt")); });
    lessons->addAction(tr("Sine wave generation"), this,
                       [this] { openShippedLesson(QStringLiteral("swg")); });
    lessons->addAction(tr("Open a lesson file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a lesson"), QString(),
                                                          tr("Lessons (*.json)"));
        if (!path.isEmpty())
            openLesson(path);
    });
    lessons->addSeparator();
    QAction* nextStep = lessons->addAction(tr("Next step"), m_lessons, &LessonController::next);
    nextStep->setShortcut(QKeySequence(Qt::Key_PageDown));
    QAction* previousStep =
        lessons->addAction(tr("Previous step"), m_lessons, &LessonController::back);
    previousStep->setShortcut(QKeySequence(Qt::Key_PageUp));
    lessons->addAction(tr("Return to this step"), m_lessons, &LessonController::reapply);
    help->addAction(tr("&Glossary"), this, [this] { showHelp(HelpTopic::Glossary); });
    help->addAction(tr("&Keyboard and mouse"), this, [this] { showHelp(HelpTopic::Shortcuts); });
    help->addAction(tr("&About opdims-explorer"), this, [this] { showHelp(HelpTopic::About); });

    QMenu* language = menuBar()->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const QString current = languageSetting();
    const std::pair<QString, QString> choices[] = {
        {QString(), tr("System language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")}};
    for (const auto& [code, name] : choices) {
        QAction* a = language->addAction(name, this, [this, code] { switchLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
    }
}

bool MainWindow::openLesson(const QString& path) {
    return m_lessons->open(path);
}

bool MainWindow::openShippedLesson(const QString& name) {
    return openLesson(shippedLessonPath(name, lessonLanguage()));
}

void MainWindow::offerLessonOnFirstStart() {
    QSettings settings;
    if (settings.value(QStringLiteral("lessons/offered")).toBool())
        return;
    settings.setValue(QStringLiteral("lessons/offered"), true);
    m_lessonPanel->showOffer();
    auto* dock = findChild<QDockWidget*>(QStringLiteral("lessonDock"));
    dock->show();
    dock->raise();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // A slider, list or text box would take Page Up / Down for itself: while a lesson is open the
    // keys belong to the lesson's shortcuts (an override not accepted lets them fire).
    // The presenter's keys work whichever widget has the focus (text boxes keep Space).
    if (event->type() == QEvent::ShortcutOverride && m_presentation &&
        m_presentation->claims(watched, static_cast<QKeyEvent*>(event))) {
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::ShortcutOverride && m_lessons && m_lessons->lesson()) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        auto* widget = qobject_cast<QWidget*>(watched);
        if ((key == Qt::Key_PageDown || key == Qt::Key_PageUp) && widget &&
            widget->window() == this) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showHelp(HelpTopic topic) {
    QMessageBox* box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setWindowTitle(topic == HelpTopic::About      ? tr("About opdims-explorer")
                        : topic == HelpTopic::Glossary ? tr("Glossary")
                                                       : tr("Keyboard and mouse"));
    box->setText(topic == HelpTopic::About      ? Help::about()
                 : topic == HelpTopic::Glossary ? Help::glossary()
                                                : Help::shortcuts());
    box->open(); // window-modal and non-blocking
}

void MainWindow::createExportMenu(QMenu* menu) {
    menu->addAction(tr("3D view as a figure (PNG)…"), this, &MainWindow::exportView);
    menu->addAction(tr("Movie of the 3D view…"), this, [this] {
        movieDialog()->show();
        movieDialog()->raise();
    });
    menu->addAction(tr("Fixed points shown (HDF5)…"), this, &MainWindow::exportFixedPoints);
    menu->addAction(tr("Current basis (NPZ or HDF5)…"), this, &MainWindow::exportBasis);
    menu->addAction(tr("Reduced network (opdims HDF5)…"), this, &MainWindow::exportReducedNetwork);
    const std::pair<widgets::PlotView*, QString> plots[] = {
        {m_sweep->costPlot(), tr("Cost vs k")},
        {m_sweep->distancePlot(), tr("State distance vs k")},
        {m_variance->plot(), tr("Variance explained")},
        {m_output->plot(), tr("Output vs target")},
        {m_lossPlot, tr("Training loss")}};
    for (const auto& [plot, name] : plots)
        menu->addAction(tr("%1 as a figure (PDF, SVG, PNG) or data (CSV)…").arg(name), this,
                        [this, plot, name] { exportPlot(plot, name); });
}

void MainWindow::exportView() {
    openFigureDialog(nullptr, tr("the 3D view"))->show();
}

void MainWindow::exportPlot(widgets::PlotView* plot, const QString& name) {
    openFigureDialog(plot, name)->show();
}

FigureDialog* MainWindow::openFigureDialog(widgets::PlotView* plot, const QString& name) {
    auto* dialog =
        new FigureDialog(m_session, plot ? nullptr : m_stateSpace->view(), plot, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

const OpenedModel& MainWindow::current() const {
    return m_session->network();
}

std::shared_ptr<const AblationResult> MainWindow::shownResult() const {
    return m_session->result();
}

void MainWindow::showError(const QString& title, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    // Messages name files and datasets such as /NetNr<i>: never interpret them as markup.
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal and non-blocking: background work and tests keep running
    emit errorShown(message);
}

void MainWindow::openDefault(TaskKind task, bool trained) {
    try {
        openModel(trained ? openTrainedDefaultModel(task) : openDefaultModel(task));
    } catch (const std::exception& e) {
        showError(tr("Cannot open the default network"), QString::fromStdString(e.what()));
    }
}

void MainWindow::openModel(const OpenedModel& opened) {
    openModelWith(opened, nullptr);
}

void MainWindow::openModelWith(const OpenedModel& opened, std::shared_ptr<const Batch> trials) {
    m_pending.reset();
    m_session->setNetwork(opened);
    m_modelPanel->setModel(opened);
    m_modelPanel->setTrialSet(trials);
    updateTitle();
    analyseOn(std::move(trials));
}

void MainWindow::openTrials(const QString& path) {
    m_trials->open(path);
}

void MainWindow::closeTrials() {
    if (m_session->trialSet())
        analyseOn(nullptr);
}

void MainWindow::analyseOn(std::shared_ptr<const Batch> trials) {
    if (!m_session->network().model)
        return;
    m_jobs->cancel(); // a job of the previous analysis would deliver stale results
    m_modelPanel->setComputing();
    statusBar()->showMessage(trials ? tr("Simulating the trial set…")
                                    : tr("Simulating the grid batch…"));
    // The views keep the previous analysis until the new one is ready.
    m_ablation->prepare(m_session->network().model, std::move(trials),
                        m_stateSpace->allFrequencies());
}

void MainWindow::updateTitle() {
    const QString name = m_session->network().model ? modelName(m_session->network()) : QString();
    const auto trials = m_session->trialSet();
    if (name.isEmpty())
        setWindowTitle(tr("opdims explorer"));
    else if (trials)
        setWindowTitle(
            tr("%1 on %2 – opdims explorer")
                .arg(name, QFileInfo(QString::fromStdString(trials->source)).fileName()));
    else
        setWindowTitle(tr("%1 – opdims explorer").arg(name));
}

void MainWindow::onAnalysisReady(std::shared_ptr<const ModelAnalysis> analysis) {
    m_modelPanel->setTrialSet(analysis->trialSet);
    m_modelPanel->setFullCost(analysis->reference.run.cost);
    // The panels observe the session; the ablation panel's change asks for the first result.
    m_session->setAnalysis(analysis);
    updateTitle();
    statusBar()->showMessage(tr("Analysed in %1 s").arg(analysis->seconds, 0, 'f', 2), 5000);
    emit analysisShown();
}

void MainWindow::requestAblation() {
    if (!m_session->analysis())
        return;
    const Session::Selection& choice = m_session->selection();
    const FixedPointInput* input = m_session->selectedFixedPointInput();
    m_ablation->request(m_session->selectedBasis(), choice.keep, choice.fixedPoints,
                        input ? input->problem.input : Eigen::VectorXd(), choice.remove);
    // The sweep's curves are for the leading k dimensions: the marker shows k only for such a
    // kept set (unticking dimension 1 of 8 is not k = 7).
    const std::vector<bool>& keep = choice.keep;
    const auto leading = std::find(keep.begin(), keep.end(), false);
    const bool isLeading = std::find(leading, keep.end(), true) == keep.end();
    m_sweep->setCurrentK(isLeading && !choice.remove
                             ? std::optional<int>(static_cast<int>(leading - keep.begin()))
                             : std::nullopt);
}

void MainWindow::onResult(std::shared_ptr<const AblationResult> result) {
    // Results queued behind each other are drawn once: only the newest survives the zero timer.
    const bool scheduled = m_pending != nullptr;
    m_pending = std::move(result);
    if (!scheduled)
        QTimer::singleShot(0, this, &MainWindow::applyPendingResult);
}

void MainWindow::applyPendingResult() {
    const std::shared_ptr<const AblationResult> r = std::move(m_pending);
    m_pending.reset();
    if (!r || r->analysis != m_session->analysis())
        return;
    m_session->setResult(r);
    if (r->fixedPoints) {
        // Searched points of this result, if any, have their own message.
        const auto drawn = m_session->shownFixedPoints(true);
        if (drawn && !drawn->searched)
            statusBar()->showMessage(
                tr("%1 (quick search from the sampling locations)")
                    .arg(fixedPointCountsText(drawn->input.label,
                                              countPoints(r->fixedPoints->points), r->remove)),
                10000);
    }
    m_modelPanel->setReduced(basisTitle(m_ablationPanel->currentKey()), r->kept, r->basis->size(),
                             r->run.cost, r->run.stateDistance);
    const ModelAnalysis& a = *m_session->analysis();
    m_ablationPanel->setNumbers(r->run.cost, r->run.stateDistance, a.reference.run.cost,
                                groupEffects(trialGroups(a.batch(), EffectLevel::Group),
                                             r->run.trialSquaredError, r->run.trialDistance,
                                             a.batch()));
    // The views have scheduled their paints: the window's next update paints the widgets, and
    // the 3D view draws its next frame in an event of its own. The result counts as shown when
    // both are over, so the recorded latency runs from the user's change to the new pixels.
    // Applying a result and painting it are separate events of the GUI thread, not one long one.
    finishShowingResult(); // an older result still waiting for its paint
    m_awaitingPaint = r;
    if (!isVisible() || isMinimized()) {
        finishShowingResult();
        return;
    }
    m_awaitingWindow = true;
    m_awaitingScene = m_stateSpace->view()->isVisible();
    m_paintFallback.start();
}

void MainWindow::partShown(bool window) {
    if (!m_awaitingPaint)
        return;
    (window ? m_awaitingWindow : m_awaitingScene) = false;
    if (!m_awaitingWindow && !m_awaitingScene)
        finishShowingResult();
}

void MainWindow::finishShowingResult() {
    if (!m_awaitingPaint)
        return;
    const std::shared_ptr<const AblationResult> r = std::move(m_awaitingPaint);
    m_awaitingPaint.reset();
    m_paintFallback.stop();
    m_ablation->viewsUpdated(*r);
    emit resultShown(r->generation);
}

bool MainWindow::event(QEvent* event) {
    const bool handled = QMainWindow::event(event);
    // Qt paints the window's widgets while it handles its update request (the 3D view draws in
    // an event of its own: StateSpaceView::frameShown).
    if (event->type() == QEvent::UpdateRequest)
        partShown(true);
    return handled;
}

bool MainWindow::startRowDimensions() {
    if (!m_session->analysis())
        return false;
    auto analysis = m_session->analysis();
    return m_jobs->start(tr("Operative row dimensions"),
                         [this, analysis](const Progress& progress) -> std::function<void()> {
                             auto bases = std::make_shared<std::vector<NamedBasis>>(
                                 operativeRowBases(*analysis, progress));
                             return [this, analysis, bases] {
                                 if (analysis != m_session->analysis())
                                     return;
                                 m_session->addBases(*bases);
                             };
                         });
}

bool MainWindow::startSweep() {
    if (!m_session->analysis())
        return false;
    const std::string key = m_ablationPanel->currentKey();
    const std::shared_ptr<const Basis> basis = m_ablationPanel->currentBasis();
    if (!basis)
        return false;
    auto analysis = m_session->analysis();
    return m_jobs->start(
        tr("Rank sweep (%1)").arg(basisShortTitle(key)),
        [this, analysis, basis, key](const Progress& progress) -> std::function<void()> {
            std::vector<int> ks{0};
            for (int k : allRanks(*basis))
                ks.push_back(k);
            auto sweep = std::make_shared<SweepResult>(
                // One core stays free for the GUI thread (and the ablation worker).
                rankSweep(*analysis->model, analysis->batch(), *basis, ks, progress,
                          std::max(1, defaultThreadCount() - 1)));
            return [this, analysis, sweep, key] {
                if (analysis == m_session->analysis())
                    m_session->addSweep(key, *sweep);
            };
        });
}

bool MainWindow::startFixedPointSearch() {
    const std::shared_ptr<const AblationResult> shown = m_session->result();
    const FixedPointInput* chosen = m_stateSpace->fixedPointInput();
    if (!m_session->analysis() || !shown || shown->analysis != m_session->analysis() || !chosen)
        return false;
    auto analysis = m_session->analysis();
    const FixedPointInput input = *chosen;
    return m_jobs->start(
        tr("Fixed points (%1)").arg(input.label),
        [this, analysis, shown, input](const Progress& progress) -> std::function<void()> {
            StartOptions starts;
            starts.count = kSearchStarts;
            starts.seed = 1;
            FixedPointOptions options;
            options.eigenvectors = false; // only the slow and unstable directions are drawn
            // A trial set's input starts from the set's trials, copied only now.
            auto points = std::make_shared<const FixedPointResult>(
                searchFixedPoints(*analysis->model, shown->W, withStarts(*analysis, input.problem),
                                  starts, options, progress.phase(0.0, 0.95)));
            // The full network's points they continue, for the fixed-point panel.
            auto full = std::make_shared<const FixedPointResult>(
                counterpartPoints(*analysis->model, input.problem.input, points->points, {},
                                  progress.phase(0.95, 0.05)));
            return [this, analysis, shown, points, full, input] {
                if (analysis != m_session->analysis())
                    return;
                // Drawn only while the network it was computed for is still the one shown.
                const auto now = m_session->result();
                if (now && now->generation == shown->generation)
                    m_session->setSearchedFixedPoints(shown->generation, points, input, full);
                m_jobMessage =
                    points->points.empty()
                        ? tr("No fixed or slow points found under %1 (%2 starts)")
                              .arg(input.label)
                              .arg(kSearchStarts)
                        : tr("%1 (thorough search, %2 starts)")
                              .arg(fixedPointCountsText(input.label, countPoints(points->points),
                                                        shown->remove))
                              .arg(kSearchStarts);
                emit fixedPointsSearched(points);
            };
        });
}

void MainWindow::openLocalDimensionsWithDialog() {
    if (!m_session->analysis()) {
        showError(tr("No network"), tr("Open a network first."));
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Open local operative dimensions"),
                                                      QString(), tr("HDF5 files (*.h5)"));
    if (path.isEmpty())
        return;
    const QStringList sides = {tr("columns"), tr("rows")};
    bool ok = false;
    const QString side = QInputDialog::getItem(
        this, tr("Local operative dimensions"),
        tr("The file does not say which side its dimensions are. They are:"), sides, 0, false, &ok);
    if (ok)
        openLocalDimensions(path, side == sides[1] ? Side::Rows : Side::Columns);
}

bool MainWindow::openLocalDimensions(const QString& path, Side side) {
    const auto analysis = m_session->analysis();
    if (!analysis)
        return false;
    try {
        const std::string file = path.toStdString();
        LocalFile local = readLocalDimensions(file, side);
        // With a trial set open the network is still one of its task.
        const TaskKind own = analysis->model->task;
        const TaskKind task = !analysis->trialSet ? analysis->task
                              : own == TaskKind::Unknown || own == TaskKind::Data
                                  ? guessTask(*analysis->model)
                                  : own;
        if (local.task != task)
            throw Error(file + ": the local dimensions are of the " +
                        std::string(taskName(local.task)) + " task, the network is " +
                        taskName(task));
        for (const LocalDimensions& l : local.locations)
            if (l.Q.rows() != analysis->model->units())
                throw Error(file + ": its dimensions have " + std::to_string(l.Q.rows()) +
                            " entries, the network has " +
                            std::to_string(analysis->model->units()) + " units");
        GlobalDimensions g = globalDimensions(local.locations, side, LocationFilter{});
        NamedBasis nb;
        nb.name = BasisName{BasisKind::File, side, LocationSubset::All, file};
        nb.key = "file:" + file;
        if (m_session->basis(nb.key))
            return true; // opened before: it is in the list already
        nb.varianceExplained = g.varianceExplained;
        g.basis.name = "operative " + std::string(sideName(side)) + " from " + file;
        nb.basis = std::make_shared<const Basis>(std::move(g.basis));
        m_session->addBases({nb});
        statusBar()->showMessage(tr("Added the operative dimensions of %1 (%2 sampling locations)")
                                     .arg(path)
                                     .arg(g.locations),
                                 8000);
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot open the local dimensions"), QString::fromStdString(e.what()));
        return false;
    }
}

MovieDialog* MainWindow::movieDialog() {
    if (!m_movie)
        m_movie = new MovieDialog(m_stateSpace, this);
    return m_movie;
}

SideBySideWindow* MainWindow::sideBySideWindow() {
    if (!m_sideBySide)
        m_sideBySide = new SideBySideWindow(this);
    return m_sideBySide;
}

CompareWindow* MainWindow::compareWindow() {
    if (!m_compare) {
        m_compare = new CompareWindow(this);
        if (m_angles)
            m_angles->setSecondSession(m_compare->session());
    }
    return m_compare;
}

bool MainWindow::compareWith(const QString& path, int net) {
    try {
        const OpenedModel opened = openModelFile(path, net);
        compareWindow()->compareWith(
            opened.model,
            QFileInfo(path).fileName() +
                (opened.net > 0 ? QStringLiteral(" #%1").arg(opened.net) : QString()));
        compareWindow()->show();
        compareWindow()->raise();
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot compare"), QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::compareWithDialog() {
    if (!m_session->analysis()) {
        showError(tr("No network"), tr("Open a network first."));
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with a second network"),
                                                      QString(), tr("Networks (*.h5 *.npz)"));
    if (path.isEmpty())
        return;
    int net = 1;
    try {
        if (detectFormat(path.toStdString()) == FileFormat::Authors) {
            net = NetworkPickerDialog::pick(this, path, authorsNetworks(path.toStdString()));
            if (net == 0)
                return;
        }
    } catch (const std::exception& e) {
        showError(tr("Cannot compare"), QString::fromStdString(e.what()));
        return;
    }
    compareWith(path, net);
}

AnglesDialog* MainWindow::anglesDialog() {
    if (!m_angles) {
        m_angles = new AnglesDialog(m_session, this);
        if (m_compare)
            m_angles->setSecondSession(m_compare->session());
    }
    return m_angles;
}

void MainWindow::exportBasis() {
    if (!m_session->selectedBasis()) {
        showError(tr("No basis to export"), tr("Open a network first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the current basis"),
        QString::fromStdString(m_ablationPanel->currentKey()).replace(':', '-') +
            QStringLiteral(".npz"),
        tr("Basis files (*.npz *.h5)"));
    if (!path.isEmpty())
        saveCurrentBasis(path);
}

bool MainWindow::saveCurrentBasis(const QString& path) {
    const auto basis = m_session->selectedBasis();
    if (!basis)
        return false;
    try {
        writeBasisFile(path.toStdString(), *basis);
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot export the basis"), QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::exportReducedNetwork() {
    if (!m_session->result()) {
        showError(tr("No reduced network to export"), tr("Open a network first."));
        return;
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the reduced network"),
                                     QStringLiteral("reduced.h5"), tr("HDF5 files (*.h5)"));
    if (!path.isEmpty())
        saveReducedNetwork(path);
}

bool MainWindow::saveReducedNetwork(const QString& path) {
    const auto result = m_session->result();
    if (!result || !m_session->analysis())
        return false;
    Model m = *m_session->analysis()->model;
    m.W = result->W;
    const QString what = tr("%1, %2 of %3 dimensions kept")
                             .arg(basisTitle(m_ablationPanel->currentKey()))
                             .arg(result->kept)
                             .arg(result->basis->size());
    m.provenance = "opdims-explorer: " + m_ablationPanel->currentKey() +
                   (result->remove ? ", ticked dimensions removed" : ", ticked dimensions kept") +
                   (m.provenance.empty() ? "" : "; before that: " + m.provenance);
    m.name = m.name + " (" + what.toStdString() + ")";
    try {
        saveModel(m, path.toStdString());
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot export the reduced network"), QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::exportFixedPoints() {
    if (!m_stateSpace->shownFixedPoints()) {
        showError(tr("No fixed points to export"),
                  tr("Tick \"Fixed points\" in the 3D view or run Analysis > Find fixed points "
                     "first."));
        return;
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the fixed points"),
                                     QStringLiteral("fixed-points.h5"), tr("HDF5 files (*.h5)"));
    if (!path.isEmpty())
        saveShownFixedPoints(path);
}

bool MainWindow::saveShownFixedPoints(const QString& path) {
    const auto shown = m_stateSpace->shownFixedPoints();
    const auto result = m_session->result();
    if (!shown || !result)
        return false;
    const FixedPointInput* input = &shown->input;
    FixedPointProvenance provenance;
    provenance.text = {{"model", m_session->network().path.toStdString()},
                       {"task", taskName(m_session->analysis()->task)},
                       {"basis", m_ablationPanel->currentKey()},
                       {"input", input->label.toStdString()}};
    provenance.numbers = {{"kept", static_cast<double>(result->kept)},
                          {"context", static_cast<double>(input->problem.condition.context)}};
    try {
        saveFixedPoints(path.toStdString(), *shown->points, input->problem.input, provenance);
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot export the fixed points"), QString::fromStdString(e.what()));
        return false;
    }
}

TrainDialog* MainWindow::trainDialog() {
    if (!m_train) {
        m_train = new TrainDialog(this);
        connect(m_train, &TrainDialog::trained, this,
                [this](const OpenedModel& opened) { openModel(opened); });
        connect(m_train, &TrainDialog::trainingStarted, m_session, &Session::startTrainingLog);
        connect(m_train, &TrainDialog::lossAppended, m_session, &Session::appendLoss);
    }
    return m_train;
}

void MainWindow::readSettings() {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    // A lesson is not reopened on the next start, so neither is its dock.
    findChild<QDockWidget*>(QStringLiteral("lessonDock"))->hide();
}

void MainWindow::writeSettings() {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    writeSettings();
    event->accept();
}

} // namespace opdims::explorer
