// Checkpoint files: the model layout of saveModel plus /training (attributes and Adam moments).
#include "core/train/checkpoint.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/files/atomic_file.h"
#include "core/files/h5.h"
#include "core/model/io.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace opdims {

namespace {

constexpr const char* kGroup = "/training";
constexpr long long kCheckpointVersion = 1;
// Counts (iterations, steps) are whole numbers below 2^50: beyond that a file is damaged.
constexpr long long kHuge = 1LL << 50;

std::string text(std::uint64_t v) {
    return std::to_string(v);
}

} // namespace

void saveCheckpoint(const TrainState& state, const std::string& path) {
    const TrainConfig& c = state.config;
    state.model.validate(path);
    writeAtomically(path, [&](const std::string& tmp) {
        h5::File f = h5::File::create(tmp);
        writeModelContents(f, state.model);
        f.createGroup(kGroup);
        const std::string g = kGroup;
        f.setAttribute(g, "checkpoint_version", kCheckpointVersion);
        f.setAttribute(g, "task", std::string(taskName(c.task)));
        if (c.task == TaskKind::Data)
            f.setAttribute(g, "trials", c.trialsPath);
        f.setAttribute(g, "seed", text(c.seed)); // as text: a double would round large seeds
        f.setAttribute(g, "iteration", state.iteration);
        f.setAttribute(g, "iterations", c.iterations);
        f.setAttribute(g, "batch_size", static_cast<long long>(c.batchSize));
        f.setAttribute(g, "learning_rate", c.learningRate);
        f.setAttribute(g, "final_learning_rate", c.finalLearningRate);
        f.setAttribute(g, "warmup_iterations", c.warmupIterations);
        f.setAttribute(g, "schedule_iterations", c.scheduleIterations);
        f.setAttribute(g, "beta1", c.adam.beta1);
        f.setAttribute(g, "beta2", c.adam.beta2);
        f.setAttribute(g, "epsilon", c.adam.epsilon);
        f.setAttribute(g, "clip_norm", c.adam.clipNorm);
        f.setAttribute(g, "frozen", frozenText(c.frozen));
        f.setAttribute(g, "noise", static_cast<long long>(c.noise ? 1 : 0));
        f.setAttribute(g, "parts", static_cast<long long>(c.parts));
        f.setAttribute(g, "checkpoint_every", c.checkpointEvery);
        f.setAttribute(g, "adam_steps", state.adam.steps);
        f.setAttribute(g, "seconds", state.seconds);
        for (Param p : kAllParams) {
            f.writeRowMajor(g + "/adam_m_" + paramName(p), state.adam.m[p]);
            f.writeRowMajor(g + "/adam_v_" + paramName(p), state.adam.v[p]);
        }
        if (H5Fflush(f.id(), H5F_SCOPE_GLOBAL) < 0)
            throw Error(path + ": cannot write the checkpoint");
    });
}

bool isCheckpoint(const std::string& path) {
    if (detectFormat(path) != FileFormat::Opdims)
        return false;
    return h5::File::openRead(path).isGroup(kGroup);
}

TrainState loadCheckpoint(const std::string& path) {
    TrainState s;
    s.model = loadOpdimsModel(path);
    const h5::File f = h5::File::openRead(path);
    if (!f.isGroup(kGroup))
        throw Error(path + ": not a training checkpoint (group /training is missing)");
    const std::string g = kGroup;
    const long long version = f.integerAttribute(g, "checkpoint_version", 0, 1000000);
    if (version != kCheckpointVersion)
        throw Error(path + ": checkpoint version " + std::to_string(version) +
                    " is not supported (this build reads version " +
                    std::to_string(kCheckpointVersion) + ")");
    auto whole = [&](const char* name, long long lo = 0, long long hi = kHuge) {
        return f.integerAttribute(g, name, lo, hi);
    };
    auto real = [&](const char* name) {
        const double v = f.doubleAttribute(g, name);
        if (!std::isfinite(v))
            throw Error(path + ": attribute " + std::string(name) + " of /training is " +
                        std::to_string(v) + ", expected a finite number");
        return v;
    };
    TrainConfig& c = s.config;
    // Errors about the file's contents name the file and the attribute.
    const auto withFile = [&](const char* attribute, const auto& parse) {
        try {
            return parse();
        } catch (const Error& e) {
            throw Error(path + ": attribute " + attribute + " of /training: " + e.what());
        }
    };
    c.task = withFile("task", [&] {
        const std::string task = f.stringAttribute(g, "task");
        return task == taskName(TaskKind::Data) ? TaskKind::Data : parseTask(task);
    });
    if (c.task == TaskKind::Data)
        c.trialsPath = f.stringAttribute(g, "trials"); // read when training resumes
    const std::string seed = f.stringAttribute(g, "seed");
    const auto res = std::from_chars(seed.data(), seed.data() + seed.size(), c.seed);
    if (seed.empty() || res.ec != std::errc() || res.ptr != seed.data() + seed.size())
        throw Error(path + ": attribute seed of /training is '" + seed +
                    "', expected a whole number");
    s.iteration = whole("iteration");
    c.iterations = whole("iterations");
    c.batchSize = static_cast<int>(whole("batch_size", 1, limits::kMaxBatchSize));
    c.learningRate = real("learning_rate");
    c.finalLearningRate = real("final_learning_rate");
    c.warmupIterations = whole("warmup_iterations");
    c.scheduleIterations = whole("schedule_iterations");
    c.adam.beta1 = real("beta1");
    c.adam.beta2 = real("beta2");
    c.adam.epsilon = real("epsilon");
    c.adam.clipNorm = real("clip_norm");
    c.frozen = withFile("frozen", [&] { return parseFrozen(f.stringAttribute(g, "frozen")); });
    c.noise = whole("noise", 0, 1) != 0;
    c.parts = static_cast<int>(whole("parts", 1, 1000000));
    c.checkpointEvery = whole("checkpoint_every");
    c.checkpointPath = path; // a resumed run keeps checkpointing where it left off
    s.adam.steps = whole("adam_steps");
    s.seconds = real("seconds");
    for (Param p : kAllParams) {
        const std::string m = g + "/adam_m_" + paramName(p), v = g + "/adam_v_" + paramName(p);
        const auto w = paramView(s.model, p);
        // Shapes first: nothing is read that does not match the network.
        for (const std::string& ds : {m, v}) {
            const h5::File::Shape sh = f.shape(ds);
            if (sh.rows != w.rows() || sh.cols != w.cols())
                throw Error(path + ": dataset " + ds + " is " + std::to_string(sh.rows) + "x" +
                            std::to_string(sh.cols) + ", expected " + std::to_string(w.rows()) +
                            "x" + std::to_string(w.cols()) + " (the shape of " + paramName(p) +
                            ")");
        }
        s.adam.m[p] = f.readRowMajor(m);
        s.adam.v[p] = f.readRowMajor(v);
        if (!s.adam.m[p].allFinite() || !s.adam.v[p].allFinite())
            throw Error(path + ": the optimiser state of " + paramName(p) +
                        " has a non-finite value");
        if ((s.adam.v[p].array() < 0).any())
            throw Error(path + ": dataset " + v +
                        " holds a negative value (Adam's second moments are squares)");
    }
    // The same checks a new run gets, named after the file, before any training starts.
    if (s.iteration > c.iterations)
        throw Error(path + ": /training is at iteration " + std::to_string(s.iteration) + " of " +
                    std::to_string(c.iterations) + ", which cannot be");
    try {
        startTraining(s.model, c);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
    return s;
}

} // namespace opdims
