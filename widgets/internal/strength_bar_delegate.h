// Paints a cell as a horizontal bar (length = the fraction in Qt::UserRole) under its value text.
#pragma once

#include <QStyledItemDelegate>

namespace opdims::widgets {

class StrengthBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The role holding the bar length in [0, 1].
    static constexpr int FractionRole = Qt::UserRole + 1;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace opdims::widgets
