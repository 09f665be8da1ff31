// Helpers shared by the Qt Test suites: where the authors' data lives, temporary folders.
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTest>

#include "core/base/error.h"

#include <cstdlib>
#include <functional>
#include <string>

namespace opdims::test {

// ../shared/data (or $OPDIMS_SHARED_DATA); empty when absent.
inline QString sharedDataDir() {
    const char* env = std::getenv("OPDIMS_SHARED_DATA");
    const QString dir =
        env && *env ? QString::fromLocal8Bit(env) : QStringLiteral("../shared/data");
    return QFileInfo(dir).isDir() ? QDir(dir).absolutePath() : QString();
}

// Path of a file below the shared data folder, or empty when the folder or file is missing.
inline std::string sharedFile(const QString& relative) {
    const QString dir = sharedDataDir();
    if (dir.isEmpty())
        return {};
    const QString path = dir + QLatin1Char('/') + relative;
    return QFileInfo::exists(path) ? path.toStdString() : std::string();
}

// Runs f and fails the current test unless it throws opdims::Error with `fragment` in its text.
inline void expectError(const std::function<void()>& f, const QString& fragment) {
    try {
        f();
    } catch (const opdims::Error& e) {
        const QString msg = QString::fromStdString(e.what());
        if (!msg.contains(fragment))
            QFAIL(qPrintable("message '" + msg + "' lacks '" + fragment + "'"));
        return;
    }
    QFAIL(qPrintable("no error, expected one mentioning '" + fragment + "'"));
}

inline std::string sourceDir() {
    const char* env = std::getenv("OPDIMS_SOURCE_DIR");
    return env ? std::string(env) : std::string(".");
}

} // namespace opdims::test

// Skips the current test with a clear reason when an authors' file is not available.
#define OPDIMS_REQUIRE_SHARED(var, relative)                                                       \
    const std::string var = opdims::test::sharedFile(QStringLiteral(relative));                    \
    if (var.empty())                                                                               \
        QSKIP("the authors' data file " relative " is not available: set OPDIMS_SHARED_DATA or "   \
              "place ../shared/data beside the project");
