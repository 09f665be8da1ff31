// The explorer's own helpers: latency percentiles and time estimates.
#include "app/explorer/job_runner.h"
#include "app/explorer/measure/automation.h"

#include <QTest>

#include <cmath>

using namespace opdims;
using namespace opdims::explorer;

class TestExplorerHelpers : public QObject {
    Q_OBJECT
private slots:
    void percentiles_nearestRank() {
        std::vector<double> v;
        for (int i = 100; i >= 1; --i)
            v.push_back(i);
        const Percentiles p = percentiles(v);
        QCOMPARE(p.median, 50.5);
        QCOMPARE(p.p95, 95.0);
    }

    void timeLeft_needsSomeProgress() {
        QVERIFY(estimateSecondsLeft(10.0, 0.0) < 0);
        QCOMPARE(estimateSecondsLeft(10.0, 0.25), 30.0);
    }
};

QTEST_GUILESS_MAIN(TestExplorerHelpers)
#include "tst_explorer_helpers.moc"
