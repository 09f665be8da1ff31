// The built-in flip-flop and decision tasks: their batches hold what docs/tasks.md says, are
// seeded, and run through the trial-set machinery (labels, mask, phases).
#include "core/base/error.h"
#include "core/model/model.h"
#include "core/simulation/condition_effects.h"
#include "core/simulation/simulate.h"
#include "core/tasks/generated.h"
#include "core/tasks/trial_set.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace opdims;

namespace {

bool sameInputs(const Batch& a, const Batch& b) {
    if (a.steps != b.steps || a.trialCount() != b.trialCount())
        return false;
    for (int t = 0; t < a.steps; ++t)
        if (a.u[t] != b.u[t] || a.y[t] != b.y[t] || a.mask[t] != b.mask[t])
            return false;
    return true;
}

} // namespace

class TestGeneratedTasks : public QObject {
    Q_OBJECT

private slots:
    void flipFlopGrid_everyCornerAndFlip() {
        const Batch b = generatedGridBatch(TaskKind::FlipFlop);
        QCOMPARE(b.task, TaskKind::Data);
        QCOMPARE(b.trialCount(), 24);
        QCOMPARE(b.inputs, 3);
        QCOMPARE(b.outputs, 3);
        QCOMPARE(b.steps, flipflop::kSteps);
        std::set<std::string> labels;
        for (int j = 0; j < b.trialCount(); ++j) {
            const std::string& label = b.trials[j].label;
            labels.insert(label);
            // "abc to def": exactly one bit differs, the one pulsed at the flip step.
            QCOMPARE(label.size(), std::size_t(10));
            int flipped = -1, differing = 0;
            for (int k = 0; k < 3; ++k)
                if (label[k] != label[7 + k]) {
                    flipped = k;
                    ++differing;
                }
            QCOMPARE(differing, 1);
            for (int k = 0; k < 3; ++k) {
                const double before = label[k] == '+' ? 1.0 : -1.0;
                const double after = label[7 + k] == '+' ? 1.0 : -1.0;
                // Set at step 0, held, then (the flipped bit) pulsed at the flip step.
                QCOMPARE(b.u[0](k, j), before);
                QCOMPARE(b.u[flipflop::kPulseSteps](k, j), 0.0);
                QCOMPARE(b.y[flipflop::kFlipStep - 1](k, j), before);
                QCOMPARE(b.y[flipflop::kSteps - 1](k, j), after);
                QCOMPARE(b.u[flipflop::kFlipStep](k, j), k == flipped ? after : 0.0);
                // The cost leaves out the settling steps after each pulse.
                QCOMPARE(b.mask[flipflop::kSettleSteps - 1](k, j), 0.0);
                QCOMPARE(b.mask[flipflop::kSettleSteps](k, j), 1.0);
                QCOMPARE(b.mask[flipflop::kFlipStep](k, j), k == flipped ? 0.0 : 1.0);
            }
        }
        QCOMPARE(labels.size(), std::size_t(24));
        QCOMPARE(b.samplingConditions.size(), std::size_t(24));
        QCOMPARE(b.phases.size(), std::size_t(4));
    }

    void flipFlopRandom_targetsHoldTheLastPulse() {
        const Batch b = generatedRandomBatch(TaskKind::FlipFlop, 40, 9);
        QCOMPARE(b.trialCount(), 40);
        QVERIFY(b.networkNoise);
        int pulses = 0;
        for (int j = 0; j < b.trialCount(); ++j)
            for (int k = 0; k < 3; ++k) {
                double held = 0.0;
                for (int t = 0; t < b.steps; ++t) {
                    const double u = b.u[t](k, j);
                    QVERIFY(u == 0.0 || u == 1.0 || u == -1.0);
                    if (u != 0.0 && (t == 0 || b.u[t - 1](k, j) == 0.0)) {
                        held = u;
                        ++pulses;
                    }
                    QCOMPARE(b.y[t](k, j), held);
                }
                // The label is the final state.
                QCOMPARE(b.trials[j].label[k], held > 0 ? '+' : '-');
            }
        // Every bit is set once, then about kPulseRate per step pulses more.
        QVERIFY2(pulses > 40 * 3 * 2, qPrintable(QString::number(pulses)));
        // Seeded: the same seed gives the same batch, another seed another.
        QVERIFY(sameInputs(b, generatedRandomBatch(TaskKind::FlipFlop, 40, 9)));
        QVERIFY(!sameInputs(b, generatedRandomBatch(TaskKind::FlipFlop, 40, 10)));
        QVERIFY(sameInputs(generatedTrainingBatch(TaskKind::FlipFlop, 8, 3, 5, true),
                           generatedTrainingBatch(TaskKind::FlipFlop, 8, 3, 5, true)));
        QVERIFY(!sameInputs(generatedTrainingBatch(TaskKind::FlipFlop, 8, 3, 5, true),
                            generatedTrainingBatch(TaskKind::FlipFlop, 8, 3, 6, true)));
    }

