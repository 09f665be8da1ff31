// Where the explorer's network comes from: the embedded default network, a file, or a seeded
// random network when no default network is embedded.
#pragma once

#include "core/model/model.h"
#include "core/tasks/task.h"

#include <QString>

#include <memory>
#include <optional>

namespace opdims::explorer {

struct OpenedModel {
    std::shared_ptr<const Model> model;
    QString path;   // file on disk; empty for embedded or random networks
    int net = 0;    // /NetNr<net> of an authors' file; 0 otherwise
    QString origin; // one sentence for the model panel: where the network came from
};

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
