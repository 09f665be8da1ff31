// Unattended runs of the explorer for documentation and measurements: screenshots, the
// slider-to-views latency of live ablation, and the longest GUI-thread stall during long jobs.
#pragma once

#include "app/explorer/movie_export.h"

#include <QObject>
#include <QString>

#include <vector>

namespace opdims::explorer {

class MainWindow;

// Median and 95th percentile (nearest rank) of a sample; {0, 0} when empty.
struct Percentiles {
    double median = 0.0;
    double p95 = 0.0;
};
Percentiles percentiles(std::vector<double> values);

// What a scripted screenshot shows besides the default view.
struct ScreenshotOptions {
    int rank = -1; // move the rank slider here first (< 0: leave it)
    bool fixedPoints = false;
    bool remove = false;
    QString basis; // a basis key to choose first (empty: leave it)
    bool flowArrows = false;
    bool sweep = false;   // sweep k for the chosen basis and show the Rank sweep dock
    QString dock;         // a dock to bring to the front (its object name, e.g. "sweepDock")
    int time = -1;        // a 0-based time step to show the markers at (< 0: time not shown)
    int scalePercent = 0; // the interface scale (0: as remembered)
    bool fullScreen = false;
    bool viewAlone = false;  // the 3D view alone, every dock hidden
    bool sideBySide = false; // the PC-beside-operative window is shot instead of the main one
    QString switchLanguage;  // after the changes: switch to this language, shoot the new window
};

// Saves the window as PNG once the network is analysed and the first ablation result is drawn
// (after the changes the options ask for, each once the previous one is on screen), then quits
// the application with 0 (or 1 when the image cannot be written).
void screenshotWhenReady(MainWindow* window, const QString& path,
                         const ScreenshotOptions& options = {});

// Opens the lesson, goes to its step (1-based) and saves the window once the step is set up,
// its jobs (a sweep) have finished and the views have had time to draw; exits the app.
void screenshotLessonStep(MainWindow* window, const QString& lesson, int step, const QString& path);

// Moves the rank slider `changes` times like a user dragging it (down from N, then up), waiting
// for the views after each change; writes one CSV line per change plus a summary, then quits.
// The options put the window in presentation mode first: the interface scale (0: as remembered),
// full screen, and time playing (at its default speed, looping) while the slider moves; the
// summary line then also gives the longest GUI-thread stall (StallMonitor) during the run.
struct LatencyOptions {
    int scalePercent = 0;
    bool fullScreen = false;
    bool play = false;
    bool alwaysAntiAliased = false; // every frame anti-aliased (StateSpaceView::setAdaptiveQuality)
};
void measureLatencyWhenReady(MainWindow* window, const QString& csvPath, int changes,
                             const LatencyOptions& options = {});

// Exports a movie of the 3D view with the Movie dialog once the network is shown; prints the
// file, its frames and size (read back with FFmpeg's decoder) and the export time; quits with 0
// (1 on failure).
void exportMovieWhenReady(MainWindow* window, const MovieOptions& options);

// Runs a long job (a rank sweep of every quick basis, or a training run of `iterations`) while a
// 5 ms GUI-thread timer records the longest gap; writes a report and quits.
void measureStallWhenReady(MainWindow* window, const QString& job, const QString& reportPath,
                           int iterations);

} // namespace opdims::explorer
