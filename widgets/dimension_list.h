// A checkable list of the dimensions of a basis, each with a bar showing its strength.
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace opdims::widgets {

// Lists "1 .. N" of a basis (operative dimensions or PC dimensions) with their strengths (e.g. the
// singular values or the effect on the cost). A ticked dimension is kept in the reduced-rank
// weight matrix.
class DimensionList : public QWidget {
    Q_OBJECT
public:
    explicit DimensionList(QWidget* parent = nullptr);

    // Shows a new basis, all dimensions ticked; emits nothing.
    void setDimensions(const QString& basisName, const QVector<double>& strengths);
    QString basisName() const;
    int count() const;
    // Ticks the first k and unticks the rest; emits keptChanged once if that changed anything.
    void setKeptCount(int k);
    QVector<bool> kept() const;
    // Ticks as given (missing entries count as unticked); emits keptChanged once if anything
    // changed.
    void setKept(const QVector<bool>& kept);

signals:
    void keptChanged(const QVector<bool>& kept);

private:
    void onItemChanged(QTreeWidgetItem* item, int column);
    void showContextMenu(const QPoint& position);
    // Applies ticks without a signal per item; returns whether anything changed.
    bool applyKept(const QVector<bool>& kept);

    QLabel* m_title = nullptr;
    QTreeWidget* m_tree = nullptr;
    QString m_basisName;
    bool m_updating = false;
};

} // namespace opdims::widgets
