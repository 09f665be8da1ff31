// Block generation of normal deviates by the polar method with vectorised square roots and logs.
#include "core/train/noise.h"

namespace opdims {

namespace {
constexpr Eigen::Index kPairs = 128; // accepted pairs per block
} // namespace

void NormalStream::refill() {
    u_.resize(kPairs);
    v_.resize(kPairs);
    s_.resize(kPairs);
    // The accept/reject loop consumes uniforms exactly as Rng::normal does.
    for (Eigen::Index k = 0; k < kPairs; ++k) {
        double u, v, s;
        do {
            u = 2.0 * rng_.uniform() - 1.0;
            v = 2.0 * rng_.uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        u_(k) = u;
        v_(k) = v;
        s_(k) = s;
    }
    const Eigen::ArrayXd f = (-2.0 * s_.log() / s_).sqrt();
    values_.resize(2 * static_cast<std::size_t>(kPairs));
    for (Eigen::Index k = 0; k < kPairs; ++k) {
        values_[2 * static_cast<std::size_t>(k)] = u_(k) * f(k);
        values_[2 * static_cast<std::size_t>(k) + 1] = v_(k) * f(k);
    }
    next_ = 0;
}

} // namespace opdims