    void decision_phasesEvidenceAndChoice() {
        const Batch grid = generatedGridBatch(TaskKind::Decision);
        QCOMPARE(grid.trialCount(), 10);
        QCOMPARE(grid.inputs, 2);
        QCOMPARE(grid.outputs, 1);
        QCOMPARE(grid.phases.size(), std::size_t(4));
        QCOMPARE(grid.phases[3].start, decision::kResponseStart);
        for (int j = 0; j < grid.trialCount(); ++j) {
            const double c = grid.trials[j].coh1;
            QVERIFY(c != 0.0);
            QCOMPARE(grid.u[decision::kStimulusStart - 1](0, j), 0.0);
            QCOMPARE(grid.u[decision::kStimulusStart](0, j), c);
            QCOMPARE(grid.u[decision::kDelayStart](0, j), 0.0);
            QCOMPARE(grid.u[decision::kResponseStart - 1](1, j), 1.0);
            QCOMPARE(grid.u[decision::kResponseStart](1, j), 0.0);
            // Output 0 while fixating before the stimulus (counted), free while the evidence
            // comes in (masked), the choice from the end of the stimulus on (counted).
            const double choice = c > 0 ? 1.0 : -1.0;
            QCOMPARE(grid.y[decision::kStimulusStart - 1](0, j), 0.0);
            QCOMPARE(grid.mask[decision::kStimulusStart - 1](0, j), 1.0);
            QCOMPARE(grid.mask[decision::kStimulusStart](0, j), 0.0);
            QCOMPARE(grid.mask[decision::kDelayStart - 1](0, j), 0.0);
            QCOMPARE(grid.y[decision::kDelayStart](0, j), choice);
            QCOMPARE(grid.mask[decision::kDelayStart](0, j), 1.0);
            QCOMPARE(grid.y[decision::kResponseStart](0, j), choice);
            QCOMPARE(grid.y[decision::kSteps - 1](0, j), choice);
            QCOMPARE(grid.mask[decision::kSteps - 1](0, j), 1.0);
        }
        // Random: `trials` per coherence, with evidence noise only during the stimulus.
        const Batch r = generatedRandomBatch(TaskKind::Decision, 3, 2);
        QCOMPARE(r.trialCount(), 30);
        double spread = 0.0;
        for (int j = 0; j < r.trialCount(); ++j) {
            spread += std::abs(r.u[decision::kStimulusStart](0, j) - r.trials[j].coh1);
            QCOMPARE(r.u[decision::kDelayStart](0, j), 0.0);
        }
        QVERIFY(spread > 0.1 * r.trialCount());
        const Batch quiet = generatedTrainingBatch(TaskKind::Decision, 16, 1, 0, false);
        for (int j = 0; j < quiet.trialCount(); ++j)
            QCOMPARE(quiet.u[decision::kStimulusStart](0, j), quiet.trials[j].coh1);
    }

