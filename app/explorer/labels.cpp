// Labels: every visible name of a basis or condition is built here, translatable.
#include "app/explorer/labels.h"

#include <QCoreApplication>
#include <QLocale>

namespace opdims::explorer {

namespace {

QString subsetTitle(const std::string& subset) {
    if (subset == "ctxt1")
        return QCoreApplication::translate("Labels", "context 1 only");
    if (subset == "ctxt2")
        return QCoreApplication::translate("Labels", "context 2 only");
    if (subset == "pos-choice")
        return QCoreApplication::translate("Labels", "positive choice only");
    if (subset == "neg-choice")
        return QCoreApplication::translate("Labels", "negative choice only");
    return QString::fromStdString(subset);
}

// Splits "op-columns:ctxt1" into the basis and the function-specific subset.
std::pair<std::string, std::string> splitKey(const std::string& key) {
    const auto colon = key.find(':');
    if (colon == std::string::npos)
        return {key, {}};
    return {key.substr(0, colon), key.substr(colon + 1)};
}

} // namespace

QString basisTitle(const std::string& key) {
    const auto [base, subset] = splitKey(key);
    QString title;
    if (base == "pc")
        title = QCoreApplication::translate("Labels", "PC dimensions");
    else if (base == "op-columns")
        title = QCoreApplication::translate("Labels", "operative dimensions (columns)");
    else if (base == "op-rows")
        title = QCoreApplication::translate("Labels", "operative dimensions (rows)");
    else
        title = QString::fromStdString(base);
    if (!subset.empty())
        title = QCoreApplication::translate("Labels", "%1, %2").arg(title, subsetTitle(subset));
    return title;
}

QString basisShortTitle(const std::string& key) {
    const auto [base, subset] = splitKey(key);
    QString title = base == "pc"           ? QCoreApplication::translate("Labels", "PC")
                    : base == "op-columns" ? QCoreApplication::translate("Labels", "OP columns")
                    : base == "op-rows"    ? QCoreApplication::translate("Labels", "OP rows")
                                           : QString::fromStdString(base);
    if (!subset.empty())
        title = QCoreApplication::translate("Labels", "%1, %2").arg(title, subsetTitle(subset));
    return title;
}

QString conditionLabel(TaskKind task, const TrialInfo& c) {
    if (task == TaskKind::Swg)
        return QCoreApplication::translate("Labels", "%1 Hz (id %2)")
            .arg(QLocale().toString(swg::frequency(c.freqId)))
            .arg(c.freqId);
    const QString plus = QStringLiteral("+"), minus = QStringLiteral("\u2212");
    return QCoreApplication::translate("Labels", "context %1, coh 1 %2, coh 2 %3")
        .arg(c.context)
        .arg(c.coh1 > 0 ? plus : minus, c.coh2 > 0 ? plus : minus);
}

QString trialLabel(TaskKind task, const TrialInfo& t) {
    if (task == TaskKind::Swg)
        return conditionLabel(task, t);
    return QCoreApplication::translate("Labels", "context %1, coh 1 %2, coh 2 %3")
        .arg(t.context)
        .arg(QLocale().toString(t.coh1, 'g', 3), QLocale().toString(t.coh2, 'g', 3));
}

QString fixedPointInputLabel(TaskKind task, int context, int freqId) {
    if (task == TaskKind::Swg && freqId > 0) {
        TrialInfo t;
        t.freqId = freqId;
        return conditionLabel(task, t);
    }
    if (context > 0)
        return QCoreApplication::translate("Labels", "context %1").arg(context);
    return QCoreApplication::translate("Labels", "all inputs zero");
}

} // namespace opdims::explorer
