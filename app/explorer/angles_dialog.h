// AnglesDialog: the principal angles between the leading k dimensions of two bases of the opened
// network (e.g. the context-1 and context-2 operative dimensions), as a plot and as numbers.
#pragma once

#include <QDialog>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QSpinBox;

namespace opdims::widgets {
class PlotView;
}

namespace opdims {
struct NamedBasis;
}

namespace opdims::explorer {

class Session;

class AnglesDialog : public QDialog {
    Q_OBJECT
public:
    AnglesDialog(Session* session, QWidget* parent = nullptr);

    // The second network of a comparison: its bases are offered too ("2:" before their keys).
    void setSecondSession(Session* other);

    // Chooses the bases (by key, "op-columns:ctxt1"; "2:op-columns" for the second network's)
    // and k, as the user would.
    void choose(const std::string& a, const std::string& b, int k);
    // The angles shown, in degrees, ascending.
    const std::vector<double>& angles() const { return m_angles; }
    widgets::PlotView* plot() const { return m_plot; }

private:
    void fillBases();
    void recompute();
    const NamedBasis* basisOf(const QString& choice) const;

    Session* m_session;
    Session* m_other = nullptr;
    QComboBox* m_a;
    QComboBox* m_b;
    QSpinBox* m_k;
    widgets::PlotView* m_plot;
    QLabel* m_numbers;
    std::vector<double> m_angles;
};

} // namespace opdims::explorer
