// SideBySideWindow: the reduced-rank network on PC dimensions beside the one on operative
// dimensions, at the same k, with one camera for both, each with its cost, updated live when k
// changes (here or in the main window's Live ablation dock). Time follows the main window.
#pragma once

#include <QWidget>

#include <array>
#include <memory>
#include <string>

class QLabel;
class QSpinBox;

namespace opdims::explorer {

class AblationController;
class MainWindow;
class Session;
class StateSpacePanel;
struct AblationResult;

class SideBySideWindow : public QWidget {
    Q_OBJECT
public:
    explicit SideBySideWindow(MainWindow* main);

    // 0: PC dimensions, 1: operative dimensions (columns).
    StateSpacePanel* panel(int side) const { return m_sides[side].panel; }
    Session* session(int side) const { return m_sides[side].session; }
    QString costText(int side) const;
    int rank() const;
    // Sets k here and in the main window's Live ablation dock.
    void setRank(int k);
    static const std::array<std::string, 2>& basisKeys();

signals:
    // Both sides show results for the main window's newest k.
    void resultsShown();

private:
    void onMainAnalysis();
    void follow();
    void followTime();
    void onResult(int side, std::shared_ptr<const AblationResult> result);
    void updateTitles();

    struct Side {
        Session* session = nullptr;
        AblationController* ablation = nullptr;
        StateSpacePanel* panel = nullptr;
        QLabel* title = nullptr;
        QLabel* cost = nullptr;
        int shownRank = -1;
    };
    MainWindow* m_main;
    std::array<Side, 2> m_sides;
    QSpinBox* m_rank;
    QLabel* m_note;
};

} // namespace opdims::explorer
