// The 3D state space dock: condition-average trajectories of the full and the reduced-rank
// network on three chosen axes, sampling locations, fixed points and flow arrows.
#pragma once

#include "app/explorer/ablation_worker.h"
#include "app/explorer/session.h"
#include "core/ablation/model_analysis.h"
#include "widgets/scene_types.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace opdims::widgets {
class StateSpaceView;
}

namespace opdims::explorer {

class Playback;

class StateSpacePanel : public QWidget {
    Q_OBJECT
public:
    // Draws what the session holds: its analysis, bases, newest result and fixed points.
    StateSpacePanel(Session* session, QWidget* parent = nullptr);

    bool fixedPointsShown() const;
    void setFixedPointsShown(bool shown);
    bool flowArrowsShown() const;
    void setFlowArrowsShown(bool shown);
    bool reducedShown() const;
    void setReducedShown(bool shown);
    bool samplingLocationsShown() const;
    void setSamplingLocationsShown(bool shown);
    // The input the fixed points are searched under (null before a network is analysed).
    const FixedPointInput* fixedPointInput() const;
    void selectFixedPointInput(int index);
    // Trial sets: the 1-based time of the chosen condition's input (the spin box's value).
    void setFixedPointTime(int t);
    int fixedPointTime() const;
    // The fixed points drawn now (searched or quick) and the input they belong to.
    std::optional<Session::ShownFixedPoints> shownFixedPoints() const;
    bool allFrequencies() const;
    widgets::StateSpaceView* view() const { return m_view; }
    Session* session() const { return m_session; }
    // Time playback: Play / Pause, the time slider, speed and looping below the view; markers
    // show where every trajectory (full and reduced) is at the session's time, and the caption
    // says the time and the input phase. They appear once time is played or the slider moved.
    Playback* playback() const { return m_playback; }
    bool timeShown() const { return m_timeShown; }
    // The speed and looping chosen below the view (as the user would choose them).
    void setPlaybackSpeed(double speed);
    void setPlaybackLoop(bool loop);
    // Hides Play / Pause, the slider, speed and looping (a view whose time another one leads).
    void setPlaybackControlsVisible(bool visible);
    void setTimeShown(bool shown);
    // The caption for a 0-based time step ("t = 0.80 s · stimulus").
    QString timeCaption(int step) const;
    // The markers at a 0-based time step (full, then reduced where shown).
    QVector<widgets::Marker3D> timeMarkers(int step) const;
    // The three axes (N x 3) and their labels currently used for the projection.
    Eigen::MatrixXd axes() const;

signals:
    void allFrequenciesToggled(bool all);
    void savePngRequested();
    void timeShownChanged(bool shown);

private:
    QString footerText(bool removes) const;
    void onAnalysisChanged();
    void onTimeChanged(int step);
    void drawTime();
    void onFixedPointsChanged();
    void fillFixedPointInputs();
    void showPhaseOf(int t);
    void rebuildAxisChoices();
    void redrawAll(bool resetCamera);
    void drawReduced();
    QVector<QVector3D> projectPath(const Eigen::MatrixXd& states) const;
    QVector3D projectVector(const Eigen::VectorXd& v) const;
    double sceneExtent() const;

    Session* m_session;
    widgets::StateSpaceView* m_view;
    QComboBox* m_axesSource;
    QSpinBox* m_axis[3];
    QCheckBox* m_showReduced;
    QCheckBox* m_showLocations;
    QCheckBox* m_showFixedPoints;
    QCheckBox* m_showFlow;
    QCheckBox* m_allFrequencies;
    QComboBox* m_fixedPointInput;
    QWidget* m_timeControls; // trial sets: the time (and phase) of the condition's input
    QSpinBox* m_fixedPointTime;
    QComboBox* m_phase;
    Playback* m_playback;
    QToolButton* m_play;
    QSlider* m_timeSlider;
    QLabel* m_timeLabel;
    QComboBox* m_speed;
    QCheckBox* m_loop;
    QWidget* m_playRow;
    bool m_timeShown = false;
    TaskKind m_shownTask = TaskKind::Unknown; // of the analysis drawn last
    Eigen::Index m_shownUnits = 0;
    std::shared_ptr<const Model> m_shownModel; // of the analysis drawn last
    Eigen::MatrixXd m_axes;                    // N x 3
    Eigen::VectorXd m_center;
    double m_extent = 1.0;
    QVector<widgets::LegendEntry> m_legend; // conditions and the line-style note
    bool m_footerRemoves = false;           // the note describes removed dimensions
    bool m_arrowsShown = false;
    bool m_glyphsShown = false;
};

} // namespace opdims::explorer
