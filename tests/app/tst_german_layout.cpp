// The German interface at the default window size (MainWindow: 1400 x 900): no combo box cuts
// off its text, and the names and sources the app gives its own networks are German, also after
// a language switch from English (MainWindow::switchLanguage keeps the open network).
#include "app/explorer/ablation_panel.h"
#include "app/explorer/language.h"
#include "app/explorer/main_window.h"
#include "app/explorer/model_panel.h"
#include "app/explorer/model_source.h"
#include "app/explorer/state_space_panel.h"
#include "widgets/surface_format.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTest>

#include <algorithm>

using namespace opdims::explorer;

namespace {

// The width a combo box needs to show item `index` whole, computed as QComboBox::sizeHint does
// for its widest item (the text's bounding box, the icon, then the style's frame and arrow).
int widthFor(const QComboBox* combo, int index) {
    QStyleOptionComboBox opt;
    opt.initFrom(combo);
    opt.editable = combo->isEditable();
    opt.currentText = combo->itemText(index);
    opt.currentIcon = combo->itemIcon(index);
    opt.iconSize = combo->iconSize();
    const QFontMetrics fm = combo->fontMetrics();
    QSize contents(fm.boundingRect(opt.currentText).width(), std::max(fm.height(), 14) + 2);
    if (!opt.currentIcon.isNull())
        contents.rwidth() += combo->iconSize().width() + 4;
    return combo->style()->sizeFromContents(QStyle::CT_ComboBox, &opt, contents, combo).width();
}

// Where a combo box sits, for the failure message: its tooltip's start and the dock it is in.
QString describe(const QComboBox* combo) {
    QString where;
    for (const QWidget* w = combo; w; w = w->parentWidget())
        if (const auto* dock = qobject_cast<const QDockWidget*>(w)) {
            where = dock->windowTitle();
            break;
        }
    return QStringLiteral("[%1 | %2]")
        .arg(where.isEmpty() ? QStringLiteral("3D view") : where, combo->toolTip().left(40));
}

// The visible combo boxes of the window whose width cuts off one of their items.
QStringList truncatedComboBoxes(const MainWindow& w) {
    QStringList out;
    for (const QComboBox* c : w.findChildren<QComboBox*>()) {
        if (!c->isVisibleTo(&w) || c->window() != &w)
            continue;
        for (int i = 0; i < c->count(); ++i) {
            const int needed = widthFor(c, i);
            if (c->width() < needed)
                out << QStringLiteral("%1 '%2' needs %3 px, has %4")
                           .arg(describe(c), c->itemText(i))
                           .arg(needed)
                           .arg(c->width());
        }
    }
    return out;
}

// The model panel's source and name lines.
QStringList sourceAndName(const MainWindow& w) {
    return w.modelPanel()->summaryText().split(QLatin1Char('\n')).mid(0, 2);
}

// English words of the names and sources the app makes (model_source.cpp), none of which the
// German interface should show (a path such as resources/networks/README.md may).
QStringList englishIn(const QStringList& lines) {
    static const QRegularExpression english(
        QStringLiteral("\\b(network|built in|trained|random|seed)\\b|\\bauthors'"));
    QStringList found;
    for (const QString& line : lines)
        for (auto it = english.globalMatch(line); it.hasNext();)
            found << QStringLiteral("'%1' in '%2'").arg(it.next().captured(0), line);
    return found;
}

// Shows every tabbed dock in turn (their combo boxes are hidden behind the first tab) and
// collects the truncated combo boxes of each.
QStringList truncatedInEveryTab(MainWindow& w) {
    QStringList out = truncatedComboBoxes(w);
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        if (dock->isHidden())
            continue;
        dock->raise();
        QCoreApplication::processEvents();
        for (const QString& t : truncatedComboBoxes(w))
            if (!out.contains(t))
                out << t;
    }
    return out;
}

} // namespace

