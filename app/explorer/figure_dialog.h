// File > Export of a figure (the 3D view or a plot): the file and its format, the size (the 3D
// view: a multiple of its size on screen; a plot: width and height, and the PNG scale), and
// whether the settings (network, basis, k, cost) are written on the figure. The settings are
// always written into the file's metadata.
#pragma once

#include <QDialog>
#include <QMap>
#include <QSize>
#include <QString>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace opdims::widgets {
class PlotView;
class StateSpaceView;
} // namespace opdims::widgets

namespace opdims::explorer {

class Session;

// The settings of what the session shows, one line: "authors' ctxt network 1 · operative
// dimensions (columns) · keep k = 20 of 100 · cost 0.001289 (full network 0.000998)".
QString figureSettings(const Session& session);
// The same as key/value pairs for a file's metadata (network, file, basis, k, mode, cost, ...).
QMap<QString, QString> figureMetadata(const Session& session);

// Writes the 3D view at `magnification` times its size on screen (text and lines scaled with it)
// as PNG, atomically, with the settings in its text chunks and, when `annotate`, in a strip below
// the picture. False when it cannot be rendered or written (the file is then as it was).
bool saveViewFigure(widgets::StateSpaceView* view, const Session& session, const QString& path,
                    double magnification, bool annotate);

class FigureDialog : public QDialog {
    Q_OBJECT
public:
    // One of `view` and `plot` is set: the figure exported.
    FigureDialog(Session* session, widgets::StateSpaceView* view, widgets::PlotView* plot,
                 const QString& name, QWidget* parent = nullptr);

    void setPath(const QString& path);
    void setAnnotated(bool annotate);
    // The 3D view: 1 to 4 times its size on screen.
    void setMagnification(double factor);
    // A plot: the figure's size in pixels (at scale 1) and the PNG scale.
    void setFigureSize(QSize size, double scale);
    // Writes the figure; false with the reason shown in the dialog.
    bool exportNow();
    QString statusText() const;

private:
    void browse();
    void updateSizeNote();

    Session* m_session;
    widgets::StateSpaceView* m_view;
    widgets::PlotView* m_plot;
    QLineEdit* m_path;
    QComboBox* m_magnification = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QDoubleSpinBox* m_scale = nullptr;
    QCheckBox* m_annotate;
    QLabel* m_sizeNote;
    QLabel* m_status;
};

} // namespace opdims::explorer
