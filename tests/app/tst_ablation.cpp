// Live ablation with a deliberately slow worker: stale results never reach the views, the newest
// request is the one shown, and keeping every dimension reproduces the full network.
#include "app/explorer/ablation_controller.h"
#include "app/explorer/ablation_panel.h"
#include "app/explorer/main_window.h"
#include "widgets/surface_format.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace opdims;
using namespace opdims::explorer;

namespace {

std::shared_ptr<const ModelAnalysis> prepared(AblationController& ctl, TaskKind task, int units) {
    QSignalSpy ready(&ctl, &AblationController::analysisReady);
    ctl.prepare(std::make_shared<const Model>(randomModel(task, units, 7)), false);
    if (!ready.wait(60000))
        return nullptr;
    return ctl.analysis();
}

std::vector<bool> firstK(int n, int k) {
    std::vector<bool> keep(static_cast<std::size_t>(n), false);
    std::fill(keep.begin(), keep.begin() + k, true);
    return keep;
}

} // namespace

// Makes the worker sleep before delivering each result, so that results arrive stale.
class DelayProbe : public AblationProbe {
public:
    explicit DelayProbe(int ms) : m_ms(ms) {}
    void beforeDelivery(quint64) override {
        ++m_delayed;
        QThread::msleep(static_cast<unsigned long>(m_ms));
    }
    // Results computed so far (each then waits in the delay).
    int delayed() const { return m_delayed.load(); }

private:
    int m_ms;
    std::atomic<int> m_delayed{0};
};

class TestAblation : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_ablation"));
        QSettings().clear();
    }

    void burstOfRequests_onlyTheNewestIsShown() {
        AblationController ctl;
        const auto a = prepared(ctl, TaskKind::Ctxt, 20);
        QVERIFY(a);
        const auto basis = a->bases.front().basis;
        ctl.setProbe(std::make_shared<DelayProbe>(300));
        QSignalSpy results(&ctl, &AblationController::resultReady);
        ctl.request(basis, firstK(20, 5), false);
        ctl.request(basis, firstK(20, 10), false);
        const quint64 newest = ctl.request(basis, firstK(20, 15), false);
        QVERIFY(results.wait(10000));
        QTest::qWait(800); // anything still in flight would arrive now
        QCOMPARE(results.count(), 1);
        const auto r = results.first().first().value<std::shared_ptr<const AblationResult>>();
        QCOMPARE(r->generation, newest);
        QCOMPARE(r->kept, 15);
    }

    void resultArrivingAfterANewerRequest_isDropped() {
        AblationController ctl;
        const auto a = prepared(ctl, TaskKind::Ctxt, 20);
        QVERIFY(a);
        const auto basis = a->bases.front().basis;
        const auto probe = std::make_shared<DelayProbe>(400);
        ctl.setProbe(probe);
        QSignalSpy results(&ctl, &AblationController::resultReady);
        ctl.request(basis, firstK(20, 3), false);
        // Once the first computation is done the worker sleeps in its delay: the result is
        // complete but will arrive after the next request.
        QTRY_COMPARE_WITH_TIMEOUT(probe->delayed(), 1, 10000);
        const quint64 newest = ctl.request(basis, firstK(20, 12), false);
        QVERIFY(results.wait(10000));
        QTest::qWait(300);
        QCOMPARE(results.count(), 1);
        QCOMPARE(ctl.droppedResults(), 1);
        QCOMPARE(results.first().first().value<std::shared_ptr<const AblationResult>>()->generation,
                 newest);
    }

    void keepingEveryDimension_reproducesTheFullNetwork() {
        AblationController ctl;
        const auto a = prepared(ctl, TaskKind::Swg, 30);
        QVERIFY(a);
        QSignalSpy results(&ctl, &AblationController::resultReady);
        for (const NamedBasis& nb : a->bases) {
            results.clear();
            ctl.request(nb.basis, firstK(nb.basis->size(), nb.basis->size()), false);
            QVERIFY(results.wait(10000));
            const auto r = results.first().first().value<std::shared_ptr<const AblationResult>>();
            QVERIFY2(std::abs(r->run.cost - a->reference.run.cost) <= 1e-9 * a->reference.run.cost,
                     nb.key.c_str());
            QVERIFY(r->run.stateDistance < 1e-9);
        }
        // Keeping nothing removes all recurrence: the state distance is large.
        results.clear();
        ctl.request(a->bases.front().basis, firstK(30, 0), false);
        QVERIFY(results.wait(10000));
        QVERIFY(results.first()
                    .first()
                    .value<std::shared_ptr<const AblationResult>>()
                    ->run.stateDistance > 1e-3);
    }

    void draggingTheSlider_showsTheLastRank() {
        MainWindow w;
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.show();
        w.openDefault(TaskKind::Ctxt);
        QVERIFY(analysed.wait(60000));
        QSignalSpy shown(&w, &MainWindow::resultShown);
        QVERIFY(shown.wait(20000)); // the first result after opening
        w.ablation()->setProbe(std::make_shared<DelayProbe>(150));
        shown.clear();
        for (int k : {40, 30, 20, 10, 7})
            w.ablationPanel()->setRank(k);
        QVERIFY(shown.wait(20000));
        QTest::qWait(500);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(w.shownResult()->kept, 7);
        QCOMPARE(w.shownResult()->generation, w.ablation()->latestGeneration());
    }
};

QTEST_MAIN(TestAblation)
#include "tst_ablation.moc"
