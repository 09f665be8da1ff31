// opdims-explorer: the desktop app. opdims-explorer [FILE] [--net N] [--task ctxt|swg]
// [--trials TRIALS] [--lesson FILE|ctxt|swg]
#include "app/explorer/ablation_controller.h"
#include "app/explorer/file_controller.h"
#include "app/explorer/language.h"
#include "app/explorer/lesson.h"
#include "app/explorer/lesson_controller.h"
#include "app/explorer/main_window.h"
#include "app/explorer/measure/automation.h"
#include "app/explorer/measure/latency_recorder.h"
#include "core/model/model.h"
#include "widgets/surface_format.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    // VTK needs an OpenGL 3.2 core context, which must be the default before QApplication exists.
    opdims::widgets::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("opdims"));
    QApplication::setApplicationName(QStringLiteral("opdims-explorer"));
    QApplication::setApplicationVersion(QStringLiteral(OPDIMS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/opdims-explorer.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.opdims.explorer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Operative dimensions explorer"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("Network to open (authors' HDF5, opdims HDF5, .npz)"),
        QStringLiteral("[FILE]"));
    const QCommandLineOption net(QStringLiteral("net"),
                                 QStringLiteral("Network N of an authors' multi-network file"),
                                 QStringLiteral("N"));
    const QCommandLineOption task(
        QStringLiteral("task"), QStringLiteral("Default network to open without FILE"),
        QStringLiteral("ctxt|swg|flipflop|decision"), QStringLiteral("ctxt"));
    const QCommandLineOption trials(
        QStringLiteral("trials"),
        QStringLiteral("Trial set (.npz, .h5) to analyse the network on; without FILE the built-in "
                       "network that fits it"),
        QStringLiteral("file"));
    const QCommandLineOption lesson(
        QStringLiteral("lesson"),
        QStringLiteral("Guided lesson to open (a lesson file, docs/lessons.md, or the name of a "
                       "shipped one: ctxt, swg)"),
        QStringLiteral("file"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("Interface language for this run (en, de)"),
                                      QStringLiteral("code"));
    // Hidden options for documentation and measurements.
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("png"));
    QCommandLineOption rank(QStringLiteral("rank"), QString(), QStringLiteral("k"),
                            QStringLiteral("-1"));
    QCommandLineOption withFixedPoints(QStringLiteral("fixed-points"), QString());
    QCommandLineOption removeMode(QStringLiteral("remove"), QString());
    QCommandLineOption basisKey(QStringLiteral("basis"), QString(), QStringLiteral("key"));
    QCommandLineOption flowArrows(QStringLiteral("flow-arrows"), QString());
    QCommandLineOption sweep(QStringLiteral("sweep"), QString());
    QCommandLineOption dock(QStringLiteral("dock"), QString(), QStringLiteral("name"));
    QCommandLineOption latency(QStringLiteral("measure-latency"), QString(), QStringLiteral("csv"));
    QCommandLineOption latencyLog(QStringLiteral("latency-log"), QString(), QStringLiteral("csv"));
    QCommandLineOption changes(QStringLiteral("changes"), QString(), QStringLiteral("n"),
                               QStringLiteral("100"));
    QCommandLineOption stall(QStringLiteral("measure-stall"), QString(),
                             QStringLiteral("sweep|training"));
    QCommandLineOption report(QStringLiteral("report"), QString(), QStringLiteral("file"),
                              QStringLiteral("stall-report.txt"));
    QCommandLineOption lessonStep(QStringLiteral("lesson-step"), QString(), QStringLiteral("n"),
                                  QStringLiteral("1"));
    QCommandLineOption iterations(QStringLiteral("iterations"), QString(), QStringLiteral("n"),
                                  QStringLiteral("20"));
    QCommandLineOption timeStep(QStringLiteral("time"), QString(), QStringLiteral("step"),
                                QStringLiteral("-1"));
    QCommandLineOption scale(QStringLiteral("scale"), QString(), QStringLiteral("percent"),
                             QStringLiteral("0"));
    QCommandLineOption fullScreen(QStringLiteral("full-screen"), QString());
    QCommandLineOption viewAlone(QStringLiteral("view-alone"), QString());
    QCommandLineOption sideBySide(QStringLiteral("side-by-side"), QString());
    QCommandLineOption play(QStringLiteral("play"), QString());
    QCommandLineOption alwaysAntiAliased(QStringLiteral("always-anti-aliased"), QString());
    QCommandLineOption switchTo(QStringLiteral("switch-language"), QString(),
                                QStringLiteral("code"));
    QCommandLineOption movie(QStringLiteral("movie"), QString(), QStringLiteral("file"));
    QCommandLineOption movieSeconds(QStringLiteral("movie-seconds"), QString(), QStringLiteral("s"),
                                    QStringLiteral("10"));
    QCommandLineOption movieSize(QStringLiteral("movie-size"), QString(), QStringLiteral("WxH"),
                                 QStringLiteral("1280x720"));
    QCommandLineOption movieFps(QStringLiteral("movie-fps"), QString(), QStringLiteral("n"),
                                QStringLiteral("30"));
    QCommandLineOption movieRotate(QStringLiteral("movie-rotate"), QString());
    for (QCommandLineOption* o :
         {&alwaysAntiAliased, &timeStep,    &scale,      &fullScreen,   &viewAlone,
          &sideBySide,        &play,        &movie,      &movieSeconds, &movieSize,
          &movieFps,          &movieRotate, &screenshot, &rank,         &withFixedPoints,
          &removeMode,        &basisKey,    &flowArrows, &sweep,        &dock,
          &latency,           &latencyLog,  &changes,    &stall,        &report,
          &iterations,        &lessonStep})
        o->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {net,        task,        trials,           lesson,     language,     lessonStep,
         screenshot, rank,        withFixedPoints,  removeMode, basisKey,     flowArrows,
         sweep,      dock,        latency,          latencyLog, changes,      stall,
         report,     iterations,  timeStep,         scale,      fullScreen,   viewAlone,
         sideBySide, play,        switchTo,         movie,      movieSeconds, movieSize,
         movieFps,   movieRotate, alwaysAntiAliased});
    parser.process(app);
    opdims::TaskKind defaultTask = opdims::TaskKind::Ctxt;
    try {
        defaultTask = opdims::parseTask(parser.value(task).toStdString());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "opdims-explorer: --task: %s\n", e.what());
        return 2;
    }

    opdims::explorer::installTranslations(&app, parser.isSet(language)
                                                    ? parser.value(language)
                                                    : opdims::explorer::languageSetting());

    // On the heap: a language switch replaces the window by a new one and closes this one.
    auto* main = new opdims::explorer::MainWindow;
    main->setAttribute(Qt::WA_DeleteOnClose);
    opdims::explorer::MainWindow& window = *main;
    // A shipped lesson by name, in the interface language; anything else is a file.
    QString lessonPath = parser.value(lesson);
    if (opdims::explorer::shippedLessonNames().contains(lessonPath))
        lessonPath =
            opdims::explorer::shippedLessonPath(lessonPath, opdims::explorer::lessonLanguage());
    if (parser.isSet(screenshot) && parser.isSet(lesson)) {
        opdims::explorer::screenshotLessonStep(
            &window, lessonPath, parser.value(lessonStep).toInt(), parser.value(screenshot));
        window.show();
        return app.exec();
    }
    if (parser.isSet(screenshot)) {
        opdims::explorer::ScreenshotOptions shot;
        shot.rank = parser.value(rank).toInt();
        shot.fixedPoints = parser.isSet(withFixedPoints);
        shot.remove = parser.isSet(removeMode);
        shot.basis = parser.value(basisKey);
        shot.flowArrows = parser.isSet(flowArrows);
        shot.sweep = parser.isSet(sweep);
        shot.dock = parser.value(dock);
        shot.time = parser.value(timeStep).toInt();
        shot.scalePercent = parser.value(scale).toInt();
        shot.fullScreen = parser.isSet(fullScreen);
        shot.viewAlone = parser.isSet(viewAlone);
        shot.sideBySide = parser.isSet(sideBySide);
        shot.switchLanguage = parser.value(switchTo);
        opdims::explorer::screenshotWhenReady(&window, parser.value(screenshot), shot);
    }
    if (parser.isSet(movie)) {
        opdims::explorer::MovieOptions options;
        options.path = parser.value(movie);
        options.seconds = parser.value(movieSeconds).toDouble();
        const QStringList size = parser.value(movieSize).split(QLatin1Char('x'));
        if (size.size() == 2)
            options.size = QSize(size[0].toInt(), size[1].toInt());
        options.fps = parser.value(movieFps).toInt();
        options.rotate = parser.isSet(movieRotate);
        opdims::explorer::exportMovieWhenReady(&window, options);
    }
    if (parser.isSet(latency)) {
        opdims::explorer::LatencyOptions options;
        options.scalePercent = parser.value(scale).toInt();
        options.fullScreen = parser.isSet(fullScreen);
        options.play = parser.isSet(play);
        options.alwaysAntiAliased = parser.isSet(alwaysAntiAliased);
        opdims::explorer::measureLatencyWhenReady(&window, parser.value(latency),
                                                  parser.value(changes).toInt(), options);
    }
    if (parser.isSet(latencyLog))
        window.ablation()->setProbe(
            std::make_shared<opdims::explorer::LatencyRecorder>(parser.value(latencyLog)));
    if (parser.isSet(stall))
        opdims::explorer::measureStallWhenReady(&window, parser.value(stall), parser.value(report),
                                                parser.value(iterations).toInt());
    window.show();
    const QStringList files = parser.positionalArguments();
    // Open after the event loop starts so that the window is on screen while the network loads.
    const bool quiet = parser.isSet(screenshot) || parser.isSet(latency) || parser.isSet(stall) ||
                       parser.isSet(movie);
    QTimer::singleShot(0, &window, [&, quiet] {
        if (parser.isSet(lesson) && window.openLesson(lessonPath))
            return; // the lesson's first step opens its network
        if (files.isEmpty() && !parser.isSet(trials) && !quiet)
            window.offerLessonOnFirstStart();
        if (!files.isEmpty())
            window.files()->open(files.front(), parser.isSet(net) ? parser.value(net).toInt() : 0);
        else if (!parser.isSet(trials))
            window.openDefault(defaultTask);
        // Without FILE the trial set brings the built-in network that fits it; when none does,
        // the window says so and shows the default network.
        if (parser.isSet(trials)) {
            if (files.isEmpty())
                QObject::connect(
                    &window, &opdims::explorer::MainWindow::errorShown, &window,
                    [&] {
                        if (!window.current().model)
                            window.openDefault(opdims::TaskKind::Ctxt);
                    },
                    Qt::SingleShotConnection);
            window.openTrials(parser.value(trials));
        }
    });
    return app.exec();
}
