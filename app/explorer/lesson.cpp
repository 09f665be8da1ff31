// Reading lesson files (lesson.h): Qt's JSON parser, then every field checked by name and type.
#include "app/explorer/lesson.h"

#include "core/analysis/basis_names.h"
#include "core/base/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <set>

namespace opdims::explorer {

namespace {

constexpr qint64 kMaxLessonBytes = 1 << 20;
constexpr int kMaxSteps = 500;

const QStringList kBuiltInNetworks = {QStringLiteral("ctxt"),
                                      QStringLiteral("swg"),
                                      QStringLiteral("flipflop"),
                                      QStringLiteral("decision"),
                                      QStringLiteral("ctxt:trained"),
                                      QStringLiteral("swg:trained"),
                                      QStringLiteral("flipflop:trained"),
                                      QStringLiteral("decision:trained")};

const QStringList kStepFields = {QStringLiteral("title"),
                                 QStringLiteral("text"),
                                 QStringLiteral("question"),
                                 QStringLiteral("network"),
                                 QStringLiteral("net"),
                                 QStringLiteral("basis"),
                                 QStringLiteral("k"),
                                 QStringLiteral("dimensions"),
                                 QStringLiteral("mode"),
                                 QStringLiteral("reduced"),
                                 QStringLiteral("sampling_locations"),
                                 QStringLiteral("fixed_points"),
                                 QStringLiteral("fixed_point_input"),
                                 QStringLiteral("flow_arrows"),
                                 QStringLiteral("plot"),
                                 QStringLiteral("camera"),
                                 QStringLiteral("sweep")};

const QStringList kLessonFields = {QStringLiteral("title"), QStringLiteral("language"),
                                   QStringLiteral("steps")};

// Builds "FILE: step N: field 'F': what" (step 0: a field of the lesson itself).
class Problem {
public:
    Problem(QString file) : m_file(std::move(file)) {}
    [[noreturn]] void fail(int step, const QString& field, const QString& what) const {
        QString text = m_file + QStringLiteral(": ");
        if (step > 0)
            text += QStringLiteral("step %1: ").arg(step);
        if (!field.isEmpty())
            text += QStringLiteral("field '%1': ").arg(field);
        throw Error((text + what).toStdString());
    }

private:
    QString m_file;
};

QString requireString(const Problem& p, int step, const QJsonObject& o, const QString& field,
                      bool nonEmpty) {
    const QJsonValue v = o.value(field);
    if (!v.isString())
        p.fail(step, field, QStringLiteral("must be a text in quotes"));
    if (nonEmpty && v.toString().trimmed().isEmpty())
        p.fail(step, field, QStringLiteral("must not be empty"));
    return v.toString();
}

bool requireBool(const Problem& p, int step, const QJsonObject& o, const QString& field) {
    const QJsonValue v = o.value(field);
    if (!v.isBool())
        p.fail(step, field, QStringLiteral("must be true or false"));
    return v.toBool();
}

int requireInt(const Problem& p, int step, const QJsonValue& v, const QString& field, int low,
               int high) {
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < low || d > high)
        p.fail(step, field,
               QStringLiteral("must be a whole number from %1 to %2").arg(low).arg(high));
    return static_cast<int>(d);
}

double requireAngle(const Problem& p, int step, const QJsonValue& v, const QString& field) {
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d < -360 || d > 360)
        p.fail(step, field, QStringLiteral("must be an angle in degrees from -360 to 360"));
    return d;
}

} // namespace

QStringList lessonPlotNames() {
    return {QStringLiteral("output"), QStringLiteral("sweep"), QStringLiteral("variance"),
            QStringLiteral("loss"), QStringLiteral("fixed-points")};
}

QString lessonPlotDock(const QString& plot) {
    if (plot == QStringLiteral("sweep"))
        return QStringLiteral("sweepDock");
    if (plot == QStringLiteral("variance"))
        return QStringLiteral("varianceDock");
    if (plot == QStringLiteral("loss"))
        return QStringLiteral("lossDock");
    if (plot == QStringLiteral("fixed-points"))
        return QStringLiteral("fixedPointDock");
    return QStringLiteral("outputDock");
}

Lesson readLesson(const QString& path) {
    QFile f(path);
    if (!f.exists())
        throw Error(path.toStdString() + ": the file does not exist");
    if (!f.open(QIODevice::ReadOnly))
        throw Error(path.toStdString() + ": the file cannot be read");
    if (f.size() > kMaxLessonBytes)
        throw Error(path.toStdString() + ": larger than 1 MiB, not a lesson file");
    return parseLesson(f.read(kMaxLessonBytes + 1), path);
}

