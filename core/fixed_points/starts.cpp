// Sampling starting states on trajectories: pick (trial, step) pairs first, then record only
// those states while the batch runs, so no full set of trajectories is kept in memory.
#include "core/fixed_points/starts.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/parallel.h"
#include "core/base/rng.h"
#include "core/simulation/simulate.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace opdims {

namespace {
constexpr long long kTrialsPerChunk = 8;
} // namespace

Eigen::MatrixXd startsFromBatch(const Model& model, const Eigen::MatrixXd& W, const Batch& batch,
                                const StartOptions& options, const Progress& progress) {
    if (options.count < 1)
        throw Error("the fixed-point finder needs at least one start (got " +
                    std::to_string(options.count) + ")");
    limits::checkCount("", "the number of fixed-point starts", options.count, limits::kMaxStarts);
    // The starts, and for each run its end point, iterations and linearisation inputs.
    limits::checkMemory(std::to_string(options.count) + " fixed-point starts",
                        static_cast<double>(options.count) * model.units() * 8.0 * 4.0);
    if (!(options.jitter >= 0.0))
        throw Error("the jitter of the starting states must be zero or positive");
    const long long trials = batch.trialCount();
    const long long total = trials * batch.steps;
    if (total < 1)
        throw Error("the batch for the starting states has no steps");

    // Distinct (trial, step) pairs while there are enough: mark drawn pairs and redraw.
    Rng rng(options.seed);
    std::vector<long long> picks;
    picks.reserve(static_cast<std::size_t>(options.count));
    std::vector<char> taken(options.count <= total ? static_cast<std::size_t>(total) : 0, 0);
    for (int k = 0; k < options.count; ++k) {
        long long s = static_cast<long long>(rng.below(static_cast<std::uint64_t>(total)));
        if (!taken.empty()) {
            while (taken[static_cast<std::size_t>(s)])
                s = static_cast<long long>(rng.below(static_cast<std::uint64_t>(total)));
            taken[static_cast<std::size_t>(s)] = 1;
        }
        picks.push_back(s);
    }
    // byStep[t] lists (trial, column) of the states wanted after update t.
    std::vector<std::vector<std::pair<long long, Eigen::Index>>> byStep(
        static_cast<std::size_t>(batch.steps));
    for (int k = 0; k < options.count; ++k) {
        const long long s = picks[static_cast<std::size_t>(k)];
        byStep[static_cast<std::size_t>(s / trials)].push_back({s % trials, k});
    }

    Eigen::MatrixXd starts(model.units(), options.count);
    // Fixed chunks, not one per thread: matrix products of other widths round differently, and
    // the starts must be the same bits on any number of threads.
    const int chunks = static_cast<int>((trials + kTrialsPerChunk - 1) / kTrialsPerChunk);
    parallelFor(
        chunks, options.threads,
        [&](int c) {
            const long long first = kTrialsPerChunk * c;
            const long long last = std::min(trials, first + kTrialsPerChunk);
            if (last <= first)
                return;
            runTrials(model, W, batch, first, last - first,
                      [&](int t, Eigen::Index firstTrial, const Eigen::MatrixXd& x,
                          const Eigen::MatrixXd&) {
                          if (t % 64 == 0)
                              progress.check();
                          for (const auto& [trial, column] : byStep[static_cast<std::size_t>(t)])
                              if (trial >= firstTrial && trial < firstTrial + x.cols())
                                  starts.col(column) = x.col(trial - firstTrial);
                      });
        },
        progress);

    if (options.jitter > 0.0) {
        Rng noise(options.seed, 1);
        for (Eigen::Index k = 0; k < starts.cols(); ++k)
            for (Eigen::Index i = 0; i < starts.rows(); ++i)
                starts(i, k) += options.jitter * noise.normal();
    }
    return starts;
}

Eigen::VectorXd contextInput(const Model& model, int context) {
    if (model.inputs() != ctxt::kInputs)
        throw Error("a context input needs a ctxt network with 5 inputs, this one has " +
                    std::to_string(model.inputs()));
    if (context != 1 && context != 2)
        throw Error("the ctxt task has contexts 1 and 2, not " + std::to_string(context));
    Eigen::VectorXd u = Eigen::VectorXd::Zero(ctxt::kInputs);
    u(1 + context) = 1.0;
    return u;
}

