// Paints a cell as a horizontal bar (length = the fraction in Qt::UserRole) under its value text.
#include "widgets/internal/strength_bar_delegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace opdims::widgets {

void StrengthBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QWidget* widget = const_cast<QWidget*>(opt.widget);
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const double fraction = std::clamp(index.data(FractionRole).toDouble(), 0.0, 1.0);
    const QRect area = opt.rect.adjusted(3, 3, -3, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QColor bar = opt.palette.color(QPalette::Highlight);
    // A ticked-off dimension keeps its bar but greys it, so the strength stays comparable.
    const bool enabled = index.siblingAtColumn(0).data(Qt::CheckStateRole).toInt() == Qt::Checked;
    if (!enabled)
        bar = opt.palette.color(QPalette::Disabled, QPalette::Text);
    bar.setAlpha(enabled ? 150 : 70);
    const int barWidth = static_cast<int>(area.width() * fraction + 0.5);
    painter->fillRect(QRect(area.left(), area.top(), barWidth, area.height()), bar);
    painter->setPen(opt.palette.color(
        (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(area.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize StrengthBarDelegate::sizeHint(const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 120));
    return size;
}

} // namespace opdims::widgets
