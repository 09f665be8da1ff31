// Automation: small state machines driven by the main window's signals, never by sleeping.
#include "app/explorer/measure/automation.h"

#include "app/explorer/ablation_controller.h"
#include "app/explorer/ablation_panel.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/lesson_controller.h"
#include "app/explorer/main_window.h"
#include "app/explorer/measure/latency_recorder.h"
#include "app/explorer/measure/stall_monitor.h"
#include "app/explorer/movie_dialog.h"
#include "app/explorer/playback.h"
#include "app/explorer/presentation.h"
#include "app/explorer/session.h"
#include "app/explorer/side_by_side.h"
#include "app/explorer/state_space_panel.h"
#include "app/explorer/train_dialog.h"
#include "core/movie/movie_writer.h"
#include "widgets/state_space_view.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSlider>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace opdims::explorer {

Percentiles percentiles(std::vector<double> v) {
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    auto rank = [&](double q) {
        const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
        return v[std::min(v.size() - 1, i == 0 ? 0 : i - 1)];
    };
    const std::size_t n = v.size();
    const double median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    return {median, rank(0.95)};
}

namespace {

void runStallJob(MainWindow* window, const QString& job, const QString& reportPath, int iterations);

// Calls `then` once the analysis and the first ablation result are on screen.
void whenReady(MainWindow* window, std::function<void()> then) {
    auto fired = std::make_shared<bool>(false);
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = QObject::connect(window, &MainWindow::resultShown, window, [=](quint64) {
        if (*fired)
            return;
        *fired = true;
        QObject::disconnect(*conn);
        then();
    });
}

void writeText(const QString& path, const QString& text) {
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Text))
        QTextStream(&f) << text;
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

} // namespace

void screenshotWhenReady(MainWindow* window, const QString& path, const ScreenshotOptions& o) {
    const int rank = o.rank;
    const bool fixedPoints = o.fixedPoints, remove = o.remove;
    const QString basis = o.basis;
    auto shoot = [window, path, o] {
        if (o.flowArrows)
            window->stateSpace()->setFlowArrowsShown(true);
        if (o.scalePercent > 0)
            window->presentation()->setScalePercent(o.scalePercent);
        if (o.fullScreen)
            window->presentation()->setFullScreen(true);
        if (o.viewAlone)
            window->presentation()->setViewMaximised(true);
        if (o.time >= 0) {
            window->stateSpace()->setTimeShown(true);
            window->session()->setTimeStep(o.time);
        }
        const QString name = o.dock.isEmpty() && o.sweep ? QStringLiteral("sweepDock") : o.dock;
        if (!name.isEmpty())
            if (auto* dock = window->findChild<QDockWidget*>(name)) {
                dock->show();
                dock->raise();
            }
        // Frame everything drawn (fixed points may lie outside the trajectories), as the Reset
        // camera button does, and give VTK and the plots time for their first paint.
        window->stateSpace()->view()->resetCamera();
        if (!o.switchLanguage.isEmpty()) {
            // The new window restores the state once it has analysed the network: shoot it
            // after its first result and the fixed points that follow.
            MainWindow* next = window->switchLanguage(o.switchLanguage);
            if (!next) {
                std::fprintf(stderr, "the language could not be switched (a job runs)\n");
                QApplication::exit(1);
                return;
            }
            auto conn = std::make_shared<QMetaObject::Connection>();
            *conn = QObject::connect(next, &MainWindow::resultShown, next, [next, path, conn] {
                QObject::disconnect(*conn);
                QTimer::singleShot(3000, next, [next, path] {
                    const bool ok = widgets::grabWithViews(next).save(path);
                    QApplication::exit(ok ? 0 : 1);
                });
            });
            return;
        }
        QWidget* shot = window;
        if (o.sideBySide) {
            shot = window->sideBySideWindow();
            shot->show();
        }
        QTimer::singleShot(1500, window, [shot, path] {
            const bool ok = widgets::grabWithViews(shot).save(path);
            if (!ok)
                std::fprintf(stderr, "%s: the screenshot could not be written\n", qPrintable(path));
            QApplication::exit(ok ? 0 : 1);
        });
    };
    // The changes, one after the other, each once the previous result is on screen: a step
    // returns true when it changed something (and its result is awaited), false when there was
    // nothing to change.
    using Step = std::function<bool()>;
    auto steps = std::make_shared<std::vector<Step>>();
    steps->push_back([window, basis] {
        const std::string key = basis.toStdString();
        if (key.empty() || key == window->ablationPanel()->currentKey())
            return false;
        window->ablationPanel()->selectBasis(key);
        return key == window->ablationPanel()->currentKey();
    });
    steps->push_back([window, rank] {
        if (rank < 0 || rank == window->ablationPanel()->rank())
            return false;
        window->ablationPanel()->setRank(rank);
        return true;
    });
    steps->push_back([window, remove] {
        if (!remove || window->ablationPanel()->removing())
            return false;
        window->ablationPanel()->setRemoving(true);
        return true;
    });
    steps->push_back([window, fixedPoints] {
        if (!fixedPoints || window->stateSpace()->fixedPointsShown())
            return false;
        window->stateSpace()->setFixedPointsShown(true);
        return true;
    });
    auto finish = [window, shoot, sweep = o.sweep] {
        if (sweep && window->startSweep()) {
            // The sweep runs as a long job: the picture waits for its curves.
            auto conn = std::make_shared<QMetaObject::Connection>();
            *conn = QObject::connect(window->jobs(), &JobRunner::finished, window, [=] {
                QObject::disconnect(*conn);
                shoot();
            });
            return;
        }
        shoot();
    };
    auto next = std::make_shared<std::function<void(std::size_t)>>();
    *next = [window, steps, next, finish](std::size_t i) {
        for (; i < steps->size(); ++i)
            if ((*steps)[i]()) {
                // Results are shown from the event loop, so waiting starts in time.
                whenReady(window, [next, i] { (*next)(i + 1); });
                return;
            }
        finish();
    };
    whenReady(window, [next] { (*next)(0); });
}

