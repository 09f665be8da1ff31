// The flip-flop and decision tasks (generated.h): trials made as trial sets.
#include "core/tasks/generated.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/rng.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace opdims {

namespace {

// Keeps these tasks' random streams apart from each other and from the paper's.
constexpr std::uint64_t kFlipFlopKey = 0x666C6970666C6F70ULL; // "flipflop"
constexpr std::uint64_t kDecisionKey = 0x6465636973696F6EULL; // "decision"

void checkGenerated(TaskKind task) {
    if (!isGeneratedTask(task))
        throw Error(std::string("the ") + taskName(task) + " task is not a generated task");
}

// An empty Data batch of `trials` trials with every step counted.
Batch emptyBatch(TaskKind task, int trials, const std::string& kind) {
    Batch b;
    b.task = TaskKind::Data;
    b.kind = kind;
    b.source = std::string("the ") + taskName(task) + " task";
    b.steps = task == TaskKind::FlipFlop ? flipflop::kSteps : decision::kSteps;
    b.inputs = generatedInputs(task);
    b.outputs = generatedOutputs(task);
    b.uniformDraw = true;
    limits::checkMemory("a batch of " + std::to_string(trials) + " trials",
                        static_cast<double>(trials) * b.steps * (b.inputs + 2.0 * b.outputs) * 8.0);
    const auto n = static_cast<Eigen::Index>(trials);
    b.u.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd::Zero(b.inputs, n));
    b.y.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd::Zero(b.outputs, n));
    b.mask.assign(static_cast<std::size_t>(b.steps), Eigen::MatrixXd::Ones(b.outputs, n));
    b.trials.resize(static_cast<std::size_t>(trials));
    return b;
}

// The sampling conditions: every label the batch has, in the order they first appear.
void useEveryLabel(Batch& b) {
    std::set<std::string> seen;
    for (const TrialInfo& t : b.trials)
        if (seen.insert(t.label).second)
            b.samplingConditions.push_back(t.label);
}

// ---- flip-flop ----

std::string corner(const int (&bits)[flipflop::kBits]) {
    std::string s;
    for (const int b : bits)
        s += b > 0 ? '+' : '-';
    return s;
}

// A pulse of `sign` on bit k of trial j beginning at step `onset`: the input, the new target
// from then on, and the settling steps left out of the cost.
void pulse(Batch& b, Eigen::Index j, int k, int onset, int sign) {
    using namespace flipflop;
    for (int t = onset; t < std::min(b.steps, onset + kPulseSteps); ++t)
        b.u[static_cast<std::size_t>(t)](k, j) = sign;
    for (int t = onset; t < b.steps; ++t)
        b.y[static_cast<std::size_t>(t)](k, j) = sign;
    for (int t = onset; t < std::min(b.steps, onset + kSettleSteps); ++t)
        b.mask[static_cast<std::size_t>(t)](k, j) = 0.0;
}

// Trial j of a random flip-flop batch: every bit is set at step 0 with a random sign, then
// pulses of random sign begin at random (at most one per kGap steps of a bit).
void randomFlipFlopTrial(Batch& b, Eigen::Index j, std::uint64_t seed) {
    using namespace flipflop;
    Rng rng(seed ^ kFlipFlopKey, static_cast<std::uint64_t>(j));
    int state[kBits];
    for (int k = 0; k < kBits; ++k) {
        state[k] = rng.below(2) ? 1 : -1;
        pulse(b, j, k, 0, state[k]);
        int next = kGap;
        for (int t = kGap; t + kPulseSteps <= b.steps; ++t) {
            if (t < next || !(rng.uniform() < kPulseRate))
                continue;
            state[k] = rng.below(2) ? 1 : -1;
            pulse(b, j, k, t, state[k]);
            next = t + kGap;
        }
    }
    b.trials[static_cast<std::size_t>(j)].label = corner(state);
}

