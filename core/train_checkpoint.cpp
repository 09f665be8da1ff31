// Checkpoint files: the model layout of saveModel plus /training (attributes and Adam moments).
#include "core/train_checkpoint.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/h5.h"
#include "core/model_io.h"

#include <algorithm>

namespace opdims {

namespace {

constexpr const char* kGroup = "/training";
constexpr long long kCheckpointVersion = 1;

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
    if (f.doubleAttribute(g, "checkpoint_version") != static_cast<double>(kCheckpointVersion))
        throw Error(path + ": checkpoint version " +
                    std::to_string(f.doubleAttribute(g, "checkpoint_version")) +
                    " is not supported");
    auto whole = [&](const char* name) {
        return static_cast<long long>(f.doubleAttribute(g, name));
    };
    TrainConfig& c = s.config;
    c.task = parseTask(f.stringAttribute(g, "task"));
    try {
        c.seed = std::stoull(f.stringAttribute(g, "seed"));
    } catch (const std::exception&) {
        throw Error(path + ": attribute seed of /training is not a whole number");
    }
    s.iteration = whole("iteration");
    c.iterations = whole("iterations");
    c.batchSize = static_cast<int>(whole("batch_size"));
    c.learningRate = f.doubleAttribute(g, "learning_rate");
    c.finalLearningRate = f.doubleAttribute(g, "final_learning_rate");
    c.warmupIterations = whole("warmup_iterations");
    c.scheduleIterations = whole("schedule_iterations");
    c.adam.beta1 = f.doubleAttribute(g, "beta1");
    c.adam.beta2 = f.doubleAttribute(g, "beta2");
    c.adam.epsilon = f.doubleAttribute(g, "epsilon");
    c.adam.clipNorm = f.doubleAttribute(g, "clip_norm");
    c.frozen = parseFrozen(f.stringAttribute(g, "frozen"));
    c.noise = whole("noise") != 0;
    c.parts = static_cast<int>(whole("parts"));
    c.checkpointEvery = whole("checkpoint_every");
    c.checkpointPath = path; // a resumed run keeps checkpointing where it left off
    s.adam.steps = whole("adam_steps");
    s.seconds = f.doubleAttribute(g, "seconds");
    for (Param p : kAllParams) {
        s.adam.m[p] = f.readRowMajor(g + "/adam_m_" + paramName(p));
        s.adam.v[p] = f.readRowMajor(g + "/adam_v_" + paramName(p));
        const auto w = paramView(s.model, p);
        if (s.adam.m[p].rows() != w.rows() || s.adam.m[p].cols() != w.cols() ||
            s.adam.v[p].rows() != w.rows() || s.adam.v[p].cols() != w.cols())
            throw Error(path + ": the optimiser state of " + paramName(p) +
                        " does not match the network's shape");
    }
    if (s.iteration < 0 || c.batchSize < 1 || c.parts < 1)
        throw Error(path + ": the training attributes are inconsistent");
    return s;
}

} // namespace opdims
