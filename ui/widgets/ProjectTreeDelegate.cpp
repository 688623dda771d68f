#include "ProjectTreeDelegate.h"

#include "itemmodels/ProjectTreeModel.h"

#include <QApplication>
#include <QPainter>

namespace gatehouse {

namespace {
constexpr int kGap = 8; // between the name and its detail, in pixels

QString detailOf(const QModelIndex &index) {
    return index.data(ProjectTreeModel::DetailRole).toString();
}
} // namespace

void ProjectTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const {
    QStyledItemDelegate::paint(painter, option, index);
    const QString detail = detailOf(index);
    if (detail.isEmpty()) return;

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    const int nameWidth = opt.fontMetrics.horizontalAdvance(opt.text) + kGap;
    QRect detailRect = textRect.adjusted(nameWidth, 0, 0, 0);
    if (detailRect.width() <= opt.fontMetrics.averageCharWidth() * 2) return;

    // Dimmed by blending the text colour into the background, which reads well on light and dark palettes.
    const bool selected = opt.state & QStyle::State_Selected;
    QColor color = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    color.setAlphaF(selected ? 0.8f : 0.55f);
    QFont font = option.font; // the detail never takes the group's bold
    painter->save();
    painter->setFont(font);
    painter->setPen(color);
    const QString elided = QFontMetrics(font).elidedText(detail, Qt::ElideRight, detailRect.width());
    painter->drawText(detailRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, elided);
    painter->restore();
}

QSize ProjectTreeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString detail = detailOf(index);
    if (!detail.isEmpty()) size.rwidth() += kGap + option.fontMetrics.horizontalAdvance(detail);
    // A little air between rows makes the tree easier to scan than the style's tight default.
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace gatehouse
