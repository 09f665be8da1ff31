// The fixed-point dock: a table of the fixed and slow points the 3D view shows and, for the
// chosen one, its Jacobian eigenvalues beside those of the full network's nearest point.
#pragma once

#include "app/explorer/session.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace opdims::widgets {
class PlotView;
}

namespace opdims::explorer {

class FixedPointPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { Number, Class, Speed, UnstableModes, Output, AlongAxis, ColumnCount };

    // Lists the session's shown fixed points (searched, or quick ones while they are wanted).
    explicit FixedPointPanel(Session* session, QWidget* parent = nullptr);

    // The chosen point: its index in the shown points (the row, and the glyph of the 3D view);
    // -1 for none. selectPoint emits pointSelected when the choice changes.
    int selectedPoint() const;
    void selectPoint(int index);
    // The full network's point nearest to the chosen one (index into the full points; -1 none).
    int counterpart() const { return m_counterpart; }
    // The points listed and the full network's points they continue (null when none).
    const Session::ShownFixedPoints* shown() const;

    QTableWidget* table() const { return m_table; }
    widgets::PlotView* eigenvaluePlot() const { return m_eigenvalues; }
    QString counterpartText() const;
    // The legend names of the eigenvalue plot's series.
    static QString boundaryName();
    static QString fullNetworkName();

signals:
    void pointSelected(int index);

private:
    void refresh();
    void onRowChanged();
    void showEigenvalues();

    Session* m_session;
    QLabel* m_title;
    QTableWidget* m_table;
    widgets::PlotView* m_eigenvalues;
    QLabel* m_counterpartLabel;
    std::unique_ptr<Session::ShownFixedPoints> m_shown;
    int m_selected = -1;
    int m_counterpart = -1;
};

} // namespace opdims::explorer
