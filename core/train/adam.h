// Adam with gradient-norm clipping over the trainable parameters of a network.
#pragma once

#include "core/model/model.h"
#include "core/train/bptt.h"

#include <array>
#include <string>

namespace opdims {

struct AdamSettings {
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    double clipNorm = 1.0; // the gradient is scaled down to this norm when longer (0: no clipping)
};

// Which parameters are updated: frozen[p] keeps parameter p at its initial value.
using FrozenParams = std::array<bool, kParamCount>;
// "W_in,x0" <-> frozen W_in and x0; parsing throws Error for an unknown name.
FrozenParams parseFrozen(const std::string& list);
std::string frozenText(const FrozenParams& frozen);

struct AdamState {
    Gradients m; // first moments
    Gradients v; // second moments
    long long steps = 0;

    void reset(const Model& model);
};

// One Adam step with learning rate lr on the parameters that are not frozen. Returns the norm of
// the gradient of the trainable parameters before clipping.
double adamStep(Model& model, const Gradients& grad, AdamState& state, double lr,
                const AdamSettings& settings, const FrozenParams& frozen);

} // namespace opdims
