// Tests of the 2D plot view: exports (PNG, SVG, PDF, exact CSV), figures (size, scale, annotation,
// metadata, legend inside), live points, baseline image.
#include "image_compare.h"

#include "widgets/internal/plot_csv.h"
#include "widgets/plot_view.h"
#include "widgets/surface_format.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <qcustomplot.h>

#include <cmath>
#include <tuple>

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

// The plot's layout while exportFigure drew it: QCustomPlot lays the plot out at the figure's
// size for the export and back at the view's size after it.
struct FigureLayout {
    QRect viewport; // the plot's part of the figure, in logical pixels
    QRect legend;   // the legend's outer rect (its frame is drawn up to right() + 1, bottom() + 1)
    QRect axisRect; // the axes with their tick and axis labels
    QRect title;    // the title's row (empty without a title)
};

class LayoutProbe {
public:
    explicit LayoutProbe(QCustomPlot* plot) : plot_(plot) {
        QObject::connect(plot, &QCustomPlot::afterLayout, &context_, [this] {
            auto* title = qobject_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0));
            layouts_.append({plot_->viewport(), plot_->legend->outerRect(),
                             plot_->axisRect()->outerRect(),
                             title != nullptr ? title->outerRect() : QRect()});
        });
    }
    // The layouts `width` logical pixels wide (a figure of another width than the view's).
    QVector<FigureLayout> ofWidth(int width) const {
        QVector<FigureLayout> found;
        for (const FigureLayout& layout : layouts_) {
            if (layout.viewport.width() == width)
                found.append(layout);
        }
        return found;
    }
    void clear() { layouts_.clear(); }

private:
    QCustomPlot* plot_;
    QObject context_;
    QVector<FigureLayout> layouts_;
};

// Pixels of the image's outermost rows and columns that are not white: anything drawn there is
// probably cut off by the image's edge.
qsizetype inkOnTheEdge(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qsizetype count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            const bool edge = x == 0 || y == 0 || x == rgb.width() - 1 || y == rgb.height() - 1;
            const QRgb p = rgb.pixel(x, y);
            count += edge && std::min({qRed(p), qGreen(p), qBlue(p)}) < 250 ? 1 : 0;
        }
    }
    return count;
}

// The type (tEXt, zTXt or iTXt) of each text chunk of a PNG file by its keyword.
QMap<QString, QByteArray> pngTextChunks(const QByteArray& png) {
    QMap<QString, QByteArray> chunks;
    qsizetype at = 8; // the signature
    while (at + 12 <= png.size()) {
        const auto length = qFromBigEndian<quint32>(png.constData() + at);
        const QByteArray type = png.mid(at + 4, 4);
        if (type == "tEXt" || type == "zTXt" || type == "iTXt") {
            const QByteArray data = png.mid(at + 8, length);
            chunks.insert(QString::fromLatin1(data.left(data.indexOf('\0'))), type);
        }
        at += 12 + qsizetype(length);
    }
    return chunks;
}

// Non-white pixels in rows [top, bottom) of the image.
qsizetype inkInRows(const QImage& image, int top, int bottom) {
    return opdims::test::countPixelsUnlike(image.copy(0, top, image.width(), bottom - top),
                                           Qt::white);
}

// How a PDF writes a text string (the Info dictionary's /Title): UTF-16BE with a byte order mark,
// either as a literal string ("(" "\xfe\xff" ... ")", with ( ) \\ escaped) or in hex (<FEFF...>).
bool pdfHasTextString(const QByteArray& pdf, const QString& text) {
    QByteArray utf16("\xfe\xff");
    for (const QChar c : text) {
        utf16.append(static_cast<char>(c.unicode() >> 8));
        utf16.append(static_cast<char>(c.unicode() & 0xff));
    }
    QByteArray literal("(");
    for (const char byte : utf16) {
        if (byte == '(' || byte == ')' || byte == '\\')
            literal.append('\\');
        literal.append(byte);
    }
    literal.append(')');
    const QByteArray hex = '<' + utf16.toHex() + '>';
    return pdf.contains(literal) || pdf.toLower().contains(hex);
}

