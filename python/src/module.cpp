// opdims._opdims: the compute core for Python (pybind11). The public API, with its docstrings,
// is python/opdims/__init__.py; this file binds the network type and runs the commands'
// computations (app/cli/steps.h) with the CLI's own argument parsing, so that a call gives the
// CLI's result bit for bit. Long calls run on a worker thread while this thread, without the GIL,
// waits; it wakes every 20 ms to pass progress to Python and to check for Ctrl+C, which sets the
// core's cancel flag.
#include "app/cli/analysis_args.h"
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/analysis/angles.h"
#include "core/analysis/basis.h"
#include "core/analysis/pc_dims.h"
#include "core/base/error.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"
#include "core/tasks/conditions.h"
#include "core/tasks/task.h"

#include <pybind11/eigen.h>
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <map>
#include <numbers>
#include <thread>

namespace py = pybind11;
using namespace opdims;
using opdims::cli::Args;

namespace {

// Options as the CLI parses them: {"ks": "1-100", "type": "columns", "no-noise": ""}.
using Options = std::map<std::string, std::string>;

Args argsOf(const Options& options, const std::string& model = {}) {
    Args a;
    if (!model.empty())
        a.positionals_.push_back(model);
    a.values_ = options;
    return a;
}

// Runs work(progress) on a worker thread; this thread releases the GIL and wakes every 20 ms to
// report progress to `callback` (done, total) and to check for signals. A KeyboardInterrupt sets
// the cancel flag, waits for the core to stop and is raised here.
template <class F> auto interruptible(F&& work, const py::object& callback) {
    std::atomic<bool> cancel{false};
    std::atomic<double> done{0.0}, total{0.0};
    Progress progress;
    progress.cancel = &cancel;
    progress.onProgress = [&](double d, double t) {
        done.store(d, std::memory_order_relaxed);
        total.store(t, std::memory_order_relaxed);
    };
    using R = decltype(work(progress));
    std::packaged_task<R()> task([&] { return work(progress); });
    std::future<R> result = task.get_future();
    std::thread worker(std::move(task));
    double reported = -1.0;
    for (;;) {
        bool ready = false;
        {
            py::gil_scoped_release release;
            ready = result.wait_for(std::chrono::milliseconds(20)) == std::future_status::ready;
        }
        if (PyErr_CheckSignals() != 0) {
            cancel = true;
            {
                py::gil_scoped_release release;
                worker.join();
            }
            throw py::error_already_set();
        }
        const double d = done.load(), t = total.load();
        if (!callback.is_none() && t > 0 && d != reported) {
            reported = d;
            try {
                callback(d, t);
            } catch (...) {
                cancel = true;
                py::gil_scoped_release release;
                worker.join();
                throw;
            }
        }
        if (ready)
            break;
    }
    worker.join();
    if (!callback.is_none() && total.load() > 0 && done.load() != reported)
        callback(total.load(), total.load());
    return result.get();
}

py::array_t<double> vector(const Eigen::VectorXd& v) {
    py::array_t<double> a(v.size());
    std::copy(v.data(), v.data() + v.size(), a.mutable_data());
    return a;
}

// A (rows x cols) row-major NumPy array with the matrix's values.
py::array_t<double> matrix(const Eigen::MatrixXd& m) {
    return py::array_t<double>(
        py::array::ShapeContainer{m.rows(), m.cols()},
        py::array::StridesContainer{static_cast<py::ssize_t>(sizeof(double)),
                                    static_cast<py::ssize_t>(sizeof(double)) * m.rows()},
        m.data());
}

// std::vector<Eigen::MatrixXd> per step (each rows x trials) as one (trials, steps, rows) array.
py::array_t<double> perTrial(const std::vector<Eigen::MatrixXd>& steps) {
    const py::ssize_t T = static_cast<py::ssize_t>(steps.size());
    const py::ssize_t rows = T ? steps[0].rows() : 0, trials = T ? steps[0].cols() : 0;
    py::array_t<double> a({trials, T, rows});
    auto r = a.mutable_unchecked<3>();
    for (py::ssize_t t = 0; t < T; ++t)
        for (py::ssize_t j = 0; j < trials; ++j)
            for (py::ssize_t i = 0; i < rows; ++i)
                r(j, t, i) = steps[static_cast<std::size_t>(t)](i, j);
    return a;
}

py::dict evaluate(const Model& m, const Options& o) {
    const cli::EvaluateStep s = cli::runEvaluate(argsOf(o, m.name), m);
    py::dict d;
    d["cost"] = s.cost;
    d["task"] = taskName(s.task);
    d["batch"] = s.batch.kind;
    d["trials"] = s.batch.trialCount();
    d["steps"] = s.batch.steps;
    return d;
}

py::dict sweepResult(const SweepResult& r, const Basis& basis) {
    std::vector<double> k, cost, dist;
    for (const SweepPoint& p : r.points) {
        k.push_back(p.k);
        cost.push_back(p.cost);
        dist.push_back(p.stateDistance);
    }
    py::dict d;
    d["k"] = py::array_t<int>(static_cast<py::ssize_t>(k.size()),
                              std::vector<int>(k.begin(), k.end()).data());
    d["cost"] = py::array_t<double>(static_cast<py::ssize_t>(cost.size()), cost.data());
    d["state_distance"] = py::array_t<double>(static_cast<py::ssize_t>(dist.size()), dist.data());
    d["full_cost"] = r.fullCost;
    d["basis"] = basis.name;
    const int k2 = sufficientRank(r, 2.0);
    d["k_2x"] = k2 > 0 ? py::object(py::int_(k2)) : py::object(py::none());
    return d;
}

py::dict sweep(const Model& m, const Options& o, const std::optional<Eigen::MatrixXd>& Q,
               const std::string& side, const py::object& callback) {
    if (Q) {
        // A basis given as an array: the sweep of `opdims sweep --basis-file` on the same Q.
        Basis basis;
        basis.name = "user basis";
        basis.side = parseSide(side.empty() ? "columns" : side);
        basis.Q = *Q;
        if (basis.Q.rows() != m.units() || basis.Q.cols() == 0 || basis.Q.cols() > m.units())
            throw Error("the basis must have one row per unit (" + std::to_string(m.units()) +
                        ") and 1 to " + std::to_string(m.units()) + " columns, not " +
                        std::to_string(basis.Q.rows()) + " x " + std::to_string(basis.Q.cols()));
        const Eigen::MatrixXd gram = basis.Q.transpose() * basis.Q;
        if (!gram.isIdentity(1e-8))
            throw Error("the basis' columns are not orthonormal");
        basis.strength = Eigen::VectorXd::Ones(basis.Q.cols());
        const Args a = argsOf(o, m.name);
        const TaskKind task = cli::taskArg(a, m);
        const Batch batch = cli::batchArg(a, task, m);
        const std::vector<int> ks =
            a.has("ks") ? cli::parseIntList(a.value("ks"), "ks") : allRanks(basis);
        const SweepResult r = interruptible(
            [&](const Progress& p) { return rankSweep(m, batch, basis, ks, p); }, callback);
        return sweepResult(r, basis);
    }
    const cli::SweepStep s = interruptible(
        [&](const Progress& p) {
            return cli::runSweep(argsOf(o, m.name), m, p.phase(0.0, 0.5), p.phase(0.5, 0.5));
        },
        callback);
    py::dict d = sweepResult(s.sweep, s.basis);
    d["basis_Q"] = matrix(s.basis.Q);
    d["basis_strength"] = vector(s.basis.strength);
    return d;
}

py::dict localDims(const Model& m, const Options& o, const py::object& callback) {
    const cli::LocalStep s = interruptible(
        [&](const Progress& p) { return cli::runLocal(argsOf(o, m.name), m, p); }, callback);
    py::list locations;
    for (const LocalDimensions& l : s.local) {
        py::dict d;
        d["t"] = l.location.t;
        d["context"] = l.location.condition.context;
        d["freq_id"] = l.location.condition.freqId;
        d["sign_coh1"] = l.location.condition.signCoh1;
        d["sign_coh2"] = l.location.condition.signCoh2;
        d["x"] = vector(l.location.x);
        d["Q"] = matrix(l.Q);
        d["delta_f"] = vector(l.deltaF);
        locations.append(d);
    }
    py::dict d;
    d["task"] = taskName(s.task);
    d["type"] = sideName(s.side);
    d["locations"] = locations;
    return d;
}

py::dict globalDims(const Model& m, const Options& o, const py::object& callback) {
    const cli::GlobalStep s = interruptible(
        [&](const Progress& p) { return cli::runGlobal(argsOf(o, m.name), m, p); }, callback);
    py::dict d;
    d["Q"] = matrix(s.global.basis.Q);
    d["singular_values"] = vector(s.global.basis.strength);
    d["variance_explained"] = vector(s.global.varianceExplained);
    d["locations"] = s.global.locations;
    d["local_dimensions"] = s.global.localDimensions;
    d["type"] = sideName(s.side);
    return d;
}

py::dict fixedPoints(const Model& m, const Options& o, const py::object& callback) {
    const cli::FixedPointsStep s = interruptible(
        [&](const Progress& p) {
            return cli::runFixedPointsStep(argsOf(o, m.name), m, p.phase(0.0, 0.3),
                                           p.phase(0.3, 0.7));
        },
        callback);
    const auto P = static_cast<Eigen::Index>(s.result.points.size());
    const Eigen::Index n = m.units();
    Eigen::MatrixXd x(P, n), slow(P, n);
    Eigen::MatrixXcd eig(P, n);
    Eigen::VectorXd q(P), speed(P);
    std::vector<std::string> kind, stability;
    std::vector<int> unstable, starts, iterations;
    py::list vectors;
    for (Eigen::Index i = 0; i < P; ++i) {
        const FixedPoint& p = s.result.points[static_cast<std::size_t>(i)];
        x.row(i) = p.x.transpose();
        eig.row(i) = p.linear.eigenvalues.transpose();
        if (p.linear.slowDirection.size() == n)
            slow.row(i) = p.linear.slowDirection.transpose();
        else
            slow.row(i).setConstant(NAN);
        q(i) = p.q;
        speed(i) = p.speed;
        kind.push_back(pointKindName(p.kind));
        stability.push_back(stabilityName(p.linear.stability));
        unstable.push_back(p.linear.unstableModes);
        starts.push_back(p.starts);
        iterations.push_back(p.iterations);
        vectors.append(py::cast(p.linear.eigenvectors));
    }
    py::dict d;
    d["x"] = matrix(x);
    d["q"] = vector(q);
    d["speed"] = vector(speed);
    d["kind"] = kind;
    d["stability"] = stability;
    d["unstable_modes"] = py::array_t<int>(static_cast<py::ssize_t>(P), unstable.data());
    d["starts"] = py::array_t<int>(static_cast<py::ssize_t>(P), starts.data());
    d["iterations"] = py::array_t<int>(static_cast<py::ssize_t>(P), iterations.data());
    Eigen::Matrix<std::complex<double>, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> e = eig;
    d["eigenvalues"] = py::array_t<std::complex<double>>({P, n}, e.data());
    d["eigenvectors"] = vectors;
    d["slow_direction"] = matrix(slow);
    d["input"] = vector(s.problem.input);
    d["problem"] = s.problem.description;
    d["weights"] = s.weights;
    d["fixed_runs"] = s.result.fixedRuns;
    d["slow_runs"] = s.result.slowRuns;
    d["discarded_runs"] = s.result.discardedRuns;
    return d;
}

py::tuple trainNetwork(const Options& o, const std::optional<Model>& from,
                       const py::object& callback) {
    // `from`: a network object to start from, as `opdims train --from FILE` would load it.
    Options opts = o;
    std::filesystem::path tmp;
    if (from) {
        tmp = std::filesystem::temp_directory_path() /
              ("opdims-python-start-" + std::to_string(::getpid()) + ".h5");
        saveModel(*from, tmp.string());
        opts["from"] = tmp.string();
    }
    struct Outcome {
        TrainState state;
        std::vector<double> iteration, loss, gradNorm, rate;
    };
    Outcome out;
    try {
        out = interruptible(
            [&](const Progress& p) {
                Outcome r;
                const Args a = argsOf(opts);
                r.state = cli::prepareTraining(a);
                const long long total = r.state.config.iterations;
                train(r.state, [&](const IterationReport& rep, const Model&) {
                    r.iteration.push_back(static_cast<double>(rep.iteration));
                    r.loss.push_back(rep.loss);
                    r.gradNorm.push_back(rep.gradNorm);
                    r.rate.push_back(rep.learningRate);
                    p.report(static_cast<double>(rep.iteration), static_cast<double>(total));
                    return !p.cancelled();
                });
                p.check();
                cli::nameTrainedModel(r.state);
                return r;
            },
            callback);
    } catch (...) {
        if (!tmp.empty())
            std::filesystem::remove(tmp);
        throw;
    }
    if (!tmp.empty())
        std::filesystem::remove(tmp);
    Model m = std::move(out.state.model);
    m.provenance = "opdims python: " + cli::commandLine("train", argsOf(o)) +
                   (m.provenance.empty() ? "" : "; before that: " + m.provenance);
    py::dict log;
    log["iteration"] =
        py::array_t<double>(static_cast<py::ssize_t>(out.iteration.size()), out.iteration.data());
    log["loss"] = py::array_t<double>(static_cast<py::ssize_t>(out.loss.size()), out.loss.data());
    log["grad_norm"] =
        py::array_t<double>(static_cast<py::ssize_t>(out.gradNorm.size()), out.gradNorm.data());
    log["learning_rate"] =
        py::array_t<double>(static_cast<py::ssize_t>(out.rate.size()), out.rate.data());
    return py::make_tuple(std::move(m), log);
}

py::dict batchOf(const std::string& task, const Options& o, double dt) {
    Model probe; // batchArg reads only the time step of the network
    probe.dt = dt;
    const TaskKind kind = parseTask(task);
    const Batch b = cli::batchArg(argsOf(o, "batch"), kind, probe);
    py::dict d;
    d["task"] = taskName(kind);
    d["kind"] = b.kind;
    d["inputs"] = perTrial(b.u);
    d["targets"] = perTrial(b.y);
    std::vector<int> context, freq, x0;
    std::vector<double> coh1, coh2;
    for (const TrialInfo& t : b.trials) {
        context.push_back(t.context);
        freq.push_back(t.freqId);
        x0.push_back(t.x0Column);
        coh1.push_back(t.coh1);
        coh2.push_back(t.coh2);
    }
    const auto n = static_cast<py::ssize_t>(b.trials.size());
    d["context"] = py::array_t<int>(n, context.data());
    d["coh1"] = py::array_t<double>(n, coh1.data());
    d["coh2"] = py::array_t<double>(n, coh2.data());
    d["freq_id"] = py::array_t<int>(n, freq.data());
    d["x0_column"] = py::array_t<int>(n, x0.data());
    py::list labels;
    for (const TrialInfo& t : b.trials)
        labels.append(t.label.empty() ? conditionLabel(kind, conditionOf(kind, t)) : t.label);
    d["condition"] = labels;
    if (!b.mask.empty())
        d["mask"] = perTrial(b.mask);
    d["network_noise"] = b.networkNoise;
    d["noise_seed"] = b.noiseSeed;
    return d;
}

py::dict simulateNetwork(const Model& m, const Options& o, const std::optional<Eigen::MatrixXd>& W,
                         bool states, const py::object& callback) {
    const Args a = argsOf(o, m.name);
    const TaskKind task = cli::taskArg(a, m);
    const Batch batch = cli::batchArg(a, task, m);
    if (W && (W->rows() != m.units() || W->cols() != m.units()))
        throw Error("W must be " + std::to_string(m.units()) + " x " + std::to_string(m.units()) +
                    ", not " + std::to_string(W->rows()) + " x " + std::to_string(W->cols()));
    struct Runs {
        Trajectories run;
        double distance = NAN;
    };
    const Runs r = interruptible(
        [&](const Progress& p) {
            Runs out;
            out.run = simulate(m, W ? *W : m.W, batch, {}, p);
            if (W)
                out.distance = stateDistance(m, m.W, *W, batch);
            return out;
        },
        callback);
    py::dict d;
    d["cost"] = r.run.cost;
    d["outputs"] = perTrial(r.run.z);
    if (states)
        d["states"] = perTrial(r.run.x);
    if (W)
        d["state_distance"] = r.distance;
    d["trials"] = batch.trialCount();
    d["steps"] = batch.steps;
    return d;
}

// Errors of the core are ValueError; a file that cannot be opened, read or written is OSError.
[[noreturn]] void raiseFileError(const Error& e, const std::string& path, bool writing) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    const std::string what = e.what();
    const bool io = writing ? (what.find("cannot") != std::string::npos &&
                               what.find("write") != std::string::npos) ||
                                  what.find("folder") != std::string::npos
                            : !exists || what.find("not readable") != std::string::npos;
    if (io)
        throw py::error_already_set([&] {
            PyErr_SetString(PyExc_OSError, what.c_str());
            return py::error_already_set();
        }());
    throw py::value_error(what);
}

} // namespace

