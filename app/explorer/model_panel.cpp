// ModelPanel: a form of labels; numbers in the locale's format.
#include "app/explorer/model_panel.h"
#include "app/explorer/labels.h"

#include "core/tasks/conditions.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace opdims::explorer {

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent) {
    // A grid, not a QFormLayout: the form's height for a width leaves wrapped values a line or
    // two short inside the Model dock's scroll area.
    auto* grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);
    m_origin = addRow(grid, tr("Source:"));
    m_name = addRow(grid, tr("Name:"));
    m_task = addRow(grid, tr("Task:"));
    m_trials = addRow(grid, tr("Trials:"));
    m_sizes = addRow(grid, tr("Sizes:"));
    m_timing = addRow(grid, tr("Time step:"));
    m_radius = addRow(grid, tr("Spectral radius of W:"));
    m_cost = addRow(grid, tr("Cost (grid batch):"), &m_costLabel);
    m_reduced = addRow(grid, tr("Reduced-rank network:"));
    grid->setRowStretch(grid->rowCount(), 1);
}

QLabel* ModelPanel::addRow(QGridLayout* grid, const QString& label, QLabel** name) {
    const int row = grid->rowCount();
    auto* title = new QLabel(label, this);
    auto* value = new QLabel(this);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setBuddy(value);
    grid->addWidget(title, row, 0, Qt::AlignLeft | Qt::AlignTop);
    grid->addWidget(value, row, 1, Qt::AlignTop);
    if (name)
        *name = title;
    return value;
}

void ModelPanel::setModel(const OpenedModel& opened) {
    const Model& m = *opened.model;
    // Built now, in the interface's language (a language switch keeps the OpenedModel).
    m_origin->setText(originText(opened));
    m_origin->setToolTip(opened.path);
    m_name->setText(modelName(opened));
    const TaskKind task = m.task == TaskKind::Unknown ? guessTask(m) : m.task;
    m_task->setText(taskTitle(task));
    m_sizes->setText(tr("%1 units, %2 inputs, %3 outputs, %4 initial states")
                         .arg(m.units())
                         .arg(m.inputs())
                         .arg(m.outputs())
                         .arg(m.initialStates()));
    m_timing->setText(tr("dt = %1 s, tau = %2 s").arg(m.dt).arg(m.tau));
    m_radius->setText(QLocale().toString(spectralRadius(m.W), 'g', 4));
    setTrialSet(nullptr);
    setComputing();
    clearReduced();
}

void ModelPanel::setTrialSet(const std::shared_ptr<const Batch>& trials) {
    if (!trials) {
        m_trials->setText(tr("the task's grid batch"));
        m_trials->setToolTip(QString());
        m_costLabel->setText(tr("Cost (grid batch):"));
        return;
    }
    const auto conditions = static_cast<int>(labelConditions(*trials).size());
    QString text = tr("%1: %2 trials of %3 steps, %4 conditions")
                       .arg(QFileInfo(QString::fromStdString(trials->source)).fileName())
                       .arg(trials->trialCount())
                       .arg(trials->steps)
                       .arg(conditions);
    if (!trials->mask.empty())
        text += tr(", masked");
    m_trials->setText(text);
    m_trials->setToolTip(QString::fromStdString(trials->source));
    m_costLabel->setText(tr("Cost (trial set):"));
}

void ModelPanel::setComputing() {
    m_cost->setText(tr("computing…"));
}

void ModelPanel::setFullCost(double cost) {
    m_cost->setText(QLocale().toString(cost, 'g', 4));
}

void ModelPanel::setReduced(const QString& basis, int kept, int total, double cost,
                            double distance) {
    m_reduced->setText(tr("%1: %2 of %3 dimensions kept, cost %4, state distance %5")
                           .arg(basis)
                           .arg(kept)
                           .arg(total)
                           .arg(QLocale().toString(cost, 'g', 4))
                           .arg(QLocale().toString(distance, 'g', 4)));
}

void ModelPanel::clearReduced() {
    m_reduced->setText(tr("all dimensions kept"));
}

QString ModelPanel::summaryText() const {
    QStringList parts;
    for (const QLabel* l :
         {m_origin, m_name, m_task, m_trials, m_sizes, m_timing, m_radius, m_cost, m_reduced})
        parts << l->text();
    return parts.join(QLatin1Char('\n'));
}

} // namespace opdims::explorer
