// Compares a rendered image with a baseline PNG in tests/widgets/baselines/, with a tolerance.
#pragma once

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QString>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace opdims::test {

// Where the baselines live: $OPDIMS_SOURCE_DIR/tests/widgets/baselines (set by CTest).
inline QString baselineDir() {
    const char* source = std::getenv("OPDIMS_SOURCE_DIR");
    const QString root = source && *source ? QString::fromLocal8Bit(source) : QStringLiteral(".");
    return QDir(root).filePath(QStringLiteral("tests/widgets/baselines"));
}

inline bool updatingBaselines() {
    const char* env = std::getenv("OPDIMS_UPDATE_BASELINES");
    return env && std::strcmp(env, "1") == 0;
}

// Pixels whose largest channel difference exceeds this count as different: llvmpipe builds and
// font hinting shift anti-aliased edges by a few levels, real changes move whole strokes.
constexpr int kChannelTolerance = 40;

// Number of pixels of `image` differing from `color` by more than kChannelTolerance.
inline qsizetype countPixelsUnlike(const QImage& image, const QColor& color) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qsizetype count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = line[x];
            const int diff =
                std::max({std::abs(qRed(p) - color.red()), std::abs(qGreen(p) - color.green()),
                          std::abs(qBlue(p) - color.blue())});
            count += diff > kChannelTolerance ? 1 : 0;
        }
    }
    return count;
}

// Fraction of differing pixels; writes a diff image (differences in red) to `diff`.
inline double differingFraction(const QImage& a, const QImage& b, QImage* diff) {
    const QImage ra = a.convertToFormat(QImage::Format_RGB32);
    const QImage rb = b.convertToFormat(QImage::Format_RGB32);
    *diff = QImage(ra.size(), QImage::Format_RGB32);
    qsizetype count = 0;
    for (int y = 0; y < ra.height(); ++y) {
        const auto* la = reinterpret_cast<const QRgb*>(ra.constScanLine(y));
        const auto* lb = reinterpret_cast<const QRgb*>(rb.constScanLine(y));
        auto* ld = reinterpret_cast<QRgb*>(diff->scanLine(y));
        for (int x = 0; x < ra.width(); ++x) {
            const int d = std::max({std::abs(qRed(la[x]) - qRed(lb[x])),
                                    std::abs(qGreen(la[x]) - qGreen(lb[x])),
                                    std::abs(qBlue(la[x]) - qBlue(lb[x]))});
            const bool differs = d > kChannelTolerance;
            count += differs ? 1 : 0;
            const int grey = qGray(la[x]) / 3 + 170;
            ld[x] = differs ? qRgb(255, 0, 0) : qRgb(grey, grey, grey);
        }
    }
    return static_cast<double>(count) /
           static_cast<double>(std::max<qsizetype>(1, ra.width() * ra.height()));
}

// Checks `image` against baselines/<name>.png. With OPDIMS_UPDATE_BASELINES=1 the baseline is
// (re)written instead. On a mismatch the produced image and a diff are saved to
// <temp>/opdims-test-failures/ and their paths are part of the failure message.
inline void compareWithBaseline(const QImage& image, const QString& name,
                                double allowedFraction = 0.01) {
    QVERIFY2(!image.isNull(), "the view produced no image");
    const QString baselinePath = QDir(baselineDir()).filePath(name + QStringLiteral(".png"));
    if (updatingBaselines()) {
        QVERIFY(QDir().mkpath(baselineDir()));
        QVERIFY2(image.save(baselinePath), qPrintable(baselinePath));
        qInfo("baseline written: %s", qPrintable(baselinePath));
        return;
    }
    const QImage baseline(baselinePath);
    QString problem;
    QImage diff;
    if (baseline.isNull()) {
        problem =
            QStringLiteral("no baseline %1 (run with OPDIMS_UPDATE_BASELINES=1)").arg(baselinePath);
    } else if (baseline.size() != image.size()) {
        problem = QStringLiteral("size %1x%2 differs from the baseline's %3x%4")
                      .arg(image.width())
                      .arg(image.height())
                      .arg(baseline.width())
                      .arg(baseline.height());
    } else {
        const double fraction = differingFraction(image, baseline, &diff);
        if (fraction > allowedFraction)
            problem = QStringLiteral("%1 % of the pixels differ from %2 (allowed: %3 %)")
                          .arg(100.0 * fraction, 0, 'f', 2)
                          .arg(baselinePath)
                          .arg(100.0 * allowedFraction, 0, 'f', 2);
    }
    if (problem.isEmpty())
        return;
    const QString failures = QDir::temp().filePath(QStringLiteral("opdims-test-failures"));
    QDir().mkpath(failures);
    const QString produced = QDir(failures).filePath(name + QStringLiteral(".png"));
    image.save(produced);
    problem += QStringLiteral("; produced image: %1").arg(produced);
    if (!diff.isNull()) {
        const QString diffPath = QDir(failures).filePath(name + QStringLiteral("-diff.png"));
        diff.save(diffPath);
        problem += QStringLiteral(", differences in red: %1").arg(diffPath);
    }
    QFAIL(qPrintable(problem));
}

} // namespace opdims::test
