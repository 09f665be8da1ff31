// The main window: opens on the default network, draws it, and reports file errors as messages.
#include "app/explorer/ablation_controller.h"
#include "app/explorer/ablation_panel.h"
#include "app/explorer/angles_dialog.h"
#include "app/explorer/compare_window.h"
#include "app/explorer/file_controller.h"
#include "app/explorer/help.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/language.h"
#include "app/explorer/lesson_controller.h"
#include "app/explorer/lesson_panel.h"
#include "app/explorer/main_window.h"
#include "app/explorer/model_panel.h"
#include "app/explorer/network_picker_dialog.h"
#include "app/explorer/output_panel.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "app/explorer/sweep_panel.h"
#include "app/explorer/train_dialog.h"
#include "core/analysis/angles.h"
#include "core/analysis/basis.h"
#include "core/analysis/basis_file.h"
#include "core/analysis/sweep.h"
#include "core/base/error.h"
#include "core/files/h5.h"
#include "core/fixed_points/io.h"
#include "core/model/io.h"
#include "core/simulation/condition_effects.h"
#include "core/simulation/simulate.h"
#include "core/tasks/trial_set.h"
#include "testsupport.h"
#include "widgets/dimension_list.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"
#include "widgets/surface_format.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <limits>
#include <numbers>
#include <set>

using namespace opdims::explorer;

namespace {

// Distinct colours in an image: a view showing only its background has one or two.
int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// Closes the window-modal message box the window opened and returns its text.
// Two cameras that look the same (VTK renormalises the view-up vector in the last bits).
bool sameCamera(const opdims::widgets::StateSpaceView::CameraState& a,
                const opdims::widgets::StateSpaceView::CameraState& b) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(a.position[i] - b.position[i]) > 1e-9 ||
            std::abs(a.focalPoint[i] - b.focalPoint[i]) > 1e-9 ||
            std::abs(a.viewUp[i] - b.viewUp[i]) > 1e-9)
            return false;
    return std::abs(a.viewAngle - b.viewAngle) < 1e-9;
}

QString closeMessageBox(QWidget* window) {
    const auto boxes = window->findChildren<QMessageBox*>();
    if (boxes.isEmpty())
        return {};
    QMessageBox* box = boxes.last();
    const QString text = box->text();
    box->close();
    return text;
}

