// An AblationProbe that records the change-to-views latency of every result shown and, given a
// file, appends one CSV line per result (generation, kept, latency_ms, compute_ms).
#pragma once

#include "app/explorer/ablation_probe.h"

#include <QString>

#include <vector>

namespace opdims::explorer {

class LatencyRecorder : public AblationProbe {
public:
    explicit LatencyRecorder(QString csvPath = {}) : m_csvPath(std::move(csvPath)) {}

    void resultShown(const AblationResult& result, double latencyMs) override;

    // Latencies (ms) of the results shown so far, in order (GUI thread only).
    const std::vector<double>& latenciesMs() const { return m_latencies; }
    void clear() { m_latencies.clear(); }

private:
    QString m_csvPath;
    std::vector<double> m_latencies;
};

} // namespace opdims::explorer
