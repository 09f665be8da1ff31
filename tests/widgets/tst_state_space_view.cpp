// Tests of the 3D state space view: it renders, matches its baseline, hides layers, interacts.
#include "image_compare.h"

#include "widgets/internal/scene_annotations.h"
#include "widgets/internal/vtk_host.h"
#include "widgets/palette.h"
#include "widgets/state_space_view.h"
#include "widgets/surface_format.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QWindow>

#include <vtkNew.h>
#include <vtkRenderer.h>

#include <cmath>
#include <limits>

using namespace opdims::widgets;

namespace {

constexpr QSize kViewSize(640, 480);
const QColor kWhite(255, 255, 255);

// Four condition trajectories spiralling from their initial states into a common fixed point.
QVector<Polyline3D> fullTrajectories() {
    QVector<Polyline3D> lines;
    for (int c = 0; c < 4; ++c) {
        Polyline3D line;
        line.label = QStringLiteral("condition %1").arg(c + 1);
        line.color = conditionColor(c, 4);
        const double phase = c * M_PI / 2.0;
        for (int t = 0; t <= 200; ++t) {
            const double s = t / 200.0;
            const double r = 3.0 * std::exp(-2.0 * s);
            line.points.append(QVector3D(static_cast<float>(r * std::cos(phase + 6.0 * s)),
                                         static_cast<float>(r * std::sin(phase + 6.0 * s)),
                                         static_cast<float>(2.0 * (1.0 - s) + 0.5 * c - 1.0)));
        }
        line.width = 3.0;
        lines.append(line);
    }
    return lines;
}

// The same trajectories as a reduced-rank network might give them: shrunk and shifted.
QVector<Polyline3D> reducedTrajectories() {
    QVector<Polyline3D> lines = fullTrajectories();
    for (Polyline3D& line : lines)
        for (QVector3D& p : line.points)
            p = p * 0.8f + QVector3D(0.3f, 0.0f, 0.2f);
    return lines;
}

// Fraction of the image not in the white background: a real scene covers a few percent; a black
// or garbage frame (what a broken GL hand-over gives) covers nearly all of it.
double coveredFraction(const QImage& image) {
    return static_cast<double>(opdims::test::countPixelsUnlike(image, kWhite)) /
           (static_cast<double>(image.width()) * image.height());
}

void fillScene(StateSpaceView& view) {
    view.setAxisLabels(QStringLiteral("PC 1"), QStringLiteral("PC 2"), QStringLiteral("PC 3"));
    const QVector<Polyline3D> full = fullTrajectories();
    view.setTrajectories(full, reducedTrajectories());
    QVector<Marker3D> markers;
    for (const Polyline3D& line : full)
        for (int t = 0; t <= 200; t += 40)
            markers.append(Marker3D{line.points[t], line.color, 1.0, QString()});
    view.setSamplingLocations(markers);
    view.setFixedPoints({FixedPointGlyph{QVector3D(0, 0, -0.2f),
                                         Stability::Stable,
                                         {QVector3D(0.6f, 0, 0), QVector3D(0, 0.6f, 0)},
                                         QStringLiteral("stable")},
                         FixedPointGlyph{QVector3D(2.5f, -2.5f, 1.5f),
                                         Stability::Saddle,
                                         {QVector3D(0.6f, 0.6f, 0)},
                                         QStringLiteral("saddle")}});
    QVector<Arrow3D> arrows;
    for (int i = -1; i <= 1; ++i)
        arrows.append(Arrow3D{QVector3D(2.5f * i, 2.5f, -1.0f), QVector3D(-0.4f * i, -0.6f, 0.2f),
                              QColor(0x55, 0x55, 0x55)});
    view.setFlowArrows(arrows);
    QVector<LegendEntry> legend;
    for (const Polyline3D& line : full)
        legend.append(LegendEntry{line.label, line.color});
    legend.append(LegendEntry{QStringLiteral("reduced (dashed)"), QColor(0x55, 0x55, 0x55)});
    view.setLegend(legend);
}

} // namespace

