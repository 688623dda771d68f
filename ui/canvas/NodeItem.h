// One node of the designer canvas: an API, route, function, authorizer, bucket, schedule or queue,
// drawn as a card with its icon, name, a detail line, its problem count and its wiring ports.
#pragma once

#include "document/EntityRef.h"

#include <QGraphicsItem>
#include <QIcon>

namespace gatehouse {

class EdgeItem;

class NodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    struct Content {
        EntityRef ref;
        QIcon icon;
        QString title;
        QString detail;
        QString toolTip;
        int errors = 0;
        int warnings = 0;
        bool hasInput = false;  // something can be wired into it
        bool hasOutput = false; // a wire can start here
    };

    explicit NodeItem(Content content);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const EntityRef &ref() const { return m_content.ref; }
    void setProblems(int errors, int warnings);
    const Content &content() const { return m_content; }
    // Scene positions where wires attach: the middle of the left and right edges.
    QPointF inputPoint() const;
    QPointF outputPoint() const;
    // Whether `scenePoint` is on the output port (a wire drag starts there, not a move).
    bool isOnOutputPort(const QPointF &scenePoint) const;

    // What the local run says about this node: a coloured dot and a word on the card.
    struct Live {
        bool shown = false;
        QColor colour;
        QString text;    // "2 warm", "busy", "cold", "running", "error"
        QString toolTip; // e.g. the last error
        bool operator==(const Live &) const = default;
    };
    void setLive(const Live &live);
    const Live &live() const { return m_live; }

    void addEdge(EdgeItem *edge) { m_edges.append(edge); }
    // Highlighted while a wire being drawn hovers it: green if it would be accepted, red if not.
    enum class DropHint { None, Accept, Refuse };
    void setDropHint(DropHint hint);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    Content m_content;
    QList<EdgeItem *> m_edges;
    DropHint m_dropHint = DropHint::None;
    Live m_live;
};

} // namespace gatehouse
