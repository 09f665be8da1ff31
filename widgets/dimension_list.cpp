// A checkable list of the dimensions of a basis, each with a bar showing its strength.
#include "widgets/dimension_list.h"

#include "widgets/internal/strength_bar_delegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace opdims::widgets {

namespace {
constexpr int kIndexColumn = 0;
constexpr int kStrengthColumn = 1;
} // namespace

DimensionList::DimensionList(QWidget* parent) : QWidget(parent) {
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Dimension"), tr("Strength")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setItemDelegateForColumn(kStrengthColumn, new StrengthBarDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(kIndexColumn, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::itemChanged, this, &DimensionList::onItemChanged);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &DimensionList::showContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);
    m_title->hide();
}

void DimensionList::setDimensions(const QString& basisName, const QVector<double>& strengths) {
    m_basisName = basisName;
    m_title->setText(basisName);
    m_title->setVisible(!basisName.isEmpty());
    double largest = 0.0;
    for (double s : strengths)
        if (std::isfinite(s))
            largest = std::max(largest, std::abs(s));

    m_updating = true;
    m_tree->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(strengths.size());
    for (int i = 0; i < strengths.size(); ++i) {
        auto* item = new QTreeWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setText(kIndexColumn, QString::number(i + 1));
        item->setTextAlignment(kIndexColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setCheckState(kIndexColumn, Qt::Checked);
        const double s = strengths[i];
        item->setText(kStrengthColumn, QString::number(s, 'g', 4));
        item->setData(kStrengthColumn, StrengthBarDelegate::FractionRole,
                      largest > 0.0 && std::isfinite(s) ? std::abs(s) / largest : 0.0);
        item->setToolTip(
            kIndexColumn,
            tr("%1 %2: strength %3").arg(basisName).arg(i + 1).arg(QString::number(s, 'g', 6)));
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    m_updating = false;
}

QString DimensionList::basisName() const {
    return m_basisName;
}

int DimensionList::count() const {
    return m_tree->topLevelItemCount();
}

void DimensionList::setKeptCount(int k) {
    const int n = count();
    QVector<bool> wanted(n, false);
    for (int i = 0; i < std::clamp(k, 0, n); ++i)
        wanted[i] = true;
    if (applyKept(wanted))
        emit keptChanged(kept());
}

QVector<bool> DimensionList::kept() const {
    QVector<bool> result(count());
    for (int i = 0; i < result.size(); ++i)
        result[i] = m_tree->topLevelItem(i)->checkState(kIndexColumn) == Qt::Checked;
    return result;
}

void DimensionList::setKept(const QVector<bool>& wanted) {
    if (applyKept(wanted))
        emit keptChanged(kept());
}

bool DimensionList::applyKept(const QVector<bool>& wanted) {
    bool changed = false;
    m_updating = true;
    for (int i = 0; i < count(); ++i) {
        const Qt::CheckState state = i < wanted.size() && wanted[i] ? Qt::Checked : Qt::Unchecked;
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        if (item->checkState(kIndexColumn) != state) {
            item->setCheckState(kIndexColumn, state);
            changed = true;
        }
    }
    m_updating = false;
    if (changed)
        m_tree->viewport()->update(); // the bars grey out with their tick
    return changed;
}

void DimensionList::onItemChanged(QTreeWidgetItem* item, int column) {
    if (m_updating || column != kIndexColumn || item == nullptr)
        return;
    m_tree->viewport()->update();
    emit keptChanged(kept());
}

void DimensionList::showContextMenu(const QPoint& position) {
    if (count() == 0)
        return;
    QMenu menu(this);
    if (QTreeWidgetItem* item = m_tree->itemAt(position)) {
        const int k = m_tree->indexOfTopLevelItem(item) + 1;
        menu.addAction(tr("Keep dimensions 1 to %1").arg(k), this, [this, k] { setKeptCount(k); });
    }
    menu.addAction(tr("Keep all"), this, [this] { setKeptCount(count()); });
    menu.addAction(tr("Keep none"), this, [this] { setKeptCount(0); });
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace opdims::widgets
