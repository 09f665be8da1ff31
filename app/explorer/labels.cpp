// Labels: every visible name of a basis or condition is built here, translatable.
#include "app/explorer/labels.h"

#include "core/base/error.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace opdims::explorer {

namespace {

QString subsetTitle(LocationSubset subset) {
    switch (subset) {
    case LocationSubset::Ctxt1:
        return QCoreApplication::translate("Labels", "context 1 only");
    case LocationSubset::Ctxt2:
        return QCoreApplication::translate("Labels", "context 2 only");
    case LocationSubset::PosChoice:
        return QCoreApplication::translate("Labels", "positive choice only");
    case LocationSubset::NegChoice:
        return QCoreApplication::translate("Labels", "negative choice only");
    case LocationSubset::Frequency:
    case LocationSubset::All:
        break;
    }
    return {};
}

QString withSubset(QString title, const BasisName& name) {
    if (name.kind != BasisKind::Operative || name.subset == LocationSubset::All)
        return title;
    const QString subset = name.subset == LocationSubset::Frequency
                               ? QCoreApplication::translate("Labels", "%1 Hz only")
                                     .arg(QLocale().toString(swg::frequency(name.frequency)))
                               : subsetTitle(name.subset);
    return QCoreApplication::translate("Labels", "%1, %2").arg(title, subset);
}

} // namespace

QString taskTitle(TaskKind task) {
    switch (task) {
    case TaskKind::Ctxt:
        return QCoreApplication::translate("Labels", "context-dependent integration (ctxt)");
    case TaskKind::Swg:
        return QCoreApplication::translate("Labels", "sine wave generation (swg)");
    case TaskKind::FlipFlop:
        return QCoreApplication::translate("Labels", "3-bit flip-flop (flipflop)");
    case TaskKind::Decision:
        return QCoreApplication::translate("Labels", "perceptual decision making (decision)");
    case TaskKind::Data:
        return QCoreApplication::translate("Labels", "trials from a file");
    case TaskKind::Unknown:
        break;
    }
    return QCoreApplication::translate("Labels", "unknown");
}

const std::vector<TaskKind>& builtInTasks() {
    static const std::vector<TaskKind> tasks{TaskKind::Ctxt, TaskKind::Swg, TaskKind::FlipFlop,
                                             TaskKind::Decision};
    return tasks;
}

QString basisTitle(const BasisName& name) {
    switch (name.kind) {
    case BasisKind::Pc:
        return QCoreApplication::translate("Labels", "PC dimensions");
    case BasisKind::File:
        return QString::fromStdString(name.path);
    case BasisKind::Operative:
        break;
    }
    return withSubset(name.side == Side::Columns
                          ? QCoreApplication::translate("Labels", "operative dimensions (columns)")
                          : QCoreApplication::translate("Labels", "operative dimensions (rows)"),
                      name);
}

QString basisShortTitle(const BasisName& name) {
    switch (name.kind) {
    case BasisKind::Pc:
        return QCoreApplication::translate("Labels", "PC");
    case BasisKind::File:
        return QString::fromStdString(name.path);
    case BasisKind::Operative:
        break;
    }
    return withSubset(name.side == Side::Columns
                          ? QCoreApplication::translate("Labels", "OP columns")
                          : QCoreApplication::translate("Labels", "OP rows"),
                      name);
}

QString basisTitle(const std::string& key) {
    try {
        return basisTitle(parseBasisName(key));
    } catch (const Error&) {
        return QString::fromStdString(key);
    }
}

QString basisShortTitle(const std::string& key) {
    try {
        return basisShortTitle(parseBasisName(key));
    } catch (const Error&) {
        return QString::fromStdString(key);
    }
}

QString conditionGroupTitle(const std::string& label) {
    const std::string context = "context ";
    if (label.rfind(context, 0) == 0)
        return QCoreApplication::translate("Labels", "context %1")
            .arg(QString::fromStdString(label.substr(context.size())));
    // A band is printed with one decimal ("%.1f-%.1f Hz", condition_effects.cpp); a comma when
    // the C library's locale has one.
    static const QRegularExpression band(
        QStringLiteral("^([0-9]+[.,][0-9])(?:-([0-9]+[.,][0-9]))? Hz$"));
    const QString text = QString::fromStdString(label);
    const QRegularExpressionMatch match = band.match(text);
    if (!match.hasMatch())
        return text;
    const auto number = [&match](int i) {
        QString n = match.captured(i);
        return QLocale().toString(QLocale::c().toDouble(n.replace(u',', u'.')), 'f', 1);
    };
    if (match.captured(2).isEmpty())
        return QStringLiteral("%1 Hz").arg(number(1));
    return QStringLiteral("%1-%2 Hz").arg(number(1), number(2));
}

