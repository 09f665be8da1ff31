// Local operative dimension files in the authors' HDF5 layout (read theirs, write the same).
#pragma once

#include "core/analysis/local_dims.h"
#include "core/model/model.h"

#include <string>
#include <vector>

namespace opdims {

struct LocalFile {
    TaskKind task = TaskKind::Unknown;      // from the group names (Ctxt... or Freq...)
    std::vector<LocalDimensions> locations; // ordered by condition, then time
};

// Reads every opt_dims_t<t>Ctxt<c>Inps<s1>_<s2> or opt_dims_t<t>Freq<j> group; a location's
// dimensions are the rows of local_op_dims whose all_fvals is not NaN, Delta_f = -all_fvals.
// The file does not say whether the dimensions are columns or rows: the caller does.
// Throws Error("<path>: ...") naming the group or dataset that does not fit.
LocalFile readLocalDimensions(const std::string& path, Side side);

// Writes the authors' layout atomically (all datasets transposed like theirs); all_trajs_org is
// x_s and one step from it with the model's W and zero input.
void writeLocalDimensions(const std::string& path, TaskKind task, const Model& model,
                          const std::vector<LocalDimensions>& locations);

// "opt_dims_t1000Ctxt1Inps-1_1" or "opt_dims_t50Freq6".
std::string localGroupName(TaskKind task, const SamplingLocation& location);

} // namespace opdims
