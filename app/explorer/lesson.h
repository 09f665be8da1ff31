// Guided lessons: a lesson file (JSON, docs/lessons.md) is a list of steps, each a short text and
// the app state it sets. A step names only what changes; the rest carries over from the step
// before, so every step has one complete state, whichever way the class got there.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace opdims::explorer {

struct LessonStep {
    QString title;
    QString text;     // Qt rich text (a small HTML subset)
    QString question; // to the class; may be empty
    // The network: a built-in one ("ctxt", "swg", "flipflop", "decision": the first network the
    // app opens for the task; "ctxt:trained", ...: the one opdims trained) or a file (an absolute
    // path, resolved against the lesson's folder when the lesson was read) with its /NetNr<net>.
    QString network;
    bool networkIsFile = false;
    int net = 1;
    QString basis = QStringLiteral("op-columns"); // a basis key (docs/cli.md)
    int k = -1;                  // kept (or removed) dimensions; -1: all of the basis
    std::vector<int> dimensions; // ticked dimensions, 1-based; when set, instead of k
    bool remove = false;         // the ticked dimensions are removed instead of kept
    bool reduced = true;
    bool samplingLocations = true;
    bool fixedPoints = false;
    QString fixedPointInput; // the title of the input ("context 1"); empty: the app's choice
    bool flowArrows = false;
    QString plot = QStringLiteral("output"); // output, sweep, variance, loss, fixed-points
    double azimuth = 0;                      // degrees about the vertical, from the reset camera
    double elevation = 0;                    // degrees up, from the reset camera
    bool sweep = false; // run the rank sweep of the basis (when not yet run); not carried over
};

struct Lesson {
    QString path; // the file it was read from
    QString title;
    QString language; // "en", "de", ...
    std::vector<LessonStep> steps;
};

// The plot names a step may bring to the front, in the order docs/lessons.md lists them.
QStringList lessonPlotNames();
// The object name of the dock that shows a plot of lessonPlotNames() ("outputDock", ...).
QString lessonPlotDock(const QString& plot);

// Reads a lesson; throws opdims::Error with one sentence naming the file, the step and the field
// ("lesson.json: step 3: field 'k': ...") when anything is wrong. Files above 1 MiB are refused
// unread.
Lesson readLesson(const QString& path);
// The same from the file's bytes; `path` names it in messages and resolves relative networks.
Lesson parseLesson(const QByteArray& json, const QString& path);

// The lessons shipped with the app (resources/lessons/<name>.<language>.json) and the resource
// path of one in a language (falling back to English).
QStringList shippedLessonNames();
// The language of the lesson files to open: the interface language ("en" without translation).
QString lessonLanguage();
QString shippedLessonPath(const QString& name, const QString& language);

} // namespace opdims::explorer
