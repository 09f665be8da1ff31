// Per-condition effects: the cost and state distance of a run split by condition, so that one can
// see which function of a network a reduced-rank weight matrix breaks.
#pragma once

#include "core/simulation/trial_sums.h"
#include "core/tasks/task.h"

#include <string>
#include <vector>

namespace opdims {

// How trials are grouped. Condition: the conditions of conditions.h (ctxt: context x sign(coh1) x
// sign(coh2), labelled "Ctxt1Inps-1_1"; swg: frequency id, "Freq6"). Group: ctxt per context
// ("context 1"); swg per band of ten frequency ids ("1.0-1.9 Hz", ..., "6.0 Hz").
enum class EffectLevel { Condition, Group };

struct TrialGroup {
    std::string label;
    std::vector<int> trials; // batch trial indices, ascending
};

// The groups of the batch's trials at that level, in the conditions' order (ctxt context 1 before
// 2, signs - before +; swg by frequency); only groups with trials.
std::vector<TrialGroup> trialGroups(const Batch& batch, EffectLevel level);

struct GroupEffect {
    std::string label;
    int trials = 0;
    double cost = 0.0;          // mean over the entries of the group's trials the mask counts
    double stateDistance = 0.0; // mean over steps and the group's trials (0 without reference)
};

// The effects of one run from its per-trial sums (CostAndDistance::trialSquaredError and
// trialDistance, or SweepPoint's) on `batch`, summed in trial order. The cost of a group averages
// over the entries its trials' mask counts (all outputs x steps without a mask), as the batch's
// cost does; a group with no counted entry has cost 0. An empty trialDistance counts as zero.
std::vector<GroupEffect> groupEffects(const std::vector<TrialGroup>& groups,
                                      const std::vector<double>& trialSquaredError,
                                      const std::vector<double>& trialDistance, const Batch& batch);

} // namespace opdims
