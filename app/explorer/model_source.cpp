// Opening networks: files through core's loaders, resources through a temporary copy.
#include "app/explorer/model_source.h"

#include "core/base/error.h"
#include "core/model/io.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <vector>

namespace opdims::explorer {

namespace {
// The seed of the stand-in network, fixed so that every start shows the same network.
constexpr unsigned long long kRandomSeed = 1;
} // namespace

QString embeddedNetworkResource(TaskKind task) {
    const QString path =
        QStringLiteral(":/networks/%1_default.h5").arg(QString::fromLatin1(taskName(task)));
    return QFile::exists(path) ? path : QString();
}

QString authorsNetworkResource(TaskKind task) {
    const QString path =
        QStringLiteral(":/networks/authors_%1_net1.h5").arg(QString::fromLatin1(taskName(task)));
    return QFile::exists(path) ? path : QString();
}

Model loadResourceModel(const QString& resource, int net) {
    QFile in(resource);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(resource.toStdString() + ": the embedded network cannot be read");
    // HDF5 reads from a file name, so the resource is copied to a temporary file first.
    QTemporaryFile tmp;
    tmp.setFileTemplate(QDir::tempPath() + QStringLiteral("/opdims-XXXXXX.h5"));
    if (!tmp.open() || tmp.write(in.readAll()) < 0 || !tmp.flush())
        throw Error(tmp.fileName().toStdString() +
                    ": cannot write the temporary copy of the embedded network");
    LoadOptions options;
    options.net = net;
    Model m = loadModel(tmp.fileName().toStdString(), options);
    if (m.task == TaskKind::Unknown)
        m.task = guessTask(m);
    m.provenance = "embedded " + QFileInfo(resource).fileName().toStdString();
    if (detectFormat(tmp.fileName().toStdString()) == FileFormat::Authors)
        m.name = "authors' " + std::string(taskName(m.task)) + " network " + std::to_string(net);
    return m;
}

OpenedModel openDefaultModel(TaskKind task) {
    const QString authors = authorsNetworkResource(task);
    if (authors.isEmpty())
        return openTrainedDefaultModel(task);
    OpenedModel out;
    out.model = std::make_shared<const Model>(loadResourceModel(authors, 1));
    out.net = 1;
    out.origin =
        QCoreApplication::translate(
            "ModelSource",
            "the authors' network 1 (Krause et al. 2022, MIT licence), built in; opdims' own "
            "%1 network: File > Open default network")
            .arg(QString::fromLatin1(taskName(task)));
    return out;
}

OpenedModel openTrainedDefaultModel(TaskKind task) {
    OpenedModel out;
    const QString resource = embeddedNetworkResource(task);
    if (!resource.isEmpty()) {
        out.model = std::make_shared<const Model>(loadResourceModel(resource));
        out.origin = QCoreApplication::translate(
                         "ModelSource", "the %1 network trained by opdims, built into the app "
                                        "(resources/networks/README.md)")
                         .arg(QString::fromLatin1(taskName(task)));
        return out;
    }
    out.model = std::make_shared<const Model>(randomModel(task, 100, kRandomSeed));
    out.origin =
        QCoreApplication::translate(
            "ModelSource", "an untrained random %1 network (seed %2): this build has no trained "
                           "default network")
            .arg(QString::fromLatin1(taskName(task)))
            .arg(kRandomSeed);
    return out;
}

std::optional<OpenedModel> defaultModelFitting(const Batch& trials, TaskKind first) {
    std::vector<TaskKind> tasks{first};
    for (const TaskKind t : {TaskKind::Ctxt, TaskKind::Swg, TaskKind::FlipFlop, TaskKind::Decision})
        if (t != first)
            tasks.push_back(t);
    for (const TaskKind task : tasks) {
        if (embeddedNetworkResource(task).isEmpty())
            continue;
        OpenedModel opened = openDefaultModel(task);
        try {
            checkModelFitsBatch(*opened.model, trials, opened.model->name);
            return opened;
        } catch (const Error&) {
            // this one does not fit: try the next
        }
    }
    return std::nullopt;
}

OpenedModel openModelFile(const QString& path, int net) {
    if (!QFileInfo::exists(path))
        throw Error(path.toStdString() + ": the file does not exist");
    LoadOptions options;
    options.net = net;
    OpenedModel out;
    const std::string file = path.toStdString();
    Model m = loadModel(file, options);
    if (m.task == TaskKind::Unknown)
        m.task = guessTask(m);
    out.model = std::make_shared<const Model>(std::move(m));
    out.path = QFileInfo(path).absoluteFilePath();
    if (detectFormat(file) == FileFormat::Authors) {
        out.net = net;
        out.origin = QCoreApplication::translate("ModelSource", "network %1 of %2")
                         .arg(net)
                         .arg(QFileInfo(path).fileName());
    } else {
        out.origin = QFileInfo(path).fileName();
    }
    return out;
}

} // namespace opdims::explorer
