// Reduced-rank weight matrices and the bases they are built from (PC and operative).
#include "core/analysis/basis.h"

#include "core/analysis/global_dims.h"
#include "core/analysis/local_dims.h"
#include "core/analysis/pc_dims.h"
#include "core/analysis/sampling.h"
#include "core/base/error.h"

#include <cmath>

namespace opdims {

namespace {
void checkBasisFits(const Eigen::MatrixXd& W, const Basis& basis) {
    if (basis.Q.rows() != W.rows())
        throw Error("the basis '" + basis.name + "' has " + std::to_string(basis.Q.rows()) +
                    " entries per dimension, the network has " + std::to_string(W.rows()) +
                    " units");
}

// Maps a phase's progress [0, 1] into [from, to] of the caller's progress.
Progress phase(const Progress& p, double from, double to) {
    Progress out;
    out.cancel = p.cancel;
    if (p.onProgress)
        out.onProgress = [p, from, to](double done, double total) {
            p.report(from + (to - from) * (total > 0 ? done / total : 0.0), 1.0);
        };
    return out;
}
} // namespace

Eigen::MatrixXd reducedRankWeights(const Eigen::MatrixXd& W, const Basis& basis, int k) {
    checkBasisFits(W, basis);
    if (k < 0 || k > basis.size())
        throw Error("cannot keep " + std::to_string(k) + " dimensions of the basis '" + basis.name +
                    "', which has " + std::to_string(basis.size()));
    return projectOnto(W, basis.Q.leftCols(k), basis.side);
}

Eigen::MatrixXd removedRankWeights(const Eigen::MatrixXd& W, const Basis& basis, int k) {
    checkBasisFits(W, basis);
    if (k < 0 || k > basis.size())
        throw Error("cannot remove " + std::to_string(k) + " dimensions of the basis '" +
                    basis.name + "', which has " + std::to_string(basis.size()));
    return removeDimensions(W, basis.Q.leftCols(k), basis.side);
}

Eigen::MatrixXd chosenDimensions(const Basis& basis, const std::vector<bool>& chosen) {
    if (static_cast<int>(chosen.size()) != basis.size())
        throw Error("the selection has " + std::to_string(chosen.size()) + " entries, the basis '" +
                    basis.name + "' has " + std::to_string(basis.size()) + " dimensions");
    Eigen::MatrixXd Q(basis.Q.rows(), std::count(chosen.begin(), chosen.end(), true));
    Eigen::Index c = 0;
    for (std::size_t i = 0; i < chosen.size(); ++i)
        if (chosen[i])
            Q.col(c++) = basis.Q.col(static_cast<Eigen::Index>(i));
    return Q;
}

Eigen::MatrixXd removeSelectedDimensions(const Eigen::MatrixXd& W, const Basis& basis,
                                         const std::vector<bool>& remove) {
    checkBasisFits(W, basis);
    return removeDimensions(W, chosenDimensions(basis, remove), basis.side);
}

Eigen::MatrixXd keepDimensions(const Eigen::MatrixXd& W, const Basis& basis,
                               const std::vector<bool>& keep) {
    checkBasisFits(W, basis);
    return projectOnto(W, chosenDimensions(basis, keep), basis.side);
}

Basis pcBasis(const Eigen::MatrixXd& W) {
    PcDimensions pc = pcDimensions(W);
    Basis b;
    b.name = "PC";
    b.side = Side::Columns;
    b.Q = std::move(pc.U);
    b.strength = std::move(pc.singularValues);
    return b;
}

Basis operativeBasis(const Model& model, TaskKind task, Side side, const Progress& progress,
                     const OperativeOptions& options) {
    checkModelFitsTask(model, task, model.name.empty() ? "the network" : model.name);
    const Batch batch = samplingBatch(task, options.batch, options.trials, options.seed, model.dt);
    const std::vector<int> times =
        options.times.empty() ? defaultSamplingTimes(task) : options.times;
    const auto locations = samplingLocations(model, task, batch, defaultConditions(task), times,
                                             phase(progress, 0.0, 0.05));
    LocalOptions local;
    local.seed = options.seed;
    local.rowStarts = options.rowStarts;
    const auto dims = localDimensions(model, locations, side, local, phase(progress, 0.05, 1.0));
    if (options.subset == LocationSubset::All)
        return globalDimensions(dims, side).basis;
    Basis b =
        globalDimensions(dims, side, locationSubset(task, options.subset, options.frequency)).basis;
    b.name += " (" + locationSubsetName(options.subset, options.frequency) + ")";
    return b;
}

void checkOrthonormal(const Eigen::MatrixXd& Q, int units, const std::string& source,
                      double tolerance) {
    if (Q.rows() != units)
        throw Error(source + ": the basis has " + std::to_string(Q.rows()) +
                    " rows, the network has " + std::to_string(units) + " units");
    if (Q.cols() == 0 || Q.cols() > units)
        throw Error(source + ": the basis has " + std::to_string(Q.cols()) +
                    " columns, expected 1 to " + std::to_string(units));
    if (!Q.allFinite())
        throw Error(source + ": the basis contains NaN or infinite values");
    const Eigen::MatrixXd G = Q.transpose() * Q;
    const double err = (G - Eigen::MatrixXd::Identity(Q.cols(), Q.cols())).cwiseAbs().maxCoeff();
    if (err > tolerance)
        throw Error(source + ": the basis columns are not orthonormal (|Q^T Q - I| reaches " +
                    std::to_string(err) + ")");
}

} // namespace opdims
