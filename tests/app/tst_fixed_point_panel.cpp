// The Fixed points dock: a table of the shown points, linked both ways with the 3D view's glyphs,
// and the chosen point's Jacobian eigenvalues beside those of the full network's nearest point.
#include "app/explorer/ablation_panel.h"
#include "app/explorer/fixed_point_panel.h"
#include "app/explorer/labels.h"
#include "app/explorer/main_window.h"
#include "app/explorer/session.h"
#include "app/explorer/state_space_panel.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"
#include "widgets/surface_format.h"

#include "widgets/internal/vtk_host.h"
#include <QApplication>
#include <QDockWidget>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <cmath>
#include <limits>

using namespace opdims::explorer;

namespace {

const opdims::widgets::PlotSeries* seriesNamed(const opdims::widgets::PlotView* plot,
                                               const QString& start) {
    for (const auto& s : plot->series())
        if (s.name.startsWith(start))
            return &s;
    return nullptr;
}

// F(x) of the full network under the input u.
double fullSpeed(const opdims::Model& m, const Eigen::VectorXd& x, const Eigen::VectorXd& u) {
    return (-x + m.W * x.array().tanh().matrix() + m.W_in * u + m.b).norm();
}

} // namespace

class TestFixedPointPanel : public QObject {
    Q_OBJECT
public:
    static void initMain() {
        opdims::widgets::setDefaultSurfaceFormat();
        QStandardPaths::setTestModeEnabled(true);
    }

private:
    // The default ctxt network at k = 20 with the quick fixed points shown.
    bool showQuickPoints(MainWindow& w) {
        QSignalSpy shown(&w, &MainWindow::resultShown);
        w.show();
        w.openDefault(opdims::TaskKind::Ctxt);
        if (!shown.wait(60000))
            return false;
        w.ablationPanel()->setRank(20);
        if (!shown.wait(60000))
            return false;
        w.stateSpace()->setFixedPointsShown(true);
        if (!QTest::qWaitFor([&] { return w.shownResult()->fixedPoints.has_value(); }, 60000))
            return false;
        return !w.shownResult()->fixedPoints->points.empty();
    }

private slots:
    void initTestCase() {
        QApplication::setOrganizationName(QStringLiteral("opdims-test"));
        QApplication::setApplicationName(QStringLiteral("tst_fixed_point_panel"));
        QSettings().clear();
    }

