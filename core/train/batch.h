// Seeded noisy training batches: iteration i of a run with seed S always sees the same trials.
#pragma once

#include "core/tasks/task.h"

#include <cstdint>

namespace opdims {

// The mini-batch of one training iteration, with the paper's noise when `noise` is set (ctxt:
// input and network noise; swg: network noise). ctxt conditions (context x coh1 x coh2) are
// dealt from shuffled decks of all 72, so a batch of 72 holds each once; swg frequency ids are
// uniformly random. Everything is keyed by (seed, iteration): resuming needs no RNG state.
Batch trainingBatch(TaskKind task, int trials, std::uint64_t seed, long long iteration,
                    bool noise = true, double dt = 0.001);

} // namespace opdims
