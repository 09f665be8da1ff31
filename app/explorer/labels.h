// Translated names shown for bases, conditions and trials (one wording per idea: docs/method.md).
#pragma once

#include "core/analysis/basis_names.h"
#include "core/fixed_points/table.h"
#include "core/model/model.h"
#include "core/tasks/conditions.h"
#include "core/tasks/task.h"

#include <QString>

#include <string>
#include <vector>

namespace opdims::explorer {

// The task's name with its short name: "context-dependent integration (ctxt)", ..., "3-bit
// flip-flop (flipflop)", "perceptual decision making (decision)"; "trial set" for data, "unknown".
QString taskTitle(TaskKind task);
// The built-in tasks in menu order: ctxt, swg, flipflop, decision.
const std::vector<TaskKind>& builtInTasks();

// "PC dimensions", "operative dimensions (columns)", "... (rows), context 1 only", ...
QString basisTitle(const BasisName& name);
// Short form for plot legends: "PC", "OP columns", "OP rows, context 1".
QString basisShortTitle(const BasisName& name);
// The same for a basis key (formatBasisName: "pc", "op-columns:ctxt1", ...).
QString basisTitle(const std::string& key);
QString basisShortTitle(const std::string& key);
// A group of conditions the cost is split by (core/simulation/condition_effects.h): "context 1",
// or a frequency band with its numbers in the interface's locale ("1.0-1.9 Hz", "1,0-1,9 Hz").
QString conditionGroupTitle(const std::string& label);
// A condition-average trajectory: "context 1, coh 1 +, coh 2 −", "2.5 Hz (id 16)" or a trial
// set's condition label as it is.
QString conditionTitle(TaskKind task, const Condition& condition);
// One trial of the grid batch: "context 2, coh 1 0.15, coh 2 −0.009", "3 Hz (id 21)" or a trial
// set's condition label.
QString trialLabel(TaskKind task, const TrialInfo& trial);
// An input phase's name in the interface language: the phases of opdims' own tasks translated,
// a trial set's own names as they are.
QString phaseTitle(const std::string& name);
// The phase of a trial set at 1-based time t (the phase of the step whose input gives x_t);
// empty when the set names no phases.
QString phaseAt(const Batch& batch, int t);

// The constant input fixed points are searched under: "context 1", "3.5 Hz (id 26)" or
// "all inputs zero" (context and freqId 0).
QString fixedPointInputLabel(TaskKind task, int context, int freqId);
// A trial set's input of one condition at 1-based time t: "left at t = 120 (stimulus)".
QString trialSetInputLabel(const Batch& batch, const std::string& condition, int t);

// What a fixed-point search found, for the status bar: "Fixed points of the reduced-rank network
// under context 1: 2 stable, 1 saddles, 0 marginal, 0 unstable; 3 slow points" (`removed`: of W
// with the ticked dimensions removed).
QString fixedPointCountsText(const QString& input, const PointCounts& counts, bool removed);
// The class of one point: "stable", "saddle", "marginal", "unstable" or "slow point".
QString pointClassTitle(PointKind kind, Stability stability);

} // namespace opdims::explorer
