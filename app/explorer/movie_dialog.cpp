// MovieDialog (movie_dialog.h).
#include "app/explorer/movie_dialog.h"

#include "app/explorer/state_space_panel.h"
#include "widgets/state_space_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace opdims::explorer {

MovieDialog::MovieDialog(StateSpacePanel* panel, QWidget* parent)
    : QDialog(parent), m_panel(panel), m_path(new QLineEdit(this)), m_size(new QComboBox(this)),
      m_fps(new QComboBox(this)), m_seconds(new QDoubleSpinBox(this)),
      m_time(new QCheckBox(tr("Play the trials in time (once over the movie)"), this)),
      m_rotate(new QCheckBox(tr("Turn once about the vertical axis"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_export(new QPushButton(tr("Export"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
    setWindowTitle(tr("Movie of the 3D view"));
    m_path->setText(QDir::home().filePath(QStringLiteral("opdims-movie.mp4")));
    m_path->setToolTip(tr("The file: .mp4 (H.264) or .webm (VP9) for a movie, .png for a "
                          "numbered sequence of frames (NAME_0001.png, …)"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setToolTip(tr("Choose the file and its format"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    for (const QSize s : {QSize(1280, 720), QSize(1920, 1080), QSize(3840, 2160), QSize(720, 720)})
        m_size->addItem(tr("%1 × %2").arg(s.width()).arg(s.height()), s);
    m_size->setToolTip(tr("The movie's size in pixels; text and lines are scaled so that it "
                          "looks like the view on screen"));
    for (int fps : {24, 25, 30, 60})
        m_fps->addItem(tr("%1 frames per second").arg(fps), fps);
    m_fps->setCurrentIndex(2);
    m_fps->setToolTip(tr("Frames per second of the movie"));
    m_seconds->setRange(0.1, 600.0);
    m_seconds->setDecimals(1);
    m_seconds->setValue(10.0);
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setToolTip(tr("The movie's length"));
    m_time->setChecked(true);
    m_time->setToolTip(tr("Markers move along every trajectory, with the time and input phase "
                          "at the top left"));
    m_rotate->setToolTip(tr("The camera turns 360° about the vertical axis over the movie"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setToolTip(tr("Frames written"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export->setToolTip(tr("Write the movie with these settings"));
    m_cancel->setToolTip(tr("Stop: no movie file is written (a PNG sequence's frames are "
                            "removed)"));
    m_cancel->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("Frame rate:"), m_fps);
    form->addRow(tr("Length:"), m_seconds);
    form->addRow(QString(), m_time);
    form->addRow(QString(), m_rotate);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_export);
    actions->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(browse, &QPushButton::clicked, this, &MovieDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &MovieDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_exporter)
            m_exporter->cancel();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MovieDialog::reject);
}

MovieOptions MovieDialog::options() const {
    MovieOptions o;
    o.path = m_path->text().trimmed();
    o.size = m_size->currentData().toSize();
    o.fps = m_fps->currentData().toInt();
    o.seconds = m_seconds->value();
    o.animateTime = m_time->isChecked();
    o.rotate = m_rotate->isChecked();
    return o;
}

void MovieDialog::setOptions(const MovieOptions& o) {
    m_path->setText(o.path);
    int size = m_size->findData(o.size);
    if (size < 0) {
        m_size->addItem(tr("%1 × %2").arg(o.size.width()).arg(o.size.height()), o.size);
        size = m_size->count() - 1;
    }
    m_size->setCurrentIndex(size);
    int fps = m_fps->findData(o.fps);
    if (fps < 0) {
        m_fps->addItem(tr("%1 frames per second").arg(o.fps), o.fps);
        fps = m_fps->count() - 1;
    }
    m_fps->setCurrentIndex(fps);
    m_seconds->setValue(o.seconds);
    m_time->setChecked(o.animateTime);
    m_rotate->setChecked(o.rotate);
}

QString MovieDialog::statusText() const {
    return m_status->text();
}

void MovieDialog::browse() {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Movie of the 3D view"), m_path->text(),
        tr("MP4 movie (*.mp4);;WebM movie (*.webm);;PNG sequence (*.png)"), &selected);
    if (path.isEmpty())
        return;
    QString file = path;
    if (QFileInfo(file).suffix().isEmpty())
        file += selected.contains(QLatin1String("webm"))  ? QStringLiteral(".webm")
                : selected.contains(QLatin1String("png")) ? QStringLiteral(".png")
                                                          : QStringLiteral(".mp4");
    m_path->setText(file);
}

void MovieDialog::setRunning(bool running) {
    m_export->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_path, m_size, m_fps, m_seconds, m_time, m_rotate})
        w->setEnabled(!running);
}

bool MovieDialog::startExport() {
    if (m_exporter && m_exporter->isRunning())
        return false;
    delete m_exporter;
    m_exporter = new MovieExporter(m_panel, options(), this);
    const QLocale l;
    connect(m_exporter, &MovieExporter::progress, this,
            [this, l](int done, int total, double left) {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_status->setText(left < 0 ? tr("Frame %1 of %2").arg(done).arg(total)
                                           : tr("Frame %1 of %2, about %3 s left")
                                                 .arg(done)
                                                 .arg(total)
                                                 .arg(l.toString(std::ceil(left), 'f', 0)));
            });
    connect(m_exporter, &MovieExporter::finished, this, [this, l](const QString& path) {
        setRunning(false);
        const double seconds = (QDateTime::currentMSecsSinceEpoch() - m_startMs) / 1000.0;
        const MovieOptions o = m_exporter->options();
        m_status->setText(tr("Written: %1 (%2 frames, %3 × %4 pixels) in %5 s.")
                              .arg(path)
                              .arg(m_exporter->frameCount())
                              .arg(o.size.width())
                              .arg(o.size.height())
                              .arg(l.toString(seconds, 'f', 1)));
        emit exportFinished(path);
    });
    connect(m_exporter, &MovieExporter::failed, this, [this](const QString& message) {
        setRunning(false);
        m_status->setText(message);
    });
    connect(m_exporter, &MovieExporter::cancelled, this, [this] {
        setRunning(false);
        m_progress->setValue(0);
        m_status->setText(tr("Cancelled: nothing was written."));
    });
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    setRunning(true);
    if (!m_exporter->start()) {
        setRunning(false);
        return false;
    }
    return true;
}

void MovieDialog::reject() {
    // Closing while an export runs cancels it.
    if (m_exporter && m_exporter->isRunning())
        m_exporter->cancel();
    QDialog::reject();
}

} // namespace opdims::explorer
