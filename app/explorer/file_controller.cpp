// FileController: every core error becomes one error() signal with the core's sentence.
#include "app/explorer/file_controller.h"

#include "app/explorer/network_picker_dialog.h"
#include "core/base/error.h"
#include "core/model/io.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QWidget>

namespace opdims::explorer {

namespace {
constexpr int kMaxRecent = 8;
// Entries "PATH", or "N:PATH" for network N of an authors' file (paths are absolute, so a
// leading number and colon cannot be part of one).
const QString kRecentKey = QStringLiteral("recentFiles");

FileController::Recent parseRecent(const QString& entry) {
    const qsizetype colon = entry.indexOf(QLatin1Char(':'));
    bool number = false;
    const int net = colon > 0 ? entry.left(colon).toInt(&number) : 0;
    if (number && net > 0)
        return {entry.mid(colon + 1), net};
    return {entry, 0};
}
const QString kLastDirKey = QStringLiteral("lastDirectory");
} // namespace

FileController::FileController(QWidget* window) : QObject(window), m_window(window) {}

QString FileController::openFilter() {
    return tr("Networks (*.h5 *.hdf5 *.npz);;HDF5 files (*.h5 *.hdf5);;NumPy archives (*.npz);;"
              "All files (*)");
}

void FileController::openWithDialog() {
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open network"), settings.value(kLastDirKey).toString(), openFilter());
    if (!path.isEmpty())
        open(path, 0);
}

void FileController::open(const QString& path, int net) {
    try {
        const std::string file = path.toStdString();
        if (net <= 0) {
            net = 1;
            if (QFileInfo::exists(path) && detectFormat(file) == FileFormat::Authors) {
                net = NetworkPickerDialog::pick(m_window, path, authorsNetworks(file));
                if (net == 0)
                    return; // the user cancelled the picker
            }
        }
        const OpenedModel m = openModelFile(path, net);
        remember(m.path, m.net);
        QSettings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
        emit opened(m);
    } catch (const std::exception& e) {
        emit error(tr("Cannot open the network"), QString::fromStdString(e.what()));
    }
}

void FileController::save(const Model& model, const QString& path) {
    try {
        saveModel(model, path.toStdString());
        remember(QFileInfo(path).absoluteFilePath());
        emit saved(path);
    } catch (const std::exception& e) {
        emit error(tr("Cannot save the network"), QString::fromStdString(e.what()));
    }
}

void FileController::saveAs(const Model& model, const QString& suggestion) {
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save network"), suggestion,
                                                tr("opdims networks (*.h5)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".h5");
    save(model, path);
}

QStringList FileController::recentFiles() const {
    QStringList paths;
    for (const Recent& r : recentNetworks())
        paths << r.path;
    return paths;
}

std::vector<FileController::Recent> FileController::recentNetworks() const {
    std::vector<Recent> out;
    for (const QString& entry : QSettings().value(kRecentKey).toStringList())
        out.push_back(parseRecent(entry));
    return out;
}

void FileController::remember(const QString& path, int net) {
    if (path.isEmpty())
        return;
    const QString entry = net > 0 ? QStringLiteral("%1:%2").arg(net).arg(path) : path;
    QStringList list = QSettings().value(kRecentKey).toStringList();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    emit recentFilesChanged();
}

void FileController::fillRecentMenu(QMenu* menu) {
    menu->clear();
    const std::vector<Recent> list = recentNetworks();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto [path, net] = list[i];
        const QString name = QFileInfo(path).fileName();
        QAction* a =
            menu->addAction(net > 0 ? tr("&%1 %2, network %3").arg(i + 1).arg(name).arg(net)
                                    : tr("&%1 %2").arg(i + 1).arg(name));
        a->setToolTip(path);
        // The network number the file was opened with: no picker again.
        connect(a, &QAction::triggered, this, [this, path, net] { open(path, net); });
    }
    menu->setEnabled(!list.empty());
    if (!list.empty()) {
        menu->addSeparator();
        connect(menu->addAction(tr("Clear list")), &QAction::triggered, this, [this] {
            QSettings().remove(kRecentKey);
            emit recentFilesChanged();
        });
    }
}

} // namespace opdims::explorer