void screenshotLessonStep(MainWindow* window, const QString& lesson, int step,
                          const QString& path) {
    LessonController* lessons = window->lessons();
    auto shoot = [window, path] {
        QTimer::singleShot(3000, window, [window, path] {
            const bool ok = widgets::grabWithViews(window).save(path);
            if (!ok)
                std::fprintf(stderr, "%s: the screenshot could not be written\n", qPrintable(path));
            QApplication::exit(ok ? 0 : 1);
        });
    };
    QObject::connect(lessons, &LessonController::stepApplied, window, [=](int index) {
        // Every step holds its whole state: straight from the first to the wanted one.
        if (index + 1 != step) {
            QTimer::singleShot(0, lessons, [lessons, step] { lessons->goTo(step - 1); });
            return;
        }
        if (window->jobs()->busy()) {
            auto conn = std::make_shared<QMetaObject::Connection>();
            *conn = QObject::connect(window->jobs(), &JobRunner::finished, window, [=] {
                QObject::disconnect(*conn);
                shoot();
            });
            return;
        }
        shoot();
    });
    QObject::connect(window, &MainWindow::errorShown, window, [](const QString& message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QApplication::exit(1);
    });
    window->openLesson(lesson);
}

void measureLatencyWhenReady(MainWindow* window, const QString& csvPath, int changes,
                             const LatencyOptions& options) {
    whenReady(window, [window, csvPath, changes, options] {
        if (options.scalePercent > 0)
            window->presentation()->setScalePercent(options.scalePercent);
        if (options.fullScreen)
            window->presentation()->setFullScreen(true);
        if (options.alwaysAntiAliased)
            window->stateSpace()->view()->setAdaptiveQuality(false);
        if (options.play) {
            window->stateSpace()->setTimeShown(true);
            window->stateSpace()->playback()->setLoop(true);
            window->stateSpace()->playback()->play();
        }
        auto* monitor = new StallMonitor(window);
        AblationPanel* panel = window->ablationPanel();
        const int n = panel->slider()->maximum();
        auto step = std::make_shared<int>(0);
        auto ks = std::make_shared<std::vector<int>>();
        auto recorder = std::make_shared<LatencyRecorder>();
        window->ablation()->setProbe(recorder);
        auto next = std::make_shared<std::function<void()>>();
        *next = [=] {
            if (*step >= changes) {
                monitor->stop();
                QString csv = QStringLiteral("change,k,latency_ms\n");
                const auto& lat = recorder->latenciesMs();
                for (std::size_t i = 0; i < lat.size(); ++i)
                    csv += QStringLiteral("%1,%2,%3\n")
                               .arg(i + 1)
                               .arg((*ks)[i])
                               .arg(lat[i], 0, 'f', 2);
                const Percentiles p = percentiles(lat);
                const QSize size = window->size();
                csv +=
                    QStringLiteral("# %1 changes, %2 units: median %3 ms, p95 %4 ms; longest "
                                   "GUI-thread stall %5 ms; window %6x%7, scale %8 %, "
                                   "full screen %9, playback %10, anti-aliasing %11\n")
                        .arg(lat.size())
                        .arg(n)
                        .arg(p.median, 0, 'f', 1)
                        .arg(p.p95, 0, 'f', 1)
                        .arg(monitor->longestGapMs(), 0, 'f', 1)
                        .arg(size.width())
                        .arg(size.height())
                        .arg(window->presentation()->scalePercent())
                        .arg(window->isFullScreen() ? QStringLiteral("on") : QStringLiteral("off"))
                        .arg(window->stateSpace()->playback()->isPlaying()
                                 ? QStringLiteral("running")
                                 : QStringLiteral("off"))
                        .arg(options.alwaysAntiAliased ? QStringLiteral("every frame")
                                                       : QStringLiteral("adaptive"));
                writeText(csvPath, csv);
                QApplication::exit(0);
                return;
            }
            // Down from N to 0, then back up: a user dragging the slider across its range.
            const int period = 2 * std::max(1, n);
            const int phase = (*step + 1) % period;
            const int k = phase <= n ? n - phase : phase - n;
            ++*step;
            ks->push_back(k);
            panel->setRank(k);
        };
        QObject::connect(window, &MainWindow::resultShown, window,
                         [next] { QTimer::singleShot(20, *next); });
        // The window has been laid out at its new size before the first change.
        QTimer::singleShot(1000, window, [next, monitor] {
            monitor->start();
            (*next)();
        });
    });
}