PYBIND11_MODULE(_opdims, mod) {
    mod.doc() = "opdims' compute core (see the opdims package for the documented API)";
    mod.attr("__version__") = OPDIMS_VERSION;
    h5::quietErrors();

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p)
                std::rethrow_exception(p);
        } catch (const Cancelled&) {
            PyErr_SetString(PyExc_KeyboardInterrupt, "cancelled");
        } catch (const Error& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        }
    });

    py::class_<Model>(mod, "Network")
        .def(py::init([](const Eigen::MatrixXd& W, const Eigen::MatrixXd& W_in,
                         const Eigen::MatrixXd& W_out, const Eigen::VectorXd& b,
                         const Eigen::VectorXd& b_z, const Eigen::MatrixXd& x0, double dt,
                         double tau, double noise_sigma, const std::string& name,
                         const std::string& task) {
                 Model m;
                 m.W = W;
                 m.W_in = W_in;
                 m.W_out = W_out;
                 m.b = b;
                 m.b_z = b_z;
                 m.x0 = x0;
                 m.dt = dt;
                 m.tau = tau;
                 m.noiseSigma = noise_sigma;
                 m.name = name;
                 m.task = task.empty() ? guessTask(m) : parseTask(task);
                 m.provenance = "built in Python";
                 m.validate("Network");
                 return m;
             }),
             py::arg("W"), py::arg("W_in"), py::arg("W_out"), py::arg("b"), py::arg("b_z"),
             py::arg("x0"), py::arg("dt") = 0.001, py::arg("tau") = 0.01,
             py::arg("noise_sigma") = 0.1, py::arg("name") = "", py::arg("task") = "")
        .def_property(
            "W", [](Model& m) -> Eigen::MatrixXd& { return m.W; },
            [](Model& m, const Eigen::MatrixXd& v) { m.W = v; },
            py::return_value_policy::reference_internal)
        .def_property(
            "W_in", [](Model& m) -> Eigen::MatrixXd& { return m.W_in; },
            [](Model& m, const Eigen::MatrixXd& v) { m.W_in = v; },
            py::return_value_policy::reference_internal)
        .def_property(
            "W_out", [](Model& m) -> Eigen::MatrixXd& { return m.W_out; },
            [](Model& m, const Eigen::MatrixXd& v) { m.W_out = v; },
            py::return_value_policy::reference_internal)
        .def_property(
            "b", [](Model& m) -> Eigen::VectorXd& { return m.b; },
            [](Model& m, const Eigen::VectorXd& v) { m.b = v; },
            py::return_value_policy::reference_internal)
        .def_property(
            "b_z", [](Model& m) -> Eigen::VectorXd& { return m.b_z; },
            [](Model& m, const Eigen::VectorXd& v) { m.b_z = v; },
            py::return_value_policy::reference_internal)
        .def_property(
            "x0", [](Model& m) -> Eigen::MatrixXd& { return m.x0; },
            [](Model& m, const Eigen::MatrixXd& v) { m.x0 = v; },
            py::return_value_policy::reference_internal)
        .def_readwrite("dt", &Model::dt)
        .def_readwrite("tau", &Model::tau)
        .def_readwrite("noise_sigma", &Model::noiseSigma)
        .def_readwrite("name", &Model::name)
        .def_readwrite("provenance", &Model::provenance)
        .def_property(
            "task", [](const Model& m) { return std::string(taskName(m.task)); },
            [](Model& m, const std::string& t) { m.task = parseTask(t); })
        .def_property_readonly("units", &Model::units)
        .def_property_readonly("inputs", &Model::inputs)
        .def_property_readonly("outputs", &Model::outputs)
        .def("validate", [](const Model& m) { m.validate("Network"); })
        .def("copy", [](const Model& m) { return Model(m); })
        .def("__repr__", [](const Model& m) {
            return "<opdims.Network '" + m.name + "': " + std::to_string(m.units()) + " units, " +
                   std::to_string(m.inputs()) + " inputs, " + std::to_string(m.outputs()) +
                   " outputs, task " + taskName(m.task) + ">";
        });

    mod.def(
        "load",
        [](const std::string& path, const Options& o) {
            try {
                return cli::loadModelArg(argsOf(o, path));
            } catch (const Error& e) {
                raiseFileError(e, path, false);
            }
        },
        py::arg("path"), py::arg("options"));
    mod.def(
        "save",
        [](const Model& m, const std::string& path) {
            try {
                m.validate("Network");
                py::gil_scoped_release release;
                saveModel(m, path);
            } catch (const Error& e) {
                raiseFileError(e, path, true);
            }
        },
        py::arg("net"), py::arg("path"));
    mod.def("networks_in", &authorsNetworks, py::arg("path"));
    mod.def("evaluate", &evaluate, py::arg("net"), py::arg("options"));
    mod.def("sweep", &sweep, py::arg("net"), py::arg("options"), py::arg("Q"), py::arg("side"),
            py::arg("progress"));
    mod.def("local_dims", &localDims, py::arg("net"), py::arg("options"), py::arg("progress"));
    mod.def("global_dims", &globalDims, py::arg("net"), py::arg("options"), py::arg("progress"));
    mod.def("fixed_points", &fixedPoints, py::arg("net"), py::arg("options"), py::arg("progress"));
    mod.def("train", &trainNetwork, py::arg("options"), py::arg("start"), py::arg("progress"));
    mod.def("batch", &batchOf, py::arg("task"), py::arg("options"), py::arg("dt"));
    mod.def("simulate", &simulateNetwork, py::arg("net"), py::arg("options"), py::arg("W"),
            py::arg("states"), py::arg("progress"));
    mod.def(
        "pc_dims",
        [](const Eigen::MatrixXd& W) {
            const PcDimensions p = pcDimensions(W);
            py::dict d;
            d["Q"] = matrix(p.U);
            d["singular_values"] = vector(p.singularValues);
            d["variance_explained"] = vector(p.varianceExplained);
            return d;
        },
        py::arg("W"));
    mod.def(
        "reduced_weights",
        [](const Eigen::MatrixXd& W, const Eigen::MatrixXd& Q, int k, const std::string& side) {
            Basis basis;
            basis.Q = Q;
            basis.side = parseSide(side);
            if (W.rows() != W.cols() || Q.rows() != W.rows())
                throw Error("W must be square and Q must have one row per unit (W is " +
                            std::to_string(W.rows()) + " x " + std::to_string(W.cols()) + ", Q " +
                            std::to_string(Q.rows()) + " x " + std::to_string(Q.cols()) + ")");
            if (k < 0 || k > Q.cols())
                throw Error("k is " + std::to_string(k) + ", expected 0 to " +
                            std::to_string(Q.cols()));
            return matrix(reducedRankWeights(W, basis, k));
        },
        py::arg("W"), py::arg("Q"), py::arg("k"), py::arg("side"));
    mod.def(
        "angles",
        [](const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
            return vector(principalAngles(A, B) * (180.0 / std::numbers::pi));
        },
        py::arg("A"), py::arg("B"));
}
