// NetworkPickerDialog: a list of /NetNr<i> groups.
#include "app/explorer/network_picker_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace opdims::explorer {

NetworkPickerDialog::NetworkPickerDialog(const QString& fileName, const std::vector<int>& networks,
                                         QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this)) {
    setWindowTitle(tr("Choose a network"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%1 holds %n network(s). Which one should open?", nullptr,
                                    static_cast<int>(networks.size()))
                                     .arg(QFileInfo(fileName).fileName()),
                                 this));
    for (int n : networks) {
        auto* item = new QListWidgetItem(tr("Network %1").arg(n), m_list);
        item->setData(Qt::UserRole, n);
    }
    m_list->setCurrentRow(0);
    layout->addWidget(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
}

int NetworkPickerDialog::selectedNetwork() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : 0;
}

int NetworkPickerDialog::pick(QWidget* parent, const QString& fileName,
                              const std::vector<int>& networks) {
    if (networks.empty())
        return 0;
    if (networks.size() == 1)
        return networks.front();
    NetworkPickerDialog dialog(fileName, networks, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedNetwork() : 0;
}

} // namespace opdims::explorer
