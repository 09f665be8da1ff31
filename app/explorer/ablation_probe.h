// The one hook of measurements and tests into live ablation. The product runs without a probe
// and depends on nothing else of app/explorer/measure/.
#pragma once

#include <QtGlobal>

namespace opdims::explorer {

struct AblationResult;

class AblationProbe {
public:
    virtual ~AblationProbe() = default;
    // Worker thread: the result of `generation` is computed and about to be delivered.
    virtual void beforeDelivery(quint64 generation) { Q_UNUSED(generation); }
    // GUI thread: the views now show `result`, latencyMs after the change that asked for it.
    virtual void resultShown(const AblationResult& result, double latencyMs) {
        Q_UNUSED(result);
        Q_UNUSED(latencyMs);
    }
};

} // namespace opdims::explorer
