// `opdims bench train`: time per training iteration (batch, forward and backward, Adam) per task.
#include "app/cli/common.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/parallel.h"
#include "core/train/batch.h"
#include "core/train/train.h"

#include <algorithm>
#include <ctime>
#include <iostream>

namespace opdims::cli {
namespace {

struct Timing {
    double wall = 0.0; // median seconds
    double cpu = 0.0;  // median process CPU seconds (all threads): robust to a busy machine
};

template <typename F> Timing measure(int repeats, F f) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        f(i);
        cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        wall.push_back(secondsSince(start));
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

int run(const Args& args) {
    const int units = static_cast<int>(args.integer("units", 100, 1, limits::kMaxUnits));
    const int batchSize =
        static_cast<int>(args.integer("batch-size", 64, 1, limits::kMaxBatchSize));
    const int threads = static_cast<int>(args.integer("threads", defaultThreadCount(), 1, 1024));
    const int repeats = static_cast<int>(args.integer("repeats", 10, 1, 100000));
    if (units < 1 || batchSize < 1 || threads < 1 || repeats < 1)
        throw Error("--units, --batch-size, --threads and --repeats must be at least 1");
    std::vector<TaskKind> tasks = {TaskKind::Ctxt, TaskKind::Swg};
    if (args.has("task"))
        tasks = {parseTask(args.value("task"))};
    Json json;
    json.beginObject()
        .field("units", units)
        .field("batch_size", batchSize)
        .field("threads", threads);
    json.beginArray("tasks");
    for (TaskKind task : tasks) {
        TrainConfig c;
        c.task = task;
        c.batchSize = batchSize;
        c.threads = threads;
        TrainState state = startTraining(randomModel(task, units, 1), c);
        Bptt bptt;
        Gradients grad;
        BpttOptions options;
        options.parts = c.parts;
        options.threads = threads;
        const Batch warm = trainingBatch(task, batchSize, 1, 0);
        bptt.lossAndGradient(state.model, warm, grad, options); // allocates the buffers
        const Timing batchTime =
            measure(repeats, [&](int i) { trainingBatch(task, batchSize, 1, i); });
        const Timing gradTime = measure(repeats, [&](int i) {
            const Batch b = trainingBatch(task, batchSize, 1, i);
            bptt.lossAndGradient(state.model, b, grad, options);
        });
        state.config.iterations = repeats;
        const Timing iterTime = measure(1, [&](int) { train(state); });
        const int steps = warm.steps;
        const double flops = 6.0 * units * units * static_cast<double>(batchSize) * steps;
        const double perIteration = iterTime.wall / repeats;
        std::cout << taskName(task) << ": " << num(std::round(perIteration * 1000) / 1000)
                  << " s per iteration (" << num(std::round(iterTime.cpu / repeats * 1000) / 1000)
                  << " CPU s), of which batch generation "
                  << num(std::round(batchTime.wall * 1000) / 1000) << " s; forward + backward "
                  << num(std::round(gradTime.wall * 1000) / 1000) << " s including the batch ("
                  << steps << " steps, batch " << batchSize << ", " << units << " units, "
                  << threads << " threads, " << num(std::round(flops / perIteration / 1e7) / 100)
                  << " GFLOP/s in the recurrent products)\n";
        json.beginObject()
            .field("task", taskName(task))
            .field("steps", steps)
            .field("seconds_per_iteration", perIteration)
            .field("cpu_seconds_per_iteration", iterTime.cpu / repeats)
            .field("batch_seconds", batchTime.wall)
            .field("gradient_seconds", gradTime.wall)
            .field("recurrent_gflop_per_iteration", flops / 1e9)
            .endObject();
    }
    json.endArray().endObject();
    if (args.has("json"))
        std::cout << json.str();
    return 0;
}

const Registration reg({"bench train",
                        "[--task ctxt|swg] [options]",
                        "Time per training iteration (forward, backward, Adam) for each task.",
                        "Runs iterations of `opdims train` on a seeded random network and prints "
                        "the wall time per iteration and the process CPU time (the machine may be "
                        "shared; CPU time is the steadier figure).",
                        {},
                        {{"task", "ctxt|swg", "only this task (default both)"},
                         {"units", "N", "units (default 100)"},
                         {"batch-size", "B", "trials per iteration (default 64)"},
                         {"threads", "T", "threads (default: all cores)"},
                         {"repeats", "K", "iterations measured (default 10)"},
                         {"json", "", "also print one JSON object"}}},
                       run);

} // namespace
} // namespace opdims::cli