// A view as the explorer shows cost against k, 600 x 400 on screen.
void setUpCostView(PlotView& view) {
    view.resize(kPlotSize);
    view.setTitle(QStringLiteral("Cost against kept dimensions"));
    view.setAxisLabels(QStringLiteral("kept dimensions k"), QStringLiteral("cost (MSE)"));
    view.setLogY(true);
    view.setSeries(costSeries());
    view.setMarkerX(20.0);
}

const QString kAnnotation =
    QStringLiteral("network toy-rnn.h5 \u00b7 basis operative \u00b7 k = 20 \u00b7 cost 0.0013\n"
                   "\u0394cost \u2248 1e-4 (trial set: 40 trials)");

QMap<QString, QString> settings() {
    return {{QStringLiteral("network"), QStringLiteral("toy-rnn.h5")},
            {QStringLiteral("basis"), QStringLiteral("operative")},
            {QStringLiteral("k"), QStringLiteral("20")}};
}

} // namespace

class TestPlotView : public QObject {
    Q_OBJECT
public:
    static void initMain() { setDefaultSurfaceFormat(); }

private slots:
    void logTicks_arePowersOfTenInAnyLocale();
    void movedMarker_isDrawnAsAFullReplotDrawsIt();
    void interfaceScale_enlargesTextAndLines();
    void exports_writeNonEmptyFilesOfTheirFormat();
    void exportCsv_isExact();
    void csv_quotesNamesThatNeedIt();
    void exports_toMissingFolder_fail();
    void figurePng_hasSizeTimesScale_andTextChunks();
    void figure_annotation_isAStripBelowThePlot_onlyInTheFile();
    void figure_tooLongAnnotation_fails();
    void figureSvg_hasTitleAndDescription_andDrawsTheAnnotationOnRequest();
    void figurePdf_isOnePageOfTheFigure_withTitleAndDescription();
    void figure_unwritableOrImpossible_failsAndLeavesFilesAlone();
    void figure_legendAndLabels_insideTheImage_data();
    void figure_legendAndLabels_insideTheImage();
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

void TestPlotView::figurePng_hasSizeTimesScale_andTextChunks() {
    PlotView view;
    setUpCostView(view);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FigureOptions options;
    options.size = QSize(800, 500);
    options.scale = 2.0;
    options.annotation = kAnnotation;
    options.title = QStringLiteral("Cost & k <operative>");
    options.metadata = settings();
    options.metadata.insert(QStringLiteral("Software"), QStringLiteral("not opdims")); // reserved
    options.metadata.insert(QStringLiteral(" odd\tkey "), QStringLiteral("kept"));
    const QString path = dir.filePath(QStringLiteral("cost.PNG")); // the suffix in any case
    QVERIFY(view.exportFigure(path, options));

    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    // The annotation is inside the requested size.
    QCOMPARE(reader.size(), QSize(1600, 1000));
    QCOMPARE(reader.text(QStringLiteral("Title")), options.title);
    QCOMPARE(reader.text(QStringLiteral("Software")), QStringLiteral("opdims"));
    QCOMPARE(reader.text(QStringLiteral("network")), QStringLiteral("toy-rnn.h5"));
    QCOMPARE(reader.text(QStringLiteral("basis")), QStringLiteral("operative"));
    QCOMPARE(reader.text(QStringLiteral("k")), QStringLiteral("20"));
    const QImage image = reader.read();
    QCOMPARE(image.size(), QSize(1600, 1000));
    // QImageReader::text simplifies whitespace (and takes keys with spaces for descriptions);
    // the image read keeps each chunk as it is. Line breaks and characters beyond Latin-1 survive.
    // The description: the annotation, then the metadata in key order (reserved keys left out).
    QCOMPARE(image.text(QStringLiteral("Description")),
             kAnnotation + QStringLiteral("\n odd\tkey : kept\nbasis: operative\nk: 20\n"
                                          "network: toy-rnn.h5"));
    QCOMPARE(image.text(QStringLiteral("odd key")), QStringLiteral("kept"));
    QCOMPARE(image.text(QStringLiteral("Software")), QStringLiteral("opdims"));
    // One text chunk each; UTF-8 ones are iTXt.
    const QMap<QString, QByteArray> chunks = pngTextChunks(readAll(path));
    QCOMPARE(chunks.keys(),
             (QStringList{QStringLiteral("Description"), QStringLiteral("Software"),
                          QStringLiteral("Title"), QStringLiteral("basis"), QStringLiteral("k"),
                          QStringLiteral("network"), QStringLiteral("odd key")}));
    QCOMPARE(chunks.value(QStringLiteral("Description")), QByteArray("iTXt"));
    QCOMPARE(chunks.value(QStringLiteral("Title")), QByteArray("tEXt"));
    // 192 dpi: printed at 800 x 500 logical pixels of 1/96 inch.
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);

