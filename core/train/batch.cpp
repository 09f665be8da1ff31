// Training batches drawn from the paper's trial distributions with a per-iteration seed.
#include "core/train/batch.h"

#include "core/base/error.h"
#include "core/base/rng.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace opdims {

Batch trainingBatch(TaskKind task, int trials, std::uint64_t seed, long long iteration, bool noise,
                    double dt) {
    if (trials < 1)
        throw Error("a training batch needs at least one trial (got " + std::to_string(trials) +
                    ")");
    const std::uint64_t batchSeed =
        Rng(seed ^ kTrainingStreamKey, static_cast<std::uint64_t>(iteration)).next();
    Rng rng(batchSeed, 1);
    std::vector<TrialInfo> list;
    list.reserve(static_cast<std::size_t>(trials));
    if (task == TaskKind::Ctxt) {
        std::vector<TrialInfo> deck;
        for (int context = 1; context <= 2; ++context)
            for (double c1 : ctxt::coherencies())
                for (double c2 : ctxt::coherencies())
                    deck.push_back({context, c1, c2, 0, context - 1, {}});
        while (static_cast<int>(list.size()) < trials) {
            // Fisher-Yates with our own generator: std::shuffle differs between libraries.
            for (std::size_t i = deck.size() - 1; i > 0; --i)
                std::swap(deck[i], deck[static_cast<std::size_t>(rng.below(i + 1))]);
            for (const TrialInfo& t : deck)
                if (static_cast<int>(list.size()) < trials)
                    list.push_back(t);
        }
    } else if (task == TaskKind::Swg) {
        for (int k = 0; k < trials; ++k)
            list.push_back(
                {0, 0.0, 0.0, 1 + static_cast<int>(rng.below(swg::kFrequencies)), 0, {}});
    } else {
        throw Error("training needs a task (ctxt or swg)");
    }
    TaskOptions options;
    options.dt = dt;
    options.inputNoise = noise && task == TaskKind::Ctxt;
    options.inputNoiseSeed = batchSeed;
    Batch b = batchFromTrials(task, std::move(list), options);
    b.kind = "training";
    b.networkNoise = noise;
    b.noiseSeed = batchSeed;
    return b;
}

} // namespace opdims
