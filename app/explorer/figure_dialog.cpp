// FigureDialog and the figure helpers (figure_dialog.h).
#include "app/explorer/figure_dialog.h"

#include "app/explorer/labels.h"
#include "app/explorer/model_source.h"
#include "app/explorer/session.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTextOption>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opdims::explorer {

namespace {

constexpr int kMaxSide = 16384;

QString networkName(const Session& session) {
    return session.network().model ? modelName(session.network()) : QString();
}

} // namespace

QString figureSettings(const Session& session) {
    const auto result = session.result();
    const auto analysis = session.analysis();
    if (!analysis)
        return {};
    QStringList parts;
    parts << networkName(session);
    if (const auto trials = session.trialSet())
        parts << QCoreApplication::translate("Figures", "on %1")
                     .arg(QFileInfo(QString::fromStdString(trials->source)).fileName());
    const QLocale l;
    if (result) {
        const auto k = std::count(result->keep.begin(), result->keep.end(), true);
        parts << basisTitle(session.selection().basisKey);
        parts << (result->remove ? QCoreApplication::translate("Figures", "remove k = %1 of %2")
                                 : QCoreApplication::translate("Figures", "keep k = %1 of %2"))
                     .arg(k)
                     .arg(result->keep.size());
        parts << QCoreApplication::translate("Figures", "cost %1 (full network %2)")
                     .arg(l.toString(result->run.cost, 'g', 4),
                          l.toString(analysis->reference.run.cost, 'g', 4));
    }
    return parts.join(QStringLiteral(" · "));
}