class TestStateSpaceView : public QObject {
    Q_OBJECT
public:
    static void initMain() { setDefaultSurfaceFormat(); }

private slots:
    void shownView_rendersMoreThanBackground();
    void hiddenView_stillRenders();
    void emptyView_isBackgroundOnly();
    void scene_matchesBaseline();
    void hidingTrajectoryLayers_removesTheirPixels();
    void mouseDrag_rotatesAndResetCameraRestores();
    void mouseWheel_zooms();
    void darkBackground_isDark();
    void nonFinitePoints_areSkipped();
    void reparenting_keepsRendering();
    void savePng_writesFileOrFailsCleanly();
    void clickOnFixedPoint_picksIt();
    void highlightedFixedPoint_isDrawnAndReset();
    void interfaceScale_enlargesTextAndGlyphs();
    void timeMarkersAndCaption_areDrawnAndCopied();
    void largeRender_hasTheSizeAskedFor();
    void animationFrames_skipAntiAliasingUntilTheyStop();
    void ownWindow_drawsFramesAndHandsMouseAndFocusToTheHost();
    void grabWithViews_drawsTheSceneIntoAWindowGrab();
    void axisBox_staysPutWhenTheDataMovesALittle();
};

void TestStateSpaceView::axisBox_staysPutWhenTheDataMovesALittle() {
    using opdims::widgets::detail::Bounds;
    vtkNew<vtkRenderer> renderer;
    opdims::widgets::detail::SceneAnnotations annotations(renderer);
    const Bounds data{-1.03, 2.91, -0.52, 1.48, 0.11, 2.97};
    const Bounds box = annotations.setDataBounds(data, true);
    // Around the data, on a grid of a 1, 2 or 5 times a power of ten (here 0.1: 3.94 / 40
    // rounded up), at most one step wider on each side.
    const double step = 0.1;
    for (int side = 0; side < 6; ++side) {
        const bool low = side % 2 == 0;
        QVERIFY(low ? box[side] <= data[side] : box[side] >= data[side]);
        QVERIFY(std::abs(box[side] - data[side]) < step + 1e-9);
        QVERIFY(std::abs(box[side] / step - std::round(box[side] / step)) < 1e-6);
    }
    // The reduced-rank network at the next k moves the data a little: the same box, so VTK keeps
    // its axes and labels.
    Bounds moved = data;
    moved[0] += 0.02;
    moved[3] -= 0.03;
    moved[5] += 0.02;
    QVERIFY(annotations.setDataBounds(moved, true) == box);
    // Out of the box, it grows (its grid with it: 4.06 / 40 rounds up to 0.2).
    moved[1] = 3.05;
    const Bounds grown = annotations.setDataBounds(moved, true);
    QVERIFY2(grown[1] >= 3.05 && grown[1] <= 3.05 + 0.2 + 1e-9,
             qPrintable(QString::number(grown[1])));
    // Flat data still gets a box that reads as 3D.
    const Bounds flat = annotations.setDataBounds({0.0, 1.0, 0.0, 1.0, 0.5, 0.5}, true);
    QVERIFY(flat[5] - flat[4] >= 0.45);
}

void TestStateSpaceView::ownWindow_drawsFramesAndHandsMouseAndFocusToTheHost() {
    // The view draws into a native window of its own, in frames of their own.
    QWidget top;
    auto* layout = new QVBoxLayout(&top);
    auto* edit = new QLineEdit(&top);
    layout->addWidget(edit);
    auto* view = new StateSpaceView(&top);
    layout->addWidget(view);
    top.resize(kViewSize + QSize(0, 40));
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    fillScene(*view);
    view->resetCamera();
    auto* host = view->findChild<VtkHost*>();
    QVERIFY(host);
    QWindow* surface = host->surface();
    QVERIFY(surface && surface->isExposed());
    QVERIFY(surface->flags() & Qt::WindowDoesNotAcceptFocus);
    QSignalSpy shown(view, &StateSpaceView::frameShown);
    view->setCaption(QStringLiteral("t = 0.5 s"));
    QVERIFY(shown.wait(20000));
    QVERIFY(host->framesShown() > 0);
    // The text box has the keys; a click on the picture picks the glyph under it, and the keys
    // go to the host widget (the window's shortcuts keep working), not to the native window.
    edit->setFocus();
    QCOMPARE(top.focusWidget(), edit);
    QSignalSpy picked(view, &StateSpaceView::fixedPointPicked);
    const std::optional<QPointF> saddle = view->fixedPointPosition(1);
    QVERIFY(saddle);
    QTest::mouseClick(surface, Qt::LeftButton, Qt::NoModifier,
                      host->mapFrom(view, saddle->toPoint()));
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.first().first().toInt(), 1);
    QCOMPARE(top.focusWidget(), host);
    // A drag on the native window turns the camera.
    const StateSpaceView::CameraState before = view->camera();
    const QPoint start(host->width() / 2, host->height() / 2);
    QTest::mousePress(surface, Qt::LeftButton, Qt::NoModifier, start);
    for (int step = 1; step <= 5; ++step)
        QTest::mouseMove(surface, start + QPoint(15 * step, 0));
    QTest::mouseRelease(surface, Qt::LeftButton, Qt::NoModifier, start + QPoint(75, 0));
    QVERIFY(!(view->camera() == before));
}

