// Tests of the shared colours: condition colours are distinct, stability colours fixed.
#include "widgets/palette.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace opdims::widgets;

namespace {
// Largest channel difference: a crude but sufficient measure of "looks different".
int distance(const QColor& a, const QColor& b) {
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}
} // namespace

class TestPalette : public QObject {
    Q_OBJECT
private slots:
    void conditionColors_areDistinct_data();
    void conditionColors_areDistinct();
    void conditionColor_outOfRange_isValid();
    void stabilityColors_differ();
};

void TestPalette::conditionColors_areDistinct_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("minimumDistance");
    QTest::newRow("ctxt conditions") << 8 << 40;
    QTest::newRow("tableau") << 10 << 40;
    QTest::newRow("swg frequencies") << 11 << 20;
    QTest::newRow("51 frequencies") << 51 << 3;
}

void TestPalette::conditionColors_areDistinct() {
    QFETCH(int, count);
    QFETCH(int, minimumDistance);
    for (int i = 0; i < count; ++i) {
        const QColor a = conditionColor(i, count);
        QVERIFY(a.isValid());
        // Readable on white: not too light.
        QVERIFY2(a.lightness() < 200, qPrintable(a.name()));
        for (int j = i + 1; j < count; ++j)
            QVERIFY2(distance(a, conditionColor(j, count)) >= minimumDistance,
                     qPrintable(QStringLiteral("%1 vs %2").arg(i).arg(j)));
    }
}

void TestPalette::conditionColor_outOfRange_isValid() {
    QVERIFY(conditionColor(-1, 3).isValid());
    QVERIFY(conditionColor(0, 0).isValid());
    QCOMPARE(conditionColor(3, 3), conditionColor(0, 3));
}

void TestPalette::stabilityColors_differ() {
    const QList<Stability> all = {Stability::Stable, Stability::Saddle, Stability::Unstable,
                                  Stability::Marginal};
    QSet<QRgb> colors;
    for (Stability s : all)
        colors.insert(stabilityColor(s).rgb());
    QCOMPARE(colors.size(), all.size());
    QVERIFY(stabilityColor(Stability::Unstable).red() > 180); // red
    QVERIFY(stabilityColor(Stability::Saddle).red() > 180);   // orange
    QVERIFY(stabilityColor(Stability::Saddle).green() > 100);
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