Batch flipFlopGrid() {
    using namespace flipflop;
    Batch b = emptyBatch(TaskKind::FlipFlop, 8 * kBits, "grid");
    Eigen::Index j = 0;
    for (int c = 0; c < 8; ++c)
        for (int flip = 0; flip < kBits; ++flip, ++j) {
            int state[kBits];
            for (int k = 0; k < kBits; ++k) {
                // Corner c: bit k is + when bit (kBits-1-k) of c is 0, so the first is +++.
                state[k] = (c >> (kBits - 1 - k)) & 1 ? -1 : 1;
                pulse(b, j, k, 0, state[k]);
            }
            const std::string before = corner(state);
            state[flip] = -state[flip];
            pulse(b, j, flip, kFlipStep, state[flip]);
            b.trials[static_cast<std::size_t>(j)].label = before + " to " + corner(state);
        }
    b.phases = {{"set", 0},
                {"hold", kPulseSteps},
                {"flip", kFlipStep},
                {"hold after flip", kFlipStep + kPulseSteps}};
    useEveryLabel(b);
    return b;
}

// ---- decision ----

std::string coherenceLabel(double c) {
    char text[32];
    std::snprintf(text, sizeof text, "coh %+g", c);
    return text;
}

std::vector<double> signedCoherences() {
    std::vector<double> out;
    const auto& c = decision::coherences();
    for (auto it = c.rbegin(); it != c.rend(); ++it)
        out.push_back(-*it);
    for (const double x : c)
        out.push_back(x);
    return out;
}

// Trial j with coherence c: evidence c (plus noise of std `noise` per step, from stream j of the
// seed) during the stimulus, the fixation cue until the response, the choice sign(c) then.
void decisionTrial(Batch& b, Eigen::Index j, double c, double noise, std::uint64_t seed) {
    using namespace decision;
    Rng rng(seed ^ kDecisionKey, static_cast<std::uint64_t>(j));
    for (int t = 0; t < b.steps; ++t) {
        auto u = b.u[static_cast<std::size_t>(t)].col(j);
        if (t >= kStimulusStart && t < kDelayStart)
            u(0) = c + (noise > 0 ? noise * rng.normal() : 0.0);
        u(1) = t < kResponseStart ? 1.0 : 0.0;
        // The choice is due once the evidence has been seen: output 0 while fixating, free while
        // the evidence comes in, sign(c) from the end of the stimulus through delay and response.
        b.y[static_cast<std::size_t>(t)](0, j) = t < kDelayStart ? 0.0 : (c > 0 ? 1.0 : -1.0);
        if (t >= kStimulusStart && t < kDelayStart)
            b.mask[static_cast<std::size_t>(t)](0, j) = 0.0;
    }
    TrialInfo& info = b.trials[static_cast<std::size_t>(j)];
    info.coh1 = c;
    info.label = coherenceLabel(c);
}

void decisionPhases(Batch& b) {
    using namespace decision;
    b.phases = {{"fixation", 0},
                {"stimulus", kStimulusStart},
                {"delay", kDelayStart},
                {"response", kResponseStart}};
    // The sampling conditions in the grid's order (from the most negative coherence).
    for (const double c : signedCoherences())
        b.samplingConditions.push_back(coherenceLabel(c));
}

} // namespace

bool isGeneratedTask(TaskKind task) {
    return task == TaskKind::FlipFlop || task == TaskKind::Decision;
}

const std::vector<double>& decision::coherences() {
    static const std::vector<double> c = {0.025, 0.05, 0.1, 0.2, 0.4};
    return c;
}

int generatedInputs(TaskKind task) {
    checkGenerated(task);
    return task == TaskKind::FlipFlop ? flipflop::kBits : 2;
}

int generatedOutputs(TaskKind task) {
    checkGenerated(task);
    return task == TaskKind::FlipFlop ? flipflop::kBits : 1;
}

