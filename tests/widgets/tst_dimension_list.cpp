// Tests of the dimension list: ticks, one keptChanged per change, user ticks.
#include "widgets/dimension_list.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace opdims::widgets;

class TestDimensionList : public QObject {
    Q_OBJECT
private slots:
    void setDimensions_ticksAllWithoutSignal();
    void setKeptCount_emitsOnceWithTheFirstK();
    void setKeptCount_unchanged_emitsNothing();
    void setKeptCount_clampsToRange();
    void setKept_emitsOnce();
    void userTick_emitsOnce();
};

void TestDimensionList::setDimensions_ticksAllWithoutSignal() {
    DimensionList list;
    QSignalSpy spy(&list, &DimensionList::keptChanged);
    list.setDimensions(QStringLiteral("operative dimensions"), {3.0, 2.0, 1.0, 0.5});
    QCOMPARE(spy.count(), 0);
    QCOMPARE(list.count(), 4);
    QCOMPARE(list.basisName(), QStringLiteral("operative dimensions"));
    QCOMPARE(list.kept(), QVector<bool>({true, true, true, true}));
}

void TestDimensionList::setKeptCount_emitsOnceWithTheFirstK() {
    DimensionList list;
    list.setDimensions(QStringLiteral("PC dimensions"), QVector<double>(50, 1.0));
    QSignalSpy spy(&list, &DimensionList::keptChanged);
    list.setKeptCount(3);
    QCOMPARE(spy.count(), 1);
    QVector<bool> expected(50, false);
    expected[0] = expected[1] = expected[2] = true;
    QCOMPARE(list.kept(), expected);
    QCOMPARE(spy.first().first().value<QVector<bool>>(), expected);
}

void TestDimensionList::setKeptCount_unchanged_emitsNothing() {
    DimensionList list;
    list.setDimensions(QStringLiteral("PC dimensions"), {1.0, 1.0, 1.0});
    QSignalSpy spy(&list, &DimensionList::keptChanged);
    list.setKeptCount(3);
    QCOMPARE(spy.count(), 0);
}

void TestDimensionList::setKeptCount_clampsToRange() {
    DimensionList list;
    list.setDimensions(QStringLiteral("PC dimensions"), {1.0, 1.0, 1.0});
    list.setKeptCount(-2);
    QCOMPARE(list.kept(), QVector<bool>({false, false, false}));
    list.setKeptCount(99);
    QCOMPARE(list.kept(), QVector<bool>({true, true, true}));
}

void TestDimensionList::setKept_emitsOnce() {
    DimensionList list;
    list.setDimensions(QStringLiteral("operative dimensions"), {4.0, 3.0, 2.0, 1.0});
    QSignalSpy spy(&list, &DimensionList::keptChanged);
    list.setKept({true, false, true}); // the missing fourth entry counts as unticked
    QCOMPARE(spy.count(), 1);
    QCOMPARE(list.kept(), QVector<bool>({true, false, true, false}));
}

void TestDimensionList::userTick_emitsOnce() {
    DimensionList list;
    list.setDimensions(QStringLiteral("operative dimensions"), {4.0, 3.0, 2.0});
    auto* tree = list.findChild<QTreeWidget*>();
    QVERIFY(tree != nullptr);
    QSignalSpy spy(&list, &DimensionList::keptChanged);
    tree->topLevelItem(1)->setCheckState(0, Qt::Unchecked);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<QVector<bool>>(), QVector<bool>({true, false, true}));
}

QTEST_MAIN(TestDimensionList)
#include "tst_dimension_list.moc"
