// Guided lessons: every shipped lesson's every step sets the state it names; a lesson file with a
// mistake gives one sentence naming the step and the field and changes nothing; Page Up / Down
// work whichever widget has the focus; the first start offers a lesson once.
#include "app/explorer/ablation_panel.h"
#include "app/explorer/job_runner.h"
#include "app/explorer/language.h"
#include "app/explorer/lesson.h"
#include "app/explorer/lesson_controller.h"
#include "app/explorer/lesson_panel.h"
#include "app/explorer/main_window.h"
#include "app/explorer/model_source.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "core/model/io.h"
#include "testsupport.h"
#include "widgets/dimension_list.h"
#include "widgets/state_space_view.h"
#include "widgets/surface_format.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace opdims::explorer;

namespace {

constexpr int kTimeout = 120000;

void closeBoxes(QWidget* window) {
    for (QMessageBox* box : window->findChildren<QMessageBox*>())
        box->close();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Goes to a step and waits until its state is set.
bool goToAndWait(MainWindow& w, int index) {
    QSignalSpy applied(w.lessons(), &LessonController::stepApplied);
    w.lessons()->goTo(index);
    return applied.count() > 0 || applied.wait(kTimeout);
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        opdims::widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_lessons"));
        QSettings().clear();
    }

    void shippedLessons_existInBothLanguages() {
        for (const QString& name : shippedLessonNames())
            for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
                const QString path = QStringLiteral(":/lessons/%1.%2.json").arg(name, language);
                QVERIFY2(QFile::exists(path), qPrintable(path));
                const Lesson lesson = readLesson(path);
                QCOMPARE(lesson.language, language);
                QVERIFY(lesson.steps.size() >= 5);
            }
    }

