// Adam (Kingma & Ba 2015) with bias correction; clipping scales the whole gradient at once.
#include "core/train/adam.h"

#include <algorithm>
#include <cmath>

namespace opdims {

FrozenParams parseFrozen(const std::string& list) {
    FrozenParams frozen{};
    std::size_t start = 0;
    while (start < list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        frozen[static_cast<std::size_t>(parseParam(list.substr(start, comma - start)))] = true;
        start = comma + 1;
    }
    return frozen;
}

std::string frozenText(const FrozenParams& frozen) {
    std::string s;
    for (Param p : kAllParams)
        if (frozen[static_cast<std::size_t>(p)])
            s += (s.empty() ? "" : ",") + std::string(paramName(p));
    return s;
}

void AdamState::reset(const Model& model) {
    m.setZeroLike(model);
    v.setZeroLike(model);
    steps = 0;
}

double adamStep(Model& model, const Gradients& grad, AdamState& state, double lr,
                const AdamSettings& settings, const FrozenParams& frozen) {
    double squared = 0.0;
    for (Param p : kAllParams)
        if (!frozen[static_cast<std::size_t>(p)])
            squared += grad[p].squaredNorm();
    const double norm = std::sqrt(squared);
    const double clip =
        settings.clipNorm > 0.0 && norm > settings.clipNorm ? settings.clipNorm / norm : 1.0;
    ++state.steps;
    const double c1 = 1.0 - std::pow(settings.beta1, static_cast<double>(state.steps));
    const double c2 = 1.0 - std::pow(settings.beta2, static_cast<double>(state.steps));
    const double b1 = settings.beta1, b2 = settings.beta2;
    for (Param p : kAllParams) {
        if (frozen[static_cast<std::size_t>(p)])
            continue;
        auto w = paramView(model, p);
        Eigen::MatrixXd& m = state.m[p];
        Eigen::MatrixXd& v = state.v[p];
        const auto g = clip * grad[p].array();
        m.array() = b1 * m.array() + (1.0 - b1) * g;
        v.array() = b2 * v.array() + (1.0 - b2) * g.square();
        w.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + settings.epsilon);
    }
    return norm;
}

} // namespace opdims
