// The live-ablation dock: choose a basis, move the rank slider, tick dimensions on or off.
#pragma once

#include "core/ablation/model_analysis.h"
#include "core/simulation/condition_effects.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace opdims::widgets {
class DimensionList;
}

namespace opdims::explorer {

class Session;

class AblationPanel : public QWidget {
    Q_OBJECT
public:
    // Lists the session's bases plus an entry that computes the operative row dimensions; bases
    // added later (operative rows) are selected when they arrive.
    AblationPanel(Session* session, QWidget* parent = nullptr);

    std::string currentKey() const;
    std::shared_ptr<const Basis> currentBasis() const;
    std::vector<bool> keep() const;
    int rank() const;
    // Moves the slider (as the user would); the session's choice changes with the kept set.
    void setRank(int k);
    QSlider* slider() const { return m_slider; }
    widgets::DimensionList* dimensionList() const { return m_list; }

    // Shows whether a computation is running and the newest numbers.
    void setBusy(bool busy);
    // The numbers of the shown result, with the per-group effects (context or frequency band).
    void setNumbers(double cost, double distance, double fullCost,
                    const std::vector<GroupEffect>& groups = {});
    QString numbersText() const;
    // Keep (false) or remove (true) the ticked dimensions, as the mode box chooses.
    bool removing() const;
    void setRemoving(bool remove);
    // Chooses a basis by key ("op-columns:ctxt1"), as the user would; nothing if it is unknown.
    void selectBasis(const std::string& key);
    // The next (delta > 0) or previous basis of the list, cyclically (the entry that computes the
    // operative rows is skipped); k stays where the bases have the same size.
    void stepBasis(int delta);

signals:
    // The user picked a basis that still has to be computed (operative rows).
    void rowBasesWanted();

private:
    void onAnalysisChanged();
    void onBasesAdded(int first, int count);
    void onBasisChosen();
    void onKeptChanged(const QVector<bool>& kept);

    Session* m_session;
    QComboBox* m_basis;
    QSlider* m_slider;
    QSpinBox* m_rank;
    QComboBox* m_mode;
    QLabel* m_rankLabel;
    widgets::DimensionList* m_list;
    QLabel* m_numbers;
    QLabel* m_busy;
    std::string m_lastKey;
};

} // namespace opdims::explorer
