// The explorer's session: one owner of the network, its analysis, bases, result and fixed points,
// with one signal per change.
#include "app/explorer/session.h"

#include <QSignalSpy>
#include <QTest>

using namespace opdims;
using namespace opdims::explorer;

namespace {

std::shared_ptr<const ModelAnalysis> analysisOf(TaskKind task, int units, std::uint64_t seed) {
    return analyseModel(std::make_shared<const Model>(randomModel(task, units, seed)), false);
}

std::shared_ptr<AblationResult> resultFor(std::shared_ptr<const ModelAnalysis> a,
                                          quint64 generation, bool quickPoints) {
    auto r = std::make_shared<AblationResult>();
    r->generation = generation;
    r->analysis = a;
    r->basis = a->bases.front().basis;
    if (quickPoints) {
        r->fixedPointInput = a->task == TaskKind::Ctxt ? contextInput(*a->model, 1)
                                                       : Eigen::VectorXd::Constant(1, 0.5);
        r->fixedPoints = FixedPointResult{};
    }
    return r;
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void setAnalysis_resetsResultPointsAndBases() {
        Session s;
        QSignalSpy analysed(&s, &Session::analysisChanged);
        const auto a = analysisOf(TaskKind::Ctxt, 12, 1);
        s.setAnalysis(a);
        QCOMPARE(analysed.count(), 1);
        QCOMPARE(s.bases().size(), a->bases.size());
        QCOMPARE(static_cast<int>(s.fixedPointInputs().size()), 2);
        s.setResult(resultFor(a, 1, false));
        QVERIFY(s.result());
        s.addBases({a->bases.front()});
        s.setAnalysis(analysisOf(TaskKind::Ctxt, 12, 2));
        QVERIFY(!s.result());
        QCOMPARE(s.bases().size(), a->bases.size()); // the added basis belonged to the old one
    }

    void setNetwork_forgetsEverything() {
        Session s;
        const auto a = analysisOf(TaskKind::Swg, 10, 3);
        s.setAnalysis(a);
        s.setResult(resultFor(a, 1, false));
        QSignalSpy changed(&s, &Session::networkChanged);
        OpenedModel m;
        m.model = a->model;
        s.setNetwork(m);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!s.analysis());
        QVERIFY(!s.result());
        QVERIFY(s.bases().empty());
        QCOMPARE(s.network().model, a->model);
    }

    void addBases_emitsOnceWithTheirRange() {
        Session s;
        const auto a = analysisOf(TaskKind::Ctxt, 12, 4);
        s.setAnalysis(a);
        QSignalSpy added(&s, &Session::basesAdded);
        const int before = static_cast<int>(s.bases().size());
        s.addBases({a->bases[1], a->bases[2]});
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().at(0).toInt(), before);
        QCOMPARE(added.first().at(1).toInt(), 2);
        QVERIFY(s.basis(a->bases[2].key) != nullptr);
        s.addBases({});
        QCOMPARE(added.count(), 1);
    }

    void resultOfAnotherAnalysis_isIgnored() {
        Session s;
        const auto a = analysisOf(TaskKind::Ctxt, 12, 5);
        const auto b = analysisOf(TaskKind::Ctxt, 12, 6);
        s.setAnalysis(a);
        s.setResult(resultFor(b, 1, false));
        QVERIFY(!s.result());
    }

    void searchedPoints_onlyForTheirGeneration() {
        Session s;
        const auto a = analysisOf(TaskKind::Ctxt, 12, 7);
        s.setAnalysis(a);
        s.setResult(resultFor(a, 1, true));
        auto searched = std::make_shared<const FixedPointResult>();
        QSignalSpy changed(&s, &Session::fixedPointsChanged);
        s.setSearchedFixedPoints(1, searched, s.fixedPointInputs()[1]);
        QCOMPARE(changed.count(), 1);
        auto shown = s.shownFixedPoints(true);
        QVERIFY(shown && shown->searched);
        QCOMPARE(shown->points, searched);
        // A newer result shows its own quick points again, and none when they are not wanted.
        s.setResult(resultFor(a, 2, true));
        shown = s.shownFixedPoints(true);
        QVERIFY(shown && !shown->searched);
        QVERIFY(!s.shownFixedPoints(false));
    }

    void exportedInput_isTheSearchedOne_notTheOneChosenSince() {
        // The input belongs to the points: the searched points keep the input they were searched
        // under; quick points are named from their request's input.
        Session s;
        const auto a = analysisOf(TaskKind::Ctxt, 12, 8);
        s.setAnalysis(a);
        s.setResult(resultFor(a, 3, true));
        const auto quick = s.shownFixedPoints(true);
        QVERIFY(quick);
        QCOMPARE(quick->input.problem.condition.context, 1);
        s.setSearchedFixedPoints(3, std::make_shared<const FixedPointResult>(),
                                 s.fixedPointInputs()[1]);
        const auto searched = s.shownFixedPoints(true);
        QVERIFY(searched);
        QCOMPARE(searched->input.problem.condition.context, 2);
        QVERIFY(searched->input.problem.input == contextInput(*a->model, 2));
    }

    void sweeps_replacedPerBasis_andForgottenWithTheAnalysis() {
        Session s;
        const auto a = analysisOf(TaskKind::Swg, 10, 9);
        s.setAnalysis(a);
        QSignalSpy changed(&s, &Session::sweepsChanged);
        SweepResult sweep;
        sweep.points.push_back({1, 0.5, 0.1});
        s.addSweep("pc", sweep);
        sweep.points.push_back({2, 0.25, 0.05});
        s.addSweep("pc", sweep);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(s.sweeps().size(), std::size_t{1});
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{2});
        s.setAnalysis(a);
        QVERIFY(s.sweeps().empty());
    }

    void trainingLog_resetAndAppend() {
        Session s;
        QSignalSpy reset(&s, &Session::trainingLogReset);
        QSignalSpy appended(&s, &Session::lossAppended);
        s.startTrainingLog();
        s.appendLoss(1, 0.5);
        s.appendLoss(2, 0.25);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(appended.count(), 2);
        QCOMPARE(s.trainingLog().back().second, 0.25);
        s.startTrainingLog();
        QVERIFY(s.trainingLog().empty());
    }

    void selection_emitsOnlyWhenWhatIsComputedChanges() {
        Session s;
        const auto a = analysisOf(TaskKind::Ctxt, 12, 10);
        s.setAnalysis(a);
        QCOMPARE(s.selection().fixedPointInput, 0); // context 1 by default
        QSignalSpy changed(&s, &Session::selectionChanged);
        s.setAblationChoice(a->bases.front().key, std::vector<bool>(12, true));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(s.selectedBasis(), a->bases.front().basis);
        s.setFixedPointChoice(false, 1); // another input, fixed points not wanted: nothing to do
        QCOMPARE(changed.count(), 1);
        s.setFixedPointChoice(true, 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(s.selectedFixedPointInput()->problem.condition.context, 2);
        // The same kind of network keeps the chosen input; another task takes its default.
        s.setAnalysis(analysisOf(TaskKind::Ctxt, 12, 11));
        QCOMPARE(s.selection().fixedPointInput, 1);
        s.setAnalysis(analysisOf(TaskKind::Swg, 12, 12));
        QCOMPARE(s.selectedFixedPointInput()->problem.condition.freqId, 26);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
