#include "DesignerView.h"

#include "DesignerScene.h"

#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>
#include <QtMath>

namespace gatehouse {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 3.0;
constexpr qreal kZoomStep = 1.2;
constexpr int kBannerMs = 5000;
constexpr qreal kGridStep = 24;
} // namespace

DesignerView::DesignerView(DesignerScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_banner(new QLabel(this))
    , m_bannerTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("designerView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Full updates are the cheapest correct choice when wires span most of the view.
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);

    m_banner->setObjectName(QStringLiteral("designerBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #FDECEC; color: #7A1212; border: 1px solid #E0A0A0; "
                       "border-radius: 6px; }"));
    m_banner->hide();
    m_bannerTimer->setSingleShot(true);
    connect(m_bannerTimer, &QTimer::timeout, m_banner, &QWidget::hide);
    connect(scene, &DesignerScene::refused, this, [this](const QString &reason) { showBanner(reason); });
}

qreal DesignerView::zoom() const {
    return transform().m11();
}

void DesignerView::setZoom(qreal zoom) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
}

void DesignerView::zoomIn() {
    m_autoFit = false;
    setZoom(zoom() * kZoomStep);
}

void DesignerView::zoomOut() {
    m_autoFit = false;
    setZoom(zoom() / kZoomStep);
}

void DesignerView::fitToView() {
    const QRectF bounds = m_scene->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (bounds.isEmpty()) {
        setZoom(1);
        return;
    }
    fitInView(bounds, Qt::KeepAspectRatio);
    if (zoom() > 1) setZoom(1);
    if (zoom() < kMinZoom) setZoom(kMinZoom);
    centerOn(bounds.center());
}

void DesignerView::fitUntilUserZooms() {
    m_autoFit = true;
    fitToView();
}

void DesignerView::showEvent(QShowEvent *event) {
    QGraphicsView::showEvent(event);
    if (m_autoFit) fitToView();
}

QString DesignerView::bannerText() const {
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void DesignerView::showBanner(const QString &text) {
    m_banner->setText(text);
    placeBanner();
    m_banner->show();
    m_banner->raise();
    m_bannerTimer->start(kBannerMs);
}

void DesignerView::placeBanner() {
    const int width = std::min(560, viewport()->width() - 24);
    m_banner->setFixedWidth(std::max(120, width));
    m_banner->adjustSize();
    m_banner->move((viewport()->width() - m_banner->width()) / 2 + viewport()->x(), viewport()->y() + 12);
}

void DesignerView::wheelEvent(QWheelEvent *event) {
    // Wheel zooms (the canvas has no other use for it); a trackpad's horizontal swipe pans.
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_autoFit = false;
    setZoom(zoom() * qPow(kZoomStep, delta.y() / 120.0));
    event->accept();
}

void DesignerView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_autoFit = false;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignerView::mouseMoveEvent(QMouseEvent *event) {
    if (m_panning) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - m_panStart;
        m_panStart = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignerView::mouseReleaseEvent(QMouseEvent *event) {
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignerView::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        m_banner->hide();
        m_scene->clearSelection();
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignerView::keyReleaseEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignerView::resizeEvent(QResizeEvent *event) {
    QGraphicsView::resizeEvent(event);
    if (m_banner->isVisible()) placeBanner();
    if (m_autoFit) fitToView();
}

void DesignerView::drawBackground(QPainter *painter, const QRectF &rect) {
    // A dot grid in a tone between window and text colour: visible in light and dark palettes.
    painter->fillRect(rect, palette().color(QPalette::Window));
    if (zoom() < 0.35) return; // dots would turn into noise
    QColor dot = palette().color(QPalette::Mid);
    dot.setAlpha(110);
    painter->setPen(QPen(dot, 1.5 / zoom()));
    const qreal left = std::floor(rect.left() / kGridStep) * kGridStep;
    const qreal top = std::floor(rect.top() / kGridStep) * kGridStep;
    QList<QPointF> points;
    for (qreal x = left; x < rect.right(); x += kGridStep)
        for (qreal y = top; y < rect.bottom(); y += kGridStep)
            points.append(QPointF(x, y));
    painter->drawPoints(points.constData(), int(points.size()));
}

} // namespace gatehouse
