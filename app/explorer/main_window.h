// The explorer's main window: wires the docks, the file actions, live ablation and long jobs.
#pragma once

#include "app/explorer/ablation_worker.h"
#include "app/explorer/model_source.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <vector>

class QMenu;

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class AblationController;
class AblationPanel;
class AnglesDialog;
class CompareWindow;
class FigureDialog;
class FileController;
class FixedPointPanel;
class JobRunner;
class LessonController;
class LessonPanel;
class ModelPanel;
class OutputPanel;
class MovieDialog;
class Presentation;
class SideBySideWindow;
class Session;
class StateSpacePanel;
class SweepPanel;
class TrainDialog;
class TrialSetController;
class VariancePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows a network and starts its analysis on the worker thread (on its task's grid).
    void openModel(const OpenedModel& opened);
    // The first network of a task (the authors' network 1 where embedded); `trained`: the one
    // opdims trained.
    void openDefault(TaskKind task, bool trained = false);
    // File > Open trials: reads the trial set off the GUI thread and analyses the open network on
    // it (no network open: the embedded default network that fits); an error leaves the window
    // as it was. File > Close trials goes back to the task's grid, as opening a network does.
    void openTrials(const QString& path);
    void closeTrials();
    FileController* files() const { return m_files; }
    TrialSetController* trials() const { return m_trials; }
    AblationController* ablation() const { return m_ablation; }
    AblationPanel* ablationPanel() const { return m_ablationPanel; }
    SweepPanel* sweepPanel() const { return m_sweep; }
    StateSpacePanel* stateSpace() const { return m_stateSpace; }
    // The Fixed points dock: the shown points as a table, linked with the 3D view's glyphs.
    FixedPointPanel* fixedPointPanel() const { return m_fixedPoints; }
    ModelPanel* modelPanel() const { return m_modelPanel; }
    JobRunner* jobs() const { return m_jobs; }
    TrainDialog* trainDialog();
    // Analysis > Principal angles between bases (made on first use).
    AnglesDialog* anglesDialog();
    // File > Compare with a second network: the window beside this one (made on first use), and
    // opening a network in it (false with an error shown when it cannot be compared).
    CompareWindow* compareWindow();
    // View > PC beside operative dimensions: the window with both reduced-rank networks at the
    // same k (made on first use).
    SideBySideWindow* sideBySideWindow();
    // File > Export of a figure: the dialog for a plot, or for the 3D view (plot null); it
    // deletes itself when closed.
    FigureDialog* openFigureDialog(widgets::PlotView* plot, const QString& name);
    // File > Export > Movie of the 3D view (made on first use).
    MovieDialog* movieDialog();
    // Lessons (Help > Lessons, the Lesson dock): the controller runs the open lesson.
    LessonController* lessons() const { return m_lessons; }
    LessonPanel* lessonPanel() const { return m_lessonPanel; }
    // Presentation mode: full screen, scale, colours, the 3D view alone, presenter keys.
    Presentation* presentation() const { return m_presentation; }
    OutputPanel* outputPanel() const { return m_output; }
    // Opens a lesson file or a shipped lesson (by name, in the interface language); false with
    // a message when the file has a mistake (nothing else changes).
    bool openLesson(const QString& path);
    bool openShippedLesson(const QString& name);
    // On the first start only: the Lesson dock offers the shipped lessons (nothing is forced).
    void offerLessonOnFirstStart();
    // Help menu: a window-modal box with the topic's text.
    enum class HelpTopic { About, Glossary, Shortcuts };
    void showHelp(HelpTopic topic);
    bool compareWith(const QString& path, int net = 1);
    // What the user is looking at; every panel observes it.
    Session* session() const { return m_session; }
    const OpenedModel& current() const;
    // The newest result shown by the views (null before the first).
    std::shared_ptr<const AblationResult> shownResult() const;

    // Shows an error without blocking (window-modal box); also emits errorShown.
    void showError(const QString& title, const QString& message);

    // Switches the interface language now: remembers it, installs its translation and replaces
    // this window by a new one showing the same network and layout (returned; this one closes).
    // While a long job runs only the setting changes (nullptr).
    MainWindow* switchLanguage(const QString& code);

    // Starts the rank sweep of the chosen basis as a long job; false when a job runs already.
    bool startSweep();
    bool startRowDimensions();
    // Searches the shown reduced-rank network's fixed points from kSearchStarts states of its own
    // trials as a long job; the result replaces the quick points in the 3D view.
    bool startFixedPointSearch();
    static constexpr int kSearchStarts = 1000;
    // Saves the fixed points the 3D view shows (HDF5, docs/fixed-points.md); false and a message
    // when there are none or the file cannot be written.
    bool saveShownFixedPoints(const QString& path);
    // The basis chosen for ablation as a basis file (.npz or .h5), and the network with the shown
    // reduced W as an opdims model file (its cost equals the shown cost bit for bit).
    bool saveCurrentBasis(const QString& path);
    // The authors' local operative dimensions of the open network (their HDF5 layout) as a
    // basis source: their global operative dimensions join the bases (key "file:PATH").
    bool openLocalDimensions(const QString& path, Side side);
    bool saveReducedNetwork(const QString& path);

signals:
    void errorShown(const QString& message);
    void analysisShown();
    void resultShown(quint64 generation);
    void fixedPointsSearched(std::shared_ptr<const opdims::FixedPointResult> points);

protected:
    void closeEvent(QCloseEvent* event) override;
    // Page Up / Page Down step through an open lesson whichever widget has the focus.
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Ends a result's showing after the paint that drew it (see applyPendingResult).
    bool event(QEvent* event) override;

private:
    void createDocks();
    void createMenus();
    void createExportMenu(QMenu* menu);
    void readSettings();
    void writeSettings();
    void openModelWith(const OpenedModel& opened, std::shared_ptr<const Batch> trials);
    // Analyses the open network again, on a trial set (null: the task's grid batch).
    void analyseOn(std::shared_ptr<const Batch> trials);
    void onAnalysisReady(std::shared_ptr<const ModelAnalysis> analysis);
    void requestAblation();
    void onResult(std::shared_ptr<const AblationResult> result);
    void applyPendingResult();
    void exportPlot(widgets::PlotView* plot, const QString& name);
    void exportView();
    void exportFixedPoints();
    void exportBasis();
    void openLocalDimensionsWithDialog();
    void compareWithDialog();
    void exportReducedNetwork();
    void updateTitle();

    Session* m_session;
    AblationController* m_ablation;
    JobRunner* m_jobs;
    FileController* m_files;
    TrialSetController* m_trials;
    ModelPanel* m_modelPanel = nullptr;
    StateSpacePanel* m_stateSpace = nullptr;
    AblationPanel* m_ablationPanel = nullptr;
    SweepPanel* m_sweep = nullptr;
    AnglesDialog* m_angles = nullptr;
    CompareWindow* m_compare = nullptr;
    SideBySideWindow* m_sideBySide = nullptr;
    MovieDialog* m_movie = nullptr;
    VariancePanel* m_variance = nullptr;
    OutputPanel* m_output = nullptr;
    FixedPointPanel* m_fixedPoints = nullptr;
    LessonPanel* m_lessonPanel = nullptr;
    LessonController* m_lessons = nullptr;
    Presentation* m_presentation = nullptr;
    bool m_fixedPointsWanted = false; // the last selection wanted fixed points
    widgets::PlotView* m_lossPlot = nullptr;
    TrainDialog* m_train = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_closeTrials = nullptr;
    QMenu* m_viewMenu = nullptr;
    std::shared_ptr<const AblationResult> m_pending; // newest result not yet drawn
    // A result given to the views whose paint has not happened yet, and the timer that counts it
    // as shown anyway when no paint comes (nothing on screen changed). It is shown once the
    // window has painted and, when the 3D view is on screen, that view has drawn a frame: the two
    // are drawn in events of their own.
    std::shared_ptr<const AblationResult> m_awaitingPaint;
    bool m_awaitingWindow = false;
    bool m_awaitingScene = false;
    QTimer m_paintFallback;
    void finishShowingResult();
    void partShown(bool window);
    QString m_jobMessage; // what the running job found, shown when it finishes
};

} // namespace opdims::explorer
