// Global operative dimensions from local ones, over all sampling locations or a subset.
#include "core/analysis/global_dims.h"

#include "core/analysis/pc_dims.h"
#include "core/analysis/sampling.h"
#include "core/base/error.h"
#include "core/base/linalg.h"

#include <algorithm>
#include <utility>

namespace opdims {

LocationFilter locationSubset(TaskKind task, LocationSubset subset, int frequency) {
    if (subset == LocationSubset::All)
        return [](const SamplingLocation&) { return true; };
    if (subset == LocationSubset::Frequency) {
        if (task != TaskKind::Swg)
            throw Error("location subset '" + locationSubsetName(subset, frequency) +
                        "' exists for swg only (" + taskName(task) + " knows 'all'" +
                        (task == TaskKind::Ctxt ? ", ctxt1, ctxt2, pos-choice, neg-choice)" : ")"));
        if (frequency < 1 || frequency > swg::kFrequencies)
            throw Error("location subset 'freq" + std::to_string(frequency) +
                        "': frequency ids run from 1 to " + std::to_string(swg::kFrequencies));
        return [frequency](const SamplingLocation& l) { return l.condition.freqId == frequency; };
    }
    if (task != TaskKind::Ctxt)
        throw Error("location subset '" + locationSubsetName(subset) + "' exists for ctxt only (" +
                    taskName(task) + " knows 'all')");
    if (subset == LocationSubset::Ctxt1 || subset == LocationSubset::Ctxt2) {
        const int context = subset == LocationSubset::Ctxt1 ? 1 : 2;
        return [context](const SamplingLocation& l) { return l.condition.context == context; };
    }
    const int sign = subset == LocationSubset::PosChoice ? 1 : -1;
    // The choice follows the coherence of the input that is relevant in the context.
    return [sign](const SamplingLocation& l) {
        const int relevant = l.condition.context == 1 ? l.condition.signCoh1 : l.condition.signCoh2;
        return relevant == sign;
    };
}

LocationFilter locationSubset(TaskKind task, const std::string& name) {
    int frequency = 0;
    const LocationSubset subset = parseLocationSubset(name, &frequency);
    return locationSubset(task, subset, frequency);
}

LocationFilter withTimes(LocationFilter filter, std::vector<int> times) {
    if (times.empty())
        return filter;
    return [filter = std::move(filter), times = std::move(times)](const SamplingLocation& l) {
        return (!filter || filter(l)) && std::find(times.begin(), times.end(), l.t) != times.end();
    };
}

LocationFilter withConditions(LocationFilter filter, TaskKind task,
                              const std::vector<std::string>& labels) {
    if (labels.empty())
        return filter;
    std::vector<Condition> all;
    if (task == TaskKind::Data) {
        // A trial set's labels are its conditions.
        for (const std::string& label : labels)
            all.push_back({0, 0, 0, 0, label});
    } else if (task == TaskKind::Ctxt)
        all = defaultConditions(task);
    else
        for (int id = 1; id <= swg::kFrequencies; ++id)
            all.push_back({0, 0, 0, id, {}});
    std::vector<Condition> chosen;
    for (const std::string& label : labels) {
        const auto it = std::find_if(all.begin(), all.end(), [&](const Condition& c) {
            return conditionLabel(task, c) == label;
        });
        if (it == all.end())
            throw Error("'" + label + "' is not a " + taskName(task) + " condition (e.g. " +
                        conditionLabel(task, all.back()) + ")");
        chosen.push_back(*it);
    }
    return [filter = std::move(filter), chosen](const SamplingLocation& l) {
        return (!filter || filter(l)) &&
               std::find(chosen.begin(), chosen.end(), l.condition) != chosen.end();
    };
}

GlobalDimensions globalDimensions(const std::vector<LocalDimensions>& local, Side side,
                                  const LocationFilter& filter) {
    std::vector<const LocalDimensions*> chosen;
    Eigen::Index columns = 0, n = -1;
    for (const auto& l : local) {
        if (filter && !filter(l.location))
            continue;
        if (l.side != side)
            throw Error(std::string("the local dimensions are ") + sideName(l.side) +
                        " dimensions, " + sideName(side) + " were asked for");
        if (n >= 0 && l.Q.rows() != n)
            throw Error("the local dimensions do not all have the same number of units");
        n = l.Q.rows();
        chosen.push_back(&l);
        columns += l.Q.cols();
    }
    if (chosen.empty())
        throw Error("no sampling location is in the chosen subset");
    if (columns == 0)
        throw Error("the chosen sampling locations have no local operative dimension");
    Eigen::MatrixXd L(n, columns);
    Eigen::Index c = 0;
    for (const auto* l : chosen)
        for (Eigen::Index d = 0; d < l->Q.cols(); ++d)
            L.col(c++) = l->deltaF(d) * l->Q.col(d);
    // The full U completes the basis when L has fewer columns than units.
    linalg::LeftSvd svd = linalg::leftSvd(L, true);
    GlobalDimensions out;
    out.basis.name = std::string("operative ") + sideName(side);
    out.basis.side = side;
    out.basis.Q = std::move(svd.U);
    out.basis.strength = Eigen::VectorXd::Zero(n);
    out.basis.strength.head(svd.singularValues.size()) = svd.singularValues;
    out.varianceExplained = varianceExplained(out.basis.strength);
    out.locations = static_cast<int>(chosen.size());
    out.localDimensions = static_cast<int>(columns);
    return out;
}

} // namespace opdims