    // Without options: the view's size, its title, no annotation, no description.
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    QVERIFY(view.exportFigure(plain, FigureOptions()));
    QImageReader plainReader(plain);
    QCOMPARE(plainReader.size(), kPlotSize);
    QCOMPARE(plainReader.text(QStringLiteral("Title")),
             QStringLiteral("Cost against kept dimensions"));
    QVERIFY(plainReader.text(QStringLiteral("Description")).isEmpty());
    QCOMPARE(plainReader.text(QStringLiteral("Software")), QStringLiteral("opdims"));

    // A scale that does not divide evenly rounds the image's size.
    options.size = QSize(401, 301);
    options.scale = 1.5;
    QVERIFY(view.exportFigure(path, options));
    QCOMPARE(QImageReader(path).size(), QSize(602, 452));
}

void TestPlotView::figure_annotation_isAStripBelowThePlot_onlyInTheFile() {
    PlotView view;
    setUpCostView(view);
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    const QRect screenAxes = plot->axisRect()->outerRect();
    const int screenRows = plot->plotLayout()->rowCount();
    LayoutProbe probe(plot);
    QTemporaryDir dir;
    FigureOptions options;
    options.size = QSize(800, 500);
    options.scale = 2.0;
    options.metadata = settings();

    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    QVERIFY(view.exportFigure(plain, options));
    QCOMPARE(probe.ofWidth(800).size(), 1);
    QCOMPARE(probe.ofWidth(800).first().viewport, QRect(0, 0, 800, 500));

    probe.clear();
    options.annotation = kAnnotation;
    const QString annotated = dir.filePath(QStringLiteral("annotated.png"));
    QVERIFY(view.exportFigure(annotated, options));
    QCOMPARE(probe.ofWidth(800).size(), 1);
    const QRect plotPart = probe.ofWidth(800).first().viewport;
    // Two lines of small text: the plot gives up a strip of some 30-60 logical pixels.
    QCOMPARE(plotPart.topLeft(), QPoint(0, 0));
    QVERIFY2(plotPart.height() >= 440 && plotPart.height() <= 470,
             qPrintable(QString::number(plotPart.height())));
    const QImage image(annotated);
    QCOMPARE(image.size(), QSize(1600, 1000));
    // The text is in the strip, and the plot above it is complete: its own edge rows are empty.
    QVERIFY(inkInRows(image, plotPart.height() * 2, 1000) > 500);
    QCOMPARE(inkInRows(image, plotPart.height() * 2 - 2, plotPart.height() * 2), 0);
    QCOMPARE(inkOnTheEdge(image), 0);
    const QImage plainImage(plain);
    QCOMPARE(plainImage.size(), QSize(1600, 1000));
    QCOMPARE(inkOnTheEdge(plainImage), 0);

    // The view on screen neither shows the annotation nor keeps the figure's layout.
    QCOMPARE(plot->plotLayout()->rowCount(), screenRows);
    QCOMPARE(plot->axisRect()->outerRect(), screenAxes);
}

