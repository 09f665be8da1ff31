// The one vocabulary of basis names: parse and format are inverse, every name the explorer lists
// parses, malformed names are refused with the vocabulary in the message.
#include "core/analysis/basis.h"
#include "core/analysis/basis_names.h"
#include "core/analysis/global_dims.h"
#include "core/base/error.h"

#include "testsupport.h"

#include <QTest>

using namespace opdims;
using opdims::test::expectError;

class TestBasisNames : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_everyName() {
        for (const char* text : {"pc", "op-columns", "op-rows", "op-columns:ctxt1", "op-rows:ctxt2",
                                 "op-columns:pos-choice", "op-rows:neg-choice", "op-columns:freq26",
                                 "op-rows:freq1", "op-columns:freq51", "file:/tmp/q.npz"})
            QCOMPARE(formatBasisName(parseBasisName(text)), std::string(text));
        for (TaskKind task : {TaskKind::Ctxt, TaskKind::Swg})
            for (Side side : {Side::Columns, Side::Rows})
                for (const BasisName& n : operativeBasisNames(task, side))
                    QVERIFY(parseBasisName(formatBasisName(n)) == n);
    }

    void parse_kindSideSubset() {
        const BasisName n = parseBasisName("op-rows:pos-choice");
        QVERIFY(n.kind == BasisKind::Operative);
        QVERIFY(n.side == Side::Rows);
        QVERIFY(n.subset == LocationSubset::PosChoice);
        QVERIFY(parseBasisName("pc").kind == BasisKind::Pc);
        const BasisName f = parseBasisName("file:a:b.h5");
        QVERIFY(f.kind == BasisKind::File);
        QCOMPARE(f.path, std::string("a:b.h5"));
    }

    void subsetsPerTask() {
        QCOMPARE(static_cast<int>(functionSubsets(TaskKind::Ctxt).size()), 4);
        QVERIFY(functionSubsets(TaskKind::Swg).empty());
        QCOMPARE(static_cast<int>(operativeBasisNames(TaskKind::Ctxt, Side::Columns).size()), 5);
        // swg: all locations, then one frequency each: the slowest, the middle, the fastest.
        const auto swg = operativeBasisNames(TaskKind::Swg, Side::Rows);
        QCOMPARE(static_cast<int>(swg.size()), 4);
        QCOMPARE(formatBasisName(swg[2]), std::string("op-rows:freq26"));
        QCOMPARE(swg[3].frequency, 51);
        for (LocationSubset s : functionSubsets(TaskKind::Ctxt))
            QVERIFY(parseLocationSubset(locationSubsetName(s)) == s);
    }

    void rejects_withTheVocabulary() {
        expectError([] { parseBasisName("op-columns:foo"); }, "unknown location subset 'foo'");
        expectError([] { parseBasisName("pc:ctxt1"); }, "op-columns:SUBSET");
        expectError([] { parseBasisName(""); }, "unknown basis ''");
        expectError([] { parseBasisName("file:"); }, "file:PATH");
        expectError([] { parseBasisName("op-rows:all"); }, "write op-rows");
        expectError([] { locationSubset(TaskKind::Swg, LocationSubset::Ctxt1); }, "ctxt only");
        // Frequency subsets: ids 1 to 51, written without leading zeros, for swg only.
        for (const char* bad :
             {"op-columns:freq0", "op-columns:freq52", "op-columns:freq", "op-columns:freq07",
              "op-columns:freq-3", "op-columns:freq1x", "op-columns:freq99999999999"})
            expectError([bad] { parseBasisName(bad); }, "freqN with N from 1 to 51");
        expectError([] { locationSubset(TaskKind::Ctxt, "freq3"); }, "swg only");
        expectError([] { locationSubset(TaskKind::Swg, LocationSubset::Frequency, 0); },
                    "frequency ids run from 1 to 51");
    }
};

QTEST_GUILESS_MAIN(TestBasisNames)
#include "tst_basis_names.moc"