QMap<QString, QString> figureMetadata(const Session& session) {
    QMap<QString, QString> m;
    const auto analysis = session.analysis();
    if (!analysis)
        return m;
    m.insert(QStringLiteral("network"), networkName(session));
    if (!session.network().path.isEmpty())
        m.insert(QStringLiteral("network file"), session.network().path);
    if (session.network().net > 0)
        m.insert(QStringLiteral("network number"), QString::number(session.network().net));
    m.insert(QStringLiteral("trials"), session.trialSet()
                                           ? QString::fromStdString(session.trialSet()->source)
                                           : QStringLiteral("the task's grid batch"));
    m.insert(QStringLiteral("full network cost"),
             QString::number(analysis->reference.run.cost, 'g', 17));
    if (const auto result = session.result()) {
        m.insert(QStringLiteral("basis"), QString::fromStdString(session.selection().basisKey));
        m.insert(QStringLiteral("mode"),
                 result->remove ? QStringLiteral("remove") : QStringLiteral("keep"));
        QString ticked;
        for (std::size_t i = 0; i < result->keep.size(); ++i)
            if (result->keep[i])
                ticked +=
                    (ticked.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(i + 1);
        m.insert(QStringLiteral("k"),
                 QString::number(std::count(result->keep.begin(), result->keep.end(), true)));
        m.insert(QStringLiteral("dimensions"), ticked);
        m.insert(QStringLiteral("cost"), QString::number(result->run.cost, 'g', 17));
        m.insert(QStringLiteral("state distance"),
                 QString::number(result->run.stateDistance, 'g', 17));
    }
    m.insert(QStringLiteral("opdims"), QStringLiteral(OPDIMS_VERSION));
    return m;
}

bool saveViewFigure(widgets::StateSpaceView* view, const Session& session, const QString& path,
                    double magnification, bool annotate) {
    const QSize size(static_cast<int>(std::lround(view->width() * magnification)),
                     static_cast<int>(std::lround(view->height() * magnification)));
    if (size.isEmpty() || size.width() > kMaxSide || size.height() > kMaxSide)
        return false;
    QImage picture = view->renderImage(size, magnification);
    if (picture.isNull())
        return false;
    const QString settings = figureSettings(session);
    if (annotate && !settings.isEmpty()) {
        // A strip below the picture, as wide as it, the text wrapped to the width.
        QFont font = view->font();
        font.setPointSizeF(10.0 * view->interfaceScale() * magnification);
        const int margin = static_cast<int>(std::lround(8 * magnification));
        const QRect textArea(margin, 0, size.width() - 2 * margin, size.height());
        QImage probe(1, 1, QImage::Format_RGB32);
        QPainter measure(&probe);
        measure.setFont(font);
        const QRect needed =
            measure.boundingRect(textArea, Qt::TextWordWrap | Qt::AlignLeft, settings);
        measure.end();
        QImage figure(size.width(), size.height() + needed.height() + 2 * margin,
                      QImage::Format_RGB32);
        figure.fill(Qt::white);
        QPainter p(&figure);
        p.drawImage(0, 0, picture);
        p.setFont(font);
        p.setPen(QColor(40, 40, 40));
        p.drawText(QRect(margin, size.height() + margin, textArea.width(), needed.height()),
                   Qt::TextWordWrap | Qt::AlignLeft, settings);
        p.end();
        picture = figure;
    }
    picture.setText(
        QStringLiteral("Title"),
        QCoreApplication::translate("Figures", "3D view: %1").arg(networkName(session)));
    picture.setText(QStringLiteral("Description"), settings);
    picture.setText(QStringLiteral("Software"), QStringLiteral("opdims"));
    const QMap<QString, QString> meta = figureMetadata(session);
    for (auto it = meta.begin(); it != meta.end(); ++it)
        picture.setText(it.key(), it.value());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QImageWriter writer(&file, "png");
    if (!writer.write(picture))
        return false;
    return file.commit();
}

FigureDialog::FigureDialog(Session* session, widgets::StateSpaceView* view, widgets::PlotView* plot,
                           const QString& name, QWidget* parent)
    : QDialog(parent), m_session(session), m_view(view), m_plot(plot), m_path(new QLineEdit(this)),
      m_annotate(
          new QCheckBox(tr("Write the settings on the figure (network, basis, k, cost)"), this)),
      m_sizeNote(new QLabel(this)), m_status(new QLabel(this)) {
    setWindowTitle(tr("Export %1").arg(name));
    auto* form = new QFormLayout;
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setToolTip(tr("Choose the file and its format"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("File:"), pathRow);
    if (m_view) {
        m_path->setText(QDir::home().filePath(QStringLiteral("state-space.png")));
        m_path->setToolTip(tr("A PNG image"));
        m_magnification = new QComboBox(this);
        for (double f : {1.0, 2.0, 3.0, 4.0})
            m_magnification->addItem(tr("%1× the view").arg(f), f);
        m_magnification->setCurrentIndex(2);
        m_magnification->setToolTip(tr("The picture's size as a multiple of the 3D view on "
                                       "screen; text and lines grow with it, so it looks the "
                                       "same, only sharper"));
        form->addRow(tr("Resolution:"), m_magnification);
        connect(m_magnification, &QComboBox::currentIndexChanged, this,
                &FigureDialog::updateSizeNote);
    } else {
        m_path->setText(QDir::home().filePath(QStringLiteral("figure.pdf")));
        m_path->setToolTip(tr("The file: .png, .svg or .pdf for the figure, .csv for its data (the "
                              "format follows the suffix)"));
        m_width = new QSpinBox(this);
        m_height = new QSpinBox(this);
        for (QSpinBox* box : {m_width, m_height}) {
            box->setRange(200, kMaxSide);
            box->setSuffix(tr(" px"));
        }
        m_width->setValue(std::max(200, plot->width()));
        m_height->setValue(std::max(150, plot->height()));
        m_width->setToolTip(tr("The figure's width (1 px = 1/96 inch in SVG and PDF)"));
        m_height->setToolTip(tr("The figure's height, the settings strip included"));
        auto* sizeRow = new QHBoxLayout;
        sizeRow->addWidget(m_width);
        sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
        sizeRow->addWidget(m_height);
        sizeRow->addStretch(1);
        form->addRow(tr("Size:"), sizeRow);
        m_scale = new QDoubleSpinBox(this);
        m_scale->setRange(1.0, 4.0);
        m_scale->setSingleStep(0.5);
        m_scale->setValue(2.0);
        m_scale->setToolTip(tr("PNG only: pixels per px (2 for slides, 3 or 4 for print)"));
        form->addRow(tr("PNG scale:"), m_scale);
        for (QSpinBox* box : {m_width, m_height})
            connect(box, &QSpinBox::valueChanged, this, &FigureDialog::updateSizeNote);
        connect(m_scale, &QDoubleSpinBox::valueChanged, this, &FigureDialog::updateSizeNote);
    }
    m_annotate->setToolTip(tr("The settings are always in the file's metadata; this also draws "
                              "them below the figure"));
    form->addRow(QString(), m_annotate);
    form->addRow(QString(), m_sizeNote);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::ActionRole);
    exportButton->setToolTip(tr("Write the figure"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(browse, &QPushButton::clicked, this, &FigureDialog::browse);
    connect(exportButton, &QPushButton::clicked, this, &FigureDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSizeNote();
}

void FigureDialog::setPath(const QString& path) {
    m_path->setText(path);
}

void FigureDialog::setAnnotated(bool annotate) {
    m_annotate->setChecked(annotate);
}

void FigureDialog::setMagnification(double factor) {
    if (!m_magnification)
        return;
    int index = m_magnification->findData(factor);
    if (index < 0) {
        m_magnification->addItem(tr("%1× the view").arg(factor), factor);
        index = m_magnification->count() - 1;
    }
    m_magnification->setCurrentIndex(index);
}

void FigureDialog::setFigureSize(QSize size, double scale) {
    if (!m_width)
        return;
    m_width->setValue(size.width());
    m_height->setValue(size.height());
    m_scale->setValue(scale);
}

QString FigureDialog::statusText() const {
    return m_status->text();
}

void FigureDialog::updateSizeNote() {
    if (m_view) {
        const double f = m_magnification->currentData().toDouble();
        m_sizeNote->setText(tr("%1 × %2 pixels")
                                .arg(std::lround(m_view->width() * f))
                                .arg(std::lround(m_view->height() * f)));
    } else {
        m_sizeNote->setText(tr("PNG: %1 × %2 pixels")
                                .arg(std::lround(m_width->value() * m_scale->value()))
                                .arg(std::lround(m_height->value() * m_scale->value())));
    }
}

void FigureDialog::browse() {
    const QString filter = m_view ? tr("PNG images (*.png)")
                                  : tr("PDF documents (*.pdf);;SVG drawings (*.svg);;PNG images "
                                       "(*.png);;CSV data (*.csv)");
    QString selected;
    QString path =
        QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(), filter, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                : selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                : selected.contains(QLatin1String("csv")) ? QStringLiteral(".csv")
                                                          : QStringLiteral(".png");
    m_path->setText(path);
}

bool FigureDialog::exportNow() {
    const QString path = m_path->text().trimmed();
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (m_view) {
        if (suffix != QLatin1String("png")) {
            m_status->setText(tr("%1: the 3D view is saved as PNG (.png)").arg(path));
            return false;
        }
        ok = saveViewFigure(m_view, *m_session, path, m_magnification->currentData().toDouble(),
                            m_annotate->isChecked());
    } else {
        if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
            suffix != QLatin1String("pdf") && suffix != QLatin1String("csv")) {
            m_status->setText(
                tr("%1: a figure is saved as .png, .svg or .pdf, its data as .csv").arg(path));
            return false;
        }
        if (suffix == QLatin1String("csv")) {
            ok = m_plot->exportCsv(path);
            m_status->setText(ok ? tr("Written: %1").arg(path)
                                 : tr("%1: the data could not be written").arg(path));
            return ok;
        }
        widgets::FigureOptions o;
        o.size = QSize(m_width->value(), m_height->value());
        o.scale = m_scale->value();
        o.metadata = figureMetadata(*m_session);
        if (m_annotate->isChecked())
            o.annotation = figureSettings(*m_session);
        ok = m_plot->exportFigure(path, o);
    }
    m_status->setText(ok ? tr("Written: %1").arg(path)
                         : tr("%1: the figure could not be written (check the folder, the size, "
                              "and that the settings fit on it)")
                               .arg(path));
    return ok;
}

} // namespace opdims::explorer