void TestPlotView::figure_tooLongAnnotation_fails() {
    PlotView view;
    setUpCostView(view);
    QTemporaryDir dir;
    FigureOptions options;
    options.size = QSize(400, 300);
    QStringList lines;
    for (int i = 0; i < 20; ++i)
        lines.append(QStringLiteral("setting %1 = %2").arg(i).arg(i * 0.5));
    options.annotation = lines.join(u'\n');
    // The plot would keep less than 150 logical pixels: no figure rather than a clipped one.
    for (const QString& name :
         {QStringLiteral("long.png"), QStringLiteral("long.svg"), QStringLiteral("long.pdf")}) {
        QVERIFY(!view.exportFigure(dir.filePath(name), options));
        QVERIFY(!QFileInfo::exists(dir.filePath(name)));
    }
    QVERIFY(QDir(dir.path()).isEmpty());
    // The same text fits a taller figure.
    options.size = QSize(400, 700);
    QVERIFY(view.exportFigure(dir.filePath(QStringLiteral("tall.png")), options));
}

void TestPlotView::figureSvg_hasTitleAndDescription_andDrawsTheAnnotationOnRequest() {
    PlotView view;
    setUpCostView(view);
    QTemporaryDir dir;
    FigureOptions options;
    options.size = QSize(800, 500);
    options.title = QStringLiteral("Cost & k <operative>");
    options.metadata = settings();
    // Drawn text is a <text> element; the description (<desc>) is not drawn.
    const QRegularExpression drawnAnnotation(
        QStringLiteral("<text[^>]*>[^<]*network toy-rnn\\.h5[^<]*</text>"));

    const QString plain = dir.filePath(QStringLiteral("plain.svg"));
    QVERIFY(view.exportFigure(plain, options));
    const QString plainText = QString::fromUtf8(readAll(plain));
    QVERIFY(plainText.contains(QStringLiteral("<title>Cost &amp; k &lt;operative&gt;</title>")));
    QCOMPARE(plainText.count(QStringLiteral("<title>")), 1); // not Qt's own as well
    QCOMPARE(plainText.count(QStringLiteral("<desc>")), 1);
    QVERIFY(plainText.contains(
        QStringLiteral("<desc>basis: operative\nk: 20\nnetwork: toy-rnn.h5</desc>")));
    QVERIFY(!plainText.contains(drawnAnnotation));
    QVERIFY(!plainText.contains(QStringLiteral("\u0394cost")));
    // Tick labels are text, not pixmaps.
    QVERIFY(!plainText.contains(QStringLiteral("<image")));
    // The figure's size at 96 dpi: 800 x 500 logical pixels.
    QVERIFY(plainText.contains(QStringLiteral("viewBox=\"0 0 800 500\"")));

    options.annotation = kAnnotation;
    const QString annotated = dir.filePath(QStringLiteral("annotated.svg"));
    QVERIFY(view.exportFigure(annotated, options));
    const QString text = QString::fromUtf8(readAll(annotated));
    QVERIFY(text.contains(drawnAnnotation));
    // The second line (its "\u0394" may be a text element of its own, in a fallback font).
    QVERIFY(text.contains(QRegularExpression(
        QStringLiteral("<text[^>]*>[^<]*\u2248 1e-4 \\(trial set: 40 trials\\)</text>"))));
    QVERIFY(text.contains(QRegularExpression(QStringLiteral("<text[^>]*>\u0394"))));
    QVERIFY(text.contains(QStringLiteral("<desc>") + kAnnotation +
                          QStringLiteral("\nbasis: operative\nk: 20\nnetwork: toy-rnn.h5</desc>")));
}