Batch contextGridBatch(int context, double dt) {
    if (context != 1 && context != 2)
        throw Error("the ctxt task has contexts 1 and 2, not " + std::to_string(context));
    const Batch grid = makeGridBatch(TaskKind::Ctxt, dt);
    std::vector<TrialInfo> trials;
    for (const TrialInfo& t : grid.trials)
        if (t.context == context)
            trials.push_back(t);
    TaskOptions options;
    options.dt = dt;
    Batch b = batchFromTrials(TaskKind::Ctxt, std::move(trials), options);
    b.kind = "grid, context " + std::to_string(context);
    return b;
}

FixedPointProblem contextProblem(const Model& model, int context) {
    FixedPointProblem p;
    p.input = contextInput(model, context);
    p.batch = contextGridBatch(context, model.dt);
    p.description = "context " + std::to_string(context);
    p.condition.context = context;
    return p;
}

FixedPointProblem frequencyProblem(const Model& model, int freqId) {
    if (model.inputs() != 1)
        throw Error("a frequency input needs a swg network with 1 input, this one has " +
                    std::to_string(model.inputs()));
    if (freqId < 1 || freqId > swg::kFrequencies)
        throw Error("the swg task has frequency ids 1 to " + std::to_string(swg::kFrequencies) +
                    ", not " + std::to_string(freqId));
    FixedPointProblem p;
    p.input = Eigen::VectorXd::Constant(1, swg::input(freqId));
    p.batch = makeGridBatch(TaskKind::Swg, model.dt);
    p.description = "frequency id " + std::to_string(freqId);
    p.condition.freqId = freqId;
    return p;
}

std::vector<FixedPointProblem> fixedPointProblems(const Model& model, TaskKind task) {
    std::vector<FixedPointProblem> out;
    if (task != TaskKind::Ctxt && task != TaskKind::Swg)
        throw Error("fixed-point inputs are defined for the ctxt and swg tasks");
    for (const Condition& c : defaultConditions(task)) {
        if (task == TaskKind::Swg)
            out.push_back(frequencyProblem(model, c.freqId));
        else if (out.empty() || out.back().condition.context != c.context)
            out.push_back(contextProblem(model, c.context));
    }
    return out;
}

int defaultFixedPointProblem(TaskKind task) {
    // swg ids 1, 6, ..., 51: index 5 is id 26, the middle frequency.
    return task == TaskKind::Swg ? 5 : 0;
}

FixedPointProblem inputProblem(const Model& model, TaskKind task, const Eigen::VectorXd& input) {
    return inputProblem(model, makeGridBatch(task, model.dt), input);
}

Eigen::VectorXd conditionInput(const Batch& batch, const std::string& label, int t) {
    if (t < 1 || t > batch.steps)
        throw Error("time " + std::to_string(t) + " is outside the trials' 1.." +
                    std::to_string(batch.steps));
    Eigen::VectorXd u = Eigen::VectorXd::Zero(batch.inputs);
    int count = 0;
    for (int j = 0; j < batch.trialCount(); ++j)
        if (conditionLabel(batch.task,
                           conditionOf(batch.task, batch.trials[static_cast<std::size_t>(j)])) ==
            label) {
            u += batch.u[static_cast<std::size_t>(t - 1)].col(j);
            ++count;
        }
    if (count == 0)
        throw Error("no trial has the condition '" + label + "'");
    return u / count;
}

FixedPointProblem inputProblem(const Model& model, Batch starts, const Eigen::VectorXd& input) {
    if (input.size() != model.inputs())
        throw Error("the input has " + std::to_string(input.size()) + " entries, the network has " +
                    std::to_string(model.inputs()) + " inputs");
    FixedPointProblem p;
    p.input = input;
    p.batch = std::move(starts);
    std::ostringstream d;
    d << "input ";
    for (Eigen::Index i = 0; i < input.size(); ++i)
        d << (i ? "," : "") << input(i);
    p.description = d.str();
    return p;
}

Eigen::VectorXd parseVector(const std::string& text, const std::string& what) {
    std::vector<double> values;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        char* end = nullptr;
        errno = 0;
        const double v = std::strtod(part.c_str(), &end);
        if (part.empty() || *end != '\0' || errno != 0 || !std::isfinite(v))
            throw Error(what + ": '" + part + "' is not a finite number");
        values.push_back(v);
    }
    if (values.empty())
        throw Error(what + " is empty");
    return Eigen::Map<const Eigen::VectorXd>(values.data(),
                                             static_cast<Eigen::Index>(values.size()));
}

} // namespace opdims