    void quickPoints_fillTheTable_andBringTheDockForward() {
        MainWindow w;
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("fixedPointDock"));
        QVERIFY(dock);
        QTableWidget* table = w.fixedPointPanel()->table();
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(showQuickPoints(w));
        QTRY_VERIFY(!dock->visibleRegion().isEmpty());
        const auto result = w.shownResult();
        const std::vector<opdims::FixedPoint>& points = result->fixedPoints->points;
        QCOMPARE(table->rowCount(), static_cast<int>(points.size()));
        const opdims::Model& m = *w.current().model;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const int row = static_cast<int>(i);
            const opdims::FixedPoint& p = points[i];
            QCOMPARE(table->item(row, FixedPointPanel::Number)->text(), QString::number(row + 1));
            QCOMPARE(table->item(row, FixedPointPanel::Class)->text(),
                     pointClassTitle(p.kind, p.linear.stability));
            QCOMPARE(table->item(row, FixedPointPanel::Speed)->text(),
                     QLocale().toString(p.speed, 'e', 2));
            QCOMPARE(table->item(row, FixedPointPanel::UnstableModes)->text().toInt(),
                     p.linear.unstableModes);
            const Eigen::VectorXd z = m.W_out * p.x.array().tanh().matrix() + m.b_z;
            const QStringList shown =
                table->item(row, FixedPointPanel::Output)->text().split(QStringLiteral("; "));
            QCOMPARE(shown.size(), static_cast<int>(z.size()));
            for (Eigen::Index j = 0; j < z.size(); ++j)
                QVERIFY2(std::abs(QLocale().toDouble(shown[static_cast<int>(j)]) - z(j)) <= 5e-4,
                         qPrintable(shown[static_cast<int>(j)]));
        }
        // The first point is chosen at first, and highlighted in the 3D view.
        QCOMPARE(w.fixedPointPanel()->selectedPoint(), 0);
        QCOMPARE(w.stateSpace()->view()->highlightedFixedPoint(), 0);
        // Unticking the layer empties the table.
        QSignalSpy shownResult(&w, &MainWindow::resultShown);
        w.stateSpace()->setFixedPointsShown(false);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 60000);
        QCOMPARE(w.stateSpace()->view()->highlightedFixedPoint(), -1);
    }

    void selectingARow_highlightsItsGlyph_andShowsItsEigenvalues() {
        MainWindow w;
        QVERIFY(showQuickPoints(w));
        FixedPointPanel* panel = w.fixedPointPanel();
        const auto* shown = panel->shown();
        QVERIFY(shown && shown->full);
        const auto& points = shown->points->points;
        const opdims::Model& m = *w.current().model;
        const Eigen::VectorXd u = w.stateSpace()->fixedPointInput()->problem.input;
        for (int i : {static_cast<int>(points.size()) - 1, 0}) {
            panel->table()->selectRow(i);
            QCOMPARE(panel->selectedPoint(), i);
            QCOMPARE(w.stateSpace()->view()->highlightedFixedPoint(), i);
            const opdims::widgets::PlotView* plot = panel->eigenvaluePlot();
            const auto* reduced =
                seriesNamed(plot, QStringLiteral("reduced-rank network, #%1").arg(i + 1));
            QVERIFY(reduced);
            const Eigen::VectorXcd& ev = points[static_cast<std::size_t>(i)].linear.eigenvalues;
            QCOMPARE(reduced->x.size(), static_cast<int>(ev.size()));
            for (Eigen::Index j = 0; j < ev.size(); ++j) {
                QCOMPARE(reduced->x[static_cast<int>(j)], ev(j).real());
                QCOMPARE(reduced->y[static_cast<int>(j)], ev(j).imag());
            }
            // The stability boundary of the continuous-time Jacobian: Re = 0.
            const auto* boundary = seriesNamed(plot, FixedPointPanel::boundaryName());
            QVERIFY(boundary);
            for (double x : boundary->x)
                QCOMPARE(x, 0.0);
            // The full network's nearest point (found here by brute force) is a fixed point of
            // the full W under the same input, and its eigenvalues are the grey ones.
            const Eigen::VectorXd& x = points[static_cast<std::size_t>(i)].x;
            int nearest = -1;
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t f = 0; f < shown->full->points.size(); ++f)
                if ((shown->full->points[f].x - x).norm() < best) {
                    best = (shown->full->points[f].x - x).norm();
                    nearest = static_cast<int>(f);
                }
            QVERIFY(nearest >= 0);
            QCOMPARE(panel->counterpart(), nearest);
            const opdims::FixedPoint& other =
                shown->full->points[static_cast<std::size_t>(nearest)];
            if (other.kind == opdims::PointKind::Fixed)
                QVERIFY2(fullSpeed(m, other.x, u) < 1e-8,
                         qPrintable(QString::number(fullSpeed(m, other.x, u))));
            const auto* full = seriesNamed(plot, FixedPointPanel::fullNetworkName());
            QVERIFY(full);
            QCOMPARE(full->x.size(), static_cast<int>(other.linear.eigenvalues.size()));
            QCOMPARE(full->x.first(), other.linear.eigenvalues(0).real());
            QVERIFY2(panel->counterpartText().contains(
                         pointClassTitle(other.kind, other.linear.stability)),
                     qPrintable(panel->counterpartText()));
        }
        // And back: the view's highlight follows a deselection.
        panel->selectPoint(-1);
        QCOMPARE(w.stateSpace()->view()->highlightedFixedPoint(), -1);
        QVERIFY(panel->eigenvaluePlot()->series().isEmpty());
    }

    void clickingAGlyph_selectsItsRow() {
        MainWindow w;
        QVERIFY(showQuickPoints(w));
        opdims::widgets::StateSpaceView* view = w.stateSpace()->view();
        QVERIFY(!view->renderImage().isNull());
        const int n = w.fixedPointPanel()->table()->rowCount();
        QVERIFY(n >= 2);
        // A glyph apart from the others on screen, so that the click can only mean it.
        int target = -1;
        for (int i = n - 1; i >= 0 && target < 0; --i) {
            const auto p = view->fixedPointPosition(i);
            if (!p || !QRectF(view->rect()).adjusted(20, 20, -20, -20).contains(*p))
                continue;
            bool apart = true;
            for (int j = 0; j < n; ++j)
                if (j != i && QLineF(*p, *view->fixedPointPosition(j)).length() < 30)
                    apart = false;
            if (apart)
                target = i;
        }
        QVERIFY2(target >= 1, "no glyph other than the first lies apart on screen");
        auto* host = view->findChild<opdims::widgets::VtkHost*>();
        QVERIFY(host);
        QSignalSpy picked(view, &opdims::widgets::StateSpaceView::fixedPointPicked);
        QTest::mouseClick(host, Qt::LeftButton, Qt::NoModifier,
                          host->mapFrom(view, view->fixedPointPosition(target)->toPoint()));
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.first().first().toInt(), target);
        QCOMPARE(w.fixedPointPanel()->selectedPoint(), target);
        const auto selected = w.fixedPointPanel()->table()->selectedItems();
        QVERIFY(!selected.isEmpty());
        QCOMPARE(selected.first()->row(), target);
        QCOMPARE(view->highlightedFixedPoint(), target);
    }

    void thoroughSearch_isListed_withTheFullNetworksPoints() {
        MainWindow w;
        QVERIFY(showQuickPoints(w));
        QSignalSpy searched(&w, &MainWindow::fixedPointsSearched);
        QVERIFY(w.startFixedPointSearch());
        QVERIFY(searched.wait(120000));
        const auto points =
            searched.first().first().value<std::shared_ptr<const opdims::FixedPointResult>>();
        const auto* shown = w.fixedPointPanel()->shown();
        QVERIFY(shown && shown->searched);
        QCOMPARE(shown->points, points);
        QVERIFY(shown->full);
        QCOMPARE(w.fixedPointPanel()->table()->rowCount(), static_cast<int>(points->points.size()));
        // The choice moved to the searched point nearest to the quick one chosen before.
        QVERIFY(w.fixedPointPanel()->selectedPoint() >= 0);
        QCOMPARE(w.stateSpace()->view()->highlightedFixedPoint(),
                 w.fixedPointPanel()->selectedPoint());
    }
};

QTEST_MAIN(TestFixedPointPanel)
#include "tst_fixed_point_panel.moc"
