// The train dialog: task, units, seed, iterations; a live loss plot; the trained network opens
// in the main window when training ends.
#pragma once

#include "app/explorer/job_runner.h"
#include "app/explorer/model_source.h"
#include "core/model/model.h"

#include <QDialog>
#include <QTimer>

#include <memory>
#include <mutex>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

struct TrainSettings {
    TaskKind task = TaskKind::Ctxt;
    int units = 100;
    unsigned long long seed = 1;
    int iterations = 200;
    int batchSize = 32;
};

class TrainDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrainDialog(QWidget* parent = nullptr);
    ~TrainDialog() override;

    TrainSettings settings() const;
    void setSettings(const TrainSettings& s);
    // Starts training with the dialog's settings; false while a run is going on.
    bool startTraining();
    bool running() const { return m_runner.busy(); }
    JobRunner* runner() { return &m_runner; }
    // After a cancelled run: the button that opens the network as far as it was trained.
    QPushButton* keepButton() const { return m_keep; }

signals:
    // Emitted on the GUI thread when a run finishes, and for Keep after a cancelled run (then
    // with `stoppedAfter` set). Its name and origin are made in the language of the moment.
    void trained(const opdims::explorer::OpenedModel& opened);
    void lossAppended(double iteration, double loss);
    void trainingStarted();

private:
    void drainLosses();
    void setRunning(bool running);

    QComboBox* m_task;
    QSpinBox* m_units;
    QSpinBox* m_seed;
    QSpinBox* m_iterations;
    QSpinBox* m_batch;
    widgets::PlotView* m_plot;
    QProgressBar* m_bar;
    QLabel* m_status;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QPushButton* m_keep;
    JobRunner m_runner;
    QTimer m_drain;
    std::mutex m_mutex; // guards m_pending, filled by the training thread
    std::vector<std::pair<double, double>> m_pending;
    // The network after the newest finished iteration (guarded by m_mutex) and what it is.
    std::shared_ptr<const Model> m_latest;
    int m_latestIteration = 0;
    TrainSettings m_started; // the settings of the newest run
};

} // namespace opdims::explorer
