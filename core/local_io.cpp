// Reading and writing the authors' local operative dimension files.
#include "core/local_io.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/fast_math.h"
#include "core/h5.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace opdims {

std::string localGroupName(TaskKind task, const SamplingLocation& location) {
    return "opt_dims_t" + std::to_string(location.t) + conditionLabel(task, location.condition);
}

namespace {

double scalar(const h5::File& f, const std::string& dataset) {
    const Eigen::MatrixXd m = f.readRowMajor(dataset);
    if (m.size() != 1)
        throw Error(f.path() + ": dataset " + dataset + " should hold one number");
    return m(0, 0);
}

int integerScalar(const h5::File& f, const std::string& dataset) {
    const double v = scalar(f, dataset);
    if (!std::isfinite(v) || v != std::round(v))
        throw Error(f.path() + ": dataset " + dataset + " should hold an integer");
    return static_cast<int>(v);
}

} // namespace

LocalFile readLocalDimensions(const std::string& path, Side side) {
    const h5::File f = h5::File::openRead(path);
    LocalFile out;
    for (const std::string& name : f.children("/")) {
        if (name.rfind("opt_dims_t", 0) != 0 || !f.isGroup("/" + name))
            continue;
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
        l.location.t = integerScalar(f, g + "t_start_point");
        if (task == TaskKind::Ctxt) {
            l.location.condition.context = integerScalar(f, g + "ctxt_id");
            l.location.condition.signCoh1 = integerScalar(f, g + "signCoh1");
            l.location.condition.signCoh2 = integerScalar(f, g + "signCoh2");
        } else {
            l.location.condition.freqId = integerScalar(f, g + "freq_id");
        }
        const Eigen::MatrixXd loc = f.readSwapped(g + "sampling_loc"); // 1 x N
        if (loc.rows() != 1)
            throw Error(path + ": dataset " + g + "sampling_loc should be N x 1 in HDF5");
        l.location.x = loc.row(0).transpose();
        const Eigen::Index n = l.location.x.size();
        const Eigen::MatrixXd dims = f.readSwapped(g + "local_op_dims"); // row d = dimension d
        const Eigen::MatrixXd fvals = f.readSwapped(g + "all_fvals");    // N x 1
        if (dims.rows() != n || dims.cols() != n)
            throw Error(path + ": dataset " + g + "local_op_dims is " +
                        std::to_string(dims.cols()) + "x" + std::to_string(dims.rows()) +
                        " in HDF5, expected " + std::to_string(n) + "x" + std::to_string(n));
        if (fvals.size() != n)
            throw Error(path + ": dataset " + g + "all_fvals should have " + std::to_string(n) +
                        " entries");
        std::vector<Eigen::Index> used;
        for (Eigen::Index d = 0; d < n; ++d)
            if (!std::isnan(fvals(d))) {
                if (!dims.row(d).allFinite())
                    throw Error(path + ": local dimension " + std::to_string(d + 1) + " of " +
                                name + " has a Delta_f but NaN entries");
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
            } else {
                one("freq_id", l.location.condition.freqId);
            }
        }
    });
}

} // namespace opdims
