// Per-condition effects (condition_effects.h).
#include "core/simulation/condition_effects.h"

#include "core/base/error.h"
#include "core/tasks/conditions.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace opdims {

namespace {

// ctxt: context, sign(coh1), sign(coh2); swg: frequency id; as a sortable key.
std::tuple<int, int, int, int> keyOf(const Condition& c) {
    return {c.context, c.signCoh1, c.signCoh2, c.freqId};
}

std::string bandLabel(int firstId, int lastId) {
    char buf[64];
    if (firstId == lastId)
        std::snprintf(buf, sizeof buf, "%.1f Hz", swg::frequency(firstId));
    else
        std::snprintf(buf, sizeof buf, "%.1f-%.1f Hz", swg::frequency(firstId),
                      swg::frequency(lastId));
    return buf;
}

} // namespace

std::vector<TrialGroup> trialGroups(const Batch& batch, EffectLevel level) {
    if (batch.task == TaskKind::Data) {
        // A trial set's groups are its labels, in the order they first appear, at both levels.
        std::vector<TrialGroup> out;
        std::map<std::string, std::size_t> index;
        for (int j = 0; j < batch.trialCount(); ++j) {
            const std::string& label = batch.trials[static_cast<std::size_t>(j)].label;
            auto [it, fresh] = index.emplace(label, out.size());
            if (fresh)
                out.push_back(TrialGroup{label, {}});
            out[it->second].trials.push_back(j);
        }
        return out;
    }
    if (batch.task != TaskKind::Ctxt && batch.task != TaskKind::Swg)
        throw Error("per-condition effects need a batch of trials");
    std::map<std::tuple<int, int, int, int>, TrialGroup> groups;
    for (int j = 0; j < batch.trialCount(); ++j) {
        const Condition c = conditionOf(batch.task, batch.trials[static_cast<std::size_t>(j)]);
        Condition key = c;
        std::string label;
        if (level == EffectLevel::Condition) {
            label = conditionLabel(batch.task, c);
        } else if (batch.task == TaskKind::Ctxt) {
            key = Condition{c.context, 0, 0, 0, {}};
            label = "context " + std::to_string(c.context);
        } else {
            const int band = (c.freqId - 1) / 10;
            key = Condition{0, 0, 0, band, {}};
            label = bandLabel(band * 10 + 1, std::min(band * 10 + 10, swg::kFrequencies));
        }
        TrialGroup& g = groups[keyOf(key)];
        g.label = label;
        g.trials.push_back(j);
    }
    std::vector<TrialGroup> out;
    for (auto& [key, g] : groups)
        out.push_back(std::move(g));
    return out;
}

std::vector<GroupEffect> groupEffects(const std::vector<TrialGroup>& groups,
                                      const std::vector<double>& trialSquaredError,
                                      const std::vector<double>& trialDistance,
                                      const Batch& batch) {
    const double steps = static_cast<double>(batch.steps);
    std::vector<GroupEffect> out;
    for (const TrialGroup& g : groups) {
        GroupEffect e;
        e.label = g.label;
        e.trials = static_cast<int>(g.trials.size());
        double sse = 0.0, dist = 0.0, counted = 0.0;
        for (int j : g.trials) {
            if (j < 0 || static_cast<std::size_t>(j) >= trialSquaredError.size())
                throw Error("a condition's trial is outside the run");
            sse += trialSquaredError[static_cast<std::size_t>(j)];
            if (!trialDistance.empty())
                dist += trialDistance[static_cast<std::size_t>(j)];
            if (!batch.mask.empty() && j < batch.trialCount())
                counted += batch.trialCostCount(j);
        }
        const double n = static_cast<double>(g.trials.size());
        if (batch.mask.empty())
            counted = static_cast<double>(batch.outputs) * steps * n;
        e.cost = counted > 0.0 ? sse / counted : 0.0;
        e.stateDistance = dist / (steps * n);
        out.push_back(e);
    }
    return out;
}

} // namespace opdims
