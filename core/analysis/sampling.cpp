// Condition-average trajectories of a batch, sampled at the chosen times.
#include "core/analysis/sampling.h"

#include "core/base/error.h"
#include "core/simulation/simulate.h"

#include <algorithm>

namespace opdims {

std::vector<int> defaultSamplingTimes(TaskKind task) {
    std::vector<int> t{1};
    const int step = task == TaskKind::Ctxt ? 100 : 50;
    const int last = task == TaskKind::Ctxt ? ctxt::kSteps : swg::kSteps;
    for (int s = step; s <= last; s += step)
        t.push_back(s);
    return t;
}

std::vector<int> defaultSamplingTimes(const Batch& batch) {
    if (batch.task != TaskKind::Data)
        return defaultSamplingTimes(batch.task);
    if (!batch.samplingTimes.empty())
        return batch.samplingTimes;
    std::vector<int> t{1};
    for (int k = 1; k <= 10; ++k) {
        const int s = static_cast<int>(static_cast<long long>(batch.steps) * k / 10);
        if (s > t.back())
            t.push_back(s);
    }
    return t;
}

Batch samplingBatch(TaskKind task, const std::string& kind, int trials, std::uint64_t seed,
                    double dt) {
    if (kind != "random" || task != TaskKind::Swg)
        return makeBatch(task, kind, trials, seed, dt);
    if (trials < 1)
        throw Error("a random batch needs at least one trial per condition");
    std::vector<TrialInfo> list;
    for (const Condition& c : defaultConditions(task))
        for (int k = 0; k < trials; ++k)
            list.push_back({0, 0.0, 0.0, c.freqId, 0, {}});
    TaskOptions options;
    options.dt = dt;
    Batch b = batchFromTrials(task, std::move(list), options);
    b.kind = "random";
    b.networkNoise = true;
    b.noiseSeed = seed;
    return b;
}

std::vector<SamplingLocation> samplingLocations(const Model& model, TaskKind task,
                                                const Batch& batch,
                                                const std::vector<Condition>& conditions,
                                                const std::vector<int>& times,
                                                const Progress& progress) {
    if (times.empty() || conditions.empty())
        throw Error("sampling locations need at least one time and one condition");
    std::vector<int> slot(static_cast<std::size_t>(batch.steps), -1);
    for (std::size_t i = 0; i < times.size(); ++i) {
        const int t = times[i];
        if (t < 1 || t > batch.steps)
            throw Error("sampling time " + std::to_string(t) + " is outside 1.." +
                        std::to_string(batch.steps));
        slot[static_cast<std::size_t>(t - 1)] = static_cast<int>(i);
    }
    // Which trials belong to which condition (trials of other conditions are ignored).
    std::vector<std::vector<int>> members(conditions.size());
    for (int j = 0; j < batch.trialCount(); ++j) {
        const int k =
            indexOf(conditions, conditionOf(task, batch.trials[static_cast<std::size_t>(j)]));
        if (k >= 0)
            members[static_cast<std::size_t>(k)].push_back(j);
    }
    for (std::size_t i = 0; i < conditions.size(); ++i)
        if (members[i].empty())
            throw Error("the " + batch.kind + " batch has no trial of condition " +
                        conditionLabel(task, conditions[i]));

    // States of every trial at every sampling time (small: times x N x trials); averaging them
    // in trial order afterwards keeps the result independent of the thread count. The trials
    // run in the batch's fixed chunks (forTrialChunks), so each state is the same bits whatever
    // the thread count.
    const Eigen::Index n = model.units();
    std::vector<Eigen::MatrixXd> states(times.size(), Eigen::MatrixXd(n, batch.trialCount()));
    forTrialChunks(batch, {}, progress, [&](int first, int count) {
        runTrials(model, model.W, batch, first, count,
                  [&](int t, Eigen::Index f, const Eigen::MatrixXd& x, const Eigen::MatrixXd&) {
                      const int s = slot[static_cast<std::size_t>(t)];
                      if (s >= 0)
                          states[static_cast<std::size_t>(s)].middleCols(f, x.cols()) = x;
                      if ((t & 63) == 0)
                          progress.check();
                  });
    });

    std::vector<SamplingLocation> out;
    for (std::size_t ci = 0; ci < conditions.size(); ++ci)
        for (std::size_t ti = 0; ti < times.size(); ++ti) {
            SamplingLocation loc;
            loc.t = times[ti];
            loc.condition = conditions[ci];
            loc.x = Eigen::VectorXd::Zero(n);
            for (int j : members[ci])
                loc.x += states[ti].col(j);
            loc.x /= static_cast<double>(members[ci].size());
            out.push_back(std::move(loc));
        }
    return out;
}

} // namespace opdims