void TestStateSpaceView::grabWithViews_drawsTheSceneIntoAWindowGrab() {
    QWidget top;
    auto* layout = new QVBoxLayout(&top);
    layout->setContentsMargins(20, 30, 20, 10);
    auto* view = new StateSpaceView(&top);
    layout->addWidget(view);
    top.resize(kViewSize + QSize(40, 40));
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    fillScene(*view);
    const QImage scene = view->renderImage();
    const QImage shot = opdims::widgets::grabWithViews(&top).toImage();
    const QRect at(view->mapTo(&top, QPoint(0, 0)), view->size());
    QImage diff;
    QCOMPARE(opdims::test::differingFraction(scene.convertToFormat(QImage::Format_RGB32),
                                             shot.copy(at).convertToFormat(QImage::Format_RGB32),
                                             &diff),
             0.0);
}

void TestStateSpaceView::animationFrames_skipAntiAliasingUntilTheyStop() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    auto* host = view.findChild<VtkHost*>();
    QVERIFY(host);
    QVERIFY(host->adaptiveQuality());
    QImage diff;
    // A frame after a pause is anti-aliased; the third of frames in quick succession is not.
    // The pause: no frame on screen (the first ones, exposures, the scene's) for the animation
    // gap. A slow first frame can end late, so a fixed wait from here is not enough.
    for (int tries = 0; tries < 20; ++tries) {
        const int shown = host->framesShown();
        QTest::qWait(VtkHost::kAnimationGapMs + 100);
        if (host->framesShown() == shown)
            break;
    }
    const QImage still = host->renderFrame();
    const int fullSamples = host->lastFrameSamples();
    QVERIFY2(fullSamples > 1, qPrintable(QString::number(fullSamples)));
    host->renderFrame();
    const QImage animation = host->renderFrame();
    QCOMPARE(host->lastFrameSamples(), 0);
    // Same scene, other edges: the anti-aliased lines' blended pixels are gone.
    const double changed = opdims::test::differingFraction(still, animation, &diff);
    QVERIFY2(changed > 0.001, qPrintable(QString::number(changed)));
    // Once the frames stop, the last picture is drawn again anti-aliased, as it was.
    QTRY_COMPARE_WITH_TIMEOUT(host->lastFrameSamples(), fullSamples, 20000);
    QCOMPARE(opdims::test::differingFraction(still, host->renderFrame(), &diff), 0.0);
    // Pictures for files are always anti-aliased, however quickly they follow each other.
    host->renderFrame();
    host->renderFrame();
    QCOMPARE(host->lastFrameSamples(), 0);
    const QImage saved = view.renderImage();
    QCOMPARE(host->lastFrameSamples(), fullSamples);
    QCOMPARE(opdims::test::differingFraction(still, saved, &diff), 0.0);
    // Switched off: every frame is anti-aliased.
    host->setAdaptiveQuality(false);
    for (int i = 0; i < 3; ++i)
        host->renderFrame();
    QCOMPARE(host->lastFrameSamples(), fullSamples);
}