class TestGermanLayout : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        opdims::widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_german_layout"));
        QSettings().clear();
    }

    void init() { QVERIFY(installTranslations(qApp, QStringLiteral("de"))); }

    void cleanupTestCase() {
        installTranslations(qApp, QStringLiteral("en"));
        QSettings().clear();
    }

    void comboBoxes_showTheirWholeText_data() {
        QTest::addColumn<int>("task");
        QTest::addColumn<bool>("fixedPoints");
        QTest::newRow("ctxt") << static_cast<int>(opdims::TaskKind::Ctxt) << false;
        QTest::newRow("ctxt, fixed points") << static_cast<int>(opdims::TaskKind::Ctxt) << true;
        QTest::newRow("swg") << static_cast<int>(opdims::TaskKind::Swg) << false;
        QTest::newRow("swg, fixed points") << static_cast<int>(opdims::TaskKind::Swg) << true;
    }

    // Whichever item is chosen, the closed combo box shows it whole, in every dock's tab.
    void comboBoxes_showTheirWholeText() {
        QFETCH(int, task);
        QFETCH(bool, fixedPoints);
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1400, 900));
        w.openDefault(static_cast<opdims::TaskKind>(task));
        QVERIFY(shown.wait(60000));
        if (fixedPoints) {
            shown.clear();
            w.stateSpace()->setFixedPointsShown(true);
            QVERIFY(shown.wait(60000));
            QTRY_VERIFY_WITH_TIMEOUT(w.stateSpace()->fixedPointsShown(), 60000);
        }
        QCoreApplication::processEvents();
        const QStringList truncated = truncatedInEveryTab(w);
        QVERIFY2(truncated.isEmpty(), qPrintable(truncated.join(QStringLiteral("\n"))));
        // The model panel says in German where the network came from and what it is called.
        const QStringList lines = sourceAndName(w);
        QCOMPARE(lines.size(), 2);
        const QStringList english = englishIn(lines);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral("; "))));
        QVERIFY2(lines[1].contains(QStringLiteral("Netz")), qPrintable(lines[1]));
        // The costs per context or frequency band: German numbers ("1,0-1,9 Hz", "0,001847").
        const QString numbers = w.ablationPanel()->numbersText();
        QVERIFY2(!numbers.contains(QRegularExpression(QStringLiteral("[0-9]\\.[0-9]"))),
                 qPrintable(numbers));
        if (static_cast<opdims::TaskKind>(task) == opdims::TaskKind::Swg)
            QVERIFY2(numbers.contains(QStringLiteral("1,0-1,9 Hz")), qPrintable(numbers));
    }

    // The names and sources of the built-in and random networks follow the interface language:
    // built when shown, not kept from the language the network was opened in.
    void builtInNames_followTheLanguage() {
        installTranslations(qApp, QStringLiteral("en"));
        const OpenedModel authors = openDefaultModel(opdims::TaskKind::Ctxt);
        const OpenedModel trained = openTrainedDefaultModel(opdims::TaskKind::Swg);
        QCOMPARE(modelName(authors), QStringLiteral("authors' ctxt network 1"));
        QCOMPARE(QString::fromStdString(authors.model->name), modelName(authors));
        QVERIFY(originText(authors).contains(QStringLiteral("built in")));
        QCOMPARE(modelName(trained), QStringLiteral("opdims-trained swg network (seed 3)"));
        QVERIFY(originText(trained).contains(QStringLiteral("trained by opdims")));
        // A network trained in the app (here: stopped early) is named by how it was trained.
        OpenedModel here;
        here.model = trained.model;
        here.kind = ModelSourceKind::Trained;
        here.task = opdims::TaskKind::Swg;
        here.seed = 7;
        here.iterations = 200;
        here.stoppedAfter = 57;
        const int units = here.model->units();
        QCOMPARE(modelName(here), QStringLiteral("swg network trained in the app (%1 units, seed "
                                                 "7, 200 iterations), stopped after iteration 57")
                                      .arg(units));
        QCOMPARE(originText(here), QStringLiteral("a swg network trained here (%1 units, seed 7, "
                                                  "200 iterations), stopped after iteration 57")
                                       .arg(units));
        QVERIFY(installTranslations(qApp, QStringLiteral("de")));
        QVERIFY2(modelName(here).contains(QStringLiteral("Iteration 57")),
                 qPrintable(modelName(here)));
        for (const OpenedModel* opened :
             {&authors, &trained, static_cast<const OpenedModel*>(&here)}) {
            const QStringList lines{originText(*opened), modelName(*opened)};
            const QStringList english = englishIn(lines);
            QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral("; "))));
        }
        // Opened in German: German to show; the model's own name (written into exported
        // networks) stays as loaded.
        const OpenedModel de = openDefaultModel(opdims::TaskKind::Swg);
        QCOMPARE(QString::fromStdString(de.model->name), QStringLiteral("authors' swg network 1"));
        QVERIFY(englishIn({modelName(de), originText(de), de.origin}).isEmpty());
        // A name stored in a file stays as it is; a given origin too.
        OpenedModel given;
        given.model = authors.model;
        given.origin = QStringLiteral("somewhere");
        QCOMPARE(modelName(given), QString::fromStdString(authors.model->name));
        QCOMPARE(originText(given), QStringLiteral("somewhere"));
    }

    // A switch from English keeps the network in memory; the model panel says it in German.
    void languageSwitch_translatesTheModelPanel() {
        QVERIFY(installTranslations(qApp, QStringLiteral("en")));
        auto* w = new MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        QSignalSpy shown(w, &MainWindow::resultShown);
        w->show();
        w->openDefault(opdims::TaskKind::Ctxt);
        QVERIFY(shown.wait(60000));
        QCOMPARE(sourceAndName(*w).value(1), QStringLiteral("authors' ctxt network 1"));
        QPointer<MainWindow> old(w);
        MainWindow* de = w->switchLanguage(QStringLiteral("de"));
        QVERIFY(de);
        QTRY_VERIFY(old.isNull());
        QSignalSpy shownDe(de, &MainWindow::resultShown);
        QVERIFY(shownDe.wait(60000));
        const QStringList lines = sourceAndName(*de);
        const QStringList english = englishIn(lines);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral("; "))));
        const QStringList truncated = truncatedInEveryTab(*de);
        QVERIFY2(truncated.isEmpty(), qPrintable(truncated.join(QStringLiteral("\n"))));
        de->close();
        QSettings().clear();
    }
};

QTEST_MAIN(TestGermanLayout)
#include "tst_german_layout.moc"
