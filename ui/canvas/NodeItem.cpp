#include "NodeItem.h"

#include "CanvasLayout.h"
#include "EdgeItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

namespace gatehouse {

namespace {

constexpr qreal kRadius = 8;
constexpr qreal kPortRadius = 6;
constexpr qreal kIconSize = 24;
constexpr qreal kPadding = 12;

// The same hue as the kind's icon tile, so card and tree icon read as one thing.
QColor accentOf(EntityKind kind) {
    switch (kind) {
    case EntityKind::Api:
        return QColor(0x4F, 0x63, 0xE0);
    case EntityKind::Route:
        return QColor(0x5B, 0x6B, 0x82);
    case EntityKind::Function:
        return QColor(0xE8, 0x81, 0x1A);
    case EntityKind::Authorizer:
        return QColor(0xD4, 0x3D, 0x5C);
    case EntityKind::Bucket:
        return QColor(0x2E, 0x9E, 0x4F);
    case EntityKind::Schedule:
        return QColor(0x1F, 0x8A, 0xD2);
    case EntityKind::Queue:
        return QColor(0xB8, 0x3F, 0xC4);
    default:
        return QColor(0x80, 0x80, 0x80);
    }
}

QRectF cardRect() {
    return QRectF(QPointF(0, 0), CanvasLayout::kNodeSize);
}

} // namespace

NodeItem::NodeItem(Content content)
    : m_content(std::move(content)) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setToolTip(m_content.toolTip);
    // Nodes are redrawn from a cached pixmap while the view scrolls or another node moves.
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
}

QRectF NodeItem::boundingRect() const {
    // Room for the ports, which stick out of the card, and the selection outline.
    return cardRect().adjusted(-kPortRadius - 2, -kPortRadius - 2, kPortRadius + 2, kPortRadius + 2);
}

QPointF NodeItem::inputPoint() const {
    return mapToScene(QPointF(0, CanvasLayout::kNodeSize.height() / 2));
}

QPointF NodeItem::outputPoint() const {
    return mapToScene(QPointF(CanvasLayout::kNodeSize.width(), CanvasLayout::kNodeSize.height() / 2));
}

bool NodeItem::isOnOutputPort(const QPointF &scenePoint) const {
    if (!m_content.hasOutput) return false;
    // A generous target: the port itself plus the card's right edge strip.
    const QPointF local = mapFromScene(scenePoint);
    const QPointF port(CanvasLayout::kNodeSize.width(), CanvasLayout::kNodeSize.height() / 2);
    return QLineF(local, port).length() <= kPortRadius + 5;
}

void NodeItem::setProblems(int errors, int warnings) {
    if (m_content.errors == errors && m_content.warnings == warnings) return;
    m_content.errors = errors;
    m_content.warnings = warnings;
    update();
}

void NodeItem::setLive(const Live &live) {
    if (m_live == live) return;
    m_live = live;
    setToolTip(live.toolTip.isEmpty() ? m_content.toolTip
                                      : m_content.toolTip + QStringLiteral("\n\n") + live.toolTip);
    update();
}

void NodeItem::setDropHint(DropHint hint) {
    if (m_dropHint == hint) return;
    m_dropHint = hint;
    update();
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) {
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const QColor accent = accentOf(m_content.ref.kind);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    QColor border = palette.color(QPalette::Mid);
    qreal borderWidth = 1;
    if (m_dropHint == DropHint::Accept) {
        border = QColor(0x2E, 0x9E, 0x4F);
        borderWidth = 3;
    } else if (m_dropHint == DropHint::Refuse) {
        border = QColor(0xD0, 0x30, 0x30);
        borderWidth = 3;
    } else if (selected) {
        border = palette.color(QPalette::Highlight);
        borderWidth = 2.5;
    }
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(cardRect(), kRadius, kRadius);

    // The kind's colour as a strip on the left edge, clipped to the card's rounded shape.
    QPainterPath card;
    card.addRoundedRect(cardRect(), kRadius, kRadius);
    painter->save();
    painter->setClipPath(card);
    painter->fillRect(QRectF(0, 0, 5, CanvasLayout::kNodeSize.height()), accent);
    painter->restore();

    const QRectF iconRect(kPadding, (CanvasLayout::kNodeSize.height() - kIconSize) / 2, kIconSize, kIconSize);
    m_content.icon.paint(painter, iconRect.toAlignedRect());

    const qreal textLeft = iconRect.right() + 10;
    const qreal badgeRoom = (m_content.errors || m_content.warnings) ? 26 : 0;
    const qreal textWidth = CanvasLayout::kNodeSize.width() - textLeft - kPadding - badgeRoom;
    QFont liveFont = painter->font();
    liveFont.setPointSizeF(liveFont.pointSizeF() * 0.8);
    const qreal liveWidth = m_live.shown ? QFontMetricsF(liveFont).horizontalAdvance(m_live.text) + 14 : 0;
    QFont titleFont = painter->font();
    titleFont.setBold(true);
    const QFontMetricsF titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRectF(textLeft, 9, textWidth, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(m_content.title, Qt::ElideMiddle, textWidth));
    QFont detailFont = painter->font();
    detailFont.setBold(false);
    detailFont.setPointSizeF(detailFont.pointSizeF() * 0.88);
    const QFontMetricsF detailMetrics(detailFont);
    painter->setFont(detailFont);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    // The badge sits on the title line, so the detail line may run under it (but not under the live state).
    const qreal detailWidth = textWidth + badgeRoom - liveWidth;
    painter->drawText(QRectF(textLeft, CanvasLayout::kNodeSize.height() - 9 - detailMetrics.height(),
                             detailWidth, detailMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      detailMetrics.elidedText(m_content.detail, Qt::ElideRight, detailWidth));

    // Live state of the local run, bottom right: a dot in the state's colour and one word.
    if (m_live.shown) {
        const qreal baseline = CanvasLayout::kNodeSize.height() - 9 - detailMetrics.height() / 2;
        const qreal right = CanvasLayout::kNodeSize.width() - kPadding;
        painter->setFont(liveFont);
        painter->setPen(m_live.colour);
        const QRectF textRect(right - liveWidth + 12, baseline - detailMetrics.height() / 2, liveWidth - 12,
                              detailMetrics.height());
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, m_live.text);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_live.colour);
        painter->drawEllipse(QPointF(right - liveWidth + 5, baseline), 4, 4);
    }

    // Problems of this entity: a count in the colour of the worst one.
    if (m_content.errors || m_content.warnings) {
        const QRectF badge(CanvasLayout::kNodeSize.width() - kPadding - 20, 8, 20, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_content.errors ? QColor(0xD0, 0x30, 0x30) : QColor(0xE0, 0xA0, 0x10));
        painter->drawRoundedRect(badge, 8, 8);
        painter->setPen(Qt::white);
        painter->setFont(detailFont);
        painter->drawText(badge, Qt::AlignCenter,
                          QString::number(m_content.errors ? m_content.errors : m_content.warnings));
    }

    // Ports: hollow on the left where wires arrive, filled on the right where they start.
    const qreal midY = CanvasLayout::kNodeSize.height() / 2;
    if (m_content.hasInput) {
        painter->setPen(QPen(accent, 2));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawEllipse(QPointF(0, midY), kPortRadius - 1, kPortRadius - 1);
    }
    if (m_content.hasOutput) {
        painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
        painter->setBrush(accent);
        painter->drawEllipse(QPointF(CanvasLayout::kNodeSize.width(), midY), kPortRadius, kPortRadius);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value) {
    if (change == ItemPositionHasChanged)
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->updatePath();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace gatehouse
