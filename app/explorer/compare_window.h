// CompareWindow: a second network beside the first (same task and size), drawn with the same
// basis, the same ticked dimensions and mode, and the same camera as the main window, with the
// distance between the two networks' chosen subspaces.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;

namespace opdims {
struct Model;
}

namespace opdims::explorer {

class AblationController;
class MainWindow;
class Session;
class StateSpacePanel;
struct AblationResult;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    explicit CompareWindow(MainWindow* main);

    // Shows `model` (already loaded; `source` names it) beside the main window's network. Throws
    // Error when it cannot be compared (other task or size, or no network in the main window).
    void compareWith(std::shared_ptr<const Model> model, const QString& source);

    Session* session() const { return m_session; }
    StateSpacePanel* stateSpace() const { return m_panel; }
    // The principal angles (degrees) between the chosen subspaces of the two networks.
    const std::vector<double>& angles() const { return m_angles; }
    QString infoText() const;

signals:
    void resultShown();

private:
    void follow();
    void onResult(std::shared_ptr<const AblationResult> result);
    void updateInfo();

    MainWindow* m_main;
    Session* m_session;
    AblationController* m_ablation;
    StateSpacePanel* m_panel;
    QLabel* m_info;
    QString m_source;
    std::vector<double> m_angles;
};

} // namespace opdims::explorer
