// The live-ablation dock: choose a basis, move the rank slider, tick dimensions on or off.
#pragma once

#include "app/explorer/model_analysis.h"

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

class AblationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AblationPanel(QWidget* parent = nullptr);

    // Lists the analysis' bases plus an entry that computes the operative row dimensions.
    void setAnalysis(std::shared_ptr<const ModelAnalysis> analysis);
    // Bases computed later (operative rows); selects the first of them.
    void addBases(const std::vector<NamedBasis>& bases);

    std::string currentKey() const;
    std::shared_ptr<const Basis> currentBasis() const;
    std::vector<bool> keep() const;
    int rank() const;
    // Moves the slider (as the user would); emits changed() when that changes the kept set.
    void setRank(int k);
    QSlider* slider() const { return m_slider; }

    // Shows whether a computation is running and the newest numbers.
    void setBusy(bool busy);
    void setNumbers(double cost, double distance, double fullCost);

signals:
    void changed();
    // The user picked a basis that still has to be computed (operative rows).
    void rowBasesWanted();

private:
    void onBasisChosen();
    void onKeptChanged(const QVector<bool>& kept);
    const NamedBasis* find(const std::string& key) const;

    QComboBox* m_basis;
    QSlider* m_slider;
    QSpinBox* m_rank;
    widgets::DimensionList* m_list;
    QLabel* m_numbers;
    QLabel* m_busy;
    std::shared_ptr<const ModelAnalysis> m_analysis;
    std::vector<NamedBasis> m_bases;
    std::string m_lastKey;
};

} // namespace opdims::explorer
