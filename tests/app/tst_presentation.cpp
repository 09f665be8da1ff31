// Presentation mode, time playback and the side-by-side view of the explorer.
#include "app/explorer/ablation_panel.h"
#include "app/explorer/figure_dialog.h"
#include "app/explorer/help.h"
#include "app/explorer/main_window.h"
#include "app/explorer/movie_dialog.h"
#include "app/explorer/movie_export.h"
#include "app/explorer/output_panel.h"
#include "app/explorer/playback.h"
#include "app/explorer/presentation.h"
#include "app/explorer/session.h"
#include "app/explorer/side_by_side.h"
#include "app/explorer/state_space_panel.h"
#include "core/movie/movie_writer.h"
#include "core/simulation/condition_runs.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"
#include "widgets/surface_format.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QImageReader>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace opdims::explorer;

namespace {

// Opens the default ctxt network and waits for its first result.
bool openCtxt(MainWindow& w) {
    QSignalSpy shown(&w, &MainWindow::resultShown);
    w.show();
    w.openDefault(opdims::TaskKind::Ctxt);
    return shown.wait(60000);
}

bool activate(QWidget& w) {
    w.activateWindow();
    QApplication::setActiveWindow(&w);
    return QTest::qWaitFor([&] { return w.isActiveWindow(); }, 5000);
}

} // namespace

