// Draws a project tree item as its name followed by a dimmed detail (API type, runtime, route target).
#pragma once

#include <QStyledItemDelegate>

namespace gatehouse {

class ProjectTreeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gatehouse
