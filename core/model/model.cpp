// Model validation, task guessing and seeded random networks.
#include "core/model/model.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/linalg.h"
#include "core/base/rng.h"

#include <cmath>
#include <sstream>

namespace opdims {

const char* taskName(TaskKind task) {
    switch (task) {
    case TaskKind::Ctxt:
        return "ctxt";
    case TaskKind::Swg:
        return "swg";
    case TaskKind::FlipFlop:
        return "flipflop";
    case TaskKind::Decision:
        return "decision";
    case TaskKind::Data:
        return "data";
    case TaskKind::Unknown:
        break;
    }
    return "unknown";
}

TaskKind parseTask(const std::string& name) {
    if (name == "ctxt")
        return TaskKind::Ctxt;
    if (name == "swg")
        return TaskKind::Swg;
    if (name == "flipflop")
        return TaskKind::FlipFlop;
    if (name == "decision")
        return TaskKind::Decision;
    throw Error("unknown task '" + name + "' (expected ctxt, swg, flipflop or decision)");
}

namespace {

std::string shapeOf(const Eigen::MatrixXd& m) {
    return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

void expectShape(const std::string& source, const char* what, const Eigen::MatrixXd& m,
                 Eigen::Index rows, Eigen::Index cols) {
    if (m.rows() != rows || m.cols() != cols)
        throw Error(source + ": " + what + " is " + shapeOf(m) + ", expected " +
                    std::to_string(rows) + "x" + std::to_string(cols));
}

void expectFinite(const std::string& source, const char* what, const Eigen::MatrixXd& m) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i)
            if (!std::isfinite(m(i, j))) {
                std::ostringstream s;
                s << source << ": " << what << " has a non-finite value (" << m(i, j) << ") at ["
                  << i << "," << j << "]";
                throw Error(s.str());
            } else if (std::abs(m(i, j)) > limits::kMaxAbsParameter) {
                std::ostringstream s;
                s << source << ": " << what << " has the value " << m(i, j) << " at [" << i << ","
                  << j << "]; beyond " << limits::kMaxAbsParameter << " the simulation overflows";
                throw Error(s.str());
            }
}

} // namespace

void Model::validate(const std::string& source) const {
    const Eigen::Index n = W.rows();
    if (n < 1)
        throw Error(source + ": W is " + shapeOf(W) + ", expected NxN with N >= 1");
    expectShape(source, "W", W, n, n);
    limits::checkCount(source, "the number of units (W is " + shapeOf(W) + ")", n,
                       limits::kMaxUnits);
    limits::checkCount(source, "the number of inputs (W_in is " + shapeOf(W_in) + ")", W_in.cols(),
                       limits::kMaxInputs, 0);
    limits::checkCount(source, "the number of outputs (W_out is " + shapeOf(W_out) + ")",
                       W_out.rows(), limits::kMaxOutputs, 0);
    limits::checkCount(source, "the number of initial states (x0 is " + shapeOf(x0) + ")",
                       x0.cols(), limits::kMaxInitialStates, 0);
    if (W_in.rows() != n)
        throw Error(source + ": W_in is " + shapeOf(W_in) + ", expected " + std::to_string(n) +
                    " rows (one per unit)");
    if (W_out.cols() != n)
        throw Error(source + ": W_out is " + shapeOf(W_out) + ", expected " + std::to_string(n) +
                    " columns (one per unit)");
    if (W_out.rows() < 1)
        throw Error(source + ": W_out has no rows (the network has no output)");
    expectShape(source, "b", b, n, 1);
    expectShape(source, "b_z", b_z, W_out.rows(), 1);
    if (x0.rows() != n || x0.cols() < 1)
        throw Error(source + ": x0 is " + shapeOf(x0) + ", expected " + std::to_string(n) +
                    "xC with C >= 1");
    expectFinite(source, "W", W);
    expectFinite(source, "W_in", W_in);
    expectFinite(source, "W_out", W_out);
    expectFinite(source, "b", b);
    expectFinite(source, "b_z", b_z);
    expectFinite(source, "x0", x0);
    if (!(dt > 0) || !(tau > 0) || !std::isfinite(dt) || !std::isfinite(tau) || dt > tau)
        throw Error(source + ": dt and tau must be positive with dt <= tau (got dt=" +
                    std::to_string(dt) + ", tau=" + std::to_string(tau) + ")");
    if (!(noiseSigma >= 0) || !(noiseSigma <= limits::kMaxAbsParameter))
        throw Error(source + ": the noise sigma must be a finite number >= 0");
}

TaskKind guessTask(const Model& model) {
    if (model.outputs() == 1 && model.inputs() == 5)
        return TaskKind::Ctxt;
    if (model.outputs() == 1 && model.inputs() == 1)
        return TaskKind::Swg;
    if (model.outputs() == 3 && model.inputs() == 3)
        return TaskKind::FlipFlop;
    if (model.outputs() == 1 && model.inputs() == 2)
        return TaskKind::Decision;
    return TaskKind::Unknown;
}

Model randomModel(TaskKind task, int units, unsigned long long seed, double g) {
    const int v = task == TaskKind::Swg        ? 1
                  : task == TaskKind::FlipFlop ? 3
                  : task == TaskKind::Decision ? 2
                                               : 5;
    const int out = task == TaskKind::FlipFlop ? 3 : 1;
    const int c = task == TaskKind::Ctxt || task == TaskKind::Unknown ? 2 : 1;
    Model m = randomModel(units, v, out, c, seed, g);
    m.task = task == TaskKind::Unknown ? TaskKind::Ctxt : task;
    m.name =
        std::string("random ") + taskName(m.task) + " network (seed " + std::to_string(seed) + ")";
    return m;
}

Model randomModel(int units, int inputs, int outputs, int initialStates, unsigned long long seed,
                  double g) {
    if (units < 1)
        throw Error("a network needs at least one unit");
    if (inputs < 1 || outputs < 1 || initialStates < 1)
        throw Error("a network needs at least one input, one output and one initial state");
    Rng rng(seed);
    Model m;
    m.task = TaskKind::Data;
    m.name = "random network (seed " + std::to_string(seed) + ")";
    m.provenance = "randomModel(seed=" + std::to_string(seed) + ", g=" + std::to_string(g) + ")";
    const double sd = g / std::sqrt(static_cast<double>(units));
    m.W.resize(units, units);
    for (Eigen::Index j = 0; j < units; ++j)
        for (Eigen::Index i = 0; i < units; ++i)
            m.W(i, j) = sd * rng.normal();
    m.W_in.resize(units, inputs);
    for (Eigen::Index j = 0; j < inputs; ++j)
        for (Eigen::Index i = 0; i < units; ++i)
            m.W_in(i, j) = rng.normal() / std::sqrt(static_cast<double>(inputs));
    m.W_out.resize(outputs, units);
    for (Eigen::Index i = 0; i < units; ++i)
        for (Eigen::Index o = 0; o < outputs; ++o)
            m.W_out(o, i) = rng.normal() / std::sqrt(static_cast<double>(units));
    m.b = Eigen::VectorXd::Zero(units);
    m.b_z = Eigen::VectorXd::Zero(outputs);
    m.x0 = Eigen::MatrixXd::Zero(units, initialStates);
    for (Eigen::Index j = 0; j < initialStates; ++j)
        for (Eigen::Index i = 0; i < units; ++i)
            m.x0(i, j) = 0.1 * rng.normal();
    return m;
}

double spectralRadius(const Eigen::MatrixXd& W) {
    if (W.rows() == 0)
        return 0.0;
    return linalg::generalEigen(W, false).values.cwiseAbs().maxCoeff();
}

} // namespace opdims
