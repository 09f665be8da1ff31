// TrainDialog: core's trainer on a JobRunner; losses are buffered and drawn every 40 ms.
#include "app/explorer/train_dialog.h"

#include "app/explorer/job_status_widget.h"
#include "app/explorer/labels.h"
#include "core/train/train.h"
#include "widgets/plot_view.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opdims::explorer {

namespace {
OpenedModel trainedModel(std::shared_ptr<const Model> model, const TrainSettings& s,
                         int stoppedAfter) {
    OpenedModel opened;
    opened.model = std::move(model);
    opened.kind = ModelSourceKind::Trained;
    opened.task = s.task;
    opened.seed = s.seed;
    opened.iterations = s.iterations;
    opened.stoppedAfter = stoppedAfter;
    return opened;
}
} // namespace

TrainDialog::TrainDialog(QWidget* parent)
    : QDialog(parent), m_task(new QComboBox(this)), m_units(new QSpinBox(this)),
      m_seed(new QSpinBox(this)), m_iterations(new QSpinBox(this)), m_batch(new QSpinBox(this)),
      m_plot(new widgets::PlotView(this)), m_bar(new QProgressBar(this)),
      m_status(new QLabel(this)), m_start(new QPushButton(tr("Train"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_keep(new QPushButton(tr("Open the network trained so far"), this)) {
    setWindowTitle(tr("Train a network"));
    for (const TaskKind task : builtInTasks())
        m_task->addItem(taskTitle(task), static_cast<int>(task));
    m_units->setRange(2, 1000);
    m_seed->setRange(0, 1000000000);
    m_iterations->setRange(1, 1000000);
    m_batch->setRange(1, 4096);
    m_task->setToolTip(tr("The task the network learns; its trials and cost (docs/tasks.md)"));
    m_units->setToolTip(tr("The number of units N of the recurrent network"));
    m_seed->setToolTip(
        tr("Seeds the random start and the training batches: the same seed gives the same network "
           "bit for bit"));
    m_iterations->setToolTip(tr("Gradient steps (Adam); the loss curve below shows each one"));
    m_batch->setToolTip(tr("Noisy trials drawn for each gradient step"));
    m_start->setToolTip(tr("Starts training on a worker thread; the window stays usable"));
    m_cancel->setToolTip(tr("Stops the training run; the dialog stays open and offers the "
                            "network trained so far"));
    m_keep->setToolTip(tr("Opens the network as it was after the last finished iteration"));
    m_keep->setVisible(false);
    auto* form = new QFormLayout;
    form->addRow(tr("Task:"), m_task);
    form->addRow(tr("Units:"), m_units);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Iterations:"), m_iterations);
    form->addRow(tr("Trials per iteration:"), m_batch);
    m_plot->setTitle(tr("Training loss"));
    m_plot->setAxisLabels(tr("iteration"), tr("loss (cost of the training batch)"));
    m_plot->setLogY(true);
    m_bar->setRange(0, 1000);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    // Not the reject role: cancelling the run must not close the dialog.
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keep, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close)
        ->setToolTip(tr("Closes this dialog; training goes on in the background"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 520);
    setSettings({});
    m_status->setText(tr("Trains a new network from a seeded random start (BPTT with Adam)."));
    m_cancel->setEnabled(false);

    connect(m_start, &QPushButton::clicked, this, &TrainDialog::startTraining);
    connect(m_cancel, &QPushButton::clicked, &m_runner, &JobRunner::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &TrainDialog::reject);
    m_drain.setInterval(40);
    connect(&m_drain, &QTimer::timeout, this, &TrainDialog::drainLosses);
    connect(&m_runner, &JobRunner::progressed, this, [this](double f, double left) {
        m_bar->setValue(static_cast<int>(std::lround(f * 1000)));
        m_status->setText(tr("Training: %1").arg(JobStatusWidget::timeLeftText(left)));
    });
    connect(m_keep, &QPushButton::clicked, this, [this] {
        std::shared_ptr<const Model> model;
        int iteration = 0;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            model = m_latest;
            iteration = m_latestIteration;
        }
        if (!model)
            return;
        m_keep->setVisible(false);
        emit trained(trainedModel(model, m_started, iteration));
    });
    connect(&m_runner, &JobRunner::finished, this, [this](const QString&, double seconds) {
        setRunning(false);
        m_bar->setValue(m_bar->maximum()); // the last report may be below 100 %
        m_status->setText(tr("Finished in %1 s; the network is open in the main window.")
                              .arg(QLocale().toString(seconds, 'f', 1)));
    });
    connect(&m_runner, &JobRunner::cancelled, this, [this] {
        setRunning(false);
        int iteration = 0;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            iteration = m_latest ? m_latestIteration : 0;
        }
        if (iteration > 0) {
            m_status->setText(
                tr("Training cancelled after iteration %1: open the network trained so far, or "
                   "start again.")
                    .arg(iteration));
            m_keep->setVisible(true);
        } else {
            m_status->setText(tr("Training cancelled before the first iteration finished."));
        }
    });
    connect(&m_runner, &JobRunner::failed, this, [this](const QString&, const QString& message) {
        setRunning(false);
        m_status->setText(tr("Training failed: %1").arg(message));
    });
}

TrainDialog::~TrainDialog() {
    m_runner.cancel();
    m_runner.waitForFinished();
}

TrainSettings TrainDialog::settings() const {
    TrainSettings s;
    s.task = static_cast<TaskKind>(m_task->currentData().toInt());
    s.units = m_units->value();
    s.seed = static_cast<unsigned long long>(m_seed->value());
    s.iterations = m_iterations->value();
    s.batchSize = m_batch->value();
    return s;
}

void TrainDialog::setSettings(const TrainSettings& s) {
    m_task->setCurrentIndex(std::max(0, m_task->findData(static_cast<int>(s.task))));
    m_units->setValue(s.units);
    m_seed->setValue(static_cast<int>(s.seed));
    m_iterations->setValue(s.iterations);
    m_batch->setValue(s.batchSize);
}

void TrainDialog::setRunning(bool running) {
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_task, m_units, m_seed, m_iterations, m_batch})
        w->setEnabled(!running);
    if (running) {
        m_drain.start();
    } else {
        m_drain.stop();
        drainLosses();
    }
}

