// Global operative dimensions (docs/method.md section 5): SVD of Delta_f-scaled local dimensions.
#pragma once

#include "core/analysis/basis.h"
#include "core/analysis/basis_names.h"
#include "core/analysis/local_dims.h"
#include "core/model/model.h"

#include <Eigen/Dense>

#include <functional>
#include <string>
#include <vector>

namespace opdims {

// Which sampling locations enter the global dimensions.
using LocationFilter = std::function<bool(const SamplingLocation&)>;

// The paper's subsets: "all", and for ctxt "ctxt1", "ctxt2" (one context), "pos-choice",
// "neg-choice" (sign of the coherence of the context's relevant input); for swg "freqN", the
// locations of frequency id N (`frequency`). Throws Error otherwise.
LocationFilter locationSubset(TaskKind task, LocationSubset subset, int frequency = 0);
LocationFilter locationSubset(TaskKind task, const std::string& name);

// Keeps also only the given 1-based times (empty: all times).
LocationFilter withTimes(LocationFilter filter, std::vector<int> times);

// Keeps only the conditions named like conditionLabel() ("Ctxt1Inps-1_1", "Freq6"; empty: all).
// Throws Error for a name that is not a condition of the task.
LocationFilter withConditions(LocationFilter filter, TaskKind task,
                              const std::vector<std::string>& labels);

struct GlobalDimensions {
    // N x N: the left singular vectors of L = [Delta_f_1 q_1, ...] by decreasing singular value,
    // completed by an orthonormal basis of the rest of the space (strength 0) when L has fewer
    // than N columns, so that keeping all N dimensions gives W back.
    Basis basis;
    Eigen::VectorXd varianceExplained; // squared singular values as fractions of their sum
    int locations = 0;                 // sampling locations used
    int localDimensions = 0;           // columns of L
};

// Throws Error when no location passes the filter or no local dimension is left.
GlobalDimensions globalDimensions(const std::vector<LocalDimensions>& local, Side side,
                                  const LocationFilter& filter = {});

} // namespace opdims
