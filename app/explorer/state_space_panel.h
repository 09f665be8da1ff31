// The 3D state space dock: condition-average trajectories of the full and the reduced-rank
// network on three chosen axes, sampling locations, fixed points and flow arrows.
#pragma once

#include "app/explorer/ablation_worker.h"
#include "app/explorer/model_analysis.h"
#include "widgets/scene_types.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace opdims::widgets {
class StateSpaceView;
}

namespace opdims::explorer {

class StateSpacePanel : public QWidget {
    Q_OBJECT
public:
    explicit StateSpacePanel(QWidget* parent = nullptr);

    void setAnalysis(std::shared_ptr<const ModelAnalysis> analysis);
    // Bases computed later (operative rows) become selectable as axes.
    void addBases(const std::vector<NamedBasis>& bases);
    void setResult(std::shared_ptr<const AblationResult> result);

    bool fixedPointsShown() const;
    void setFixedPointsShown(bool shown);
    // The input the fixed points are searched under (null before a network is analysed).
    const FixedPointInput* fixedPointInput() const;
    void selectFixedPointInput(int index);
    // Shows the points of a thorough search (under `input`) instead of the quick ones while the
    // result of `generation` is the one shown; turns the fixed-point layer on.
    void setSearchedFixedPoints(quint64 generation, std::shared_ptr<const FixedPointResult> points,
                                const FixedPointInput& input);
    // The fixed points drawn now (searched or quick) and the input they belong to.
    struct ShownFixedPoints {
        std::shared_ptr<const FixedPointResult> points;
        FixedPointInput input;
    };
    std::optional<ShownFixedPoints> shownFixedPoints() const;
    bool allFrequencies() const;
    widgets::StateSpaceView* view() const { return m_view; }
    // The three axes (N x 3) and their labels currently used for the projection.
    Eigen::MatrixXd axes() const;

signals:
    void fixedPointsToggled(bool shown);
    void fixedPointInputChanged();
    void allFrequenciesToggled(bool all);
    void savePngRequested();

private:
    void rebuildAxisChoices();
    void redrawAll(bool resetCamera);
    void drawReduced();
    QVector<QVector3D> projectPath(const Eigen::MatrixXd& states) const;
    QVector3D projectVector(const Eigen::VectorXd& v) const;
    double sceneExtent() const;

    widgets::StateSpaceView* m_view;
    QComboBox* m_axesSource;
    QSpinBox* m_axis[3];
    QCheckBox* m_showReduced;
    QCheckBox* m_showLocations;
    QCheckBox* m_showFixedPoints;
    QCheckBox* m_showFlow;
    QCheckBox* m_allFrequencies;
    QComboBox* m_fixedPointInput;
    std::vector<FixedPointInput> m_inputs;
    quint64 m_searchedGeneration = 0;
    std::shared_ptr<const FixedPointResult> m_searched;
    FixedPointInput m_searchedInput;
    std::shared_ptr<const ModelAnalysis> m_analysis;
    std::vector<NamedBasis> m_extraBases;
    std::shared_ptr<const AblationResult> m_result;
    Eigen::MatrixXd m_axes; // N x 3
    Eigen::VectorXd m_center;
    double m_extent = 1.0;
    QVector<widgets::LegendEntry> m_legend; // conditions and the line-style note
    int m_stabilitiesInLegend = 0;          // bit set of the stability classes listed
    bool m_arrowsShown = false;
    bool m_glyphsShown = false;
};

} // namespace opdims::explorer
