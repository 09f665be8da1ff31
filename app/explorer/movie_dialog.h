// File > Export > Movie of the 3D view: what moves (time, rotation), size, frame rate, length and
// file (MP4, WebM or PNG sequence), with progress, time left and Cancel.
#pragma once

#include "app/explorer/movie_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace opdims::explorer {

class StateSpacePanel;

class MovieDialog : public QDialog {
    Q_OBJECT
public:
    MovieDialog(StateSpacePanel* panel, QWidget* parent = nullptr);

    MovieOptions options() const;
    void setOptions(const MovieOptions& options);
    // Starts the export with the dialog's options (as the Export button does).
    bool startExport();
    MovieExporter* exporter() const { return m_exporter; }
    QString statusText() const;

signals:
    void exportFinished(const QString& path);

protected:
    void reject() override;

private:
    void browse();
    void setRunning(bool running);

    StateSpacePanel* m_panel;
    QLineEdit* m_path;
    QComboBox* m_size;
    QComboBox* m_fps;
    QDoubleSpinBox* m_seconds;
    QCheckBox* m_time;
    QCheckBox* m_rotate;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_export;
    QPushButton* m_cancel;
    QDialogButtonBox* m_buttons;
    MovieExporter* m_exporter = nullptr;
    qint64 m_startMs = 0;
};

} // namespace opdims::explorer
