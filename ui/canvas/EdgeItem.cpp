#include "EdgeItem.h"

#include "NodeItem.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QWidget>
#include <QtMath>

namespace gatehouse {

namespace {

constexpr qreal kArrowSize = 9;

QColor colourOf(LinkKind kind, const QPalette &palette) {
    switch (kind) {
    case LinkKind::ApiRoute:
        return palette.color(QPalette::Mid);
    case LinkKind::Integration:
        return QColor(0xE8, 0x81, 0x1A);
    case LinkKind::RouteAuthorizer:
    case LinkKind::AuthorizerFunction:
        return QColor(0xD4, 0x3D, 0x5C);
    case LinkKind::BucketTrigger:
        return QColor(0x2E, 0x9E, 0x4F);
    case LinkKind::ScheduleTarget:
        return QColor(0x1F, 0x8A, 0xD2);
    case LinkKind::QueueTrigger:
        return QColor(0xB8, 0x3F, 0xC4);
    case LinkKind::DeadLetter:
        return QColor(0xC0, 0x30, 0x30);
    case LinkKind::AsyncDestination:
        return QColor(0x5A, 0x6B, 0x7D);
    }
    return palette.color(QPalette::Text);
}

} // namespace

EdgeItem::EdgeItem(const Link &link, NodeItem *from, NodeItem *to)
    : m_link(link)
    , m_from(from)
    , m_to(to) {
    // Ownership wires are drawn but not selectable: a route leaves its API only by being deleted.
    setFlag(ItemIsSelectable, link.kind != LinkKind::ApiRoute);
    setZValue(0);
    if (link.kind == LinkKind::AsyncDestination)
        setToolTip(
            link.detail == 0
                ? QCoreApplication::translate("gatehouse::EdgeItem", "On success: the invocation record")
                : QCoreApplication::translate("gatehouse::EdgeItem", "On failure: the invocation record"));
    from->addEdge(this);
    to->addEdge(this);
    updatePath();
}

QPainterPath EdgeItem::curve(const QPointF &from, const QPointF &to) {
    // Horizontal tangents at both ends; backward wires bulge outwards so they stay readable.
    const qreal reach = std::max(qreal(60), std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(reach, 0), to - QPointF(reach, 0), to);
    return path;
}

void EdgeItem::updatePath() {
    prepareGeometryChange();
    setPath(curve(m_from->outputPoint(), m_to->inputPoint()));
}

QPainterPath EdgeItem::shape() const {
    // A wide invisible band makes thin wires easy to click.
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

QRectF EdgeItem::boundingRect() const {
    // The selected pen and the arrow head reach a few pixels beyond the curve itself.
    return path().boundingRect().adjusted(-kArrowSize, -kArrowSize, kArrowSize, kArrowSize);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) {
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    QColor colour = selected ? palette.color(QPalette::Highlight) : colourOf(m_link.kind, palette);
    QPen pen(colour, selected ? 3 : (m_link.kind == LinkKind::ApiRoute ? 1.2 : 2));
    if (m_link.kind == LinkKind::RouteAuthorizer || m_link.kind == LinkKind::AuthorizerFunction ||
        m_link.kind == LinkKind::DeadLetter)
        pen.setStyle(Qt::DashLine);
    if (m_link.kind == LinkKind::AsyncDestination) pen.setStyle(Qt::DotLine);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // The arrow head points along the curve's last tangent, at the target's input port.
    const QPointF tip = path().pointAtPercent(1);
    const qreal angle = qDegreesToRadians(path().angleAtPercent(1));
    const QPointF back(-std::cos(angle) * kArrowSize, std::sin(angle) * kArrowSize);
    const QPointF side(std::sin(angle) * kArrowSize * 0.5, std::cos(angle) * kArrowSize * 0.5);
    QPolygonF head({tip, tip + back + side, tip + back - side});
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(head);
}

} // namespace gatehouse
