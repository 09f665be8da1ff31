// Latency records of live ablation.
#include "app/explorer/measure/latency_recorder.h"

#include "app/explorer/ablation_worker.h"

#include <QFile>
#include <QTextStream>

namespace opdims::explorer {

void LatencyRecorder::resultShown(const AblationResult& result, double latencyMs) {
    m_latencies.push_back(latencyMs);
    if (m_csvPath.isEmpty())
        return;
    QFile f(m_csvPath);
    if (!f.open(QIODevice::Append | QIODevice::Text))
        return;
    QTextStream out(&f);
    if (f.size() == 0)
        out << "generation,kept,latency_ms,compute_ms\n";
    out << result.generation << ',' << result.kept << ',' << latencyMs << ','
        << result.computeSeconds * 1000.0 << '\n';
}

} // namespace opdims::explorer
