// Writes plot series as CSV text (series,x,y per row), kept apart from the widget to test it alone.
#pragma once

#include "widgets/plot_view.h"

#include <QString>
#include <QVector>

namespace opdims::widgets {

// Header "series,x,y", then one row per point in series order. Numbers use the shortest text that
// reads back to the same double ("nan", "inf", "-inf" where not finite); names are quoted when
// they contain a comma, quote or line break.
QString plotSeriesToCsv(const QVector<PlotSeries>& series);

} // namespace opdims::widgets
