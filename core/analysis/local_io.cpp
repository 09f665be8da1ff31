// Reading and writing the authors' local operative dimension files.
#include "core/analysis/local_io.h"

#include "core/base/error.h"
#include "core/base/fast_math.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/tasks/task.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <tuple>

namespace opdims {

std::string localGroupName(TaskKind task, const SamplingLocation& location) {
    std::string label = conditionLabel(task, location.condition);
    // A trial set's label may hold characters HDF5 reads as a path.
    for (char& ch : label)
        if (ch == '/' || ch == '.')
            ch = '_';
    return "opt_dims_t" + std::to_string(location.t) + label;
}

namespace {

double scalar(const h5::File& f, const std::string& dataset) {
    const h5::File::Shape shape = f.shape(dataset);
    if (shape.rows * shape.cols != 1)
        throw Error(f.path() + ": dataset " + dataset + " should hold one number");
    const Eigen::MatrixXd m = f.readRowMajor(dataset);
    if (m.size() != 1)
        throw Error(f.path() + ": dataset " + dataset + " should hold one number");
    return m(0, 0);
}

// A whole number in [lo, hi]; anything else names the dataset, the value and the range.
int integerScalar(const h5::File& f, const std::string& dataset, int lo, int hi,
                  const char* meaning) {
    const double v = scalar(f, dataset);
    if (!(v == std::round(v)) || !(v >= lo) || !(v <= hi)) {
        char value[32];
        std::snprintf(value, sizeof value, "%.17g", v);
        throw Error(f.path() + ": dataset " + dataset + " holds " + value + ", expected " +
                    meaning + " (a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ")");
    }
    return static_cast<int>(v);
}

int signScalar(const h5::File& f, const std::string& dataset) {
    const int v = integerScalar(f, dataset, -1, 1, "the sign of a coherence, -1 or 1");
    if (v == 0)
        throw Error(f.path() + ": dataset " + dataset +
                    " holds 0, expected the sign of a coherence, -1 or 1");
    return v;
}

// The dataset's shape in HDF5 order, which must be exactly rows x cols.
void expectHdf5Shape(const h5::File& f, const std::string& dataset, long long rows,
                     long long cols) {
    const std::vector<hsize_t> d = f.dims(dataset);
    if (d.size() != 2 || d[0] != static_cast<hsize_t>(rows) || d[1] != static_cast<hsize_t>(cols)) {
        std::string shape;
        for (std::size_t i = 0; i < d.size(); ++i)
            shape += (i ? "x" : "") + std::to_string(d[i]);
        throw Error(f.path() + ": dataset " + dataset + " is " +
                    (d.empty() ? std::string("a scalar") : shape) + " in HDF5, expected " +
                    std::to_string(rows) + "x" + std::to_string(cols));
    }
}

} // namespace

LocalFile readLocalDimensions(const std::string& path, Side side) {
    const h5::File f = h5::File::openRead(path);
    LocalFile out;
    for (const std::string& name : f.children("/")) {
        if (name.rfind("opt_dims_t", 0) != 0)
            continue;
        if (!f.isGroup("/" + name))
            throw Error(path + ": /" + name + " is not a group (a sampling location is a group)");
        const TaskKind task = name.find("Ctxt") != std::string::npos   ? TaskKind::Ctxt
                              : name.find("Freq") != std::string::npos ? TaskKind::Swg
                                                                       : TaskKind::Unknown;
        if (task == TaskKind::Unknown)
            throw Error(path + ": group " + name + " is neither a ctxt nor an swg location");
        if (out.task != TaskKind::Unknown && out.task != task)
            throw Error(path + ": the file mixes ctxt and swg sampling locations");
        out.task = task;
        const std::string g = "/" + name + "/";
        LocalDimensions l;
        l.side = side;
        const int steps = task == TaskKind::Ctxt ? ctxt::kSteps : swg::kSteps;
        l.location.t = integerScalar(f, g + "t_start_point", 1, steps, "a time step of the task");
        if (task == TaskKind::Ctxt) {
            l.location.condition.context = integerScalar(f, g + "ctxt_id", 1, 2, "a context");
            l.location.condition.signCoh1 = signScalar(f, g + "signCoh1");
            l.location.condition.signCoh2 = signScalar(f, g + "signCoh2");
        } else {
            l.location.condition.freqId =
                integerScalar(f, g + "freq_id", 1, swg::kFrequencies, "a frequency id");
        }
        const std::vector<hsize_t> locDims = f.dims(g + "sampling_loc");
        if (locDims.size() != 2 || locDims[1] != 1 || locDims[0] < 1 ||
            locDims[0] > static_cast<hsize_t>(limits::kMaxUnits))
            throw Error(path + ": dataset " + g +
                        "sampling_loc should be N x 1 in HDF5 with 1 <= N <= " +
                        std::to_string(limits::kMaxUnits));
        const auto n = static_cast<Eigen::Index>(locDims[0]);
        expectHdf5Shape(f, g + "local_op_dims", n, n);
        expectHdf5Shape(f, g + "all_fvals", 1, n);
        l.location.x = f.readSwapped(g + "sampling_loc").row(0).transpose();
        if (!l.location.x.allFinite())
            throw Error(path + ": dataset " + g + "sampling_loc has a non-finite value");
        const Eigen::MatrixXd dims = f.readSwapped(g + "local_op_dims"); // row d = dimension d
        const Eigen::MatrixXd fvals = f.readSwapped(g + "all_fvals");    // N x 1
        std::vector<Eigen::Index> used;
        for (Eigen::Index d = 0; d < n; ++d)
            if (!std::isnan(fvals(d))) {
                if (!dims.row(d).allFinite() || !std::isfinite(fvals(d)))
                    throw Error(path + ": local dimension " + std::to_string(d + 1) + " of " +
                                name + " has a Delta_f but non-finite entries");
                used.push_back(d);
            }
        l.Q.resize(n, static_cast<Eigen::Index>(used.size()));
        l.deltaF.resize(static_cast<Eigen::Index>(used.size()));
        for (std::size_t i = 0; i < used.size(); ++i) {
            l.Q.col(static_cast<Eigen::Index>(i)) = dims.row(used[i]).transpose();
            l.deltaF(static_cast<Eigen::Index>(i)) = -fvals(used[i]);
        }
        if (!out.locations.empty() && out.locations.front().location.x.size() != n)
            throw Error(path + ": the sampling locations do not all have the same size");
        for (const LocalDimensions& other : out.locations)
            if (other.location.t == l.location.t &&
                other.location.condition == l.location.condition)
                throw Error(path + ": group " + name + " repeats a sampling location");
        out.locations.push_back(std::move(l));
    }
    if (out.locations.empty())
        throw Error(path + ": no opt_dims_t... group (not a local operative dimension file)");
    std::sort(out.locations.begin(), out.locations.end(), [](const auto& a, const auto& b) {
        const Condition& ca = a.location.condition;
        const Condition& cb = b.location.condition;
        return std::tie(ca.context, ca.signCoh1, ca.signCoh2, ca.freqId, a.location.t) <
               std::tie(cb.context, cb.signCoh1, cb.signCoh2, cb.freqId, b.location.t);
    });
    return out;
}

void writeLocalDimensions(const std::string& path, TaskKind task, const Model& model,
                          const std::vector<LocalDimensions>& locations) {
    const Eigen::Index n = model.units();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double a = model.alpha();
    writeAtomically(path, [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        for (const auto& l : locations) {
            if (l.location.x.size() != n || l.Q.rows() != n)
                throw Error(path + ": a sampling location does not match the network's " +
                            std::to_string(n) + " units");
            const std::string g = "/" + localGroupName(task, l.location);
            f.createGroup(g);
            Eigen::MatrixXd dims = Eigen::MatrixXd::Constant(n, n, nan);
            Eigen::MatrixXd fvals = Eigen::MatrixXd::Constant(n, 1, nan);
            for (Eigen::Index d = 0; d < l.Q.cols(); ++d) {
                dims.row(d) = l.Q.col(d).transpose();
                fvals(d, 0) = -l.deltaF(d);
            }
            Eigen::VectorXd r(n);
            tanhInto(l.location.x, r);
            Eigen::MatrixXd trajs(n, 2);
            trajs.col(0) = l.location.x;
            trajs.col(1) = (1.0 - a) * l.location.x + a * (model.W * r + model.b);
            f.writeSwapped(g + "/local_op_dims", dims);
            f.writeSwapped(g + "/all_fvals", fvals);
            f.writeSwapped(g + "/sampling_loc", l.location.x.transpose());
            f.writeSwapped(g + "/all_trajs_org", trajs);
            auto one = [&](const std::string& name, double v) {
                f.writeSwapped(g + "/" + name, Eigen::MatrixXd::Constant(1, 1, v));
            };
            one("t_start_point", l.location.t);
            if (task == TaskKind::Ctxt) {
                one("ctxt_id", l.location.condition.context);
                one("signCoh1", l.location.condition.signCoh1);
                one("signCoh2", l.location.condition.signCoh2);
            } else if (task == TaskKind::Data) {
                f.writeStrings(g + "/condition", {l.location.condition.label});
            } else {
                one("freq_id", l.location.condition.freqId);
            }
        }
    });
}

} // namespace opdims
