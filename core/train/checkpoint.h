// Training checkpoints: an opdims model file that also carries the optimiser state, the iteration
// and the configuration, so a resumed run gives the same network as an uninterrupted one.
#pragma once

#include "core/train/train.h"

#include <string>

namespace opdims {

// Writes atomically. The file is an ordinary opdims model file (every tool opens it as the
// network trained so far) with an extra /training group.
void saveCheckpoint(const TrainState& state, const std::string& path);

// True when the file is an opdims model file with a /training group.
bool isCheckpoint(const std::string& path);

// Throws Error naming the file and the missing or inconsistent part.
TrainState loadCheckpoint(const std::string& path);

} // namespace opdims
