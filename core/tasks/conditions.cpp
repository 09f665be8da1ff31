// The one condition rule and the grouping of a batch's trials by condition.
#include "core/tasks/conditions.h"

#include "core/base/error.h"

#include <algorithm>
#include <set>

namespace opdims {

Condition conditionOf(TaskKind task, const TrialInfo& trial) {
    if (task == TaskKind::Ctxt)
        return {trial.context, trial.coh1 < 0 ? -1 : 1, trial.coh2 < 0 ? -1 : 1, 0, {}};
    if (task == TaskKind::Data)
        return {0, 0, 0, 0, trial.label};
    return {0, 0, 0, trial.freqId, {}};
}

std::vector<Condition> labelConditions(const Batch& batch) {
    std::vector<Condition> c;
    std::set<std::string> seen;
    for (const TrialInfo& t : batch.trials)
        if (seen.insert(t.label).second)
            c.push_back({0, 0, 0, 0, t.label});
    return c;
}

std::vector<Condition> analysisConditions(const Batch& batch) {
    if (batch.task != TaskKind::Data)
        return defaultConditions(batch.task);
    if (batch.samplingConditions.empty())
        return labelConditions(batch);
    std::vector<Condition> c;
    for (const std::string& label : batch.samplingConditions)
        c.push_back({0, 0, 0, 0, label});
    return c;
}

std::vector<Condition> defaultConditions(TaskKind task) {
    std::vector<Condition> c;
    if (task == TaskKind::Ctxt) {
        for (int context = 1; context <= 2; ++context)
            for (int s1 : {-1, 1})
                for (int s2 : {-1, 1})
                    c.push_back({context, s1, s2, 0, {}});
    } else if (task == TaskKind::Swg) {
        for (int id = 1; id <= swg::kFrequencies; id += 5)
            c.push_back({0, 0, 0, id, {}});
    } else {
        throw Error(std::string("the ") + taskName(task) +
                    " task has no default conditions (they come from its trials)");
    }
    return c;
}

std::vector<Condition> viewConditions(const Batch& batch, bool allFrequencies) {
    if (batch.task == TaskKind::Data)
        return labelConditions(batch);
    std::vector<Condition> c;
    if (batch.task == TaskKind::Ctxt) {
        for (int context = 1; context <= 2; ++context)
            for (int s1 : {1, -1})
                for (int s2 : {1, -1})
                    c.push_back({context, s1, s2, 0, {}});
        return c;
    }
    if (batch.task != TaskKind::Swg)
        throw Error("condition averages need a ctxt or swg batch");
    std::set<int> ids;
    for (const TrialInfo& t : batch.trials)
        if (allFrequencies || (t.freqId - 1) % 5 == 0)
            ids.insert(t.freqId);
    for (int id : ids)
        c.push_back({0, 0, 0, id, {}});
    return c;
}

std::string conditionLabel(TaskKind task, const Condition& c) {
    if (task == TaskKind::Data)
        return c.label;
    if (task == TaskKind::Ctxt)
        return "Ctxt" + std::to_string(c.context) + "Inps" + std::to_string(c.signCoh1) + "_" +
               std::to_string(c.signCoh2);
    return "Freq" + std::to_string(c.freqId);
}

int indexOf(const std::vector<Condition>& conditions, const Condition& condition) {
    const auto it = std::find(conditions.begin(), conditions.end(), condition);
    return it == conditions.end() ? -1 : static_cast<int>(it - conditions.begin());
}

ConditionGroups groupTrials(const Batch& batch, std::vector<Condition> conditions) {
    ConditionGroups g;
    g.conditions = std::move(conditions);
    g.trialCount.assign(g.conditions.size(), 0);
    g.ofTrial.reserve(batch.trials.size());
    for (const TrialInfo& t : batch.trials) {
        const int k = indexOf(g.conditions, conditionOf(batch.task, t));
        g.ofTrial.push_back(k);
        if (k >= 0)
            ++g.trialCount[static_cast<std::size_t>(k)];
    }
    return g;
}

} // namespace opdims
