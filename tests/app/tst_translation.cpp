// The German translation: embedded, loadable, complete, and used by the window.
#include "app/explorer/language.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
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

    void unknownLanguage_isRefused() {
        QTranslator t;
        QVERIFY(!t.load(opdims::explorer::translationResource(QStringLiteral("xx"))));
    }
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
