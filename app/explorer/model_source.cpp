// Opening networks: files through core's loaders, resources through a temporary copy.
#include "app/explorer/model_source.h"

#include "core/base/error.h"
#include "core/model/io.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <vector>

namespace opdims::explorer {

namespace {
// The seed of the stand-in network, fixed so that every start shows the same network.
constexpr unsigned long long kRandomSeed = 1;

QString taskText(TaskKind task) {
    return QString::fromLatin1(taskName(task));
}

// The seed in the name of a network trained by `opdims train` ("opdims-trained ctxt network
// (seed 1)", app/cli/steps.cpp), as the built-in networks are; 0 when the name has none.
unsigned long long seedInName(const std::string& name) {
    static const QRegularExpression seed(
        QStringLiteral("^opdims-trained [a-z]+ network \\(seed ([0-9]+)\\)$"));
    const QRegularExpressionMatch match = seed.match(QString::fromStdString(name));
    return match.hasMatch() ? match.captured(1).toULongLong() : 0;
}

// The model keeps its own name (the English one core or the file gives it, written into the
// networks and figures exported from it); what the panels show is built by modelName.
void setModel(OpenedModel& out, Model&& m) {
    out.model = std::make_shared<const Model>(std::move(m));
    out.origin = originText(out);
}

// A network trained in the app in the words of `pattern` (marked for translation in the
// ModelSource context; %1 task, %2 units, %3 seed, %4 iterations), with the iteration a cancelled
// run stopped after.
QString trainedText(const OpenedModel& opened, const char* pattern) {
    const QString text = QCoreApplication::translate("ModelSource", pattern)
                             .arg(taskText(opened.task))
                             .arg(opened.model ? opened.model->units() : 0)
                             .arg(opened.seed)
                             .arg(opened.iterations);
    if (opened.stoppedAfter <= 0)
        return text;
    return QCoreApplication::translate("ModelSource", "%1, stopped after iteration %2")
        .arg(text)
        .arg(opened.stoppedAfter);
}

} // namespace

QString modelName(const OpenedModel& opened) {
    const QString stored = opened.model ? QString::fromStdString(opened.model->name) : QString();
    switch (opened.kind) {
    case ModelSourceKind::AuthorsBuiltIn:
        return QCoreApplication::translate("ModelSource", "authors' %1 network %2")
            .arg(taskText(opened.task))
            .arg(opened.net);
    case ModelSourceKind::OpdimsBuiltIn:
        if (opened.seed == 0)
            return stored;
        return QCoreApplication::translate("ModelSource", "opdims-trained %1 network (seed %2)")
            .arg(taskText(opened.task))
            .arg(opened.seed);
    case ModelSourceKind::Random:
        return QCoreApplication::translate("ModelSource", "random %1 network (seed %2)")
            .arg(taskText(opened.task))
            .arg(opened.seed);
    case ModelSourceKind::File:
        // An authors' file has no names: core names its networks (core/model/io.cpp), always from
        // the final weights here (openModelFile).
        if (opened.net > 0)
            return QCoreApplication::translate("ModelSource", "%1 network %2 (final)")
                .arg(QFileInfo(opened.path).fileName())
                .arg(opened.net);
        return stored;
    case ModelSourceKind::Trained:
        return trainedText(opened, QT_TRANSLATE_NOOP("ModelSource",
                                                     "%1 network trained in the app (%2 units, "
                                                     "seed %3, %4 iterations)"));
    case ModelSourceKind::Given:
        break;
    }
    return stored;
}

QString originText(const OpenedModel& opened) {
    switch (opened.kind) {
    case ModelSourceKind::AuthorsBuiltIn:
        // The authors' network 1 is the only one built in (authorsNetworkResource).
        return QCoreApplication::translate(
                   "ModelSource",
                   "the authors' network 1 (Krause et al. 2022, MIT licence), built in; opdims' "
                   "own %1 network: File > Open default network")
            .arg(taskText(opened.task));
    case ModelSourceKind::OpdimsBuiltIn:
        return QCoreApplication::translate("ModelSource",
                                           "the %1 network trained by opdims, built into the app "
                                           "(resources/networks/README.md)")
            .arg(taskText(opened.task));
    case ModelSourceKind::Random:
        return QCoreApplication::translate("ModelSource",
                                           "an untrained random %1 network (seed %2): this build "
                                           "has no trained default network")
            .arg(taskText(opened.task))
            .arg(opened.seed);
    case ModelSourceKind::File:
        if (opened.net > 0)
            return QCoreApplication::translate("ModelSource", "network %1 of %2")
                .arg(opened.net)
                .arg(QFileInfo(opened.path).fileName());
        return QFileInfo(opened.path).fileName();
    case ModelSourceKind::Trained:
        return trainedText(opened, QT_TRANSLATE_NOOP("ModelSource",
                                                     "a %1 network trained here (%2 units, seed "
                                                     "%3, %4 iterations)"));
    case ModelSourceKind::Given:
        break;
    }
    return opened.origin;
}

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
    out.kind = ModelSourceKind::AuthorsBuiltIn;
    out.task = task;
    out.net = 1;
    setModel(out, loadResourceModel(authors, out.net));
    return out;
}

OpenedModel openTrainedDefaultModel(TaskKind task) {
    OpenedModel out;
    out.task = task;
    const QString resource = embeddedNetworkResource(task);
    if (!resource.isEmpty()) {
        Model m = loadResourceModel(resource);
        out.kind = ModelSourceKind::OpdimsBuiltIn;
        out.seed = seedInName(m.name);
        setModel(out, std::move(m));
        return out;
    }
    Model m = randomModel(task, 100, kRandomSeed);
    out.kind = ModelSourceKind::Random;
    out.task = m.task; // ctxt for an unknown task
    out.seed = kRandomSeed;
    setModel(out, std::move(m));
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
    out.kind = ModelSourceKind::File;
    out.path = QFileInfo(path).absoluteFilePath();
    if (detectFormat(file) == FileFormat::Authors)
        out.net = net;
    setModel(out, std::move(m));
    return out;
}

} // namespace opdims::explorer
