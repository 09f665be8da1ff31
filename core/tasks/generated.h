// Built-in tasks beyond the paper's two, made as trial sets (task Data): every analysis runs on
// their batches exactly as on a trial-set file, with condition labels, phases, a mask and
// sampling conditions. docs/tasks.md describes them.
//
// flipflop: the 3-bit flip-flop (Sussillo & Barak 2013). Three inputs carry brief pulses of +1 or
//   -1; each output must hold the sign of its input's last pulse. A trained network has a stable
//   fixed point near each of the 8 corners of the output cube.
// decision: perceptual decision making (two-alternative forced choice). Input 1 carries noisy
//   evidence of a signed coherence during the stimulus phase, input 2 a fixation cue that goes off
//   for the response. The output must stay 0 before the stimulus, is free (masked) while the
//   evidence comes in, and must report the sign of the coherence from the end of the stimulus,
//   through the delay (the choice held in memory) and the response.
#pragma once

#include "core/model/model.h"
#include "core/tasks/task.h"

#include <cstdint>
#include <string>

namespace opdims {

// FlipFlop or Decision.
bool isGeneratedTask(TaskKind task);

namespace flipflop {
constexpr int kBits = 3;
constexpr int kSteps = 500;
constexpr int kPulseSteps = 10;     // a pulse lasts this many steps
constexpr int kSettleSteps = 20;    // the mask leaves out this many steps after a pulse begins
constexpr int kFlipStep = 250;      // grid trials flip one bit here
constexpr double kPulseRate = 0.01; // chance per step that a bit's next pulse begins
constexpr int kGap = 30;            // steps between the starts of two pulses of one bit, at least
} // namespace flipflop

namespace decision {
constexpr int kSteps = 400;
constexpr int kStimulusStart = 50;
constexpr int kDelayStart = 250;
constexpr int kResponseStart = 300;
constexpr double kInputNoise = 0.5; // std of the evidence noise per step in random batches
// The five unsigned coherences; the grid has each with both signs.
const std::vector<double>& coherences();
} // namespace decision

// Inputs and outputs of a generated task's networks.
int generatedInputs(TaskKind task);
int generatedOutputs(TaskKind task);

// The constant input between events, the default input of fixed-point searches: flipflop zero
// (every bit held), decision the fixation cue alone (the delay), and its name.
Eigen::VectorXd generatedRestInput(TaskKind task);
std::string generatedRestInputName(TaskKind task);

// The default size of a random batch: flipflop trials, decision trials per coherence.
int generatedRandomTrials(TaskKind task);

// The noise-free grid: flipflop 8 corners x 3 flipped bits = 24 trials ("+-+ to ++ +" style
// labels: the state before and after the flip); decision 10 signed coherences, one trial each.
Batch generatedGridBatch(TaskKind task);

// A seeded random batch (held-out evaluation; network noise on). flipflop: `trials` trials of
// random pulses, labelled by their final state; decision: `trials` per signed coherence with the
// evidence noise.
Batch generatedRandomBatch(TaskKind task, int trials, std::uint64_t seed);

// Training batch `iteration` of a run seeded by `seed`: `trials` fresh random trials (noise as in
// random batches when `noise`, none otherwise).
Batch generatedTrainingBatch(TaskKind task, int trials, std::uint64_t seed, long long iteration,
                             bool noise);

} // namespace opdims
