// Writes plot series as CSV text (series,x,y per row), kept apart from the widget to test it alone.
#include "widgets/internal/plot_csv.h"

#include <array>
#include <charconv>
#include <cmath>

namespace opdims::widgets {

namespace {

QString number(double value) {
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return QString::fromLatin1(buffer.data(), static_cast<int>(result.ptr - buffer.data()));
}

QString field(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString plotSeriesToCsv(const QVector<PlotSeries>& series) {
    QString csv = QStringLiteral("series,x,y\n");
    for (const PlotSeries& s : series) {
        const QString name = field(s.name);
        const auto n = std::min(s.x.size(), s.y.size());
        for (qsizetype i = 0; i < n; ++i)
            csv += name + QLatin1Char(',') + number(s.x[i]) + QLatin1Char(',') + number(s.y[i]) +
                   QLatin1Char('\n');
    }
    return csv;
}

} // namespace opdims::widgets
