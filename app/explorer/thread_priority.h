// Runs compute threads below the GUI thread's priority so that the interface stays responsive.
#pragma once

namespace opdims::explorer {

// Lowers the calling thread's scheduling priority (nice +5 on Linux) for long jobs (sweeps,
// training, local row dimensions). Threads it starts later, such as core's parallelFor workers,
// inherit it, so a long job on every core yields to the GUI thread and to live ablation, which
// stays at normal priority because its latency is what the user feels.
void lowerCurrentThreadPriority();

} // namespace opdims::explorer
