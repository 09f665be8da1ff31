// A trial set beside a network: the analysis on the set equals the task's own on its grid, the
// views name the set's condition labels, and bad or unfitting files leave the window as it was.
#include "app/explorer/ablation_panel.h"
#include "app/explorer/compare_window.h"
#include "app/explorer/labels.h"
#include "app/explorer/language.h"
#include "app/explorer/main_window.h"
#include "app/explorer/model_panel.h"
#include "app/explorer/model_source.h"
#include "app/explorer/output_panel.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "app/explorer/trial_set_controller.h"
#include "core/ablation/model_analysis.h"
#include "core/fixed_points/starts.h"
#include "core/model/io.h"
#include "core/tasks/generated.h"
#include "core/tasks/trial_set.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"
#include "widgets/surface_format.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace opdims;
using namespace opdims::explorer;

namespace {

// Three labelled trials of 200 steps for a ctxt-sized network (5 inputs, 1 output), with a
// mask that leaves out the first 50 steps and two phases.
Batch threeLabelSet() {
    Batch b;
    b.task = TaskKind::Data;
    b.kind = "trials";
    b.steps = 200;
    b.inputs = 5;
    b.outputs = 1;
    const char* labels[] = {"left", "right", "catch"};
    for (const char* label : labels) {
        TrialInfo t;
        t.label = label;
        b.trials.push_back(t);
    }
    for (int t = 0; t < b.steps; ++t) {
        Eigen::MatrixXd u = Eigen::MatrixXd::Zero(5, 3);
        u.row(2).setOnes(); // the context-1 cue throughout
        if (t >= 100) {
            u(0, 0) = 0.1;
            u(0, 1) = -0.1;
        }
        b.u.push_back(u);
        Eigen::MatrixXd y(1, 3);
        y << (t >= 100 ? 1.0 : 0.0), (t >= 100 ? -1.0 : 0.0), 0.0;
        b.y.push_back(y);
        b.mask.push_back(Eigen::MatrixXd::Constant(1, 3, t >= 50 ? 1.0 : 0.0));
    }
    b.phases = {{"cue", 0}, {"stimulus", 100}};
    return b;
}

std::vector<QString> legendTexts(MainWindow& w) {
    std::vector<QString> out;
    for (const widgets::LegendEntry& e : w.stateSpace()->view()->legend())
        if (!e.footer)
            out.push_back(e.text);
    return out;
}

// Opens the default ctxt network and waits for its first result.
bool openCtxt(MainWindow& w) {
    QSignalSpy shown(&w, &MainWindow::resultShown);
    w.show();
    w.openDefault(TaskKind::Ctxt);
    return shown.wait(60000) && w.session()->analysis() && !w.session()->trialSet();
}

// Opens a trial set in the window and waits until its analysis shows a result.
bool openTrialsAndWait(MainWindow& w, const QString& path) {
    QSignalSpy shown(&w, &MainWindow::resultShown);
    w.openTrials(path);
    for (int i = 0; i < 10; ++i) {
        if (!shown.wait(60000))
            return false;
        if (w.session()->trialSet() && w.shownResult()->analysis == w.session()->analysis())
            return true;
    }
    return false;
}

QString closeMessageBox(QWidget* window) {
    const auto boxes = window->findChildren<QMessageBox*>();
    if (boxes.isEmpty())
        return {};
    QMessageBox* box = boxes.last();
    const QString text = box->text();
    box->close();
    return text;
}

} // namespace

