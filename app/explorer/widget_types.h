// Core types as the widgets' own (widgets/ knows nothing of core/).
#pragma once

#include "core/fixed_points/fixed_points.h"
#include "widgets/scene_types.h"

namespace opdims::explorer {

inline widgets::Stability toWidget(Stability s) {
    switch (s) {
    case Stability::Stable:
        return widgets::Stability::Stable;
    case Stability::Marginal:
        return widgets::Stability::Marginal;
    case Stability::Saddle:
        return widgets::Stability::Saddle;
    case Stability::Unstable:
        return widgets::Stability::Unstable;
    }
    return widgets::Stability::Stable;
}

} // namespace opdims::explorer
