// The main window: opens on the default network, draws it, and reports file errors as messages.
#include "app/explorer/ablation_controller.h"
#include "app/explorer/file_controller.h"
#include "app/explorer/main_window.h"
#include "app/explorer/model_panel.h"
#include "app/explorer/state_space_panel.h"
#include "testsupport.h"
#include "widgets/state_space_view.h"
#include "widgets/vtk_host.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace opdims::explorer;

namespace {

// Distinct colours in an image: a view showing only its background has one or two.
int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// Closes the window-modal message box the window opened and returns its text.
QString closeMessageBox(QWidget* window) {
    const auto boxes = window->findChildren<QMessageBox*>();
    if (boxes.isEmpty())
        return {};
    QMessageBox* box = boxes.last();
    const QString text = box->text();
    box->close();
    return text;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        opdims::widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings().clear();
    }

    void opensOnDefaultNetwork_andDrawsIt() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        QVERIFY(w.current().model);
        QCOMPARE(w.current().model->task, opdims::TaskKind::Ctxt);
        const QString summary = w.modelPanel()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("100 units")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("computing")), qPrintable(summary));
        // Every dimension kept at first, or the remembered k: the reduced cost is finite.
        QVERIFY(std::isfinite(w.shownResult()->run.cost));
        const QImage image = w.stateSpace()->view()->renderImage();
        QVERIFY(!image.isNull());
        QVERIFY2(distinctColours(image) > 20, "the 3D view shows only its background");
    }

    void openMissingFile_showsMessage() {
        MainWindow w;
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.show();
        w.files()->open(QStringLiteral("/nonexistent/missing.h5"), 1);
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("missing.h5")));
        QVERIFY(closeMessageBox(&w).contains(QStringLiteral("missing.h5")));
        QVERIFY(!w.current().model); // nothing was opened
    }

    void openCorruptFile_showsMessageNamingTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.h5"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an HDF5 file");
        f.close();
        MainWindow w;
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.show();
        w.files()->open(path, 1);
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("broken.h5")),
                 qPrintable(errors.first().first().toString()));
        QVERIFY(!closeMessageBox(&w).isEmpty());
    }

    void openAuthorsNetwork_byNumber_andRemembersIt() {
        OPDIMS_REQUIRE_SHARED(path, "pretrained/swg_weights.h5");
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.show();
        w.files()->open(QString::fromStdString(path), 2);
        QVERIFY(analysed.wait(60000));
        QCOMPARE(w.current().net, 2);
        QCOMPARE(w.current().model->task, opdims::TaskKind::Swg);
        QVERIFY(
            w.modelPanel()->summaryText().contains(QStringLiteral("network 2 of swg_weights.h5")));
        QCOMPARE(w.files()->recentFiles().value(0), w.current().path);
    }

    void saveAndReopen_roundTrips() {
        QTemporaryDir dir;
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.openDefault(opdims::TaskKind::Swg);
        const auto model = w.current().model;
        const QString path = dir.filePath(QStringLiteral("copy.h5"));
        QSignalSpy saved(w.files(), &FileController::saved);
        w.files()->save(*model, path);
        QCOMPARE(saved.count(), 1);
        w.files()->open(path, 0);
        QCOMPARE(w.current().path, QFileInfo(path).absoluteFilePath());
        QVERIFY((w.current().model->W - model->W).norm() == 0.0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