bool TrainDialog::startTraining() {
    if (m_runner.busy())
        return false;
    const TrainSettings s = settings();
    widgets::PlotSeries loss;
    loss.name = tr("loss");
    loss.color = QColor(0, 114, 178);
    m_plot->setSeries({loss});
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.clear();
        m_latest.reset();
        m_latestIteration = 0;
    }
    m_keep->setVisible(false);
    m_bar->setValue(0);
    m_started = s;
    // The model's own name says how it was made (not the random start it came from), in the
    // interface's language like the names of the built-in networks (model_source.cpp).
    const std::string name = tr("%1 network trained in the app (%2 units, seed %3, %4 iterations)")
                                 .arg(QString::fromLatin1(taskName(s.task)))
                                 .arg(s.units)
                                 .arg(s.seed)
                                 .arg(s.iterations)
                                 .toStdString();
    const QString stopped = tr("%1, stopped after iteration %2").arg(QString::fromStdString(name));
    const bool started =
        m_runner.start(tr("Training"),
                       [this, s, name, stopped](const Progress& progress) -> std::function<void()> {
                           TrainConfig config;
                           config.task = s.task;
                           config.seed = s.seed;
                           config.iterations = s.iterations;
                           config.batchSize = s.batchSize;
                           Model start = randomModel(s.task, s.units, s.seed);
                           start.name = name;
                           TrainState state = opdims::startTraining(std::move(start), config);
                           opdims::train(
                               state,
                               [this, stopped](const IterationReport& r, const Model& m) {
                                   // A copy per iteration (N x N doubles) for Cancel to offer.
                                   auto latest = std::make_shared<Model>(m);
                                   latest->name = stopped.arg(r.iteration).toStdString();
                                   const std::lock_guard<std::mutex> lock(m_mutex);
                                   m_pending.emplace_back(static_cast<double>(r.iteration), r.loss);
                                   m_latest = std::move(latest);
                                   m_latestIteration = static_cast<int>(r.iteration);
                                   return true;
                               },
                               progress);
                           state.model.name = name;
                           auto model = std::make_shared<const Model>(std::move(state.model));
                           return [this, model, s] { emit trained(trainedModel(model, s, 0)); };
                       });
    if (started) {
        setRunning(true);
        emit trainingStarted();
    }
    return started;
}

void TrainDialog::drainLosses() {
    std::vector<std::pair<double, double>> points;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        points.swap(m_pending);
    }
    for (const auto& [iteration, loss] : points) {
        m_plot->appendPoint(0, iteration, loss);
        emit lossAppended(iteration, loss);
    }
}

} // namespace opdims::explorer
