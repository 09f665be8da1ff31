// The explorer's session: one owner of the network, its analysis, bases, result and fixed points,
// with one signal per change.
#include "app/explorer/session.h"
#include "core/tasks/trial_set.h"

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

// A sweep of `points` points, told apart by their count.
SweepResult sweepOf(int points) {
    SweepResult sweep;
    for (int k = 1; k <= points; ++k)
        sweep.points.push_back({k, 1.0 / k, 0.1 / k});
    return sweep;
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
        QVERIFY(s.sweeps().empty());
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

    void sweeps_replacedPerBasis_andKeptWhenTheNetworkIsAnalysedAgain() {
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
        // The same network on the same batch, also analysed anew: the sweeps stay.
        s.setAnalysis(a);
        s.setAnalysis(analyseModel(a->model, false));
        QCOMPARE(s.sweeps().size(), std::size_t{1});
        QCOMPARE(changed.count(), 2);
        // Another network has none of them.
        s.setAnalysis(analysisOf(TaskKind::Swg, 10, 19));
        QVERIFY(s.sweeps().empty());
        QCOMPARE(changed.count(), 3);
    }

    // A network opened again (another Model read from the same file and network number) shows
    // its sweeps again; another network, or the file written anew with other weights, does not.
    void sweeps_comeBackWithTheirNetwork() {
        Session s;
        const auto a = analysisOf(TaskKind::Ctxt, 12, 20);
        OpenedModel first;
        first.model = a->model;
        first.path = QStringLiteral("/data/networks.h5");
        first.net = 2;
        s.setNetwork(first);
        s.setAnalysis(a);
        s.addSweep("pc", sweepOf(1));

        const auto b = analysisOf(TaskKind::Ctxt, 12, 21);
        OpenedModel other = first;
        other.model = b->model;
        other.net = 3;
        QSignalSpy changed(&s, &Session::sweepsChanged);
        s.setNetwork(other);
        QCOMPARE(changed.count(), 1); // the panel stops drawing the first network's sweeps
        QVERIFY(s.sweeps().empty());
        s.setAnalysis(b);
        QVERIFY(s.sweeps().empty());
        s.addSweep("op-columns", sweepOf(2));

        OpenedModel again = first;
        again.model = std::make_shared<const Model>(*a->model);
        s.setNetwork(again);
        changed.clear();
        s.setAnalysis(analyseModel(again.model, false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(s.sweeps().size(), std::size_t{1});
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{1});
        s.setNetwork(other);
        s.setAnalysis(b);
        QCOMPARE(s.sweeps().size(), std::size_t{1});
        QCOMPARE(s.sweeps().at("op-columns").points.size(), std::size_t{2});

        // The same file and number with other weights (trained and saved since) is another
        // network.
        OpenedModel rewritten = first;
        auto changedModel = std::make_shared<Model>(*a->model);
        changedModel->W(0, 1) += 0.01;
        rewritten.model = changedModel;
        s.setNetwork(rewritten);
        s.setAnalysis(analyseModel(rewritten.model, false));
        QVERIFY(s.sweeps().empty());
    }

    // A sweep belongs to its batch: the task's grid and a trial set (here the grid itself written
    // as one, sampled elsewhere) each show their own. All swg frequencies draw more conditions of
    // the same grid batch: the sweeps stay.
    void sweeps_belongToTheirBatch() {
        Session s;
        const auto model = std::make_shared<const Model>(randomModel(TaskKind::Swg, 10, 30));
        s.setAnalysis(analyseModel(model, false));
        s.addSweep("pc", sweepOf(1));
        s.setAnalysis(analyseModel(model, true));
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{1});
        const auto set = std::make_shared<const Batch>(asTrialSet(makeGridBatch(TaskKind::Swg)));
        s.setAnalysis(analyseModel(model, set, false));
        QVERIFY(s.sweeps().empty());
        s.addSweep("pc", sweepOf(3));
        s.setAnalysis(analyseModel(model, false));
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{1});
        s.setAnalysis(analyseModel(model, set, false));
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{3});
        // Another trial set, the same trials with other targets.
        Batch otherTargets = *set;
        otherTargets.y.front()(0, 0) += 1.0;
        s.setAnalysis(analyseModel(model, std::make_shared<const Batch>(otherTargets), false));
        QVERIFY(s.sweeps().empty());
    }

    // The sweeps of the kKeptSweepSets networks swept last are kept; networks without sweeps
    // push none out.
    void sweeps_ofTheNetworksSweptLast_areKept() {
        constexpr int kept = static_cast<int>(Session::kKeptSweepSets);
        std::vector<std::shared_ptr<const ModelAnalysis>> networks;
        for (int i = 0; i <= kept; ++i)
            networks.push_back(analysisOf(TaskKind::Ctxt, 6, 40 + static_cast<std::uint64_t>(i)));
        Session s;
        for (int i = 0; i < kept; ++i) {
            s.setAnalysis(networks[static_cast<std::size_t>(i)]);
            s.addSweep("pc", sweepOf(i + 1));
        }
        s.setAnalysis(networks.front());
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{1});
        // One more network swept: the one swept longest ago (network 1) is forgotten.
        s.setAnalysis(networks.back());
        QVERIFY(s.sweeps().empty());
        s.addSweep("pc", sweepOf(kept + 1));
        s.setAnalysis(networks[1]);
        QVERIFY(s.sweeps().empty());
        for (int i = 2; i < kept; ++i) {
            s.setAnalysis(networks[static_cast<std::size_t>(i)]);
            QCOMPARE(s.sweeps().at("pc").points.size(), static_cast<std::size_t>(i + 1));
        }
        s.setAnalysis(networks.front());
        QCOMPARE(s.sweeps().at("pc").points.size(), std::size_t{1});
        s.setAnalysis(networks.back());
        QCOMPARE(s.sweeps().at("pc").points.size(), static_cast<std::size_t>(kept + 1));
    }

    // A language switch builds a new window with a new session: the sweeps of the networks
    // opened before go along and come back with their network.
    void sweepsPutAside_goToAnotherSession() {
        const auto a = analysisOf(TaskKind::Ctxt, 6, 60);
        const auto b = analysisOf(TaskKind::Ctxt, 6, 61);
        const auto c = analysisOf(TaskKind::Ctxt, 6, 62);
        Session old;
        old.setAnalysis(a);
        old.addSweep("pc", sweepOf(1));
        old.setAnalysis(b);
        old.addSweep("pc", sweepOf(2));
        old.setAnalysis(c);
        old.addSweep("pc", sweepOf(3));
        QCOMPARE(old.sweepsPutAside().size(), std::size_t{2});
        Session next;
        next.setAnalysis(c);
        next.addSweep("pc", old.sweeps().at("pc"));
        next.adoptSweepsPutAside(old.sweepsPutAside());
        // Taken twice, or with the shown network's own set among them: no duplicates.
        next.adoptSweepsPutAside(old.sweepsPutAside());
        QCOMPARE(next.sweepsPutAside().size(), std::size_t{2});
        next.setAnalysis(a);
        QCOMPARE(next.sweeps().at("pc").points.size(), std::size_t{1});
        next.setAnalysis(b);
        QCOMPARE(next.sweeps().at("pc").points.size(), std::size_t{2});
        next.setAnalysis(c);
        QCOMPARE(next.sweeps().at("pc").points.size(), std::size_t{3});
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