void exportMovieWhenReady(MainWindow* window, const MovieOptions& options) {
    whenReady(window, [window, options] {
        // Framed as Reset camera does, after the first paint.
        window->stateSpace()->view()->resetCamera();
        QTimer::singleShot(1000, window, [window, options] {
            MovieDialog* dialog = window->movieDialog();
            dialog->setOptions(options);
            dialog->show();
            auto* clock = new QElapsedTimer;
            clock->start();
            QObject::connect(
                dialog, &MovieDialog::exportFinished, window, [dialog, clock](const QString& path) {
                    const double seconds = clock->elapsed() / 1000.0;
                    delete clock;
                    QString text;
                    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
                        try {
                            const MovieInfo info = readMovieInfo(path.toStdString());
                            text = QStringLiteral("%1: %2 frames of %3x%4 at %5 fps (%6), "
                                                  "%7 bytes, exported in %8 s\n")
                                       .arg(path)
                                       .arg(info.frames)
                                       .arg(info.width)
                                       .arg(info.height)
                                       .arg(info.fps)
                                       .arg(QString::fromStdString(info.codec))
                                       .arg(QFileInfo(path).size())
                                       .arg(seconds, 0, 'f', 1);
                        } catch (const std::exception& e) {
                            std::fprintf(stderr, "%s\n", e.what());
                            QApplication::exit(1);
                            return;
                        }
                    } else {
                        text = QStringLiteral("%1: %2 frames, exported in %3 s\n")
                                   .arg(path)
                                   .arg(dialog->exporter()->files().size())
                                   .arg(seconds, 0, 'f', 1);
                    }
                    std::fputs(qPrintable(text), stdout);
                    QApplication::exit(0);
                });
            if (!dialog->startExport()) {
                std::fprintf(stderr, "%s\n", qPrintable(dialog->statusText()));
                QApplication::exit(1);
                return;
            }
            QObject::connect(dialog->exporter(), &MovieExporter::failed, window,
                             [](const QString& message) {
                                 std::fprintf(stderr, "%s\n", qPrintable(message));
                                 QApplication::exit(1);
                             });
        });
    });
}

void measureStallWhenReady(MainWindow* window, const QString& job, const QString& reportPath,
                           int iterations) {
    whenReady(window, [window, job, reportPath, iterations] {
        if (job == QStringLiteral("training"))
            window->trainDialog()->show();
        // Start once the dialog has been painted: its first layout is not part of the job.
        QTimer::singleShot(500, window, [window, job, reportPath, iterations] {
            runStallJob(window, job, reportPath, iterations);
        });
    });
}

namespace {

void runStallJob(MainWindow* window, const QString& job, const QString& reportPath,
                 int iterations) {
    {
        auto* monitor = new StallMonitor(window);
        JobRunner* runner = window->jobs();
        bool started = false;
        if (job == QStringLiteral("training")) {
            TrainDialog* dialog = window->trainDialog();
            TrainSettings s = dialog->settings();
            s.iterations = iterations;
            dialog->setSettings(s);
            runner = dialog->runner();
            started = dialog->startTraining();
        } else {
            started = window->startSweep();
        }
        if (!started) {
            writeText(reportPath, QStringLiteral("the %1 job could not be started\n").arg(job));
            QApplication::exit(1);
            return;
        }
        monitor->start();
        QObject::connect(runner, &JobRunner::finished, window,
                         [monitor, job, reportPath](const QString&, double seconds) {
                             monitor->stop();
                             writeText(reportPath,
                                       QStringLiteral("job: %1\nseconds: %2\ntimer ticks: %3\n"
                                                      "longest GUI-thread gap: %4 ms\n")
                                           .arg(job)
                                           .arg(seconds, 0, 'f', 2)
                                           .arg(monitor->ticks())
                                           .arg(monitor->longestGapMs(), 0, 'f', 1));
                             // Let the opened network (training) finish its own work first.
                             QTimer::singleShot(200, [] { QApplication::exit(0); });
                         });
    }
}

} // namespace

} // namespace opdims::explorer