// The status bar's counts, counted here from the points themselves.
QString countsOf(const std::vector<opdims::FixedPoint>& points) {
    int stable = 0, marginal = 0, saddle = 0, unstable = 0, slow = 0;
    for (const opdims::FixedPoint& p : points) {
        if (p.kind == opdims::PointKind::Slow)
            ++slow;
        else if (p.linear.stability == opdims::Stability::Stable)
            ++stable;
        else if (p.linear.stability == opdims::Stability::Marginal)
            ++marginal;
        else if (p.linear.stability == opdims::Stability::Saddle)
            ++saddle;
        else
            ++unstable;
    }
    return QStringLiteral("%1 stable, %2 saddles, %3 marginal, %4 unstable; %5 slow points")
        .arg(stable)
        .arg(saddle)
        .arg(marginal)
        .arg(unstable)
        .arg(slow);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        opdims::widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings().clear();
    }

    void opensOnDefaultNetwork_andDrawsIt() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        QVERIFY(w.current().model);
        QCOMPARE(w.current().model->task, opdims::TaskKind::Ctxt);
        const QString summary = w.modelPanel()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("100 units")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("computing")), qPrintable(summary));
        // Every dimension kept at first, or the remembered k: the reduced cost is finite.
        QVERIFY(std::isfinite(w.shownResult()->run.cost));
        const QImage image = w.stateSpace()->view()->renderImage();
        QVERIFY(!image.isNull());
        QVERIFY2(distinctColours(image) > 20, "the 3D view shows only its background");
    }

    void modelPanel_showsEveryWrappedLineWhole() {
        // A word-wrapped label in the scrolled Model panel must get the height its wrapped text
        // needs at the width it has, at any width of the dock.
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        for (int width : {0, 520, 420}) {
            if (width > 0)
                w.resizeDocks({w.findChild<QDockWidget*>(QStringLiteral("modelDock"))}, {width},
                              Qt::Horizontal);
            QTest::qWait(50);
            for (QLabel* label : w.modelPanel()->findChildren<QLabel*>()) {
                if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty())
                    continue;
                QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                         qPrintable(QStringLiteral("%1 px wide: %2 px of %3 for \"%4\"")
                                        .arg(label->width())
                                        .arg(label->height())
                                        .arg(label->heightForWidth(label->width()))
                                        .arg(label->text())));
            }
        }
    }

    void sweepMarker_onlyForTheLeadingK() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRank(8);
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.sweepPanel()->costPlot()->markerX(), std::optional<double>(8.0));
        // Unticking dimension 1 keeps 2..8: not the leading 7 the curves are for.
        QVector<bool> kept = w.ablationPanel()->dimensionList()->kept();
        QVERIFY(kept[0] && kept[7] && !kept[8]);
        kept[0] = false;
        w.ablationPanel()->dimensionList()->setKept(kept);
        QVERIFY(shown.wait(60000));
        QVERIFY(!w.sweepPanel()->costPlot()->markerX().has_value());
        QVERIFY(!w.sweepPanel()->distancePlot()->markerX().has_value());
        w.ablationPanel()->setRank(5);
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.sweepPanel()->costPlot()->markerX(), std::optional<double>(5.0));
    }

    void sweepPlot_showsTheFullCost_andTheLiveNetwork() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRank(8);
        QVERIFY(shown.wait(60000));
        const double full = w.session()->analysis()->reference.run.cost;
        const opdims::widgets::PlotSeries* reference = nullptr;
        for (const auto& s : w.sweepPanel()->costPlot()->series())
            if (s.name == SweepPanel::fullNetworkName())
                reference = &s;
        QVERIFY2(reference, "the cost plot has no line at the full network's cost");
        QVERIFY(!reference->y.isEmpty());
        for (double y : reference->y)
            QCOMPARE(y, full);
        QCOMPARE(w.sweepPanel()->costPlot()->markerPoint(),
                 std::optional<QPointF>(QPointF(8.0, w.shownResult()->run.cost)));
        // It follows the slider, and a sweep keeps the reference line.
        w.ablationPanel()->setRank(3);
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.sweepPanel()->costPlot()->markerPoint(),
                 std::optional<QPointF>(QPointF(3.0, w.shownResult()->run.cost)));
        QSignalSpy finished(w.jobs(), &JobRunner::finished);
        QVERIFY(w.startSweep());
        QVERIFY(finished.wait(120000));
        const auto& series = w.sweepPanel()->costPlot()->series();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series.last().name, SweepPanel::fullNetworkName());
        QCOMPARE(series.last().y.first(), full);
        QCOMPARE(w.sweepPanel()->costPlot()->markerPoint()->x(), 3.0);
    }

    void flowArrows_legendSaysWhichColourIsWhich() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        auto arrowNotes = [&w] {
            QVector<opdims::widgets::LegendEntry> notes;
            for (const auto& e : w.stateSpace()->view()->legend())
                if (e.text.contains(QStringLiteral("arrows")))
                    notes.append(e);
            return notes;
        };
        QVERIFY(arrowNotes().isEmpty());
        w.stateSpace()->setFlowArrowsShown(true);
        auto notes = arrowNotes();
        QCOMPARE(notes.size(), 2);
        QVERIFY(notes[0].footer && notes[1].footer);
        QVERIFY2(notes[0].text.contains(QStringLiteral("full network")), qPrintable(notes[0].text));
        QCOMPARE(notes[0].color, QColor(60, 60, 60));
        QVERIFY2(notes[1].text.contains(QStringLiteral("reduced-rank network")),
                 qPrintable(notes[1].text));
        QCOMPARE(notes[1].color, QColor(200, 30, 30));
        // Above the line-style note, which stays last.
        QVERIFY(w.stateSpace()->view()->legend().last().text.startsWith(QStringLiteral("solid")));
        w.stateSpace()->setFlowArrowsShown(false);
        QVERIFY(arrowNotes().isEmpty());
    }

    void ctrlO_opensTheFileDialog_whateverHasFocus_data() {
        QTest::addColumn<int>("unused");
        QTest::newRow("docked") << 0;
        QTest::newRow("floating dock") << 0;
    }

    void ctrlO_opensTheFileDialog_whateverHasFocus() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        // No window manager under Xvfb: activate the window as one would.
        w.activateWindow();
        QApplication::setActiveWindow(&w);
        QTRY_VERIFY(w.isActiveWindow());
        auto* rank = w.ablationPanel()->findChild<QSpinBox*>();
        QVERIFY(rank);
        rank->setFocus();
        QTRY_VERIFY(rank->hasFocus());
        const int before = rank->value();
        bool dialogShown = false;
        if (QTest::currentDataTag() == QByteArray("floating dock")) {
            // A floating dock is a window of its own: the shortcuts must reach it too.
            auto* dock = w.findChild<QDockWidget*>(QStringLiteral("ablationDock"));
            QVERIFY(dock);
            dock->setFloating(true);
            dock->activateWindow();
            QApplication::setActiveWindow(dock);
            QTRY_VERIFY(dock->isActiveWindow());
            rank->setFocus();
            QTRY_VERIFY(rank->hasFocus());
        }
        // The dialog is modal: look for it from the event loop and close it.
        QTimer::singleShot(500, [&] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                dialogShown = qobject_cast<QFileDialog*>(modal) != nullptr;
                modal->close();
            }
        });
        QTest::keyClick(rank, Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(dialogShown, 20000);
        QCOMPARE(rank->value(), before);
    }

    void fixedPointSearch_thatFindsNothing_saysSo() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        const auto inputs = w.session()->fixedPointInputs();
        QVERIFY(!inputs.empty());
        w.session()->setSearchedFixedPoints(w.shownResult()->generation,
                                            std::make_shared<const opdims::FixedPointResult>(),
                                            inputs.front());
        bool said = false;
        for (const auto& e : w.stateSpace()->view()->legend())
            said = said || (e.text.contains(QStringLiteral("no fixed points found")) &&
                            e.text.contains(inputs.front().label));
        QVERIFY2(said, "the legend does not say that the search found nothing");
    }

    void quickFixedPoints_statusBarCountsEachClass() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRank(20);
        QVERIFY(shown.wait(60000));
        w.stateSpace()->setFixedPointsShown(true);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownResult()->fixedPoints.has_value(), 60000);
        const auto result = w.shownResult();
        QVERIFY(!result->fixedPoints->points.empty());
        const QString message = w.statusBar()->currentMessage();
        QVERIFY2(
            message.contains(QStringLiteral("Fixed points of the reduced-rank network under ") +
                             w.stateSpace()->fixedPointInput()->label),
            qPrintable(message));
        QVERIFY2(message.contains(countsOf(result->fixedPoints->points)), qPrintable(message));
    }

    void removeMode_removesTheTickedDimensions_andShowsEachContext() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRank(10);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRemoving(true);
        QVERIFY(shown.wait(60000));
        QVERIFY(w.session()->selection().remove);
        const auto r = w.shownResult();
        QVERIFY(r->remove);
        const opdims::Model& m = *w.current().model;
        const Eigen::MatrixXd expected =
            opdims::removeSelectedDimensions(m.W, *r->basis, w.session()->selection().keep);
        QVERIFY((r->W - expected).norm() == 0.0);
        QCOMPARE(r->kept, r->basis->size() - 10);
        const QString numbers = w.ablationPanel()->numbersText();
        QVERIFY2(numbers.contains(QStringLiteral("context 1: cost")) &&
                     numbers.contains(QStringLiteral("context 2: cost")),
                 qPrintable(numbers));
        // The 3D view's note says what the dashed lines are now.
        bool noted = false;
        for (const auto& e : w.stateSpace()->view()->legend())
            noted = noted || e.text.contains(QStringLiteral("ticked dimensions removed"));
        QVERIFY(noted);
        // The marker of the (keeping) sweep is hidden while removing.
        QVERIFY(!w.sweepPanel()->costPlot()->markerX().has_value());
    }

    void exports_basisAndReducedNetwork_roundTrip() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRank(7);
        QVERIFY(shown.wait(60000));
        QTemporaryDir dir;
        const QString basisFile = dir.filePath(QStringLiteral("basis.npz"));
        QVERIFY(w.saveCurrentBasis(basisFile));
        const auto basis = w.session()->selectedBasis();
        const opdims::Basis back =
            opdims::readBasisFile(basisFile.toStdString(), basis->units(), basis->side);
        QVERIFY(back.Q == basis->Q);
        const QString netFile = dir.filePath(QStringLiteral("reduced.h5"));
        QVERIFY(w.saveReducedNetwork(netFile));
        const opdims::Model m = opdims::loadModel(netFile.toStdString());
        QVERIFY(m.W == w.shownResult()->W);
        // The file's cost is the cost the app shows, bit for bit.
        QCOMPARE(opdims::evaluateCost(m, m.W, opdims::makeGridBatch(opdims::TaskKind::Ctxt, m.dt)),
                 w.shownResult()->run.cost);
    }

    void anglesDialog_showsThePrincipalAnglesOfTwoBases() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        AnglesDialog* d = w.anglesDialog();
        d->show();
        const std::string a = "op-columns:ctxt1", b = "op-columns:ctxt2";
        QVERIFY(w.session()->basis(a) && w.session()->basis(b));
        d->choose(a, b, 5);
        const Eigen::VectorXd expected =
            opdims::principalAngles(w.session()->basis(a)->basis->Q.leftCols(5),
                                    w.session()->basis(b)->basis->Q.leftCols(5)) *
            (180.0 / std::numbers::pi);
        QCOMPARE(static_cast<int>(d->angles().size()), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(d->angles()[static_cast<std::size_t>(i)], expected(i));
        QCOMPARE(d->plot()->series().size(), 1);
        QCOMPARE(d->plot()->series()[0].y.size(), 5);
        d->grab().save(QDir::temp().filePath(QStringLiteral("opdims-angles-dialog.png")));
        // A basis against itself: every angle is (numerically) zero.
        d->choose(a, a, 5);
        for (double angle : d->angles())
            QVERIFY(angle < 1e-5);
    }

    void authorsLocalDimensions_openAsABasis_matchingTheCli() {
        OPDIMS_REQUIRE_SHARED(weights, "pretrained/ctxt_weights.h5");
        OPDIMS_REQUIRE_SHARED(local, "pretrained/localOpDims_ctxt_columns.h5");
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.files()->open(QString::fromStdString(weights), 1);
        QVERIFY(shown.wait(60000));
        QVERIFY(w.openLocalDimensions(QString::fromStdString(local), opdims::Side::Columns));
        const std::string key = "file:" + local;
        QVERIFY(w.session()->basis(key));
        QTRY_COMPARE(w.ablationPanel()->currentKey(), key); // a basis that arrives is chosen
        w.ablationPanel()->setRank(10);
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.shownResult()->basis, w.session()->basis(key)->basis);
        // The cost the app shows is the CLI's for the same file and k (dense W_k), bit for bit.
        if (!qgetenv("OPDIMS_CLI").isEmpty()) {
            QProcess sweep;
            sweep.start(QString::fromLocal8Bit(qgetenv("OPDIMS_CLI")),
                        {"sweep", QString::fromStdString(weights), "--net", "1", "--basis",
                         "op-columns", "--local", QString::fromStdString(local), "--ks", "10",
                         "--exact"});
            QVERIFY(sweep.waitForFinished(120000));
            const QStringList lines =
                QString::fromUtf8(sweep.readAllStandardOutput()).trimmed().split('\n');
            QCOMPARE(lines.size(), 2);
            QCOMPARE(lines[1].split(',')[1].toDouble(), w.shownResult()->run.cost);
        }
        // A file of the other task is refused with the sentence naming it.
        OPDIMS_REQUIRE_SHARED(swgLocal, "pretrained/localOpDims_swg_columns.h5");
        QSignalSpy errors(&w, &MainWindow::errorShown);
        QVERIFY(!w.openLocalDimensions(QString::fromStdString(swgLocal), opdims::Side::Columns));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("swg task")));
        closeMessageBox(&w);
    }

    void sweepPanel_showsTheCostOfEachContextAgainstK() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        const auto analysis = w.session()->analysis();
        const auto basis = w.session()->basis("op-columns")->basis;
        opdims::SweepResult sweep =
            opdims::rankSweep(*analysis->model, analysis->batch(), *basis, {1, 2, 3, 4, 5});
        w.session()->addSweep("op-columns", sweep);
        const auto& series = w.sweepPanel()->groupPlot()->series();
        QCOMPARE(series.size(), 2); // context 1 and context 2
        QVERIFY(series[0].name.contains(QStringLiteral("context 1")));
        const auto groups = opdims::trialGroups(analysis->batch(), opdims::EffectLevel::Group);
        for (int i = 0; i < 5; ++i) {
            const auto effects = opdims::groupEffects(
                groups, sweep.points[static_cast<std::size_t>(i)].trialSquaredError,
                sweep.points[static_cast<std::size_t>(i)].trialDistance, analysis->batch());
            QCOMPARE(series[0].y[i], effects[0].cost);
            QCOMPARE(series[1].y[i], effects[1].cost);
        }
        w.session()->addSweep("pc",
                              opdims::rankSweep(*analysis->model, analysis->batch(),
                                                *w.session()->basis("pc")->basis, {1, 2, 3, 4, 5}));
        QCOMPARE(w.sweepPanel()->groupPlot()->series().size(), 4);
        // Per condition: the 8 conditions of ctxt for each of the two sweeps.
        w.sweepPanel()->levelBox()->setCurrentIndex(1);
        QCOMPARE(w.sweepPanel()->groupPlot()->series().size(), 16);
        w.sweepPanel()->levelBox()->setCurrentIndex(0);
        w.sweepPanel()->resize(1200, 320);
        w.sweepPanel()->grab().save(
            QDir::temp().filePath(QStringLiteral("opdims-sweep-panel.png")));
    }

    // A network's sweeps stay with it: another network shows none, the first opened again shows
    // them again; the same network on a trial set (here the grid written as one) has its own.
    void sweeps_stayWithTheirNetworkAndBatch() {
        QTemporaryDir dir;
        const QString grid = dir.filePath(QStringLiteral("ctxt_grid.npz"));
        opdims::writeTrialSet(grid.toStdString(), opdims::makeGridBatch(opdims::TaskKind::Ctxt));
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        QSignalSpy finished(w.jobs(), &JobRunner::finished);
        QVERIFY(w.startSweep());
        QVERIFY(finished.wait(120000));
        const std::string key = w.ablationPanel()->currentKey();
        QVERIFY(w.session()->sweeps().count(key));
        const auto swept = w.sweepPanel()->costPlot()->series();
        QCOMPARE(swept.size(), 2); // the sweep and the full network's cost

        analysed.clear();
        w.openDefault(opdims::TaskKind::Ctxt, true);
        QVERIFY(analysed.wait(60000));
        QVERIFY(w.session()->sweeps().empty());
        QCOMPARE(w.sweepPanel()->costPlot()->series().size(), 1);
        QCOMPARE(w.sweepPanel()->costPlot()->series().front().name, SweepPanel::fullNetworkName());

        analysed.clear();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(analysed.wait(60000));
        QVERIFY(w.session()->sweeps().count(key));
        const auto back = w.sweepPanel()->costPlot()->series();
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.front().name, swept.front().name);
        QCOMPARE(back.front().y, swept.front().y);

        analysed.clear();
        w.openTrials(grid);
        QVERIFY(analysed.wait(60000));
        QVERIFY(w.session()->trialSet());
        QVERIFY(w.session()->sweeps().empty());
        QCOMPARE(w.sweepPanel()->costPlot()->series().size(), 1);
        analysed.clear();
        w.closeTrials();
        QVERIFY(analysed.wait(60000));
        QVERIFY(!w.session()->trialSet());
        QVERIFY(w.session()->sweeps().count(key));
        QCOMPARE(w.sweepPanel()->costPlot()->series().front().y, swept.front().y);
    }

    // In the default layout (1400 x 900, the Rank sweep dock tabbed at the bottom) the three
    // sweep plots stand whole and readable when the dock is raised; a narrow window scrolls them
    // rather than cut the third plot's title.
    void sweepDock_plotsAreReadableInTheDefaultLayout() {
        QSettings().clear(); // the default layout, not the one the tests before left
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1400, 900));
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        const auto analysis = w.session()->analysis();
        for (const char* key : {"op-columns", "pc"})
            w.session()->addSweep(key,
                                  opdims::rankSweep(*analysis->model, analysis->batch(),
                                                    *w.session()->basis(key)->basis, {1, 2, 3}));
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("sweepDock"));
        QVERIFY(dock);
        dock->raise();
        SweepPanel* panel = w.sweepPanel();
        const QList<opdims::widgets::PlotView*> plots = {panel->costPlot(), panel->distancePlot(),
                                                         panel->groupPlot()};
        QTRY_VERIFY(panel->groupPlot()->isVisible());
        auto* scroll = panel->findChild<QScrollArea*>();
        QVERIFY(scroll);
        // Whole: not cut by the dock or scrolled out of it (once the dock's layout has settled).
        auto whole = [scroll, dock](const QWidget* plot) {
            return scroll->viewport()->rect().contains(
                       QRect(plot->mapTo(scroll->viewport(), QPoint(0, 0)), plot->size())) &&
                   dock->rect().contains(QRect(plot->mapTo(dock, QPoint(0, 0)), plot->size()));
        };
        for (opdims::widgets::PlotView* plot : plots)
            QTRY_VERIFY(whole(plot));
        for (opdims::widgets::PlotView* plot : plots) {
            QVERIFY2(plot->height() >= 150, qPrintable(QString::number(plot->height())));
            QVERIFY2(plot->width() >= 300, qPrintable(QString::number(plot->width())));
        }
        // Side by side, not over each other.
        QVERIFY(plots[0]->geometry().right() < plots[1]->geometry().left());
        QVERIFY(plots[1]->geometry().right() < plots[2]->geometry().left());
        dock->grab().save(QDir::temp().filePath(QStringLiteral("opdims-sweep-dock.png")));

        // A narrow window: the third plot keeps the width of its title (bold, 11 pt as
        // widgets/plot_view.cpp draws titles).
        w.resize(900, 900);
        QTRY_VERIFY(w.width() < 1400);
        QFont title = panel->groupPlot()->font();
        title.setPointSizeF(11.0);
        title.setBold(true);
        const int needed = QFontMetrics(title).horizontalAdvance(
            QStringLiteral("Cost per context or frequency band vs k"));
        QVERIFY2(
            panel->groupPlot()->width() >= needed,
            qPrintable(QStringLiteral("%1 < %2").arg(panel->groupPlot()->width()).arg(needed)));
        QVERIFY(panel->groupPlot()->height() >= 150);
        dock->grab().save(QDir::temp().filePath(QStringLiteral("opdims-sweep-dock-narrow.png")));
    }

    void outputPanel_showsOneTrialPerCondition_orEvery() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        OutputPanel* out = w.findChild<OutputPanel*>();
        QVERIFY(out);
        QCOMPARE(out->trialList()->selectedItems().size(), 2);
        out->showBox()->setCurrentIndex(1);
        QCOMPARE(out->trialList()->selectedItems().size(), 8); // ctxt: 2 x 2 x 2 conditions
        // Target, full and reduced output per trial.
        QCOMPARE(out->plot()->series().size(), 3 * 8);
        out->showBox()->setCurrentIndex(2);
        QCOMPARE(out->trialList()->selectedItems().size(), 72);
    }

    void compareWindow_followsBasisKAndCamera() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        w.ablationPanel()->setRank(6);
        QVERIFY(shown.wait(60000));
        QTemporaryDir dir;
        const QString other = dir.filePath(QStringLiteral("other_ctxt.h5"));
        opdims::saveModel(opdims::randomModel(opdims::TaskKind::Ctxt, 100, 9), other.toStdString());
        QVERIFY(w.compareWith(other));
        CompareWindow* c = w.compareWindow();
        QSignalSpy followed(c, &CompareWindow::resultShown);
        QVERIFY(followed.wait(60000));
        // The same basis, ticked dimensions and mode as the main window.
        QCOMPARE(c->session()->selection().basisKey, w.session()->selection().basisKey);
        QCOMPARE(c->session()->selection().keep, w.session()->selection().keep);
        QCOMPARE(c->session()->result()->kept, 6);
        // The distance between the two networks' chosen subspaces, from their principal angles.
        const auto key = w.session()->selection().basisKey;
        const Eigen::VectorXd expected =
            opdims::principalAngles(w.session()->basis(key)->basis->Q.leftCols(6),
                                    c->session()->basis(key)->basis->Q.leftCols(6)) *
            (180.0 / std::numbers::pi);
        QCOMPARE(static_cast<int>(c->angles().size()), 6);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(c->angles()[static_cast<std::size_t>(i)], expected(i));
        QVERIFY2(c->infoText().contains(QStringLiteral("Subspace distance")),
                 qPrintable(c->infoText()));
        // The angle plot offers the second network's bases too, and agrees.
        AnglesDialog* d = w.anglesDialog();
        d->choose(key, "2:" + key, 6);
        QCOMPARE(static_cast<int>(d->angles().size()), 6);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(d->angles()[static_cast<std::size_t>(i)], expected(i));
        // k follows, and so does the mode.
        w.ablationPanel()->setRank(9);
        QVERIFY(followed.wait(60000));
        QCOMPARE(c->session()->result()->kept, 9);
        w.ablationPanel()->setRemoving(true);
        QVERIFY(followed.wait(60000));
        QVERIFY(c->session()->result()->remove);
        // One camera: moving either view moves the other.
        auto moved = w.stateSpace()->view()->camera();
        moved.position[0] += 3.0;
        w.stateSpace()->view()->setCamera(moved);
        QVERIFY(sameCamera(c->stateSpace()->view()->camera(), moved));
        auto back = c->stateSpace()->view()->camera();
        back.viewUp[0] = 0.2;
        c->stateSpace()->view()->setCamera(back);
        // (VTK normalises the view-up vector: compare the two cameras.)
        QVERIFY(sameCamera(w.stateSpace()->view()->camera(), c->stateSpace()->view()->camera()));
        QVERIFY(!sameCamera(w.stateSpace()->view()->camera(), moved));
        {
            // The two side by side, for a person to look at.
            const QImage left = opdims::widgets::grabWithViews(w.stateSpace()).toImage(),
                         right = opdims::widgets::grabWithViews(c).toImage();
            QImage both(left.width() + right.width(), std::max(left.height(), right.height()),
                        QImage::Format_RGB32);
            both.fill(Qt::white);
            QPainter p(&both);
            p.drawImage(0, 0, left);
            p.drawImage(left.width(), 0, right);
            p.end();
            both.save(QDir::temp().filePath(QStringLiteral("opdims-compare-window.png")));
        }
        // A network of the other task is refused with one sentence.
        const QString swg = dir.filePath(QStringLiteral("swg.h5"));
        opdims::saveModel(opdims::randomModel(opdims::TaskKind::Swg, 100, 2), swg.toStdString());
        QSignalSpy errors(&w, &MainWindow::errorShown);
        QVERIFY(!w.compareWith(swg));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("same task and size")));
        closeMessageBox(&w);
    }

    void helpMenu_explainsTheTerms_andSaysWhatItIs() {
        const QString glossary = opdims::explorer::Help::glossary();
        for (const char* term :
             {"Cost", "State distance", "Sampling location", "Local operative dimension",
              "Operative dimensions", "Function-specific", "PC dimension", "Reduced-rank network",
              "Fixed point", "slow point", "Stable", "saddle", "Principal angles"})
            QVERIFY2(glossary.contains(QLatin1String(term)), term);
        const QString about = opdims::explorer::Help::about();
        QVERIFY(about.contains(QStringLiteral("NeurIPS")) && about.contains(QStringLiteral("Qt ")));
        QVERIFY(!about.contains(QStringLiteral("%")));
        // The authors' networks the app opens first come with their licence notice.
        QVERIFY(about.contains(QStringLiteral("MIT License")) &&
                about.contains(QStringLiteral("Copyright (c) 2022 University of Zurich")) &&
                about.contains(QStringLiteral("github.com/ManteLab/operative_dimensions")));
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.showHelp(MainWindow::HelpTopic::Glossary);
        QTRY_VERIFY(!w.findChildren<QMessageBox*>().isEmpty());
        QVERIFY(w.findChildren<QMessageBox*>().last()->text().contains(QStringLiteral("Cost")));
        closeMessageBox(&w);
    }

    // The first ctxt and swg networks are the authors' network 1 (the paper's effect shows on
    // them); opdims' own trained networks stay one call (one menu click) away.
    void defaultNetworks_authorsFirst_trainedOneClickAway() {
        const OpenedModel ctxt = openDefaultModel(opdims::TaskKind::Ctxt);
        QCOMPARE(QString::fromStdString(ctxt.model->name),
                 QStringLiteral("authors' ctxt network 1"));
        QCOMPARE(ctxt.model->task, opdims::TaskKind::Ctxt);
        QCOMPARE(ctxt.model->W.rows(), Eigen::Index(100));
        // The orientation check of the authors' files: W[1,0] and W[0,1] of ctxt network 1.
        QCOMPARE(ctxt.model->W(1, 0), -0.2478516847291175);
        QCOMPARE(ctxt.model->W(0, 1), 0.02226676550854917);
        QVERIFY(ctxt.origin.contains(QStringLiteral("MIT")));
        const OpenedModel swg = openDefaultModel(opdims::TaskKind::Swg);
        QCOMPARE(swg.model->task, opdims::TaskKind::Swg);
        QCOMPARE(QString::fromStdString(swg.model->name), QStringLiteral("authors' swg network 1"));
        for (const opdims::TaskKind task : {opdims::TaskKind::Ctxt, opdims::TaskKind::Swg}) {
            const OpenedModel trained = openTrainedDefaultModel(task);
            QVERIFY(QString::fromStdString(trained.model->provenance)
                        .contains(QStringLiteral("_default.h5")));
        }
        MainWindow w;
        QList<QAction*> entries;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text().contains(QStringLiteral("trained by opdims")))
                entries.append(a);
        QCOMPARE(entries.size(), 2);
        QSignalSpy shown(&w, &MainWindow::analysisShown);
        w.show();
        entries.front()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 60000);
        QVERIFY(QString::fromStdString(w.current().model->provenance)
                    .contains(QStringLiteral("_default.h5")));
    }

    // Every control a newcomer would hover explains itself: buttons, check boxes, combo boxes,
    // sliders and spin boxes of the window and its docks (the dimension list's check boxes are
    // items, explained by the list's own tooltip).
    void everyControl_hasATooltip() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        // The dialogs made on first use too.
        QVERIFY(w.trainDialog() && w.anglesDialog());
        QStringList missing;
        const auto check = [&](QWidget* c) {
            if (c->toolTip().isEmpty()) {
                QString what = QString::fromLatin1(c->metaObject()->className());
                if (auto* b = qobject_cast<QAbstractButton*>(c))
                    what += QStringLiteral(" '%1'").arg(b->text());
                if (auto* combo = qobject_cast<QComboBox*>(c))
                    what += QStringLiteral(" '%1'").arg(combo->currentText());
                missing << what + QStringLiteral(" in ") +
                               QString::fromLatin1(c->parentWidget()->metaObject()->className());
            }
        };
        for (QAbstractButton* c : w.findChildren<QAbstractButton*>())
            if (!qobject_cast<QDockWidget*>(c->parentWidget()) && !c->inherits("QToolButton") &&
                !c->inherits("QTableCornerButton"))
                check(c);
        for (QComboBox* c : w.findChildren<QComboBox*>())
            check(c);
        for (QAbstractSlider* c : w.findChildren<QAbstractSlider*>())
            if (!qobject_cast<QScrollBar*>(c))
                check(c);
        for (QAbstractSpinBox* c : w.findChildren<QAbstractSpinBox*>())
            check(c);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
    }

    // Training in the app: a finished run fills its progress bar and names the network by how it
    // was trained; Cancel keeps the dialog open and offers the network trained so far.
    void trainDialog_finishedAndCancelledRuns() {
        MainWindow w;
        w.show();
        TrainDialog* dialog = w.trainDialog();
        dialog->show();
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        TrainSettings s;
        s.task = opdims::TaskKind::Swg;
        s.units = 8;
        s.seed = 3;
        s.iterations = 3;
        s.batchSize = 2;
        dialog->setSettings(s);
        QVERIFY(dialog->startTraining());
        QVERIFY(analysed.wait(60000));
        QCOMPARE(QString::fromStdString(w.current().model->name),
                 QStringLiteral("swg network trained in the app (8 units, seed 3, 3 iterations)"));
        auto* bar = dialog->findChild<QProgressBar*>();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!dialog->keepButton()->isVisible());

        s.iterations = 1000000;
        dialog->setSettings(s);
        QSignalSpy losses(dialog, &TrainDialog::lossAppended);
        QVERIFY(dialog->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(losses.count() >= 2, 60000);
        QPushButton* cancel = nullptr;
        for (QPushButton* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Cancel"))
                cancel = b;
        QVERIFY(cancel && cancel->isEnabled());
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->running(), 60000);
        QVERIFY(dialog->isVisible()); // Cancel stops the run, not the dialog
        QVERIFY(dialog->keepButton()->isVisible());
        analysed.clear();
        dialog->keepButton()->click();
        QVERIFY(analysed.wait(60000));
        const QString name = QString::fromStdString(w.current().model->name);
        QVERIFY2(name.startsWith(QStringLiteral("swg network trained in the app (8 units, seed 3, "
                                                "1000000 iterations), stopped after iteration ")),
                 qPrintable(name));
        QCOMPARE(modelName(w.current()), name);
        QVERIFY(originText(w.current()).contains(QStringLiteral("stopped after iteration")));
    }

    // Opening another network of the same task fits the camera to it; analysing the same network
    // again (here: all swg frequencies) keeps the user's view.
    void openingANetwork_refitsTheCamera() {
        MainWindow w;
        w.show();
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.openDefault(opdims::TaskKind::Swg);
        QVERIFY(analysed.wait(60000));
        auto* view = w.stateSpace()->view();
        auto odd = view->camera();
        odd.position[0] += 123.0;
        odd.viewAngle = 12.0;
        view->setCamera(odd);
        QVERIFY(sameCamera(view->camera(), odd));
        // The same network again: the view stays.
        auto* all = w.stateSpace()->findChild<QCheckBox*>();
        for (QCheckBox* c : w.stateSpace()->findChildren<QCheckBox*>())
            if (c->text() == QStringLiteral("All frequencies"))
                all = c;
        all->setChecked(true);
        QVERIFY(analysed.wait(60000));
        QVERIFY(sameCamera(view->camera(), odd));
        // Another swg network: fitted, as Reset camera would.
        w.openDefault(opdims::TaskKind::Swg, true);
        QVERIFY(analysed.wait(60000));
        const auto fitted = view->camera();
        QVERIFY(!sameCamera(fitted, odd));
        view->resetCamera();
        QVERIFY(sameCamera(view->camera(), fitted));
    }

    // The network picker describes each network: sizes, task and (computed off the GUI thread)
    // the grid cost, here against the cost documented for the authors' ctxt network 1.
    void networkPicker_listsSizesAndCosts() {
        OPDIMS_REQUIRE_SHARED(path, "pretrained/ctxt_weights.h5");
        const auto networks = opdims::authorsNetworks(path);
        NetworkPickerDialog dialog(QString::fromStdString(path), networks);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.rowText(1).contains(QStringLiteral("computing")) &&
                                     dialog.rowText(1).contains(QStringLiteral("grid cost")),
                                 60000);
        const QString first = dialog.rowText(1);
        QVERIFY2(first.contains(QStringLiteral("100 units, 5 inputs, 1 outputs (ctxt)")) &&
                     first.contains(QStringLiteral("grid cost 0.000998")),
                 qPrintable(first));
        // Closing the dialog while the others are computed stops the worker without a crash.
    }

    void openMissingFile_showsMessage() {
        MainWindow w;
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.show();
        w.files()->open(QStringLiteral("/nonexistent/missing.h5"), 1);
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("missing.h5")));
        QVERIFY(closeMessageBox(&w).contains(QStringLiteral("missing.h5")));
        QVERIFY(!w.current().model); // nothing was opened
    }

    void openCorruptFile_showsMessageNamingTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.h5"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an HDF5 file");
        f.close();
        MainWindow w;
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.show();
        w.files()->open(path, 1);
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("broken.h5")),
                 qPrintable(errors.first().first().toString()));
        QVERIFY(!closeMessageBox(&w).isEmpty());
    }

    void openRefusedFiles_showTheCoreSentenceAsPlainText() {
        // Files the CLI refuses: the window survives each and shows the same sentence, as plain
        // text (the authors' group names contain "<i>"-like text that must not become markup).
        QTemporaryDir dir;
        std::vector<std::string> files;
        const opdims::Model good = opdims::randomModel(opdims::TaskKind::Ctxt, 5, 2);
        {
            const std::string p = dir.filePath(QStringLiteral("dt_array.h5")).toStdString();
            opdims::saveModel(good, p);
            const hid_t f = H5Fopen(p.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
            H5Adelete(f, "dt");
            const hsize_t n = 1000;
            const hid_t space = H5Screate_simple(1, &n, nullptr);
            const std::vector<double> v(1000, 0.001);
            const hid_t a = H5Acreate2(f, "dt", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT);
            H5Awrite(a, H5T_NATIVE_DOUBLE, v.data());
            H5Aclose(a);
            H5Sclose(space);
            H5Fclose(f);
            files.push_back(p);
        }
        {
            const std::string p = dir.filePath(QStringLiteral("nan_authors.h5")).toStdString();
            opdims::h5::File f = opdims::h5::File::create(p);
            opdims::Model bad = good;
            bad.W(1, 2) = std::numeric_limits<double>::quiet_NaN();
            f.writeSwapped("/NetNr1/final/n_Wrr_n", bad.W);
            f.writeSwapped("/NetNr1/final/n_Wru_v", bad.W_in);
            f.writeSwapped("/NetNr1/final/m_Wzr_n", bad.W_out);
            f.writeSwapped("/NetNr1/final/n_x0_c", bad.x0);
            f.writeSwapped("/NetNr1/final/n_bx_1", bad.b);
            f.writeSwapped("/NetNr1/final/m_bz_1", bad.b_z);
            files.push_back(p);
        }
        MainWindow w;
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.show();
        for (const std::string& file : files) {
            QString expected;
            try {
                opdims::loadModel(file, {1, "final"});
            } catch (const opdims::Error& e) {
                expected = QString::fromStdString(e.what());
            }
            QVERIFY2(!expected.isEmpty(), file.c_str());
            errors.clear();
            w.files()->open(QString::fromStdString(file), 1);
            QCOMPARE(errors.count(), 1);
            QCOMPARE(errors.first().first().toString(), expected);
            const auto boxes = w.findChildren<QMessageBox*>();
            QVERIFY(!boxes.isEmpty());
            QCOMPARE(boxes.last()->textFormat(), Qt::PlainText);
            QCOMPARE(closeMessageBox(&w), expected);
        }
        QVERIFY(!w.current().model);
    }

    void openAuthorsNetwork_byNumber_andRemembersIt() {
        OPDIMS_REQUIRE_SHARED(path, "pretrained/swg_weights.h5");
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.show();
        w.files()->open(QString::fromStdString(path), 2);
        QVERIFY(analysed.wait(60000));
        QCOMPARE(w.current().net, 2);
        QCOMPARE(w.current().model->task, opdims::TaskKind::Swg);
        QVERIFY(
            w.modelPanel()->summaryText().contains(QStringLiteral("network 2 of swg_weights.h5")));
        QCOMPARE(w.files()->recentFiles().value(0), w.current().path);
        // Open recent brings network 2 back without asking which network.
        QCOMPARE(w.files()->recentNetworks().front().net, 2);
        QMenu menu;
        w.files()->fillRecentMenu(&menu);
        QAction* first = menu.actions().value(0);
        QVERIFY(first && first->text().contains(QStringLiteral("network 2")));
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(analysed.wait(60000));
        first->trigger();
        QVERIFY(analysed.wait(60000));
        QCOMPARE(w.current().net, 2);
        QCOMPARE(w.current().model->task, opdims::TaskKind::Swg);
    }

    void saveAndReopen_roundTrips() {
        QTemporaryDir dir;
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.openDefault(opdims::TaskKind::Swg);
        const auto model = w.current().model;
        const QString path = dir.filePath(QStringLiteral("copy.h5"));
        QSignalSpy saved(w.files(), &FileController::saved);
        w.files()->save(*model, path);
        QCOMPARE(saved.count(), 1);
        w.files()->open(path, 0);
        QCOMPARE(w.current().path, QFileInfo(path).absoluteFilePath());
        QVERIFY((w.current().model->W - model->W).norm() == 0.0);
    }

    void fixedPointSearch_underTheChosenInput_isShownAndExported() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        // Context 2 (index 1): the points must be fixed points of the shown W under its input.
        w.stateSpace()->selectFixedPointInput(1);
        const FixedPointInput* input = w.stateSpace()->fixedPointInput();
        QVERIFY(input);
        QCOMPARE(input->problem.condition.context, 2);
        const auto result = w.shownResult();
        QSignalSpy searched(&w, &MainWindow::fixedPointsSearched);
        QVERIFY(w.startFixedPointSearch());
        QVERIFY(searched.wait(120000));
        const auto points =
            searched.first().first().value<std::shared_ptr<const opdims::FixedPointResult>>();
        QVERIFY(points);
        QCOMPARE(static_cast<int>(points->runs.size()), MainWindow::kSearchStarts);
        QVERIFY(points->fixedRuns > 0);
        // The status bar says what was found, class by class, also after the job's timing.
        const QString message = w.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("under ") + input->label + QStringLiteral(": ") +
                                  countsOf(points->points)),
                 qPrintable(message));
        const opdims::Model& m = *w.current().model;
        const Eigen::VectorXd drive = m.W_in * input->problem.input + m.b;
        for (const opdims::FixedPoint& p : points->points) {
            const Eigen::VectorXd F = -p.x + result->W * p.x.array().tanh().matrix() + drive;
            if (p.kind == opdims::PointKind::Fixed)
                QVERIFY2(F.norm() < 1e-8, qPrintable(QString::number(F.norm())));
        }
        // The 3D view now shows the searched points (the layer was turned on for them).
        const auto drawn = w.stateSpace()->shownFixedPoints();
        QVERIFY(drawn);
        QCOMPARE(drawn->points, points);
        QCOMPARE(drawn->input.problem.condition.context, 2);
        QVERIFY(w.stateSpace()->fixedPointsShown());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("points.h5"));
        QVERIFY(w.saveShownFixedPoints(path));
        QCOMPARE(opdims::loadFixedPoints(path.toStdString()).size(), points->points.size());

        // Cancelling stops the search promptly.
        QSignalSpy cancelled(w.jobs(), &JobRunner::cancelled);
        QVERIFY(w.startFixedPointSearch());
        QElapsedTimer clock;
        clock.start();
        w.jobs()->cancel();
        QVERIFY(cancelled.wait(20000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void languageSwitch_rebuildsTheWindowInGerman_withTheSameNetwork() {
        auto* w = new MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        QSignalSpy shown(w, &MainWindow::resultShown);
        w->show();
        w->openDefault(opdims::TaskKind::Swg);
        QVERIFY(shown.wait(60000));
        const auto model = w->current().model;
        QPointer<MainWindow> old(w);
        MainWindow* de = w->switchLanguage(QStringLiteral("de"));
        QVERIFY(de);
        QTRY_VERIFY(old.isNull()); // the old window closed and was deleted
        QCOMPARE(de->menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QCOMPARE(de->current().model, model); // the network in memory, not read again
        QSignalSpy shownDe(de, &MainWindow::resultShown);
        QVERIFY(shownDe.wait(60000));
        QCOMPARE(opdims::explorer::languageSetting(), QStringLiteral("de"));

        MainWindow* en = de->switchLanguage(QStringLiteral("en"));
        QVERIFY(en);
        QCOMPARE(en->menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QSignalSpy shownEn(en, &MainWindow::resultShown);
        QVERIFY(shownEn.wait(60000));
        en->close();
    }

    // A language switch keeps what the user set up: basis, ticked dimensions, mode, views, fixed
    // points and their input, sweeps, bases computed later, the camera and the lesson's step.
    void languageSwitch_keepsTheState() {
        auto* w = new MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        QSignalSpy applied(w, &MainWindow::analysisShown);
        w->show();
        QVERIFY(w->openShippedLesson(QStringLiteral("ctxt")));
        QVERIFY(applied.wait(60000));
        QSignalSpy step(w->lessons(), &LessonController::stepApplied);
        w->lessons()->goTo(
            6); // the line attractor: op-columns, k = 20, fixed points under context 1
        QVERIFY(step.count() > 0 || step.wait(60000));
        // Free play inside the step: context 2's input, flow arrows, a sweep, a turned camera.
        w->stateSpace()->selectFixedPointInput(1);
        w->stateSpace()->setFlowArrowsShown(true);
        QSignalSpy finished(w->jobs(), &JobRunner::finished);
        QVERIFY(w->startSweep());
        QVERIFY(finished.wait(120000));
        auto camera = w->stateSpace()->view()->camera();
        camera.position[1] += 7.0;
        w->stateSpace()->view()->setCamera(camera);
        const auto keep = w->session()->selection().keep;
        const auto model = w->current().model;

        MainWindow* de = w->switchLanguage(QStringLiteral("de"));
        QVERIFY(de);
        QSignalSpy shownDe(de, &MainWindow::resultShown);
        QVERIFY(shownDe.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(de->stateSpace()->fixedPointsShown(), 60000);
        QCOMPARE(de->current().model, model);
        QCOMPARE(de->ablationPanel()->currentKey(), std::string("op-columns"));
        QCOMPARE(de->ablationPanel()->rank(), 20);
        QVERIFY(de->session()->selection().keep == keep);
        QVERIFY(de->session()->selection().fixedPoints);
        QCOMPARE(de->session()->selection().fixedPointInput, 1);
        QCOMPARE(de->stateSpace()->fixedPointInput()->label, QStringLiteral("Kontext 2"));
        QVERIFY(de->stateSpace()->flowArrowsShown());
        QVERIFY(!de->stateSpace()->samplingLocationsShown());
        QVERIFY(de->session()->sweeps().count("op-columns"));
        QVERIFY(sameCamera(de->stateSpace()->view()->camera(), camera));
        // The lesson goes on at its step, in German.
        QVERIFY(de->lessons()->lesson());
        QCOMPARE(de->lessons()->step(), 6);
        QCOMPARE(de->lessons()->lesson()->language, QStringLiteral("de"));
        QVERIFY(de->lessonPanel()->stepText().contains(QStringLiteral("Schritt 7 von 10")));
        MainWindow* en = de->switchLanguage(QStringLiteral("en"));
        QVERIFY(en);
        QSignalSpy shownEn(en, &MainWindow::resultShown);
        QVERIFY(shownEn.wait(60000));
        en->close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
