// The German translation: embedded, loadable, complete, and used by the window.
#include "app/explorer/language.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void germanQm_isEmbeddedAndTranslates() {
        QTranslator t;
        QVERIFY(t.load(opdims::explorer::translationResource(QStringLiteral("de"))));
        QCOMPARE(t.translate("opdims::explorer::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(t.translate("opdims::explorer::SweepPanel", "Cost vs k"),
                 QStringLiteral("Kosten gegen k"));
    }

    void germanTs_hasNoUnfinishedMessage() {
        QFile ts(QString::fromStdString(opdims::test::sourceDir()) +
                 QStringLiteral("/translations/opdims_de.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(text.count(QStringLiteral("<message")) > 100);
        QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    }

    // Every string the sources mark for translation is in the .ts file and translated: lupdate
    // run on a copy would add any missing one as unfinished.
    void everySourceString_isTranslated() {
        const QString lupdate = qEnvironmentVariable("OPDIMS_LUPDATE");
        if (lupdate.isEmpty())
            QSKIP("lupdate was not found by CMake (Qt6 LinguistTools)");
        const QString source = QString::fromStdString(opdims::test::sourceDir());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("opdims_de.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/opdims_de.ts"), copy));
        QProcess p;
        // The build's project file: the same sources and include paths as `update_translations`.
        const QString project = qEnvironmentVariable("OPDIMS_LUPDATE_PROJECT");
        QVERIFY2(QFile::exists(project), qPrintable(project));
        p.start(lupdate, {QStringLiteral("-project"), project, QStringLiteral("-no-obsolete"),
                          QStringLiteral("-locations"), QStringLiteral("none"),
                          QStringLiteral("-ts"), copy});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QFile ts(copy);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        QStringList missing;
        static const QRegularExpression unfinished(
            QStringLiteral("<source>([^<]*)</source>\\s*<translation type=\"unfinished\""));
        for (auto it = unfinished.globalMatch(text); it.hasNext();)
            missing << it.next().captured(1);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not translated (run `make update_translations`): ") +
                            missing.join(QStringLiteral(" | "))));
    }

    void unknownLanguage_isRefused() {
        QTranslator t;
        QVERIFY(!t.load(opdims::explorer::translationResource(QStringLiteral("xx"))));
    }
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
