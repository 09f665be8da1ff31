// Tests of the 2D plot view: exports (PNG, SVG, PDF, exact CSV), live points, baseline image.
#include "image_compare.h"

#include "widgets/internal/plot_csv.h"
#include "widgets/plot_view.h"
#include "widgets/surface_format.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using namespace opdims::widgets;

namespace {

constexpr QSize kPlotSize(600, 400);

// Cost against the number of kept dimensions k, as the explorer shows it.
QVector<PlotSeries> costSeries() {
    PlotSeries operative{QStringLiteral("operative dimensions"), QColor(0x1f, 0x77, 0xb4), {}, {}};
    PlotSeries pc{QStringLiteral("PC dimensions"), QColor(0xff, 0x7f, 0x0e), {}, {}, true};
    PlotSeries full{QStringLiteral("full network"), QColor(0x40, 0x40, 0x40), {}, {}, false, true};
    for (int k = 1; k <= 30; ++k) {
        operative.x.append(k);
        operative.y.append(0.2 * std::exp(-0.35 * k) + 1e-3);
        pc.x.append(k);
        pc.y.append(0.2 * std::exp(-0.12 * k) + 1e-3);
    }
    full.x = {30.0};
    full.y = {1e-3};
    return {operative, pc, full};
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPlotView : public QObject {
    Q_OBJECT
public:
    static void initMain() { setDefaultSurfaceFormat(); }

private slots:
    void exports_writeNonEmptyFilesOfTheirFormat();
    void exportCsv_isExact();
    void csv_quotesNamesThatNeedIt();
    void exports_toMissingFolder_fail();
    void appendPoint_coalescesReplots();
    void appendPoint_outOfRange_isIgnored();
    void title_takesARowOnlyWhenSet();
    void legend_showsNamedSeriesOnly();
    void longLegend_movesBesideTheAxes();
    void markerPoint_staysInView_andHides();
    void costPlot_matchesBaseline();
};

void TestPlotView::exports_writeNonEmptyFilesOfTheirFormat() {
    PlotView view;
    view.resize(kPlotSize);
    view.setTitle(QStringLiteral("Cost"));
    view.setAxisLabels(QStringLiteral("k"), QStringLiteral("cost"));
    view.setSeries(costSeries());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString png = dir.filePath(QStringLiteral("plot.png"));
    QVERIFY(view.exportPng(png));
    const QImage image(png);
    // Twice the view's size: sharp on slides.
    QCOMPARE(image.size(), kPlotSize * 2);

    const QString svg = dir.filePath(QStringLiteral("plot.svg"));
    QVERIFY(view.exportSvg(svg));
    const QByteArray svgText = readAll(svg);
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("</svg>"));

    const QString pdf = dir.filePath(QStringLiteral("plot.pdf"));
    QVERIFY(view.exportPdf(pdf));
    const QByteArray pdfBytes = readAll(pdf);
    QVERIFY(pdfBytes.startsWith("%PDF"));
    QVERIFY(pdfBytes.size() > 1000);

    const QImage rendered = view.renderImage();
    QCOMPARE(rendered.size(), kPlotSize);
    QVERIFY(opdims::test::countPixelsUnlike(rendered, Qt::white) > 2000);
}

void TestPlotView::exportCsv_isExact() {
    PlotView view;
    PlotSeries a{QStringLiteral("cost"), Qt::blue, {1.0, 2.0, 3.0}, {0.5, 0.25, 0.1}};
    PlotSeries b{QStringLiteral("loss"), Qt::red, {0.0}, {-1e-7}};
    view.setSeries({a, b});
    view.appendPoint(1, 1.0, 3.0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plot.csv"));
    QVERIFY(view.exportCsv(path));
    QCOMPARE(QString::fromUtf8(readAll(path)),
             QStringLiteral("series,x,y\ncost,1,0.5\ncost,2,0.25\ncost,3,0.1\nloss,0,-1e-07\n"
                            "loss,1,3\n"));
}

void TestPlotView::csv_quotesNamesThatNeedIt() {
    PlotSeries s{QStringLiteral("cost, \"rows\""), Qt::blue, {0.1}, {std::nan("")}};
    QCOMPARE(plotSeriesToCsv({s}), QStringLiteral("series,x,y\n\"cost, \"\"rows\"\"\",0.1,nan\n"));
}

void TestPlotView::exports_toMissingFolder_fail() {
    PlotView view;
    view.setSeries(costSeries());
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing/plot"));
    QVERIFY(!view.exportPng(missing + QStringLiteral(".png")));
    QVERIFY(!view.exportSvg(missing + QStringLiteral(".svg")));
    QVERIFY(!view.exportPdf(missing + QStringLiteral(".pdf")));
    QVERIFY(!view.exportCsv(missing + QStringLiteral(".csv")));
}

void TestPlotView::appendPoint_coalescesReplots() {
    PlotView view;
    view.resize(kPlotSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSeries({PlotSeries{QStringLiteral("loss"), Qt::darkGreen, {}, {}}});
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    QSignalSpy replots(plot, &QCustomPlot::afterReplot);
    for (int i = 0; i < 500; ++i)
        view.appendPoint(0, i, 1.0 / (1.0 + i));
    QCOMPARE(replots.count(), 0); // nothing is drawn synchronously
    QTRY_VERIFY_WITH_TIMEOUT(replots.count() >= 1, 2000);
    QTest::qWait(150);
    QVERIFY2(replots.count() <= 2, qPrintable(QString::number(replots.count())));
    QCOMPARE(view.series().first().x.size(), 500);
    QCOMPARE(plot->graph(0)->dataCount(), 500);
    // The axes followed the new data.
    QVERIFY(plot->xAxis->range().contains(499.0));
}

void TestPlotView::appendPoint_outOfRange_isIgnored() {
    PlotView view;
    view.setSeries({PlotSeries{QStringLiteral("loss"), Qt::darkGreen, {}, {}}});
    view.appendPoint(1, 0.0, 1.0);
    view.appendPoint(-1, 0.0, 1.0);
    QCOMPARE(view.series().size(), 1);
    QVERIFY(view.series().first().x.isEmpty());
}

void TestPlotView::title_takesARowOnlyWhenSet() {
    PlotView view;
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    QCOMPARE(plot->plotLayout()->rowCount(), 1);
    view.setTitle(QStringLiteral("Cost"));
    QCOMPARE(plot->plotLayout()->rowCount(), 2);
    view.setTitle(QStringLiteral("Cost against k"));
    QCOMPARE(plot->plotLayout()->rowCount(), 2);
    view.setTitle(QString());
    QCOMPARE(plot->plotLayout()->rowCount(), 1);
}

void TestPlotView::legend_showsNamedSeriesOnly() {
    PlotView view;
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    view.setSeries({PlotSeries{QString(), Qt::red, {0, 1}, {0, 1}}});
    QVERIFY(!plot->legend->visible());
    view.setSeries({PlotSeries{QString(), Qt::red, {0, 1}, {0, 1}},
                    PlotSeries{QStringLiteral("cost"), Qt::blue, {0, 1}, {1, 0}}});
    QVERIFY(plot->legend->visible());
    QCOMPARE(plot->legend->itemCount(), 1);
    QCOMPARE(plot->plotLayout()->columnCount(), 1); // a short legend sits inside the axes
}

void TestPlotView::longLegend_movesBesideTheAxes() {
    PlotView view;
    view.setTitle(QStringLiteral("Output"));
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    QVector<PlotSeries> many;
    for (int i = 0; i < 6; ++i)
        many.append(PlotSeries{QStringLiteral("trial %1").arg(i), Qt::blue, {0, 1}, {0, i * 1.0}});
    view.setSeries(many);
    QCOMPARE(plot->plotLayout()->columnCount(), 2);
    QCOMPARE(plot->plotLayout()->element(1, 1), static_cast<QCPLayoutElement*>(plot->legend));
    view.setSeries(costSeries());
    QCOMPARE(plot->plotLayout()->columnCount(), 1);
    view.setTitle(QString());
    QCOMPARE(plot->plotLayout()->rowCount(), 1);
}

void TestPlotView::markerPoint_staysInView_andHides() {
    PlotView view;
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    view.setLogY(true);
    view.setSeries(costSeries());
    QVERIFY(!view.markerPoint());
    // Above every curve: the axes grow to show it.
    view.setMarkerPoint(QPointF(40.0, 5.0), Qt::red, QStringLiteral("live: k = 40"));
    QCOMPARE(view.markerPoint(), std::optional<QPointF>(QPointF(40.0, 5.0)));
    QCOMPARE(view.markerPointLabel(), QStringLiteral("live: k = 40"));
    QVERIFY(plot->xAxis->range().contains(40.0));
    QVERIFY(plot->yAxis->range().contains(5.0));
    // New series keep it, and it is no series of its own (not exported, not in the legend).
    view.setSeries(costSeries());
    QVERIFY(plot->yAxis->range().contains(5.0));
    QCOMPARE(plot->graphCount(), 3);
    view.setMarkerPoint(std::nullopt);
    QVERIFY(!view.markerPoint());
    QVERIFY(view.markerPointLabel().isEmpty());
}

void TestPlotView::costPlot_matchesBaseline() {
    PlotView view;
    view.resize(kPlotSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    if (view.devicePixelRatioF() != 1.0)
        QSKIP("the baseline is for a device pixel ratio of 1");
    view.setTitle(QStringLiteral("Cost against kept dimensions"));
    view.setAxisLabels(QStringLiteral("kept dimensions k"), QStringLiteral("cost (MSE)"));
    view.setLogY(true);
    view.setSeries(costSeries());
    view.setMarkerX(10.0);
    opdims::test::compareWithBaseline(view.renderImage(), QStringLiteral("plot_view_cost"));
}

QTEST_MAIN(TestPlotView)
#include "tst_plot_view.moc"