void TestPlotView::figurePdf_isOnePageOfTheFigure_withTitleAndDescription() {
    PlotView view;
    setUpCostView(view);
    QTemporaryDir dir;
    FigureOptions options;
    options.size = QSize(800, 500);
    options.title = QStringLiteral("Cost (k) \u2013 \u0394 & more");
    options.annotation = kAnnotation;
    options.metadata = settings();
    const QString path = dir.filePath(QStringLiteral("cost.pdf"));
    QVERIFY(view.exportFigure(path, options));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF"));
    // The Info dictionary (never compressed).
    QVERIFY(pdfHasTextString(pdf, options.title));
    QVERIFY(pdfHasTextString(pdf, QStringLiteral("opdims")));
    // XMP: the title and the description in UTF-8.
    QVERIFY(pdf.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Cost (k) \xe2\x80\x93 "
                         "\xce\x94 &amp; more</rdf:li></rdf:Alt></dc:title>"));
    QVERIFY(pdf.contains(QStringLiteral("<dc:description><rdf:Alt><rdf:li "
                                        "xml:lang=\"x-default\">%1\nbasis: operative\nk: 20\n"
                                        "network: toy-rnn.h5</rdf:li></rdf:Alt></dc:description>")
                             .arg(kAnnotation)
                             .toUtf8()));
    QVERIFY(pdf.contains("xmp:CreatorTool=\"opdims\""));
    // One page of 800 x 500 logical pixels at 96 dpi = 600 x 375 points, no A4 around it.
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page "), 1);
    const QRegularExpression mediaBox(
        QStringLiteral("/MediaBox \\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(match.hasMatch());
    QCOMPARE(match.captured(1).toDouble(), 600.0);
    QCOMPARE(match.captured(2).toDouble(), 375.0);
}

void TestPlotView::figure_unwritableOrImpossible_failsAndLeavesFilesAlone() {
    PlotView view;
    setUpCostView(view);
    QTemporaryDir dir;
    FigureOptions options;
    options.annotation = kAnnotation;
    options.title = QStringLiteral("Cost");
    const QString missing = dir.filePath(QStringLiteral("missing/plot"));
    for (const QString& suffix :
         {QStringLiteral(".png"), QStringLiteral(".svg"), QStringLiteral(".pdf")}) {
        QVERIFY(!view.exportFigure(missing + suffix, options));
    }
    // An unknown format.
    QVERIFY(!view.exportFigure(dir.filePath(QStringLiteral("plot.jpg")), options));
    QVERIFY(!view.exportFigure(dir.filePath(QStringLiteral("plot")), options));
    QVERIFY(QDir(dir.path()).isEmpty());

    // Impossible options fail before the file is touched: an earlier figure stays as it was.
    const QString path = dir.filePath(QStringLiteral("plot.png"));
    QVERIFY(view.exportFigure(path, options));
    const QByteArray before = readAll(path);
    QVERIFY(!before.isEmpty());
    const auto fails = [&](const QSize& size, double scale) {
        FigureOptions bad = options;
        bad.size = size;
        bad.scale = scale;
        return !view.exportFigure(path, bad);
    };
    QVERIFY(fails(QSize(800, 500), 0.0));
    QVERIFY(fails(QSize(800, 500), -2.0));
    QVERIFY(fails(QSize(800, 500), std::nan("")));
    QVERIFY(fails(QSize(800, 500), 100.0));   // 80000 pixels wide
    QVERIFY(fails(QSize(10000, 10000), 1.0)); // 100 megapixels
    QVERIFY(fails(QSize(199, 500), 1.0));     // narrower than the view may be
    QVERIFY(fails(QSize(20000, 300), 1.0));   // wider than 16384, in any format
    QVERIFY(fails(QSize(800, 500), 1.0) == false);
    QCOMPARE(readAll(path).size() > 0, true);
    QVERIFY(!view.exportFigure(dir.filePath(QStringLiteral("wide.pdf")),
                               FigureOptions{QSize(20000, 300), 1.0, {}, {}, {}}));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("plot.png")});
}

void TestPlotView::figure_legendAndLabels_insideTheImage_data() {
    QTest::addColumn<bool>("beside");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    for (const bool beside : {false, true}) {
        const char* where = beside ? "beside" : "inset";
        QTest::addRow("%s 400x300", where) << beside << QSize(400, 300) << 1.0;
        QTest::addRow("%s 1200x800", where) << beside << QSize(1200, 800) << 1.0;
        QTest::addRow("%s 800x500 x3", where) << beside << QSize(800, 500) << 3.0;
    }
}

