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
const QString kRecentKey = QStringLiteral("recentFiles");
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
        remember(m.path);
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
    return QSettings().value(kRecentKey).toStringList();
}

void FileController::remember(const QString& path) {
    if (path.isEmpty())
        return;
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    emit recentFilesChanged();
}

void FileController::fillRecentMenu(QMenu* menu) {
    menu->clear();
    const QStringList list = recentFiles();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        QAction* a = menu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { open(path, 0); });
    }
    menu->setEnabled(!list.isEmpty());
    if (!list.isEmpty()) {
        menu->addSeparator();
        connect(menu->addAction(tr("Clear list")), &QAction::triggered, this, [this] {
            QSettings().remove(kRecentKey);
            emit recentFilesChanged();
        });
    }
}

} // namespace opdims::explorer