    void accuracy_countsSignsWhereTheMaskCounts() {
        // A network whose output is exactly its target's sign scaled: build outputs by hand is
        // hard; instead check the counting on a flip-flop grid with W_out = 0 and b_z = +1:
        // every counted + target is right, every - target wrong.
        Model m = randomModel(TaskKind::FlipFlop, 8, 2);
        m.W_out.setZero();
        m.b_z.setConstant(1.0);
        const Batch b = generatedGridBatch(TaskKind::FlipFlop);
        const SignAccuracy a = signAccuracy(m, m.W, b);
        long long plus = 0, counted = 0;
        for (int t = 0; t < b.steps; ++t)
            for (int j = 0; j < b.trialCount(); ++j)
                for (int k = 0; k < 3; ++k)
                    if (b.mask[t](k, j) == 1.0 && b.y[t](k, j) != 0.0) {
                        ++counted;
                        plus += b.y[t](k, j) > 0;
                    }
        QCOMPARE(a.counted, counted);
        QCOMPARE(a.correct, plus);
        QCOMPARE(a.fraction(), 0.5); // the grid is symmetric in every bit
    }

    void writtenAsTrialSet_readsBackTheSame() {
        QTemporaryDir dir;
        for (const TaskKind task : {TaskKind::FlipFlop, TaskKind::Decision}) {
            const Batch grid = generatedGridBatch(task);
            for (const char* name : {"t.npz", "t.h5"}) {
                const std::string path = dir.filePath(name).toStdString();
                writeTrialSet(path, grid);
                const Batch back = readTrialSet(path);
                QVERIFY(sameInputs(grid, back));
                QCOMPARE(back.phases.size(), grid.phases.size());
                QCOMPARE(back.samplingConditions, grid.samplingConditions);
                for (int j = 0; j < grid.trialCount(); ++j)
                    QCOMPARE(back.trials[j].label, grid.trials[j].label);
            }
        }
    }

    void networksOfTheTasks() {
        QCOMPARE(parseTask("flipflop"), TaskKind::FlipFlop);
        QCOMPARE(parseTask("decision"), TaskKind::Decision);
        const Model f = randomModel(TaskKind::FlipFlop, 10, 1);
        QCOMPARE(guessTask(f), TaskKind::FlipFlop);
        checkModelFitsTask(f, TaskKind::FlipFlop, "f");
        QVERIFY_THROWS_EXCEPTION(Error, checkModelFitsTask(f, TaskKind::Decision, "f"));
        const Model d = randomModel(TaskKind::Decision, 10, 1);
        QCOMPARE(guessTask(d), TaskKind::Decision);
        QVERIFY_THROWS_EXCEPTION(Error, generatedGridBatch(TaskKind::Ctxt));
        QVERIFY_THROWS_EXCEPTION(Error, generatedRandomBatch(TaskKind::Decision, 0, 1));
    }

    void groupEffects_averageOverTheCountedEntries() {
        // A masked batch: each label's cost is its squared error over the entries its trials'
        // mask counts, and the groups weighted by those counts give the batch's cost.
        const Model m = randomModel(TaskKind::FlipFlop, 12, 5);
        const Batch b = generatedRandomBatch(TaskKind::FlipFlop, 24, 3);
        const CostAndDistance run = evaluateTrials(m, m.W, b);
        const auto groups = trialGroups(b, EffectLevel::Condition);
        QVERIFY(groups.size() > 1);
        const auto effects = groupEffects(groups, run.trialSquaredError, run.trialDistance, b);
        double weighted = 0.0, counted = 0.0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            double sse = 0.0, n = 0.0;
            for (int j : groups[g].trials) {
                sse += run.trialSquaredError[static_cast<std::size_t>(j)];
                for (int t = 0; t < b.steps; ++t)
                    n += b.mask[static_cast<std::size_t>(t)].col(j).sum();
            }
            QVERIFY(n < b.outputs * b.steps * double(groups[g].trials.size()));
            QCOMPARE(effects[g].cost, sse / n);
            weighted += effects[g].cost * n;
            counted += n;
        }
        QCOMPARE(counted, b.costCount());
        QVERIFY(std::abs(weighted / counted - run.cost) <= 1e-12 * run.cost);
    }
};

QTEST_GUILESS_MAIN(TestGeneratedTasks)
#include "tst_generated_tasks.moc"
