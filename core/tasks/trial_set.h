// Trial sets (docs/file-format.md): a batch of trials for any network of the model, read from
// and written to .npz or HDF5 files, and the random and training batches made from one.
#pragma once

#include "core/tasks/task.h"

#include <cstdint>
#include <string>

namespace opdims {

// The HDF5 root attribute `format` of a trial-set file.
inline constexpr const char* kTrialSetFormat = "opdims-trials";

// Reads and checks a trial set (.npz or HDF5): every shape, value and label, before anything is
// returned. Throws Error("<path>: <array>: ...") naming the array and what was expected.
// The batch has task Data, kind "trials" and no noise.
Batch readTrialSet(const std::string& path);

// Writes a batch as a trial set, atomically: .npz unless the name ends in .h5 or .hdf5. The
// conditions are the trials' condition labels (conditionLabel), so that a paper task's batch
// read back groups its trials as the task does.
void writeTrialSet(const std::string& path, const Batch& batch);

// The batch of a paper task as a trial set in memory (what writeTrialSet writes and
// readTrialSet reads back): labels, initial states, phases, sampling conditions and times.
Batch asTrialSet(const Batch& batch);

// The named input phases of a batch: its own (a trial set's), else the paper task's (ctxt:
// "context cue" from step 0, "stimulus" from the end of the burn-in; swg: "frequency cue").
std::vector<Phase> inputPhases(const Batch& batch);

// A random batch of a trial set: its trials, `repeats` times each, with the file's input noise
// (input j of trial k draws from stream k of the seed) and network noise from the seed.
Batch randomTrialBatch(const Batch& set, int repeats, std::uint64_t seed);

// A training batch of `count` trials drawn from the set (every trial once before any repeats,
// in a seeded order), with the set's input and network noise when `noise` is set.
Batch trialSetTrainingBatch(const Batch& set, int count, std::uint64_t seed, long long iteration,
                            bool noise);

} // namespace opdims