    void shippedLessons_everyStepSetsItsState_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("language");
        for (const QString& name : shippedLessonNames())
            for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")})
                QTest::newRow(qPrintable(name + QLatin1Char('.') + language)) << name << language;
    }
    void shippedLessons_everyStepSetsItsState() {
        QFETCH(QString, name);
        QFETCH(QString, language);
        // The German lesson names its inputs as the German window does.
        installTranslations(qApp, language);
        QCOMPARE(lessonLanguage(), language);
        const QString path = shippedLessonPath(name, language);
        QCOMPARE(path, QStringLiteral(":/lessons/%1.%2.json").arg(name, language));
        MainWindow w;
        w.show();
        QSignalSpy errors(&w, &MainWindow::errorShown);
        QSignalSpy applied(w.lessons(), &LessonController::stepApplied);
        QVERIFY(w.openShippedLesson(name));
        QVERIFY(applied.count() > 0 || applied.wait(kTimeout));
        const Lesson lesson = *w.lessons()->lesson();
        QCOMPARE(lesson.path, path);
        for (int i = 0; i < static_cast<int>(lesson.steps.size()); ++i) {
            const LessonStep& s = lesson.steps[static_cast<std::size_t>(i)];
            if (i > 0)
                QVERIFY(goToAndWait(w, i));
            const QString where = QStringLiteral("%1 step %2").arg(path).arg(i + 1);
            QVERIFY2(
                errors.isEmpty(),
                qPrintable(where + QStringLiteral(": ") +
                           (errors.isEmpty() ? QString() : errors.first().first().toString())));
            QCOMPARE(w.lessons()->step(), i);
            // The network: a built-in one by task (the first network is the authors' network 1).
            const auto model = w.session()->network().model;
            QVERIFY(model);
            const QString task = s.network.section(QLatin1Char(':'), 0, 0);
            QCOMPARE(QString::fromLatin1(opdims::taskName(model->task)), task);
            if (!s.network.contains(QLatin1Char(':')))
                QVERIFY2(QString::fromStdString(model->name).startsWith(QStringLiteral("authors'")),
                         qPrintable(where));
            QVERIFY(w.session()->analysis());
            // The basis, the mode and k (or the ticked dimensions).
            QCOMPARE(QString::fromStdString(w.ablationPanel()->currentKey()), s.basis);
            QCOMPARE(w.ablationPanel()->removing(), s.remove);
            const int count = w.ablationPanel()->dimensionList()->count();
            QCOMPARE(w.ablationPanel()->rank(), s.k < 0 ? count : s.k);
            QCOMPARE(QString::fromStdString(w.session()->selection().basisKey), s.basis);
            const auto& keep = w.session()->selection().keep;
            QCOMPARE(static_cast<int>(std::count(keep.begin(), keep.end(), true)),
                     s.k < 0 ? count : s.k);
            // The views.
            QCOMPARE(w.stateSpace()->reducedShown(), s.reduced);
            QCOMPARE(w.stateSpace()->samplingLocationsShown(), s.samplingLocations);
            QCOMPARE(w.stateSpace()->fixedPointsShown(), s.fixedPoints);
            QCOMPARE(w.session()->selection().fixedPoints, s.fixedPoints);
            QCOMPARE(w.stateSpace()->flowArrowsShown(), s.flowArrows);
            if (!s.fixedPointInput.isEmpty()) {
                QVERIFY(w.stateSpace()->fixedPointInput());
                QCOMPARE(w.stateSpace()->fixedPointInput()->label, s.fixedPointInput);
            }
            QVERIFY2(w.findChild<QDockWidget*>(lessonPlotDock(s.plot))->isVisible(),
                     qPrintable(where));
            // The text.
            QVERIFY(w.lessonPanel()->stepText().contains(s.title));
            QCOMPARE(w.lessonPanel()->backButton()->isEnabled(), i > 0);
            QCOMPARE(w.lessonPanel()->nextButton()->isEnabled(),
                     i + 1 < static_cast<int>(lesson.steps.size()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!w.jobs()->busy(), kTimeout); // a sweep step's job
        installTranslations(qApp, QStringLiteral("en"));
    }

    void brokenLesson_oneSentenceNamingStepAndField_nothingChanged_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray first = R"({"title": "T", "network": "ctxt", "text": "x"})";
        auto lesson = [&](const QByteArray& more) {
            return QByteArray(R"({"title": "L", "steps": [)") + first + more + "]}";
        };
        QTest::newRow("not JSON") << QByteArray("{\"title\": \"L\", \"steps\": [")
                                  << "not valid JSON";
        QTest::newRow("no steps") << QByteArray(R"({"title": "L"})") << "field 'steps'";
        QTest::newRow("unknown field") << lesson(R"(, {"title": "b", "text": "y", "bassis": "pc"})")
                                       << "step 2: field 'bassis'";
        QTest::newRow("no network")
            << QByteArray(R"({"title": "L", "steps": [{"title": "a", "text": "x"}]})")
            << "step 1: field 'network'";
        QTest::newRow("bad k")
            << lesson(R"(, {"title": "b", "text": "y"}, {"title": "c", "text": "z", "k": -4})")
            << "step 3: field 'k'";
        QTest::newRow("k not a number")
            << lesson(R"(, {"title": "b", "text": "y", "k": "twenty"})") << "step 2: field 'k'";
        QTest::newRow("bad basis")
            << lesson(R"(, {"title": "b", "text": "y", "basis": "op-diagonal"})")
            << "step 2: field 'basis'";
        QTest::newRow("bad plot") << lesson(R"(, {"title": "b", "text": "y", "plot": "histogram"})")
                                  << "step 2: field 'plot'";
        QTest::newRow("bad toggle")
            << lesson(R"(, {"title": "b", "text": "y", "fixed_points": "yes"})")
            << "step 2: field 'fixed_points'";
        QTest::newRow("no text") << lesson(R"(, {"title": "b"})") << "step 2: field 'text'";
        QTest::newRow("k and dimensions")
            << lesson(R"(, {"title": "b", "text": "y", "k": 3, "dimensions": [1, 2]})")
            << "step 2: field 'dimensions'";
        QTest::newRow("missing network file")
            << lesson(R"(, {"title": "b", "text": "y", "network": "file:nothing-here.h5"})")
            << "step 2: field 'network'";
        QTest::newRow("unknown network")
            << lesson(R"(, {"title": "b", "text": "y", "network": "lorenz"})")
            << "step 2: field 'network'";
        QTest::newRow("bad camera")
            << lesson(R"(, {"title": "b", "text": "y", "camera": {"zoom": 2}})")
            << "step 2: field 'camera'";
        QTest::newRow("too large") << QByteArray(2 << 20, ' ') << "larger than 1 MiB";
    }
    void brokenLesson_oneSentenceNamingStepAndField_nothingChanged() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken lesson.json"));
        writeFile(path, json);
        MainWindow w;
        w.show();
        QSignalSpy shown(&w, &MainWindow::analysisShown);
        w.openDefault(opdims::TaskKind::Swg);
        QVERIFY(shown.wait(kTimeout));
        const auto before = w.session()->network().model;
        const int k = w.ablationPanel()->rank();
        QSignalSpy errors(&w, &MainWindow::errorShown);
        QVERIFY(!w.openLesson(path));
        QCOMPARE(errors.count(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(path), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
        QVERIFY(!w.lessons()->lesson());
        QCOMPARE(w.session()->network().model, before);
        QCOMPARE(w.ablationPanel()->rank(), k);
        QVERIFY(!w.findChild<QDockWidget*>(QStringLiteral("lessonDock"))->isVisible());
        closeBoxes(&w);
    }

    // A basis the network does not have is found when the step is applied: one message naming
    // the step and the field, the other settings of the step still applied.
    void basisTheNetworkLacks_messageNamesStepAndField() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("odd.json"));
        writeFile(path, R"({"title": "L", "steps": [{"title": "a", "text": "x", "network": "swg",
                   "basis": "op-columns:ctxt1", "flow_arrows": true}]})");
        MainWindow w;
        w.show();
        QSignalSpy errors(&w, &MainWindow::errorShown);
        QSignalSpy applied(w.lessons(), &LessonController::stepApplied);
        QVERIFY(w.openLesson(path));
        QVERIFY(applied.count() > 0 || applied.wait(kTimeout));
        QCOMPARE(errors.count(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("step 1: field 'basis'")) &&
                     message.contains(QStringLiteral("op-columns:ctxt1")),
                 qPrintable(message));
        QVERIFY(w.stateSpace()->flowArrowsShown());
        closeBoxes(&w);
    }

    // A lesson of one's own: a network file next to it, named relative to the lesson; ticked
    // dimensions instead of k; the remove mode; a camera turned from the reset one.
    void ownLesson_fileNetworkDimensionsAndCamera() {
        QTemporaryDir dir;
        const QString net = dir.filePath(QStringLiteral("my net.h5"));
        opdims::saveModel(*openTrainedDefaultModel(opdims::TaskKind::Ctxt).model,
                          net.toStdString());
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        writeFile(path, R"({"title": "Mine", "steps": [
            {"title": "a", "text": "x", "network": "file:my net.h5", "basis": "pc",
             "dimensions": [1, 3, 5], "mode": "remove"},
            {"title": "b", "text": "y", "camera": {"azimuth": 90, "elevation": 0}}]})");
        MainWindow w;
        w.show();
        QSignalSpy applied(w.lessons(), &LessonController::stepApplied);
        QVERIFY(w.openLesson(path));
        QVERIFY(applied.count() > 0 || applied.wait(kTimeout));
        QCOMPARE(w.session()->network().path, QFileInfo(net).absoluteFilePath());
        QVERIFY(w.ablationPanel()->removing());
        const auto& keep = w.session()->selection().keep;
        QVERIFY(keep.size() >= 5 && keep[0] && !keep[1] && keep[2] && !keep[3] && keep[4]);
        QCOMPARE(std::count(keep.begin(), keep.end(), true), 3);
        const auto reset = w.stateSpace()->view()->camera();
        QVERIFY(goToAndWait(w, 1));
        // Same network: not opened again; the camera turned by 90 degrees about the vertical.
        QCOMPARE(w.session()->network().path, QFileInfo(net).absoluteFilePath());
        const auto turned = w.stateSpace()->view()->camera();
        Eigen::Vector3d a, b, up;
        for (int i = 0; i < 3; ++i) {
            a(i) = reset.position[i] - reset.focalPoint[i];
            b(i) = turned.position[i] - turned.focalPoint[i];
            up(i) = reset.viewUp[i];
        }
        QVERIFY(std::abs(a.norm() - b.norm()) < 1e-6 * a.norm());
        const Eigen::Vector3d pa = a - a.dot(up.normalized()) * up.normalized();
        const Eigen::Vector3d pb = b - b.dot(up.normalized()) * up.normalized();
        QVERIFY(std::abs(pa.dot(pb)) < 1e-6 * pa.norm() * pb.norm()); // at right angles
    }

    void pageKeys_stepWhicheverWidgetHasFocus_andReturnRestores() {
        MainWindow w;
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QSignalSpy applied(w.lessons(), &LessonController::stepApplied);
        QVERIFY(w.openShippedLesson(QStringLiteral("ctxt")));
        QVERIFY(applied.count() > 0 || applied.wait(kTimeout));
        QSlider* slider = w.ablationPanel()->slider();
        slider->setFocus();
        const int value = slider->value();
        QTest::keyClick(slider, Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(w.lessons()->step(), 1, kTimeout);
        QCOMPARE(slider->value(), value); // the key went to the lesson, not to the slider
        auto* text = w.lessonPanel()->findChild<QTextBrowser*>();
        text->setFocus();
        QTest::keyClick(text, Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(w.lessons()->step(), 2, kTimeout);
        QTest::keyClick(text, Qt::Key_PageUp);
        QTRY_COMPARE_WITH_TIMEOUT(w.lessons()->step(), 1, kTimeout);
        QVERIFY(goToAndWait(w, 2)); // PC dimensions, k = 20
        QCOMPARE(w.ablationPanel()->rank(), 20);
        // Free play, then back to the step.
        w.ablationPanel()->selectBasis("op-columns");
        w.ablationPanel()->setRank(57);
        w.stateSpace()->setFlowArrowsShown(true);
        QVERIFY(goToAndWait(w, 2));
        QCOMPARE(w.ablationPanel()->currentKey(), std::string("pc"));
        QCOMPARE(w.ablationPanel()->rank(), 20);
        QVERIFY(!w.stateSpace()->flowArrowsShown());
        // Closing the lesson: the keys belong to the widgets again.
        w.lessons()->close();
        QVERIFY(!w.lessons()->lesson());
    }

    void firstStart_offersTheLessonOnce() {
        QSettings().remove(QStringLiteral("lessons/offered"));
        {
            MainWindow w;
            w.show();
            w.offerLessonOnFirstStart();
            auto* dock = w.findChild<QDockWidget*>(QStringLiteral("lessonDock"));
            QVERIFY(dock->isVisible());
            QVERIFY(!w.lessons()->lesson()); // offered, not started
            // Its button starts the ctxt lesson.
            QPushButton* start = nullptr;
            for (QPushButton* b : w.lessonPanel()->findChildren<QPushButton*>())
                if (b->text().contains(QStringLiteral("context-dependent")))
                    start = b;
            QVERIFY(start);
            QSignalSpy applied(w.lessons(), &LessonController::stepApplied);
            start->click();
            QVERIFY(applied.count() > 0 || applied.wait(kTimeout));
            QVERIFY(w.lessons()->lesson()->path.contains(QStringLiteral("ctxt")));
        }
        MainWindow second;
        second.show();
        second.offerLessonOnFirstStart();
        QVERIFY(!second.findChild<QDockWidget*>(QStringLiteral("lessonDock"))->isVisible());
    }
};

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
