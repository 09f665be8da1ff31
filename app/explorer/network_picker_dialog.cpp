// NetworkPickerDialog: a list of /NetNr<i> groups, described by a worker thread.
#include "app/explorer/network_picker_dialog.h"

#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"
#include "core/tasks/task.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace opdims::explorer {

NetworkPickerDialog::NetworkPickerDialog(const QString& path, const std::vector<int>& networks,
                                         QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this)),
      m_cancel(std::make_shared<std::atomic<bool>>(false)) {
    setWindowTitle(tr("Choose a network"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%1 holds %n network(s). Which one should open?", nullptr,
                                    static_cast<int>(networks.size()))
                                     .arg(QFileInfo(path).fileName()),
                                 this));
    for (int n : networks) {
        auto* item = new QListWidgetItem(tr("Network %1").arg(n), m_list);
        item->setData(Qt::UserRole, n);
    }
    m_list->setCurrentRow(0);
    m_list->setMinimumWidth(460);
    m_list->setToolTip(tr("The grid cost is the network's cost on its task's noise-free grid "
                          "batch, computed while this dialog is open"));
    layout->addWidget(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);

    // One network after the other on a worker thread (one simulation thread: the GUI stays
    // responsive); the rows are filled on the GUI thread while the dialog exists.
    const std::string file = path.toStdString();
    QPointer<NetworkPickerDialog> self(this);
    auto cancel = m_cancel;
    const QString costText = tr("grid cost %1");
    const QString sizesText = tr("Network %1: %2 units, %3 inputs, %4 outputs (%5)");
    const QString pendingText = tr("computing the grid cost…");
    (void)QtConcurrent::run([=] {
        for (int net : networks) {
            if (cancel->load())
                return;
            auto post = [self, net](const QString& text) {
                QMetaObject::invokeMethod(
                    qApp,
                    [self, net, text] {
                        if (self)
                            self->describe(net, text);
                    },
                    Qt::QueuedConnection);
            };
            try {
                LoadOptions options;
                options.net = net;
                const Model m = loadModel(file, options);
                const TaskKind task = m.task == TaskKind::Unknown ? guessTask(m) : m.task;
                const QString sizes = sizesText.arg(net)
                                          .arg(m.units())
                                          .arg(m.inputs())
                                          .arg(m.outputs())
                                          .arg(QString::fromLatin1(taskName(task)));
                if (task != TaskKind::Ctxt && task != TaskKind::Swg) {
                    post(sizes);
                    continue;
                }
                post(sizes + QStringLiteral(", ") + pendingText);
                Progress progress;
                progress.cancel = cancel.get();
                SimOptions sim;
                sim.threads = 1;
                const double cost = evaluateCost(m, m.W, makeGridBatch(task), sim, progress);
                post(sizes + QStringLiteral(", ") + costText.arg(QLocale().toString(cost, 'g', 4)));
            } catch (const Cancelled&) {
                return;
            } catch (const std::exception& e) {
                post(tr("Network %1: %2").arg(net).arg(QString::fromStdString(e.what())));
            }
        }
    });
}

NetworkPickerDialog::~NetworkPickerDialog() {
    m_cancel->store(true); // the worker stops at its next check; it never touches this dialog
}

void NetworkPickerDialog::describe(int net, const QString& text) {
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toInt() == net)
            m_list->item(i)->setText(text);
    emit rowDescribed(net);
}

QString NetworkPickerDialog::rowText(int net) const {
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toInt() == net)
            return m_list->item(i)->text();
    return {};
}

int NetworkPickerDialog::selectedNetwork() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : 0;
}

int NetworkPickerDialog::pick(QWidget* parent, const QString& path,
                              const std::vector<int>& networks) {
    if (networks.empty())
        return 0;
    if (networks.size() == 1)
        return networks.front();
    NetworkPickerDialog dialog(path, networks, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedNetwork() : 0;
}

} // namespace opdims::explorer