void TestStateSpaceView::interfaceScale_enlargesTextAndGlyphs() {
    // Text only (a caption, no data): the inked area grows with the square of the scale.
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCaption(QStringLiteral("t = 0.901 s · stimulus"));
    const qsizetype one = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    view.setInterfaceScale(2.0);
    QCOMPARE(view.interfaceScale(), 2.0);
    const qsizetype two = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    QVERIFY2(one > 50 && two > 2.5 * one, qPrintable(QStringLiteral("%1 %2").arg(one).arg(two)));
    // Glyphs too: a single sampling location marker.
    view.setCaption(QString());
    view.setInterfaceScale(1.0);
    view.setLayerVisible(Layer::Axes, false);
    view.setSamplingLocations({{QVector3D(0, 0, 0), Qt::red, 1.0, QString()}});
    view.resetCamera();
    const qsizetype dot = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    view.setInterfaceScale(2.5);
    const qsizetype bigDot = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    QVERIFY2(dot > 10 && bigDot > 4 * dot,
             qPrintable(QStringLiteral("%1 %2").arg(dot).arg(bigDot)));
}

void TestStateSpaceView::timeMarkersAndCaption_areDrawnAndCopied() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    view.resetCamera();
    const qsizetype before = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    view.setTimeMarkers({{QVector3D(0, 0, 0), Qt::blue, 2.0, QString()}});
    view.setCaption(QStringLiteral("t = 1 s"));
    const QImage marked = view.renderImage();
    QVERIFY(opdims::test::countPixelsUnlike(marked, kWhite) > before);
    // Time markers neither move the camera nor the axes.
    const auto camera = view.camera();
    view.setTimeMarkers({{QVector3D(100, 100, 100), Qt::blue, 2.0, QString()}});
    QVERIFY(view.camera() == camera);
    view.setTimeMarkers({{QVector3D(0, 0, 0), Qt::blue, 2.0, QString()}});
    // A copy shows the same picture.
    StateSpaceView copy;
    copy.resize(kViewSize);
    copy.show();
    QVERIFY(QTest::qWaitForWindowExposed(&copy));
    copy.copyContentFrom(view);
    QCOMPARE(copy.caption(), view.caption());
    QImage diff;
    QVERIFY(opdims::test::differingFraction(marked, copy.renderImage(), &diff) < 0.01);
}

void TestStateSpaceView::largeRender_hasTheSizeAskedFor() {
    StateSpaceView view;
    view.resize(kViewSize);
    fillScene(view);
    const QSize big = kViewSize * 3;
    const QImage image = view.renderImage(big, 3.0);
    QCOMPARE(image.size(), big);
    // The same picture, three times as large (text and lines scaled with it).
    const QImage small = view.renderImage().scaled(big);
    QImage diff;
    const double differs = opdims::test::differingFraction(image, small, &diff);
    QVERIFY2(differs < 0.2, qPrintable(QString::number(differs)));
    QVERIFY(view.renderImage(QSize(), 1.0).isNull());
}

void TestStateSpaceView::shownView_rendersMoreThanBackground() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTrajectories(fullTrajectories(), {});
    const QImage image = view.renderImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), kViewSize * view.devicePixelRatioF());
    // Four thick trajectories and the axes cover a few percent of the view.
    const double fraction = coveredFraction(image);
    QVERIFY2(fraction > 0.02 && fraction < 0.5, qPrintable(QString::number(fraction)));
}

void TestStateSpaceView::hiddenView_stillRenders() {
    StateSpaceView view;
    view.resize(kViewSize);
    fillScene(view);
    const QImage image = view.renderImage();
    QVERIFY(!image.isNull());
    const double fraction = coveredFraction(image);
    QVERIFY2(fraction > 0.02 && fraction < 0.5, qPrintable(QString::number(fraction)));
    QVERIFY(!view.isVisible());
}

void TestStateSpaceView::emptyView_isBackgroundOnly() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.renderImage();
    QVERIFY(!image.isNull());
    QCOMPARE(opdims::test::countPixelsUnlike(image, kWhite), 0);
}

void TestStateSpaceView::scene_matchesBaseline() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    if (view.devicePixelRatioF() != 1.0)
        QSKIP("the baseline is for a device pixel ratio of 1");
    fillScene(view);
    view.resetCamera();
    opdims::test::compareWithBaseline(view.renderImage(), QStringLiteral("state_space_view"));
}