void TestPlotView::figure_legendAndLabels_insideTheImage() {
    QFETCH(bool, beside);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    PlotView view;
    setUpCostView(view);
    view.setLegendBeside(beside);
    auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot != nullptr);
    LayoutProbe probe(plot);
    QTemporaryDir dir;
    for (const bool annotated : {false, true}) {
        probe.clear();
        FigureOptions options;
        options.size = size;
        options.scale = scale;
        options.annotation = annotated ? kAnnotation : QString();
        const QString path = dir.filePath(QStringLiteral("legend.png"));
        QVERIFY(view.exportFigure(path, options));
        const QVector<FigureLayout> layouts = probe.ofWidth(size.width());
        QCOMPARE(layouts.size(), 1);
        const FigureLayout& layout = layouts.first();
        QVERIFY(plot->legend->visible());
        // The legend's frame, drawn from its outer rect's left/top to right() + 1/bottom() + 1,
        // with a pixel of white beyond it.
        const QRect inside = layout.viewport.adjusted(1, 1, -1, -1);
        const QRect frame = layout.legend.adjusted(0, 0, 1, 1);
        QVERIFY2(inside.contains(frame),
                 qPrintable(QStringLiteral("legend frame %1,%2 %3x%4 in %5x%6")
                                .arg(frame.x())
                                .arg(frame.y())
                                .arg(frame.width())
                                .arg(frame.height())
                                .arg(layout.viewport.width())
                                .arg(layout.viewport.height())));
        QVERIFY(layout.viewport.contains(layout.axisRect));
        if (beside) {
            // Beside the axes, not over them, its top level with theirs, as tall as its entries.
            QVERIFY(layout.legend.left() > layout.axisRect.right());
            QCOMPARE(layout.legend.top(),
                     layout.axisRect.top() + plot->axisRect()->minimumMargins().top());
            QVERIFY(layout.legend.height() < layout.axisRect.height() / 2);
        } else {
            QVERIFY(layout.axisRect.contains(layout.legend));
        }
        // The title spans the figure, not only the axes' column.
        QCOMPARE(layout.title.left(), 0);
        QCOMPARE(layout.title.width(), size.width());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(qRound(size.width() * scale), qRound(size.height() * scale)));
        // Nothing (legend frame, tick or axis labels, annotation) reaches the image's edge.
        QCOMPARE(inkOnTheEdge(image), 0);
    }
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
    QTRY_VERIFY_WITH_TIMEOUT(replots.count() >= 1, 20000);
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
    // Beside the axes, out of their inset layout; the title still has a row of its own, the
    // plot layout's only column, so it spans the legend too.
    QVERIFY(plot->legend->layout() != plot->axisRect()->insetLayout());
    QCOMPARE(plot->plotLayout()->columnCount(), 1);
    QCOMPARE(plot->plotLayout()->rowCount(), 2);
    QVERIFY(qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)) != nullptr);
    view.setSeries(costSeries());
    QCOMPARE(plot->legend->layout(), static_cast<QCPLayout*>(plot->axisRect()->insetLayout()));
    QCOMPARE(plot->plotLayout()->element(1, 0), static_cast<QCPLayoutElement*>(plot->axisRect()));
    view.setTitle(QString());
    QCOMPARE(plot->plotLayout()->rowCount(), 1);
    // Back and forth with the title added in between: the axes keep their row.
    view.setSeries(many);
    view.setTitle(QStringLiteral("Output"));
    view.setSeries(costSeries());
    QCOMPARE(plot->plotLayout()->rowCount(), 2);
    QCOMPARE(plot->plotLayout()->element(1, 0), static_cast<QCPLayoutElement*>(plot->axisRect()));
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

