// Sampling locations (docs/method.md section 4): condition-average states at chosen times.
#pragma once

#include "core/base/progress.h"
#include "core/model/model.h"
#include "core/tasks/conditions.h"
#include "core/tasks/task.h"

#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <vector>

namespace opdims {

struct SamplingLocation {
    int t = 0; // 1-based time: t = 1 is the state after the first update
    Condition condition;
    Eigen::VectorXd x; // the condition-average state x_s
};

// The paper's defaults: ctxt t = 1, 100, ..., 1400; swg t = 1, 50, ..., 500.
std::vector<int> defaultSamplingTimes(TaskKind task);
// A batch's: the paper's for ctxt and swg; a trial set's own, else 1 and every tenth of the trial
// (rounded down), up to its last step.
std::vector<int> defaultSamplingTimes(const Batch& batch);

// The batch whose condition averages give the sampling locations: "grid" (noise-free), or
// "random" with network noise and `trials` trials per condition (ctxt: per context and coherency
// pair, input noise too, as makeRandomBatch; swg: per default frequency id, so that every sampled
// condition has trials).
Batch samplingBatch(TaskKind task, const std::string& kind, int trials, std::uint64_t seed,
                    double dt = 0.001);

// Simulates the batch with the model's W and averages x_t over the trials of each condition at
// each time. Locations are ordered by condition, then time. Throws Error when a condition has no
// trial in the batch or a time is outside 1..steps.
std::vector<SamplingLocation> samplingLocations(const Model& model, TaskKind task,
                                                const Batch& batch,
                                                const std::vector<Condition>& conditions,
                                                const std::vector<int>& times,
                                                const Progress& progress = {});

} // namespace opdims
