// Asks which network of a multi-network authors' file to open: each network with its sizes and,
// computed off the GUI thread while the dialog is open, its cost on the task's grid batch.
#pragma once

#include <QDialog>

#include <atomic>
#include <memory>
#include <vector>

class QListWidget;

namespace opdims::explorer {

class NetworkPickerDialog : public QDialog {
    Q_OBJECT
public:
    NetworkPickerDialog(const QString& path, const std::vector<int>& networks,
                        QWidget* parent = nullptr);
    ~NetworkPickerDialog() override;
    int selectedNetwork() const;
    // The text of network `net`'s row (for tests).
    QString rowText(int net) const;

    // The chosen network number, or 0 when the user cancels. One network: returned directly.
    static int pick(QWidget* parent, const QString& path, const std::vector<int>& networks);

signals:
    // A network's row got its sizes and cost (or the reason it has none).
    void rowDescribed(int net);

private:
    void describe(int net, const QString& text);

    QListWidget* m_list;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace opdims::explorer