Eigen::VectorXd generatedRestInput(TaskKind task) {
    checkGenerated(task);
    Eigen::VectorXd u = Eigen::VectorXd::Zero(generatedInputs(task));
    if (task == TaskKind::Decision)
        u(1) = 1.0;
    return u;
}

std::string generatedRestInputName(TaskKind task) {
    checkGenerated(task);
    return task == TaskKind::FlipFlop ? "zero input (every bit held)"
                                      : "fixation cue alone (the delay's input)";
}

int generatedRandomTrials(TaskKind task) {
    checkGenerated(task);
    return task == TaskKind::FlipFlop ? 256 : 20;
}

Batch generatedGridBatch(TaskKind task) {
    checkGenerated(task);
    if (task == TaskKind::FlipFlop)
        return flipFlopGrid();
    const std::vector<double> cohs = signedCoherences();
    Batch b = emptyBatch(task, static_cast<int>(cohs.size()), "grid");
    for (std::size_t j = 0; j < cohs.size(); ++j)
        decisionTrial(b, static_cast<Eigen::Index>(j), cohs[j], 0.0, 0);
    decisionPhases(b);
    return b;
}

Batch generatedRandomBatch(TaskKind task, int trials, std::uint64_t seed) {
    checkGenerated(task);
    if (trials < 1)
        throw Error("a random batch needs at least one trial (got " + std::to_string(trials) + ")");
    Batch b;
    if (task == TaskKind::FlipFlop) {
        b = emptyBatch(task, trials, "random");
        for (Eigen::Index j = 0; j < trials; ++j)
            randomFlipFlopTrial(b, j, seed);
        // The sampling conditions: the corners in the grid's order, those the batch reaches.
        std::set<std::string> present;
        for (const TrialInfo& t : b.trials)
            present.insert(t.label);
        for (int c = 0; c < 8; ++c) {
            int state[flipflop::kBits];
            for (int k = 0; k < flipflop::kBits; ++k)
                state[k] = (c >> (flipflop::kBits - 1 - k)) & 1 ? -1 : 1;
            if (present.count(corner(state)))
                b.samplingConditions.push_back(corner(state));
        }
    } else {
        const std::vector<double> cohs = signedCoherences();
        limits::checkCount("", "the trials per coherence", trials,
                           limits::kMaxTrials / static_cast<int>(cohs.size()));
        b = emptyBatch(task, trials * static_cast<int>(cohs.size()), "random");
        Eigen::Index j = 0;
        for (const double c : cohs)
            for (int k = 0; k < trials; ++k, ++j)
                decisionTrial(b, j, c, decision::kInputNoise, seed);
        decisionPhases(b);
    }
    b.networkNoise = true;
    b.noiseSeed = seed;
    return b;
}

Batch generatedTrainingBatch(TaskKind task, int trials, std::uint64_t seed, long long iteration,
                             bool noise) {
    checkGenerated(task);
    if (trials < 1)
        throw Error("a training batch needs at least one trial (got " + std::to_string(trials) +
                    ")");
    const std::uint64_t batchSeed =
        Rng(seed ^ kTrainingStreamKey, static_cast<std::uint64_t>(iteration)).next();
    Batch b = emptyBatch(task, trials, "training");
    if (task == TaskKind::FlipFlop) {
        for (Eigen::Index j = 0; j < trials; ++j)
            randomFlipFlopTrial(b, j, batchSeed);
    } else {
        // Coherences drawn uniformly from the grid's ten.
        const std::vector<double> cohs = signedCoherences();
        Rng rng(batchSeed, 1);
        for (Eigen::Index j = 0; j < trials; ++j)
            decisionTrial(b, j, cohs[static_cast<std::size_t>(rng.below(cohs.size()))],
                          noise ? decision::kInputNoise : 0.0, batchSeed);
        decisionPhases(b);
    }
    b.networkNoise = noise;
    b.noiseSeed = batchSeed;
    return b;
}

} // namespace opdims