QString conditionTitle(TaskKind task, const Condition& c) {
    if (task == TaskKind::Data)
        return QString::fromStdString(c.label);
    if (task == TaskKind::Swg)
        return QCoreApplication::translate("Labels", "%1 Hz (id %2)")
            .arg(QLocale().toString(swg::frequency(c.freqId)))
            .arg(c.freqId);
    const QString plus = QStringLiteral("+"), minus = QStringLiteral("\u2212");
    return QCoreApplication::translate("Labels", "context %1, coh 1 %2, coh 2 %3")
        .arg(c.context)
        .arg(c.signCoh1 > 0 ? plus : minus, c.signCoh2 > 0 ? plus : minus);
}

QString trialLabel(TaskKind task, const TrialInfo& t) {
    if (task == TaskKind::Data)
        return QString::fromStdString(t.label);
    if (task == TaskKind::Swg)
        return conditionTitle(task, conditionOf(task, t));
    return QCoreApplication::translate("Labels", "context %1, coh 1 %2, coh 2 %3")
        .arg(t.context)
        .arg(QLocale().toString(t.coh1, 'g', 3), QLocale().toString(t.coh2, 'g', 3));
}

QString fixedPointInputLabel(TaskKind task, int context, int freqId) {
    if (task == TaskKind::Swg && freqId > 0)
        return conditionTitle(task, Condition{0, 0, 0, freqId, {}});
    if (context > 0)
        return QCoreApplication::translate("Labels", "context %1").arg(context);
    return QCoreApplication::translate("Labels", "all inputs zero");
}

QString phaseTitle(const std::string& name) {
    static const char* const known[] = {QT_TRANSLATE_NOOP("Labels", "context cue"),
                                        QT_TRANSLATE_NOOP("Labels", "stimulus"),
                                        QT_TRANSLATE_NOOP("Labels", "frequency cue"),
                                        QT_TRANSLATE_NOOP("Labels", "fixation"),
                                        QT_TRANSLATE_NOOP("Labels", "delay"),
                                        QT_TRANSLATE_NOOP("Labels", "response"),
                                        QT_TRANSLATE_NOOP("Labels", "set"),
                                        QT_TRANSLATE_NOOP("Labels", "hold"),
                                        QT_TRANSLATE_NOOP("Labels", "flip"),
                                        QT_TRANSLATE_NOOP("Labels", "hold after flip")};
    for (const char* k : known)
        if (name == k)
            return QCoreApplication::translate("Labels", k);
    return QString::fromStdString(name);
}

QString phaseAt(const Batch& batch, int t) {
    QString name;
    for (const Phase& p : batch.phases)
        if (p.start <= t - 1)
            name = phaseTitle(p.name);
    return name;
}

QString trialSetInputLabel(const Batch& batch, const std::string& condition, int t) {
    const QString phase = phaseAt(batch, t);
    const QString label = QString::fromStdString(condition);
    // One arg() call: a label may itself contain "%2".
    return phase.isEmpty() ? QCoreApplication::translate("Labels", "%1 at t = %2")
                                 .arg(label, QString::number(t))
                           : QCoreApplication::translate("Labels", "%1 at t = %2 (%3)")
                                 .arg(label, QString::number(t), phase);
}

QString fixedPointCountsText(const QString& input, const PointCounts& c, bool removed) {
    const QString text =
        removed ? QCoreApplication::translate(
                      "Labels", "Fixed points of W with the ticked dimensions removed under %1: "
                                "%2 stable, %3 saddles, %4 marginal, %5 unstable; %6 slow points")
                : QCoreApplication::translate(
                      "Labels", "Fixed points of the reduced-rank network under %1: %2 stable, "
                                "%3 saddles, %4 marginal, %5 unstable; %6 slow points");
    return text.arg(input).arg(c.stable).arg(c.saddle).arg(c.marginal).arg(c.unstable).arg(c.slow);
}

QString pointClassTitle(PointKind kind, Stability stability) {
    if (kind == PointKind::Slow)
        return QCoreApplication::translate("Labels", "slow point");
    switch (stability) {
    case Stability::Stable:
        return QCoreApplication::translate("Labels", "stable");
    case Stability::Marginal:
        return QCoreApplication::translate("Labels", "marginal");
    case Stability::Saddle:
        return QCoreApplication::translate("Labels", "saddle");
    case Stability::Unstable:
        return QCoreApplication::translate("Labels", "unstable");
    }
    return {};
}

} // namespace opdims::explorer