Lesson parseLesson(const QByteArray& json, const QString& path) {
    const Problem p(path);
    if (json.size() > kMaxLessonBytes)
        p.fail(0, {}, QStringLiteral("larger than 1 MiB, not a lesson file"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        p.fail(0, {},
               QStringLiteral("not valid JSON at byte %1 (%2)")
                   .arg(error.offset)
                   .arg(error.errorString()));
    if (!doc.isObject())
        p.fail(0, {}, QStringLiteral("a lesson is one JSON object with title and steps"));
    const QJsonObject top = doc.object();
    for (const QString& key : top.keys())
        if (!kLessonFields.contains(key))
            p.fail(0, key,
                   QStringLiteral("unknown (a lesson has %1)").arg(kLessonFields.join(", ")));
    Lesson lesson;
    lesson.path = path;
    lesson.title = requireString(p, 0, top, QStringLiteral("title"), true);
    lesson.language = top.contains(QStringLiteral("language"))
                          ? requireString(p, 0, top, QStringLiteral("language"), true)
                          : QStringLiteral("en");
    const QJsonValue stepsValue = top.value(QStringLiteral("steps"));
    if (!stepsValue.isArray() || stepsValue.toArray().isEmpty())
        p.fail(0, QStringLiteral("steps"), QStringLiteral("must be a list of at least one step"));
    const QJsonArray steps = stepsValue.toArray();
    if (steps.size() > kMaxSteps)
        p.fail(0, QStringLiteral("steps"), QStringLiteral("more than %1 steps").arg(kMaxSteps));
    const QDir folder = QFileInfo(path).absoluteDir();

    LessonStep state; // carried over from step to step
    for (int i = 0; i < steps.size(); ++i) {
        const int n = i + 1;
        if (!steps[i].isObject())
            p.fail(n, {}, QStringLiteral("a step is a JSON object { ... }"));
        const QJsonObject o = steps[i].toObject();
        for (const QString& key : o.keys())
            if (!kStepFields.contains(key))
                p.fail(n, key,
                       QStringLiteral("unknown (a step has %1)").arg(kStepFields.join(", ")));
        LessonStep s = state;
        s.sweep = false;
        s.title = requireString(p, n, o, QStringLiteral("title"), true);
        s.text = requireString(p, n, o, QStringLiteral("text"), true);
        s.question = o.contains(QStringLiteral("question"))
                         ? requireString(p, n, o, QStringLiteral("question"), false)
                         : QString();
        if (o.contains(QStringLiteral("network"))) {
            const QString network = requireString(p, n, o, QStringLiteral("network"), true);
            if (network.startsWith(QStringLiteral("file:"))) {
                const QString file = network.mid(5);
                if (path.startsWith(QLatin1Char(':')))
                    p.fail(
                        n, QStringLiteral("network"),
                        QStringLiteral("a lesson built into the app names built-in networks only"));
                const QString resolved = QDir::cleanPath(folder.absoluteFilePath(file));
                if (!QFileInfo(resolved).isFile())
                    p.fail(n, QStringLiteral("network"),
                           QStringLiteral("%1 does not exist").arg(resolved));
                s.network = resolved;
                s.networkIsFile = true;
            } else if (kBuiltInNetworks.contains(network)) {
                s.network = network;
                s.networkIsFile = false;
            } else {
                p.fail(n, QStringLiteral("network"),
                       QStringLiteral("'%1' is neither file:PATH nor one of %2")
                           .arg(network, kBuiltInNetworks.join(", ")));
            }
            s.net = 1;
        }
        if (o.contains(QStringLiteral("net"))) {
            s.net =
                requireInt(p, n, o.value(QStringLiteral("net")), QStringLiteral("net"), 1, 100000);
            if (!s.networkIsFile)
                p.fail(n, QStringLiteral("net"), QStringLiteral("applies to file: networks only"));
        }
        if (s.network.isEmpty())
            p.fail(n, QStringLiteral("network"),
                   QStringLiteral("missing: the first step names the network"));
        if (o.contains(QStringLiteral("basis"))) {
            s.basis = requireString(p, n, o, QStringLiteral("basis"), true);
            try {
                parseBasisName(s.basis.toStdString());
            } catch (const Error& e) {
                p.fail(n, QStringLiteral("basis"), QString::fromStdString(e.what()));
            }
        }
        if (o.contains(QStringLiteral("k"))) {
            const QJsonValue k = o.value(QStringLiteral("k"));
            s.k = k.toString() == QStringLiteral("all")
                      ? -1
                      : requireInt(p, n, k, QStringLiteral("k"), 0, 100000);
            s.dimensions.clear();
        }
        if (o.contains(QStringLiteral("dimensions"))) {
            const QJsonValue d = o.value(QStringLiteral("dimensions"));
            if (!d.isArray())
                p.fail(n, QStringLiteral("dimensions"),
                       QStringLiteral("must be a list of dimension numbers such as [1, 2, 5]"));
            std::set<int> seen;
            s.dimensions.clear();
            for (const QJsonValue& v : d.toArray()) {
                const int dim = requireInt(p, n, v, QStringLiteral("dimensions"), 1, 100000);
                if (!seen.insert(dim).second)
                    p.fail(n, QStringLiteral("dimensions"),
                           QStringLiteral("dimension %1 is listed twice").arg(dim));
                s.dimensions.push_back(dim);
            }
            if (o.contains(QStringLiteral("k")))
                p.fail(n, QStringLiteral("dimensions"),
                       QStringLiteral("give either k or dimensions, not both"));
        }
        if (o.contains(QStringLiteral("mode"))) {
            const QString mode = requireString(p, n, o, QStringLiteral("mode"), true);
            if (mode != QStringLiteral("keep") && mode != QStringLiteral("remove"))
                p.fail(n, QStringLiteral("mode"), QStringLiteral("must be \"keep\" or \"remove\""));
            s.remove = mode == QStringLiteral("remove");
        }
        if (o.contains(QStringLiteral("reduced")))
            s.reduced = requireBool(p, n, o, QStringLiteral("reduced"));
        if (o.contains(QStringLiteral("sampling_locations")))
            s.samplingLocations = requireBool(p, n, o, QStringLiteral("sampling_locations"));
        if (o.contains(QStringLiteral("fixed_points")))
            s.fixedPoints = requireBool(p, n, o, QStringLiteral("fixed_points"));
        if (o.contains(QStringLiteral("fixed_point_input")))
            s.fixedPointInput = requireString(p, n, o, QStringLiteral("fixed_point_input"), true);
        if (o.contains(QStringLiteral("flow_arrows")))
            s.flowArrows = requireBool(p, n, o, QStringLiteral("flow_arrows"));
        if (o.contains(QStringLiteral("plot"))) {
            s.plot = requireString(p, n, o, QStringLiteral("plot"), true);
            if (!lessonPlotNames().contains(s.plot))
                p.fail(n, QStringLiteral("plot"),
                       QStringLiteral("'%1' is not one of %2")
                           .arg(s.plot, lessonPlotNames().join(", ")));
        }
        if (o.contains(QStringLiteral("camera"))) {
            const QJsonValue c = o.value(QStringLiteral("camera"));
            if (c.toString() == QStringLiteral("reset")) {
                s.azimuth = s.elevation = 0;
            } else if (c.isObject()) {
                const QJsonObject co = c.toObject();
                for (const QString& key : co.keys())
                    if (key != QStringLiteral("azimuth") && key != QStringLiteral("elevation"))
                        p.fail(n, QStringLiteral("camera"),
                               QStringLiteral("'%1' is unknown (azimuth, elevation)").arg(key));
                s.azimuth = co.contains(QStringLiteral("azimuth"))
                                ? requireAngle(p, n, co.value(QStringLiteral("azimuth")),
                                               QStringLiteral("camera"))
                                : 0;
                s.elevation = co.contains(QStringLiteral("elevation"))
                                  ? requireAngle(p, n, co.value(QStringLiteral("elevation")),
                                                 QStringLiteral("camera"))
                                  : 0;
            } else {
                p.fail(n, QStringLiteral("camera"),
                       QStringLiteral("must be \"reset\" or {\"azimuth\": degrees, "
                                      "\"elevation\": degrees}"));
            }
        }
        if (o.contains(QStringLiteral("sweep")))
            s.sweep = requireBool(p, n, o, QStringLiteral("sweep"));
        lesson.steps.push_back(s);
        state = s;
    }
    return lesson;
}

QStringList shippedLessonNames() {
    return {QStringLiteral("ctxt"), QStringLiteral("swg")};
}

QString lessonLanguage() {
    return QCoreApplication::translate(
        "Lesson", "en", "the code of this translation's language: the lesson files opened");
}

QString shippedLessonPath(const QString& name, const QString& language) {
    const QString path = QStringLiteral(":/lessons/%1.%2.json").arg(name, language);
    return QFile::exists(path) ? path : QStringLiteral(":/lessons/%1.en.json").arg(name);
}

} // namespace opdims::explorer