class TestPresentation : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        opdims::widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_presentation"));
        QSettings().clear();
    }

    void time_marksEveryTrajectory_andTheOutput() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        StateSpacePanel* panel = w.stateSpace();
        Session* s = w.session();
        const auto analysis = s->analysis();
        const auto result = s->result();
        QVERIFY(analysis && result);
        // Nothing is marked before time is asked for.
        QVERIFY(!panel->timeShown());
        QVERIFY(panel->view()->caption().isEmpty());
        QVERIFY(!w.outputPanel()->plot()->markerX());

        panel->setTimeShown(true);
        s->setTimeStep(700);
        const int k = analysis->conditions.count();
        const QVector<opdims::widgets::Marker3D> markers = panel->timeMarkers(700);
        QCOMPARE(markers.size(), 2 * k); // full, then reduced
        const Eigen::MatrixXd axes = panel->axes();
        for (int c = 0; c < k; ++c) {
            const Eigen::Vector3d full =
                axes.transpose() *
                (analysis->reference.run.averages[static_cast<std::size_t>(c)].col(700) -
                 analysis->reference.mean);
            const Eigen::Vector3d reduced =
                axes.transpose() * (result->run.averages[static_cast<std::size_t>(c)].col(700) -
                                    analysis->reference.mean);
            for (int i = 0; i < 3; ++i) {
                QVERIFY(std::abs(markers[c].position[i] - full(i)) < 1e-4);
                QVERIFY(std::abs(markers[k + c].position[i] - reduced(i)) < 1e-4);
            }
        }
        // The caption says the time and the input phase (ctxt's stimulus starts at step 650).
        const double dt = analysis->model->dt;
        QVERIFY2(panel->view()->caption().contains(QStringLiteral("stimulus")),
                 qPrintable(panel->view()->caption()));
        QVERIFY(panel->timeCaption(10).contains(QStringLiteral("context cue")));
        QVERIFY(panel->timeCaption(700).contains(QLocale().toString(701 * dt, 'f', 3)));
        // The output plot's line is at the same time.
        QVERIFY(w.outputPanel()->plot()->markerX());
        QCOMPARE(*w.outputPanel()->plot()->markerX(), 701 * dt);
        // Hiding the reduced-rank network hides its markers.
        panel->setReducedShown(false);
        QCOMPARE(panel->timeMarkers(700).size(), k);
        panel->setReducedShown(true);
        // Time is kept in range.
        s->setTimeStep(1000000);
        QCOMPARE(s->timeStep(), analysis->batch().steps - 1);
        s->setTimeStep(-5);
        QCOMPARE(s->timeStep(), 0);
    }

    void playback_moves_loops_andKeepsPlayingWhileKChanges() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        Session* s = w.session();
        Playback* p = w.stateSpace()->playback();
        const int steps = s->timeSteps();
        QVERIFY(steps > 100);
        // One second of wall-clock time at speed 1 is 1 / dt steps.
        p->setSpeed(1.0);
        QCOMPARE(p->stepsFor(1.0), 1.0 / s->analysis()->model->dt);
        p->setSpeed(2.0);
        s->setTimeStep(0);
        p->play();
        QVERIFY(p->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(s->timeStep() > 50, 20000);
        // Dragging k while playing keeps playing.
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.ablationPanel()->setRank(10);
        QVERIFY(shown.wait(60000));
        QVERIFY(p->isPlaying());
        const int now = s->timeStep();
        QTRY_VERIFY_WITH_TIMEOUT(s->timeStep() != now, 20000);
        // Looping: past the end it starts again.
        s->setTimeStep(steps - 2);
        QTRY_VERIFY_WITH_TIMEOUT(s->timeStep() < steps / 2, 20000);
        QVERIFY(p->isPlaying());
        // Not looping: it stops at the last step.
        p->setLoop(false);
        s->setTimeStep(steps - 2);
        QTRY_VERIFY_WITH_TIMEOUT(!p->isPlaying(), 20000);
        QCOMPARE(s->timeStep(), steps - 1);
        // Held (live ablation computing): no frames; released: one at once.
        p->setLoop(true);
        s->setTimeStep(0);
        p->play();
        p->setHeld(true);
        const int held = s->timeStep();
        QTest::qWait(300);
        QCOMPARE(s->timeStep(), held);
        p->setHeld(false);
        QVERIFY(s->timeStep() > held);
        p->pause();
        p->setLoop(false);
        s->setTimeStep(steps - 1);
        // Play at the end starts from the beginning.
        p->play();
        QVERIFY(s->timeStep() < steps / 2);
        p->pause();
        QVERIFY(!p->isPlaying());
    }

    void scale_reachesFontsPlotsAnd3DText_andIsRemembered() {
        const double base = QApplication::font().pointSizeF();
        {
            MainWindow w;
            QVERIFY(openCtxt(w));
            Presentation* pm = w.presentation();
            QCOMPARE(pm->scalePercent(), 100);
            pm->setScalePercent(200);
            QCOMPARE(QApplication::font().pointSizeF(), 2 * base);
            QCOMPARE(w.stateSpace()->view()->interfaceScale(), 2.0);
            for (auto* plot : w.findChildren<opdims::widgets::PlotView*>())
                QCOMPARE(plot->interfaceScale(), 2.0);
            // The side-by-side views, made later, start at the same scale.
            QCOMPARE(w.sideBySideWindow()->panel(1)->view()->interfaceScale(), 2.0);
            pm->setScalePercent(1000);
            QCOMPARE(pm->scalePercent(), Presentation::kMaxScale);
            pm->setScalePercent(1);
            QCOMPARE(pm->scalePercent(), Presentation::kMinScale);
            QVERIFY(activate(w));
            QTest::keyClick(w.ablationPanel()->slider(), Qt::Key_Plus, Qt::ControlModifier);
            QCOMPARE(pm->scalePercent(), 125);
            QTest::keyClick(w.ablationPanel()->slider(), Qt::Key_Equal, Qt::ControlModifier);
            QCOMPARE(pm->scalePercent(), 150);
            QTest::keyClick(w.ablationPanel()->slider(), Qt::Key_Minus, Qt::ControlModifier);
            QCOMPARE(pm->scalePercent(), 125);
        }
        // A new window (the next start, a language switch) has the remembered scale.
        {
            MainWindow w;
            QCOMPARE(w.presentation()->scalePercent(), 125);
            QCOMPARE(QApplication::font().pointSizeF(), 1.25 * base);
            QCOMPARE(w.stateSpace()->view()->interfaceScale(), 1.25);
            w.presentation()->setScalePercent(100);
            QCOMPARE(QApplication::font().pointSizeF(), base);
        }
    }

    void presenterKeys_workWhateverHasFocus() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QVERIFY(activate(w));
        QSignalSpy shown(&w, &MainWindow::resultShown);
        AblationPanel* a = w.ablationPanel();
        a->setRank(20);
        QVERIFY(shown.wait(60000));
        // Focus on the rank slider, which would take Ctrl+arrows and Page keys for itself.
        QSlider* slider = a->slider();
        slider->setFocus();
        QTRY_VERIFY(slider->hasFocus());
        QTest::keyClick(slider, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(a->rank(), 21);
        QTest::keyClick(slider, Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(a->rank(), 11);
        QTest::keyClick(slider, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(a->rank(), 21);
        // Space plays and pauses, also from a check box, but types in a spin box.
        Playback* p = w.stateSpace()->playback();
        QTest::keyClick(slider, Qt::Key_Space);
        QVERIFY(p->isPlaying());
        QVERIFY(w.stateSpace()->timeShown());
        QTest::keyClick(slider, Qt::Key_Space);
        QVERIFY(!p->isPlaying());
        auto* spin = a->findChild<QSpinBox*>();
        spin->setFocus();
        QTRY_VERIFY(spin->hasFocus());
        QTest::keyClick(spin, Qt::Key_Space);
        QVERIFY(!p->isPlaying());
        // Next and previous basis.
        const std::string before = a->currentKey();
        QTest::keyClick(spin, Qt::Key_B, Qt::ControlModifier);
        QVERIFY(a->currentKey() != before);
        QTest::keyClick(spin, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(a->currentKey(), before);
        // The 3D view alone, and back.
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("ablationDock"));
        QVERIFY(dock->isVisible());
        QTest::keyClick(slider, Qt::Key_M, Qt::ControlModifier);
        QVERIFY(w.presentation()->viewMaximised());
        QTRY_VERIFY(!dock->isVisible());
        QVERIFY(w.stateSpace()->isVisible());
        w.presentation()->setViewMaximised(false);
        QTRY_VERIFY(dock->isVisible());
        // Full screen on and off (F11).
        QTest::keyClick(&w, Qt::Key_F11);
        QTRY_VERIFY(w.isFullScreen());
        QTest::keyClick(&w, Qt::Key_F11);
        QTRY_VERIFY(!w.isFullScreen());
        // Every presenter key is listed in Help.
        const QString help = Help::shortcuts();
        for (const char* key : {"F11", "Space", "Ctrl+B", "Ctrl+Right", "Ctrl+Shift+Right",
                                "Ctrl+M", "Ctrl+R", "PgDown", "Ctrl+0"})
            QVERIFY2(help.contains(QLatin1String(key)), key);
    }

    void highContrast_isAPaletteAndRemembered() {
        {
            MainWindow w;
            w.presentation()->setHighContrast(true);
            QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
            QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        }
        {
            MainWindow w;
            QVERIFY(w.presentation()->highContrast());
            w.presentation()->setHighContrast(false);
            QVERIFY(QApplication::palette().color(QPalette::Window) != QColor(Qt::white) ||
                    QApplication::style()->standardPalette().color(QPalette::Window) ==
                        QColor(Qt::white));
        }
    }

    void sideBySide_showsBothBasesAtTheSameK_withOneCamera() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.ablationPanel()->selectBasis("pc");
        w.ablationPanel()->setRank(20);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.shownResult()->kept == 20 && w.session()->selection().basisKey == "pc", 60000);
        SideBySideWindow* sbs = w.sideBySideWindow();
        QSignalSpy both(sbs, &SideBySideWindow::resultsShown);
        sbs->show();
        QTRY_VERIFY_WITH_TIMEOUT(sbs->session(0)->result() && sbs->session(1)->result() &&
                                     sbs->session(0)->result()->kept == 20 &&
                                     sbs->session(1)->result()->kept == 20,
                                 60000);
        // The PC side computes exactly what the main window does for the same basis and k.
        QCOMPARE(sbs->session(0)->result()->run.cost, w.shownResult()->run.cost);
        QVERIFY(sbs->costText(0).contains(QStringLiteral("k = 20")));
        QVERIFY(sbs->costText(0).contains(QLocale().toString(w.shownResult()->run.cost, 'g', 4)));
        QCOMPARE(sbs->session(1)->selection().basisKey, std::string("op-columns"));
        // On the authors' network the operative dimensions do far better at k = 20.
        QVERIFY(sbs->session(1)->result()->run.cost < sbs->session(0)->result()->run.cost);
        // k follows the main window, and the main window follows k set here.
        w.ablationPanel()->setRank(7);
        QTRY_VERIFY_WITH_TIMEOUT(
            sbs->session(0)->result()->kept == 7 && sbs->session(1)->result()->kept == 7, 60000);
        sbs->setRank(12);
        QCOMPARE(w.ablationPanel()->rank(), 12);
        QTRY_VERIFY_WITH_TIMEOUT(sbs->session(1)->result()->kept == 12, 60000);
        // One camera for both views.
        auto cam = sbs->panel(0)->view()->camera();
        cam.position[1] += 2.0;
        sbs->panel(0)->view()->setCamera(cam);
        const auto other = sbs->panel(1)->view()->camera();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(other.position[i], cam.position[i]);
        // Time follows the main window.
        w.stateSpace()->setTimeShown(true);
        w.session()->setTimeStep(321);
        QCOMPARE(sbs->session(1)->timeStep(), 321);
        QVERIFY(sbs->panel(1)->timeShown());
    }

    void figures_atAChosenSize_withTheSettingsInTheirMetadata() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.ablationPanel()->setRank(20);
        QTRY_VERIFY_WITH_TIMEOUT(w.shownResult()->kept == 20, 60000);
        const auto result = w.shownResult();
        QTemporaryDir dir;
        // The 3D view at three times its size, the settings below it.
        opdims::widgets::StateSpaceView* view = w.stateSpace()->view();
        const QString plain = dir.filePath(QStringLiteral("view.png"));
        const QString annotated = dir.filePath(QStringLiteral("view annotated.png"));
        QVERIFY(saveViewFigure(view, *w.session(), plain, 3.0, false));
        QVERIFY(saveViewFigure(view, *w.session(), annotated, 3.0, true));
        // For a person to look at.
        QFile::remove(QDir::temp().filePath(QStringLiteral("opdims-figure-3d.png")));
        QFile::copy(annotated, QDir::temp().filePath(QStringLiteral("opdims-figure-3d.png")));
        QImageReader reader(plain);
        const QImage image = reader.read();
        QCOMPARE(image.size(), view->size() * 3);
        const QImage withText(annotated);
        QCOMPARE(withText.width(), view->width() * 3);
        QVERIFY(withText.height() > view->height() * 3);
        // The settings are in the PNG's text chunks, exactly.
        QCOMPARE(image.text(QStringLiteral("Software")), QStringLiteral("opdims"));
        QCOMPARE(image.text(QStringLiteral("k")), QStringLiteral("20"));
        QCOMPARE(image.text(QStringLiteral("cost")).toDouble(), result->run.cost);
        QCOMPARE(image.text(QStringLiteral("basis")),
                 QString::fromStdString(w.session()->selection().basisKey));
        QVERIFY(image.text(QStringLiteral("Title"))
                    .contains(QString::fromStdString(w.current().model->name)));
        QVERIFY(image.text(QStringLiteral("Description")).contains(QStringLiteral("k = 20")));
        QCOMPARE(figureSettings(*w.session()), image.text(QStringLiteral("Description")));

        // A plot through the dialog: PNG at a chosen size and scale, PDF, CSV.
        FigureDialog* dialog = w.openFigureDialog(w.outputPanel()->plot(), QStringLiteral("out"));
        const QString png = dir.filePath(QStringLiteral("output.png"));
        dialog->setPath(png);
        dialog->setFigureSize(QSize(800, 500), 2.0);
        dialog->setAnnotated(true);
        QVERIFY2(dialog->exportNow(), qPrintable(dialog->statusText()));
        const QImage plot(png);
        QFile::remove(QDir::temp().filePath(QStringLiteral("opdims-figure-plot.png")));
        QFile::copy(png, QDir::temp().filePath(QStringLiteral("opdims-figure-plot.png")));
        QCOMPARE(plot.size(), QSize(1600, 1000));
        QCOMPARE(plot.text(QStringLiteral("k")), QStringLiteral("20"));
        QVERIFY(plot.text(QStringLiteral("Description")).contains(figureSettings(*w.session())));
        const QString pdf = dir.filePath(QStringLiteral("output.pdf"));
        dialog->setPath(pdf);
        QVERIFY(dialog->exportNow());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(4) == "%PDF");
        dialog->setPath(dir.filePath(QStringLiteral("output.csv")));
        QVERIFY(dialog->exportNow());
        // A folder that does not exist: a sentence naming the file, nothing written.
        const QString bad = dir.filePath(QStringLiteral("no such folder/plot.png"));
        dialog->setPath(bad);
        QVERIFY(!dialog->exportNow());
        QVERIFY(dialog->statusText().contains(bad));
        dialog->close();
    }

    void languageSwitch_keepsTimePlaybackAndTheViewAlone() {
        auto* w = new MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        QVERIFY(openCtxt(*w));
        w->stateSpace()->setTimeShown(true);
        w->session()->setTimeStep(500);
        w->stateSpace()->setPlaybackSpeed(0.1);
        w->stateSpace()->setPlaybackLoop(false);
        w->stateSpace()->playback()->play();
        w->presentation()->setViewMaximised(true);
        MainWindow* de = w->switchLanguage(QStringLiteral("de"));
        QVERIFY(de);
        QSignalSpy shown(de, &MainWindow::resultShown);
        QVERIFY(shown.wait(60000));
        QVERIFY(de->stateSpace()->timeShown());
        QVERIFY(de->session()->timeStep() >= 500);
        QVERIFY(de->stateSpace()->playback()->isPlaying());
        QCOMPARE(de->stateSpace()->playback()->speed(), 0.1);
        QVERIFY(!de->stateSpace()->playback()->loops());
        QVERIFY(de->outputPanel()->timeCursorShown());
        QVERIFY(de->presentation()->viewMaximised());
        QVERIFY(!de->findChild<QDockWidget*>(QStringLiteral("ablationDock"))->isVisible());
        // Back: the docks the view had hidden come back.
        de->presentation()->setViewMaximised(false);
        QTRY_VERIFY(de->findChild<QDockWidget*>(QStringLiteral("ablationDock"))->isVisible());
        MainWindow* en = de->switchLanguage(QStringLiteral("en"));
        QVERIFY(en);
        QSignalSpy shownEn(en, &MainWindow::resultShown);
        QVERIFY(shownEn.wait(60000));
        en->close();
    }

    void movie_writesTheFramesItPromised() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QTemporaryDir dir;
        MovieDialog* dialog = w.movieDialog();
        MovieOptions o;
        o.path = dir.filePath(QStringLiteral("ctxt movie.mp4"));
        o.size = QSize(320, 240);
        o.fps = 12;
        o.seconds = 2.0;
        o.animateTime = true;
        o.rotate = true;
        dialog->setOptions(o);
        QSignalSpy done(dialog, &MovieDialog::exportFinished);
        QVERIFY(dialog->startExport());
        QVERIFY(done.wait(120000));
        // Read back with FFmpeg's own decoder: every frame, at the promised size and rate.
        const opdims::MovieInfo info = opdims::readMovieInfo(o.path.toStdString());
        QCOMPARE(info.frames, 24L);
        QCOMPARE(info.width, 320);
        QCOMPARE(info.height, 240);
        QCOMPARE(info.fps, 12.0);
        QCOMPARE(info.codec, std::string("h264"));
        QVERIFY2(dialog->statusText().contains(QStringLiteral("24 frames")),
                 qPrintable(dialog->statusText()));
        // WebM too.
        o.path = dir.filePath(QStringLiteral("ctxt.webm"));
        o.rotate = false;
        dialog->setOptions(o);
        QVERIFY(dialog->startExport());
        QVERIFY(done.wait(120000));
        const opdims::MovieInfo webm = opdims::readMovieInfo(o.path.toStdString());
        QCOMPARE(webm.frames, 24L);
        QCOMPARE(webm.codec, std::string("vp9"));

        // A PNG sequence: NAME_0001.png ... at the size asked for; the frames differ (time moves).
        o.path = dir.filePath(QStringLiteral("frame.png"));
        o.seconds = 0.5;
        o.fps = 12;
        dialog->setOptions(o);
        QVERIFY(dialog->startExport());
        QVERIFY(done.wait(120000));
        QCOMPARE(dialog->exporter()->files().size(), 6);
        QImage first(MovieExporter::sequenceFrame(o.path, 0)),
            last(MovieExporter::sequenceFrame(o.path, 5));
        QCOMPARE(first.size(), QSize(320, 240));
        QVERIFY(first != last);
        QVERIFY(!QFileInfo::exists(MovieExporter::sequenceFrame(o.path, 6)));

        // Cancel: no movie file, no temporary.
        o.path = dir.filePath(QStringLiteral("cancelled.mp4"));
        o.seconds = 60.0;
        o.fps = 30;
        o.size = QSize(640, 360);
        dialog->setOptions(o);
        QVERIFY(dialog->startExport());
        QSignalSpy progress(dialog->exporter(), &MovieExporter::progress);
        QVERIFY(progress.wait(60000));
        QSignalSpy stopped(dialog->exporter(), &MovieExporter::cancelled);
        dialog->exporter()->cancel();
        QCOMPARE(stopped.count(), 1);
        QVERIFY(!QFileInfo::exists(o.path));
        const QStringList left =
            QDir(dir.path())
                .entryList(QStringList{QStringLiteral("*tmp*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        QVERIFY(dialog->statusText().contains(QStringLiteral("Cancelled")));

        // A bad file name or folder: one sentence naming it, nothing written.
        o.path = dir.filePath(QStringLiteral("movie.avi"));
        o.seconds = 1.0;
        dialog->setOptions(o);
        QVERIFY(!dialog->startExport());
        QVERIFY2(dialog->statusText().contains(o.path), qPrintable(dialog->statusText()));
        o.path = dir.filePath(QStringLiteral("no such folder/movie.mp4"));
        dialog->setOptions(o);
        QVERIFY(!dialog->startExport());
        QVERIFY2(dialog->statusText().contains(o.path), qPrintable(dialog->statusText()));
    }
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