// German writes the exponent with an upper-case E ("1E-01"); the log axis still shows powers of
// ten, so the cost plot (integer x ticks) looks the same as in English.
void TestPlotView::logTicks_arePowersOfTenInAnyLocale() {
    auto render = [](const QLocale& locale) {
        const QLocale before;
        QLocale::setDefault(locale);
        PlotView view;
        setUpCostView(view);
        view.show();
        const bool exposed = QTest::qWaitForWindowExposed(&view);
        const QImage image = view.renderImage();
        auto* plot = view.findChild<QCustomPlot*>();
        const QVector<QString> labels = plot->yAxis->tickVectorLabels();
        QLocale::setDefault(before);
        return std::make_tuple(exposed, image, labels);
    };
    const auto [exposedEn, english, labelsEn] = render(QLocale(QLocale::English));
    const auto [exposedDe, german, labelsDe] = render(QLocale(QLocale::German));
    QVERIFY(exposedEn && exposedDe);
    QVERIFY(!labelsDe.isEmpty());
    for (const QString& label : labelsDe)
        QVERIFY2(!label.contains(QLatin1Char('E')), qPrintable(label));
    QCOMPARE(labelsDe, labelsEn);
    QImage diff;
    QCOMPARE(opdims::test::differingFraction(english, german, &diff), 0.0);
}

// The time cursor moves at every playback frame and is redrawn on its own layer: the picture is
// the one a full replot gives.
void TestPlotView::movedMarker_isDrawnAsAFullReplotDrawsIt() {
    PlotView moved;
    setUpCostView(moved);
    moved.show();
    QVERIFY(QTest::qWaitForWindowExposed(&moved));
    moved.findChild<QCustomPlot*>()->replot();
    const QImage before = moved.grab().toImage();
    moved.setMarkerX(35.0);
    QCOMPARE(moved.markerX(), std::optional<double>(35.0));
    QCoreApplication::processEvents();
    const QImage after = moved.grab().toImage();
    PlotView fresh;
    setUpCostView(fresh);
    fresh.setMarkerX(35.0);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    fresh.findChild<QCustomPlot*>()->replot();
    QImage diff;
    QVERIFY(opdims::test::differingFraction(before, after, &diff) > 0.0);
    QCOMPARE(opdims::test::differingFraction(after, fresh.grab().toImage(), &diff), 0.0);
    moved.setMarkerX(std::nullopt);
    QCoreApplication::processEvents();
    QVERIFY(!moved.markerX());
    fresh.setMarkerX(std::nullopt);
    fresh.findChild<QCustomPlot*>()->replot();
    QCOMPARE(opdims::test::differingFraction(moved.grab().toImage(), fresh.grab().toImage(), &diff),
             0.0);
}

void TestPlotView::interfaceScale_enlargesTextAndLines() {
    PlotView view;
    view.resize(600, 400);
    view.setTitle(QStringLiteral("cost vs k"));
    view.setSeries({PlotSeries{QStringLiteral("PC"), Qt::blue, {1, 2, 3}, {3, 2, 1}}});
    auto* plot = view.findChild<QCustomPlot*>();
    const double tick = plot->xAxis->tickLabelFont().pointSizeF();
    const double label = plot->xAxis->labelFont().pointSizeF();
    const double legend = plot->legend->font().pointSizeF();
    const double pen = plot->graph(0)->pen().widthF();
    QCOMPARE(view.interfaceScale(), 1.0);
    view.setInterfaceScale(2.0);
    QCOMPARE(view.interfaceScale(), 2.0);
    QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), 2 * tick);
    QCOMPARE(plot->yAxis->labelFont().pointSizeF(), 2 * label);
    QCOMPARE(plot->legend->font().pointSizeF(), 2 * legend);
    QCOMPARE(plot->graph(0)->pen().widthF(), 2 * pen);
    // New series keep the scale; back to 1 restores every size.
    view.setSeries({PlotSeries{QStringLiteral("op"), Qt::red, {1, 2}, {1, 1}}});
    QCOMPARE(plot->graph(0)->pen().widthF(), 2 * pen);
    view.setInterfaceScale(1.0);
    QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tick);
    QCOMPARE(plot->graph(0)->pen().widthF(), pen);
}

QTEST_MAIN(TestPlotView)
#include "tst_plot_view.moc"