void TestStateSpaceView::hidingTrajectoryLayers_removesTheirPixels() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    const qsizetype all = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    view.setLayerVisible(Layer::FullTrajectories, false);
    view.setLayerVisible(StateSpaceView::Layer::ReducedTrajectories, false);
    QVERIFY(!view.isLayerVisible(Layer::FullTrajectories));
    const qsizetype without = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    QVERIFY2(without < all * 0.8, qPrintable(QStringLiteral("%1 vs %2").arg(without).arg(all)));
    view.setLayerVisible(Layer::FullTrajectories, true);
    view.setLayerVisible(Layer::ReducedTrajectories, true);
    QCOMPARE(opdims::test::countPixelsUnlike(view.renderImage(), kWhite), all);
}

void TestStateSpaceView::mouseDrag_rotatesAndResetCameraRestores() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    const QImage before = view.renderImage();
    auto* host = view.findChild<VtkHost*>();
    QVERIFY(host != nullptr);
    const QPoint start(host->width() / 2, host->height() / 2);
    QTest::mousePress(host, Qt::LeftButton, Qt::NoModifier, start);
    for (int step = 1; step <= 10; ++step)
        QTest::mouseMove(host, start + QPoint(12 * step, 4 * step));
    QTest::mouseRelease(host, Qt::LeftButton, Qt::NoModifier, start + QPoint(120, 40));
    const QImage rotated = view.renderImage();
    QImage diff;
    QVERIFY(opdims::test::differingFraction(before, rotated, &diff) > 0.01);
    view.resetCamera();
    QVERIFY(opdims::test::differingFraction(before, view.renderImage(), &diff) < 0.001);
}

void TestStateSpaceView::mouseWheel_zooms() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    const qsizetype before = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    auto* host = view.findChild<VtkHost*>();
    QVERIFY(host != nullptr);
    const QPointF centre(host->width() / 2.0, host->height() / 2.0);
    for (int notch = 0; notch < 3; ++notch) {
        QWheelEvent wheel(centre, host->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(host, &wheel);
    }
    // Zoomed in, the scene covers more of the view.
    const qsizetype after = opdims::test::countPixelsUnlike(view.renderImage(), kWhite);
    QVERIFY2(after > before * 1.2, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(before)));
}

void TestStateSpaceView::darkBackground_isDark() {
    StateSpaceView view;
    view.resize(kViewSize);
    fillScene(view);
    view.setDarkBackground(true);
    const QImage image = view.renderImage();
    QVERIFY(!image.isNull());
    const QColor corner = image.pixelColor(image.width() - 2, image.height() - 2);
    QVERIFY2(corner.lightness() < 40, qPrintable(corner.name()));
    QVERIFY(opdims::test::countPixelsUnlike(image, corner) > 5000);
}

// A diverging reduced-rank network gives inf or NaN states: the finite rest is still drawn and
// the camera and axes stay on the finite data.
void TestStateSpaceView::nonFinitePoints_areSkipped() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVector<Polyline3D> reduced = reducedTrajectories();
    const float inf = std::numeric_limits<float>::infinity();
    reduced[0].points[50] = QVector3D(inf, 0.0f, 0.0f);
    reduced[1].points[10] = QVector3D(std::nanf(""), 1.0f, 1.0f);
    view.setTrajectories(fullTrajectories(), reduced);
    const QImage withBadPoints = view.renderImage();
    view.setTrajectories(fullTrajectories(), reducedTrajectories());
    view.resetCamera();
    const QImage clean = view.renderImage();
    QImage diff;
    // Only the gaps around the two dropped points differ.
    const double changed = opdims::test::differingFraction(withBadPoints, clean, &diff);
    QVERIFY2(changed < 0.01, qPrintable(QString::number(changed)));
    const double fraction = coveredFraction(withBadPoints);
    QVERIFY2(fraction > 0.02 && fraction < 0.5, qPrintable(QString::number(fraction)));
}

// A dock that floats moves the view to another window, and Qt gives it a new OpenGL context.
void TestStateSpaceView::reparenting_keepsRendering() {
    QWidget first;
    QWidget second;
    auto* view = new StateSpaceView(&first);
    view->resize(kViewSize);
    first.resize(kViewSize);
    second.resize(kViewSize);
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    fillScene(*view);
    const QImage before = view->renderImage();
    QVERIFY(opdims::test::countPixelsUnlike(before, kWhite) > 1000);
    view->setParent(&second);
    view->show();
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    const QImage after = view->renderImage();
    QCOMPARE(after.size(), before.size());
    QImage diff;
    const double changed = opdims::test::differingFraction(before, after, &diff);
    QVERIFY2(changed < 0.01, qPrintable(QString::number(changed)));
}

