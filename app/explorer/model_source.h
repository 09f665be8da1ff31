// Where the explorer's network comes from: the embedded default network, a file, or a seeded
// random network when no default network is embedded.
#pragma once

#include "core/model/model.h"
#include "core/tasks/task.h"

#include <QString>

#include <memory>
#include <optional>

namespace opdims::explorer {

// Where a network came from. For the networks the app makes or names itself, the name and origin
// are built in the interface language of the moment (modelName, originText): a language switch
// keeps the OpenedModel (MainWindow::switchLanguage) and must not keep the old language's words.
enum class ModelSourceKind {
    // `origin` and the model's name as they were given (e.g. a network trained in the app)
    Given,
    // a file the user opened (`path`); an authors' file when `net` > 0
    File,
    // the authors' network `net` of `task`, built into the app
    AuthorsBuiltIn,
    // the default network opdims trained for `task`, built into the app (with `seed`)
    OpdimsBuiltIn,
    // a seeded random network of `task`: this build has no default network
    Random,
    // trained in the app's train dialog: `task`, `seed`, `iterations`, stopped after
    // `stoppedAfter` (0: ran to the end)
    Trained,
};

struct OpenedModel {
    std::shared_ptr<const Model> model;
    QString path;   // file on disk; empty for embedded or random networks
    int net = 0;    // /NetNr<net> of an authors' file (opened or built in); 0 otherwise
    QString origin; // one sentence for the model panel, in the language it was opened in
    ModelSourceKind kind = ModelSourceKind::Given;
    TaskKind task = TaskKind::Unknown; // the task of a built-in or random network
    unsigned long long seed = 0; // the seed of a built-in opdims or random network; 0: unknown
    int iterations = 0;          // Trained: the iterations asked for
    int stoppedAfter = 0;        // Trained: the iteration it was stopped after; 0: finished
};

// The network's name in the current interface language, for display: the names the app makes
// (built-in and random networks, the networks of an authors' file) are translated; a name stored
// in a file the user opened is shown as it is. The model's own `name` stays as loaded (English).
QString modelName(const OpenedModel& opened);

// Where the network came from, one sentence in the current interface language.
QString originText(const OpenedModel& opened);

// The resource path of the embedded default network of a task, empty when none was embedded.
QString embeddedNetworkResource(TaskKind task);

// The resource path of the authors' network 1 of a task (ctxt, swg) embedded in the app, empty
// when none was embedded (resources/networks/LICENSE-authors-networks.txt).
QString authorsNetworkResource(TaskKind task);

// The first network the app opens for a task: the authors' network 1 when it is embedded (ctxt,
// swg: it shows the paper's effect, see resources/networks/README.md), else
// openTrainedDefaultModel.
OpenedModel openDefaultModel(TaskKind task);

// The default network opdims trained for the task, or (when the build has none) a seeded random
// 100-unit network of the task; `origin` says which.
OpenedModel openTrainedDefaultModel(TaskKind task);

// The embedded default network that fits a trial set (checkModelFitsBatch), trying `first`'s
// task before the others (every task whose default network is embedded); nullopt when no embedded
// network fits (or none is embedded).
std::optional<OpenedModel> defaultModelFitting(const Batch& trials,
                                               TaskKind first = TaskKind::Ctxt);

// Loads a file in any supported format (net selects /NetNr<net> of an authors' file); throws
// opdims::Error naming the file and the problem.
OpenedModel openModelFile(const QString& path, int net = 1);

// Loads a network stored in a Qt resource (copied to a temporary file for the HDF5 reader); `net`
// selects /NetNr<net> of an authors' file.
Model loadResourceModel(const QString& resource, int net = 1);

} // namespace opdims::explorer