class TestTrialSetView : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_trial_set_view"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_grid = m_dir.filePath(QStringLiteral("ctxt_grid.npz"));
        writeTrialSet(m_grid.toStdString(), makeGridBatch(TaskKind::Ctxt));
        m_three = m_dir.filePath(QStringLiteral("three.h5"));
        writeTrialSet(m_three.toStdString(), threeLabelSet());
    }

    void analysisOnTheGridAsTrialSet_equalsTheTasksOwn() {
        const OpenedModel net = openDefaultModel(TaskKind::Ctxt);
        const auto grid = analyseModel(net.model, false);
        auto set = std::make_shared<const Batch>(readTrialSet(m_grid.toStdString()));
        const auto onSet = analyseModel(net.model, set, false);
        QCOMPARE(onSet->task, TaskKind::Data);
        QCOMPARE(onSet->trialSet, set);
        // The trial set is analysed where it is, not copied (it can be large).
        QCOMPARE(&onSet->batch(), set.get());
        QVERIFY(!grid->trialSet);
        // Bit for bit: the same trials, sampling locations and operative dimensions.
        QCOMPARE(onSet->reference.run.cost, grid->reference.run.cost);
        QCOMPARE(onSet->locations.size(), grid->locations.size());
        QVERIFY(onSet->locationStates == grid->locationStates);
        // Only PC and the global operative dimensions: no function-specific subsets.
        QCOMPARE(static_cast<int>(onSet->bases.size()), 2);
        QCOMPARE(onSet->bases[0].key, std::string("pc"));
        QCOMPARE(onSet->bases[1].key, std::string("op-columns"));
        QVERIFY(onSet->bases[1].basis->Q == grid->bases[1].basis->Q);
        // The default fixed-point input is the first sampling condition's at t = 1: for ctxt the
        // context-1 cue alone, the task's own default.
        QVERIFY(defaultFixedPointInput(*onSet) == contextInput(*net.model, 1));
        QVERIFY(defaultFixedPointInput(*grid) == contextInput(*net.model, 1));
        // Ablation on the set: the same cost as on the grid.
        std::vector<bool> keep(static_cast<std::size_t>(onSet->bases[1].basis->size()), false);
        std::fill(keep.begin(), keep.begin() + 6, true);
        QCOMPARE(ablate(*onSet, *onSet->bases[1].basis, keep).run.cost,
                 ablate(*grid, *grid->bases[1].basis, keep).run.cost);
    }

    void generatedTasksGrid_isAnalysedAsATrialSet() {
        // flipflop is made as a trial set: its grid shows labels, no function-specific bases.
        Model m = randomModel(24, 3, 3, 1, 5, 1.5);
        m.task = TaskKind::FlipFlop;
        const auto a = analyseModel(std::make_shared<const Model>(std::move(m)), false);
        QCOMPARE(a->task, TaskKind::Data);
        QVERIFY(!a->trialSet);
        QVERIFY(a->conditions.count() > 1);
        QVERIFY(!a->conditions.conditions.front().label.empty());
        QCOMPARE(static_cast<int>(a->bases.size()), 2);
        QCOMPARE(defaultFixedPointInput(*a).size(), 3);
    }

    void generatedTasksDefaults_showTheirAttractors() {
        // The lesson-ready defaults: the flip-flop network's fixed points in its hold phase are
        // the 8 corners of the cube; the decision network's under the fixation cue alone are the
        // two choices.
        for (const auto& [task, stable, phase] :
             {std::tuple{TaskKind::FlipFlop, 8, "hold"}, {TaskKind::Decision, 2, "fixation"}}) {
            if (embeddedNetworkResource(task).isEmpty())
                QSKIP("this build embeds no default flipflop or decision network");
            MainWindow w;
            QSignalSpy shown(&w, &MainWindow::resultShown);
            w.show();
            w.openDefault(task);
            QVERIFY(shown.wait(60000));
            const auto a = w.session()->analysis();
            QCOMPARE(a->model->task, task);
            QCOMPARE(defaultFixedPointInput(*a), generatedRestInput(task));
            const int t = w.session()->selection().fixedPointTime;
            QCOMPARE(phaseAt(a->batch(), t), QString::fromLatin1(phase));
            w.stateSpace()->setFixedPointsShown(true);
            QTRY_VERIFY_WITH_TIMEOUT(w.stateSpace()->shownFixedPoints().has_value() &&
                                         w.stateSpace()->shownFixedPoints()->points,
                                     60000);
            const auto points = w.stateSpace()->shownFixedPoints();
            QCOMPARE(points->input.problem.input, generatedRestInput(task));
            int stableCount = 0;
            for (const FixedPoint& p : points->points->points)
                if (p.kind == PointKind::Fixed && p.linear.stability == Stability::Stable)
                    ++stableCount;
            QCOMPARE(stableCount, stable);
        }
    }

    void analysis_refusesANetworkThatDoesNotFit() {
        const OpenedModel swg = openDefaultModel(TaskKind::Swg);
        auto set = std::make_shared<const Batch>(readTrialSet(m_grid.toStdString()));
        try {
            analyseModel(swg.model, set, false);
            QFAIL("a 1-input network was analysed on a 5-input trial set");
        } catch (const Error& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(m_grid) && message.contains(QStringLiteral("inputs")),
                     qPrintable(message));
        }
    }

    void defaultNetworkFitting_byInputsAndOutputs() {
        const auto set = readTrialSet(m_grid.toStdString());
        const auto fitting = defaultModelFitting(set);
        QVERIFY(fitting.has_value());
        QCOMPARE(fitting->model->inputs(), 5);
        Batch odd = threeLabelSet();
        odd.inputs = 3;
        for (Eigen::MatrixXd& u : odd.u)
            u = u.topRows(3).eval();
        QVERIFY(!defaultModelFitting(odd).has_value());
    }

    void window_opensTheTrialSet_andKeepsTheChoices() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        const auto gridAnalysis = w.session()->analysis();
        const double gridCost = gridAnalysis->reference.run.cost;
        const QString gridTitle = w.windowTitle();
        // A basis and k chosen before: kept on the set (op-columns exists there too).
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.ablationPanel()->selectBasis("op-columns");
        w.ablationPanel()->setRank(8);
        QVERIFY(shown.wait(60000));

        QVERIFY(openTrialsAndWait(w, m_grid));
        const auto a = w.session()->analysis();
        QVERIFY(a != gridAnalysis);
        QCOMPARE(a->task, TaskKind::Data);
        QCOMPARE(a->reference.run.cost, gridCost);
        QCOMPARE(w.ablationPanel()->currentKey(), std::string("op-columns"));
        QCOMPARE(w.ablationPanel()->rank(), 8);
        QCOMPARE(w.shownResult()->kept, 8);
        // Which trial set is open: the title and the model panel say so.
        QVERIFY2(w.windowTitle().contains(QStringLiteral("ctxt_grid.npz")),
                 qPrintable(w.windowTitle()));
        const QString summary = w.modelPanel()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("ctxt_grid.npz: 72 trials of 1400 steps, 8 "
                                                 "conditions")),
                 qPrintable(summary));

        // The legend names the labels, in the order they first appear in the file.
        std::vector<QString> labels;
        for (const Condition& c : a->conditions.conditions)
            labels.push_back(QString::fromStdString(c.label));
        QCOMPARE(static_cast<int>(labels.size()), 8);
        QVERIFY(labels.front().startsWith(QStringLiteral("Ctxt1Inps")));
        QCOMPARE(legendTexts(w), labels);

        // Only PC and the global operative dimensions (and the row dimensions on request).
        auto* basisBox = w.ablationPanel()->findChild<QComboBox*>();
        QVERIFY(basisBox);
        QStringList keys;
        for (int i = 0; i < basisBox->count(); ++i)
            keys << basisBox->itemData(i).toString();
        QCOMPARE(keys, QStringList({QStringLiteral("pc"), QStringLiteral("op-columns"),
                                    QStringLiteral("op-rows?")}));

        // The fixed-point inputs are the conditions' inputs; the default is context 1 alone.
        const auto& inputs = w.session()->fixedPointInputs();
        QCOMPARE(static_cast<int>(inputs.size()), 8);
        const FixedPointInput* chosen = w.session()->selectedFixedPointInput();
        QVERIFY(chosen);
        QVERIFY(chosen->problem.input == contextInput(*a->model, 1));
        QCOMPARE(chosen->label, QStringLiteral("Ctxt1Inps-1_-1 at t = 1 (context cue)"));

        // The output plot names the labels too.
        auto* output = w.findChild<OutputPanel*>();
        QVERIFY(output);
        QCOMPARE(output->trialList()->count(), 72);
        QVERIFY2(output->trialList()->item(0)->text().startsWith(labels.front()),
                 qPrintable(output->trialList()->item(0)->text()));

        // Close trials: back to the task's own grid, still with the chosen k.
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.closeTrials();
        QVERIFY(analysed.wait(60000));
        QVERIFY(!w.session()->trialSet());
        QCOMPARE(w.session()->analysis()->task, TaskKind::Ctxt);
        QCOMPARE(w.windowTitle(), gridTitle);
        QCOMPARE(w.ablationPanel()->rank(), 8);
    }

    void openingAnotherNetwork_goesBackToTheGrid() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QVERIFY(openTrialsAndWait(w, m_grid));
        QSignalSpy analysed(&w, &MainWindow::analysisShown);
        w.openDefault(TaskKind::Ctxt);
        QVERIFY(analysed.wait(60000));
        QVERIFY(!w.session()->trialSet());
        QCOMPARE(w.session()->analysis()->task, TaskKind::Ctxt);
        QVERIFY(!w.windowTitle().contains(QStringLiteral("ctxt_grid")));
    }

    void customLabels_areTheLegend_andTheFixedPointInputs() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QVERIFY(openTrialsAndWait(w, m_three));
        const auto a = w.session()->analysis();
        QCOMPARE(legendTexts(w),
                 std::vector<QString>(
                     {QStringLiteral("left"), QStringLiteral("right"), QStringLiteral("catch")}));
        // The cost counts only where the mask is 1.
        QVERIFY(std::isfinite(a->reference.run.cost));
        // One trajectory per label: the three part after the cue.
        const auto& avg = a->reference.run.averages;
        QCOMPARE(static_cast<int>(avg.size()), 3);
        QVERIFY((avg[0] - avg[2]).col(50).norm() < 1e-9); // the same cue before t = 100
        QVERIFY((avg[0] - avg[2]).col(199).norm() > 1.0);
        QVERIFY((avg[0] - avg[1]).col(199).norm() > 1.0);
        // Each trial's output takes its condition's colour, as in the 3D view.
        auto* output = w.findChild<OutputPanel*>();
        output->showBox()->setCurrentIndex(2);
        const auto& series = output->plot()->series();
        QCOMPARE(series.size(), 3 * 3); // target, full and reduced per trial
        QVERIFY(series[1].name.contains(QStringLiteral("left")));
        QVERIFY(series[1].color != series[4].color);
        // The target is a gap where the mask leaves it out.
        QVERIFY(std::isnan(series[0].y[0]));
        QVERIFY(!std::isnan(series[0].y[100]));

        // The inputs of the conditions at a chosen time, in the phase it falls in.
        w.stateSpace()->setFixedPointTime(150);
        const auto& inputs = w.session()->fixedPointInputs();
        QCOMPARE(static_cast<int>(inputs.size()), 3);
        QCOMPARE(inputs[0].label, QStringLiteral("left at t = 150 (stimulus)"));
        QCOMPARE(inputs[1].problem.input(0), -0.1);
        QCOMPARE(inputs[1].problem.condition.label, std::string("right"));

        // A thorough search under a condition's input starts from the set's trials.
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.stateSpace()->setFixedPointsShown(true);
        w.stateSpace()->selectFixedPointInput(1);
        QVERIFY(shown.wait(60000));
        QSignalSpy searched(&w, &MainWindow::fixedPointsSearched);
        QVERIFY(w.startFixedPointSearch());
        QVERIFY(searched.wait(120000));
        const auto points = w.stateSpace()->shownFixedPoints();
        QVERIFY(points && points->searched);
        QCOMPARE(points->input.label, QStringLiteral("right at t = 150 (stimulus)"));
    }

    void badFile_leavesTheWindowAsItWas() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        const auto before = w.session()->analysis();
        const QString title = w.windowTitle();
        // The first half of a valid file.
        QFile in(m_grid);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        const QString bad = m_dir.filePath(QStringLiteral("truncated.npz"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(bytes.size() / 2));
        out.close();

        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.openTrials(bad);
        QVERIFY(errors.wait(30000));
        const QString message = errors.first().at(0).toString();
        QVERIFY2(message.startsWith(bad) && !message.contains(QLatin1Char('\n')),
                 qPrintable(message));
        QCOMPARE(closeMessageBox(&w), message);
        QCOMPARE(w.session()->analysis(), before);
        QVERIFY(!w.session()->trialSet());
        QCOMPARE(w.windowTitle(), title);
        QVERIFY(w.modelPanel()->summaryText().contains(QStringLiteral("grid batch")));
    }

    void networkOfTheWrongSize_isRefused() {
        MainWindow w;
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(TaskKind::Swg);
        QVERIFY(shown.wait(60000));
        const auto before = w.session()->analysis();
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.openTrials(m_grid);
        QVERIFY(errors.wait(30000));
        const QString message = errors.first().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("inputs")) && message.contains(m_grid) &&
                     !message.contains(QLatin1Char('\n')),
                 qPrintable(message));
        closeMessageBox(&w);
        // Nothing was started: the swg analysis stays.
        QVERIFY(!shown.wait(500));
        QCOMPARE(w.session()->analysis(), before);
        QVERIFY(!w.session()->trialSet());
    }

    void withoutANetwork_theBuiltInNetworkThatFitsIsOpened() {
        MainWindow w;
        w.show();
        QVERIFY(openTrialsAndWait(w, m_grid));
        QCOMPARE(w.current().model->inputs(), 5);
        QCOMPARE(w.session()->analysis()->task, TaskKind::Data);
    }

    void withoutANetwork_noneFits_saysSo() {
        MainWindow w;
        w.show();
        Batch odd = threeLabelSet();
        odd.inputs = 3;
        for (Eigen::MatrixXd& u : odd.u)
            u = u.topRows(3).eval();
        const QString path = m_dir.filePath(QStringLiteral("odd.npz"));
        writeTrialSet(path.toStdString(), odd);
        QSignalSpy errors(&w, &MainWindow::errorShown);
        w.openTrials(path);
        QVERIFY(errors.wait(30000));
        const QString message = errors.first().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("no built-in network fits its 3 inputs")),
                 qPrintable(message));
        closeMessageBox(&w);
        QVERIFY(!w.current().model);
    }

    void secondNetwork_isAnalysedOnTheSameTrialSet() {
        MainWindow w;
        QVERIFY(openCtxt(w));
        QVERIFY(openTrialsAndWait(w, m_three));
        const QString second = m_dir.filePath(QStringLiteral("second.h5"));
        saveModel(randomModel(TaskKind::Ctxt, 100, 3), second.toStdString());
        QSignalSpy shown(w.compareWindow(), &CompareWindow::resultShown);
        QVERIFY(w.compareWith(second));
        QVERIFY(shown.wait(60000));
        const auto theirs = w.compareWindow()->session()->analysis();
        QCOMPARE(theirs->trialSet, w.session()->trialSet());
        // Closing the trial set in the main window takes the second network back to the grid.
        w.closeTrials();
        QTRY_VERIFY_WITH_TIMEOUT(w.compareWindow()->session()->analysis() &&
                                     !w.compareWindow()->session()->trialSet(),
                                 60000);
        w.compareWindow()->close();
    }

    void languageSwitch_keepsTheTrialSet() {
        auto* w = new MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        QVERIFY(openCtxt(*w));
        QVERIFY(openTrialsAndWait(*w, m_three));
        MainWindow* next = w->switchLanguage(QStringLiteral("de"));
        QVERIFY(next);
        QSignalSpy analysed(next, &MainWindow::analysisShown);
        QVERIFY(analysed.wait(60000));
        QVERIFY(next->session()->trialSet());
        QVERIFY2(next->windowTitle().contains(QStringLiteral("three.h5")),
                 qPrintable(next->windowTitle()));
        QCOMPARE(legendTexts(*next).front(), QStringLiteral("left"));
        QVERIFY(next->modelPanel()->summaryText().contains(QStringLiteral("three.h5")));
        MainWindow* en = next->switchLanguage(QStringLiteral("en"));
        QVERIFY(en);
        QSignalSpy analysedEn(en, &MainWindow::analysisShown);
        QVERIFY(analysedEn.wait(60000));
        QVERIFY(en->session()->trialSet());
        en->close();
    }

private:
    QTemporaryDir m_dir;
    QString m_grid;
    QString m_three;
};

QTEST_MAIN(TestTrialSetView)
#include "tst_trial_set_view.moc"
