// A wire between two canvas nodes: a curve from the source's output port to the target's input
// port with an arrow head, styled by what it means (integration, trigger, authorizer, dead letter).
#pragma once

#include "Wiring.h"

#include <QGraphicsPathItem>

namespace gatehouse {

class NodeItem;

class EdgeItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };

    EdgeItem(const Link &link, NodeItem *from, NodeItem *to);

    int type() const override { return Type; }
    const Link &link() const { return m_link; }
    // Recomputes the curve after either end moved.
    void updatePath();
    QPainterPath shape() const override;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The curve between two points as the canvas draws every wire (also the wire being dragged).
    static QPainterPath curve(const QPointF &from, const QPointF &to);

private:
    Link m_link;
    NodeItem *m_from;
    NodeItem *m_to;
};

} // namespace gatehouse
