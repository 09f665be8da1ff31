// Asks which network of a multi-network authors' file to open.
#pragma once

#include <QDialog>

#include <vector>

class QListWidget;

namespace opdims::explorer {

class NetworkPickerDialog : public QDialog {
    Q_OBJECT
public:
    NetworkPickerDialog(const QString& fileName, const std::vector<int>& networks,
                        QWidget* parent = nullptr);
    int selectedNetwork() const;

    // The chosen network number, or 0 when the user cancels. One network: returned directly.
    static int pick(QWidget* parent, const QString& fileName, const std::vector<int>& networks);

private:
    QListWidget* m_list;
};

} // namespace opdims::explorer
