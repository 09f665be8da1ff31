// File menu logic: open (with the network picker for multi-network files), save, save as, and
// the recent-files list kept in the settings.
#pragma once

#include "app/explorer/model_source.h"

#include <QObject>
#include <QStringList>

#include <vector>

class QMenu;
class QWidget;

namespace opdims::explorer {

class FileController : public QObject {
    Q_OBJECT
public:
    explicit FileController(QWidget* window);

    // Asks for a file, then opens it.
    void openWithDialog();
    // Opens a file; net <= 0 asks which network of a multi-network authors' file to use.
    // Emits opened() or error(); never throws.
    void open(const QString& path, int net = 0);
    // Writes opdims' own format atomically; emits saved() or error().
    void save(const Model& model, const QString& path);
    // Asks for a path (suggesting `suggestion`) and saves there.
    void saveAs(const Model& model, const QString& suggestion);

    // The recently opened files, newest first, and with each the network number of an authors'
    // multi-network file (0 for other files: the picker is not needed).
    QStringList recentFiles() const;
    struct Recent {
        QString path;
        int net = 0;
    };
    std::vector<Recent> recentNetworks() const;
    // Rebuilds the menu from the settings; called whenever the list changes.
    void fillRecentMenu(QMenu* menu);

    static QString openFilter();

signals:
    void opened(const opdims::explorer::OpenedModel& model);
    void saved(const QString& path);
    void error(const QString& title, const QString& message);
    void recentFilesChanged();

private:
    void remember(const QString& path, int net = 0);

    QWidget* m_window;
};

} // namespace opdims::explorer