void TestStateSpaceView::savePng_writesFileOrFailsCleanly() {
    StateSpaceView view;
    view.resize(kViewSize);
    fillScene(view);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("view.png"));
    QVERIFY(view.savePng(path));
    const QImage saved(path);
    QVERIFY(!saved.isNull());
    QVERIFY(opdims::test::countPixelsUnlike(saved, kWhite) > 1000);
    QVERIFY(!view.savePng(dir.filePath(QStringLiteral("missing/folder/view.png"))));
}

void TestStateSpaceView::clickOnFixedPoint_picksIt() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    view.resetCamera();
    QVERIFY(!view.renderImage().isNull());
    auto* host = view.findChild<VtkHost*>();
    QVERIFY(host != nullptr);
    QSignalSpy picked(&view, &StateSpaceView::fixedPointPicked);
    const std::optional<QPointF> saddle = view.fixedPointPosition(1);
    const std::optional<QPointF> stable = view.fixedPointPosition(0);
    QVERIFY(saddle && stable);
    QVERIFY(!view.fixedPointPosition(2));
    QVERIFY(QRectF(host->rect()).contains(*saddle));
    // A little off the centre still hits the glyph.
    QTest::mouseClick(host, Qt::LeftButton, Qt::NoModifier, saddle->toPoint() + QPoint(3, -2));
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.takeFirst().first().toInt(), 1);
    QTest::mouseClick(host, Qt::LeftButton, Qt::NoModifier, stable->toPoint());
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.takeFirst().first().toInt(), 0);
    // Empty space, a drag over a glyph and a hidden layer pick nothing.
    QTest::mouseClick(host, Qt::LeftButton, Qt::NoModifier, QPoint(5, host->height() - 5));
    const QPoint from = saddle->toPoint() - QPoint(40, 0);
    QTest::mousePress(host, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(host, from + QPoint(10 * step, 0));
    QTest::mouseRelease(host, Qt::LeftButton, Qt::NoModifier, from + QPoint(40, 0));
    view.resetCamera();
    view.setLayerVisible(Layer::FixedPoints, false);
    QTest::mouseClick(host, Qt::LeftButton, Qt::NoModifier, saddle->toPoint());
    QCOMPARE(picked.count(), 0);
}

void TestStateSpaceView::highlightedFixedPoint_isDrawnAndReset() {
    StateSpaceView view;
    view.resize(kViewSize);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    fillScene(view);
    view.resetCamera();
    QCOMPARE(view.highlightedFixedPoint(), -1);
    const QImage before = view.renderImage();
    view.setHighlightedFixedPoint(1);
    QCOMPARE(view.highlightedFixedPoint(), 1);
    const QImage highlighted = view.renderImage();
    // The halo and the number are drawn around the saddle.
    const QPointF at = *view.fixedPointPosition(1) * view.devicePixelRatioF();
    int changedNear = 0, changedFar = 0;
    for (int y = 0; y < before.height(); ++y)
        for (int x = 0; x < before.width(); ++x)
            if (before.pixel(x, y) != highlighted.pixel(x, y))
                ++(QLineF(at, QPointF(x, y)).length() < 100 * view.devicePixelRatioF()
                       ? changedNear
                       : changedFar);
    QVERIFY2(changedNear > 100, qPrintable(QString::number(changedNear)));
    // Elsewhere at most the anti-aliasing of a few text pixels moves.
    QVERIFY2(changedFar < 30, qPrintable(QString::number(changedFar)));
    view.setHighlightedFixedPoint(7); // out of range: none
    QCOMPARE(view.highlightedFixedPoint(), -1);
    view.setHighlightedFixedPoint(1);
    view.setFixedPoints({FixedPointGlyph{QVector3D(0, 0, 0), Stability::Stable, {}, QString()}});
    QCOMPARE(view.highlightedFixedPoint(), -1);
}

QTEST_MAIN(TestStateSpaceView)
#include "tst_state_space_view.moc"
