// `opdims train`: train a network on ctxt or swg from a seeded random start, a network file or a
// checkpoint, with a loss log, periodic checkpoints and progress lines on stderr.
#include "app/cli/common.h"
#include "app/cli/steps.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/model/io.h"
#include "core/simulation/simulate.h"
#include "core/tasks/generated.h"
#include "core/train/checkpoint.h"
#include "core/train/train.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace opdims::cli {
namespace {

int run(const Args& args) {
    if (!args.has("out"))
        throw Error("--out FILE.h5 is required");
    const std::string out = args.value("out");
    // A resumed run may keep writing the checkpoint it started from.
    checkOutputs(args, {"out", "log", "checkpoint"}, {"checkpoint"});
    TrainState state = prepareTraining(args);
    const TrainConfig& c = state.config;
    const long long printEvery = std::max(1LL, args.integer("print-every", 10));
    const long long evalEvery = args.integer("eval-every", 0);
    const double stopAt = args.number("stop-at-cost", 0.0);
    if (stopAt > 0 && evalEvery <= 0)
        throw Error("--stop-at-cost needs --eval-every N (the grid cost is measured then)");
    // The noise-free evaluation batch: the task's grid, or the trial set itself.
    const Batch grid = c.task == TaskKind::Data  ? *c.trials
                       : isGeneratedTask(c.task) ? generatedGridBatch(c.task)
                                                 : makeGridBatch(c.task, state.model.dt);
    // Set before training so that checkpoints carry it too; a resumed run prepends its command.
    const std::string before = state.model.provenance;
    state.model.provenance = "opdims " OPDIMS_VERSION ": " + commandLine("train", args) +
                             (before.empty() ? "" : "; before that: " + before);

    std::ofstream log;
    if (args.has("log")) {
        const std::string path = args.value("log");
        const bool append = state.iteration > 0 && std::ifstream(path).good();
        log.open(path, append ? std::ios::app : std::ios::trunc);
        if (!log)
            throw Error(path + ": cannot write the loss log");
        if (!append)
            log << "iteration,loss,grad_norm,learning_rate,seconds,grid_cost\n";
    }

    std::fprintf(stderr, "training a %d-unit %s network: iterations %lld..%lld, batch %d, lr %g\n",
                 state.model.units(), taskName(c.task), state.iteration + 1, c.iterations,
                 c.batchSize, c.learningRate);
    const auto start = std::chrono::steady_clock::now();
    train(state, [&](const IterationReport& r, const Model& m) {
        double gridCost = NAN;
        if (evalEvery > 0 && (r.iteration % evalEvery == 0 || r.iteration == r.iterations))
            gridCost = evaluateCost(m, m.W, grid);
        if (log) {
            log << r.iteration << "," << num(r.loss) << "," << num(r.gradNorm) << ","
                << num(r.learningRate) << "," << num(r.seconds) << ","
                << (std::isnan(gridCost) ? std::string() : num(gridCost)) << "\n";
            log.flush();
        }
        if (r.iteration % printEvery == 0 || r.iteration == r.iterations || !std::isnan(gridCost))
            std::fprintf(
                stderr, "iteration %lld/%lld  loss %.4g  |grad| %.3g  lr %.3g  %.1f s%s\n",
                r.iteration, r.iterations, r.loss, r.gradNorm, r.learningRate, r.seconds,
                std::isnan(gridCost) ? "" : ("  grid cost " + std::to_string(gridCost)).c_str());
        return !(stopAt > 0 && gridCost <= stopAt);
    });
    const double seconds = secondsSince(start);

    nameTrainedModel(state);
    Model& m = state.model;
    saveModel(m, out);
    const double cost = evaluateCost(m, m.W, grid);
    std::cout << "saved " << out << ": " << state.iteration << " iterations, grid cost "
              << num(cost) << ", " << num(std::round(seconds * 10) / 10)
              << " s wall time in this session\n";
    return 0;
}

std::vector<OptionSpec> options() {
    return {
        {"task", "ctxt|swg|flipflop|decision",
         "task to train (required unless --from names a checkpoint or --trials a trial set)"},
        {"trials", "FILE",
         "train on a trial set instead of a task (docs/file-format.md): batches of its trials "
         "with its input and network noise; the grid cost is the cost on the whole set"},
        {"units", "N", "units of a new network (default 100)"},
        {"seed", "S", "seed of the initial network and of every training batch (default 1)"},
        {"iterations", "K", "train until iteration K (required for a new run)"},
        {"out", "FILE.h5", "where the trained network is saved (opdims format)"},
        {"from", "FILE",
         "a checkpoint to resume bit for bit, or a network file to start from (with --net)"},
        {"net", "N", "network number when --from is an authors' file (default 1)"},
        {"weights", "final|init",
         "with --net: start from the trained (final, default) or the initial weights"},
        {"log", "FILE.csv", "per-iteration loss log (appended to when resuming)"},
        {"batch-size", "B", "trials per iteration (default 64)"},
        {"lr", "RATE", "initial Adam learning rate (default 0.002)"},
        {"lr-final", "RATE", "learning rate at the end of the cosine schedule (default 1e-4)"},
        {"warmup", "K", "iterations of linear learning-rate warm-up (default 0)"},
        {"schedule", "K", "length of the cosine schedule (default: --iterations)"},
        {"clip", "NORM", "gradient-norm clipping (default 1, 0: off)"},
        {"g", "GAIN", "initial W ~ N(0, g^2/N) (default 1.5)"},
        {"freeze", "LIST", "parameters kept fixed, e.g. W_in,x0 (of W, W_in, W_out, b, b_z, x0)"},
        {"no-noise", "", "train without the paper's input and network noise"},
        {"checkpoint-every", "K", "write a checkpoint every K iterations (default 0: never)"},
        {"checkpoint", "FILE", "checkpoint file (default OUT.checkpoint.h5)"},
        {"eval-every", "K", "measure the noise-free grid cost every K iterations (default 0)"},
        {"stop-at-cost", "C", "stop once a measured grid cost is at most C"},
        {"print-every", "K", "a progress line on stderr every K iterations (default 10)"},
        {"threads", "T", "threads (default: all cores; results do not depend on it)"},
    };
}

const Registration reg({"train",
                        "--task TASK|--trials FILE --iterations K --out FILE.h5 [options]",
                        "Train a network on a task or a trial set (BPTT, Adam, noise).",
                        "The cost minimised is that of docs/method.md section 1 (MSE over all "
                        "steps, or over a trial set's mask) on seeded noisy mini-batches; the same "
                        "seed gives the same network bit for bit, and a run resumed from a "
                        "checkpoint ends where an uninterrupted run would.",
                        {},
                        options()},
                       run);

} // namespace
} // namespace opdims::cli
