// Conditions: which trials of a batch belong together (docs/method.md section 2.4).
// One rule for the whole program: ctxt = context x sign(coh1) x sign(coh2), with a zero
// coherence counted as positive; swg = frequency id.
#pragma once

#include "core/tasks/task.h"

#include <string>
#include <vector>

namespace opdims {

// One input condition: ctxt = context x sign(coh1) x sign(coh2), swg = frequency.
struct Condition {
    int context = 0;   // ctxt: 1 or 2
    int signCoh1 = 0;  // ctxt: -1 or +1
    int signCoh2 = 0;  // ctxt: -1 or +1
    int freqId = 0;    // swg: 1..51
    std::string label; // data: the trials' label
    bool operator==(const Condition&) const = default;
};

// The condition a trial belongs to (ctxt: zero coherence counts as positive).
Condition conditionOf(TaskKind task, const TrialInfo& trial);

// The paper's conditions of the analysis: ctxt all 8 context/sign combinations, in the order
// (-,-), (-,+), (+,-), (+,+) per context; swg frequency ids 1, 6, ..., 51.
std::vector<Condition> defaultConditions(TaskKind task);
// The conditions of a batch's analysis: the paper's for ctxt and swg; for a trial set the file's
// sampling conditions, else every label in the order it first appears.
std::vector<Condition> analysisConditions(const Batch& batch);
// The distinct labels of a trial set, in the order they first appear.
std::vector<Condition> labelConditions(const Batch& batch);

// The conditions the explorer draws, one condition-average trajectory each: ctxt the same 8 in
// the order (+,+), (+,-), (-,+), (-,-) per context (the views' colour order); swg the frequency
// ids 1, 6, ..., 51 present in the batch, or with allFrequencies every id of the batch.
std::vector<Condition> viewConditions(const Batch& batch, bool allFrequencies = false);

// "Ctxt1Inps-1_1" or "Freq6": the authors' naming, used in group names and messages; a trial
// set's label as it is.
std::string conditionLabel(TaskKind task, const Condition& condition);

// Position of a condition in a list, -1 when absent.
int indexOf(const std::vector<Condition>& conditions, const Condition& condition);

// Which trials of a batch belong to which of the given conditions.
struct ConditionGroups {
    std::vector<Condition> conditions;
    std::vector<int> ofTrial;    // per trial of the batch: index into conditions, -1 for none
    std::vector<int> trialCount; // per condition: its trials in the batch
    int count() const { return static_cast<int>(conditions.size()); }
};

ConditionGroups groupTrials(const Batch& batch, std::vector<Condition> conditions);

} // namespace opdims
