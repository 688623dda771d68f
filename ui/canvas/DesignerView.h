// The view onto the designer canvas: wheel zoom around the cursor, Ctrl+0 fit, Ctrl+= / Ctrl+-,
// panning with the middle button (or Space + drag), rubber-band selection, and a banner that says
// why a gesture was refused.
#pragma once

#include <QGraphicsView>

class QLabel;
class QTimer;

namespace gatehouse {

class DesignerScene;

class DesignerView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DesignerView(DesignerScene *scene, QWidget *parent = nullptr);

    DesignerScene *designerScene() const { return m_scene; }
    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    // Shows every node, never enlarging past 100 %.
    void fitToView();
    // Fits the newly opened project now and again whenever the view is resized, until the user
    // zooms or pans: a project opened at start-up arrives before the window and docks have their size.
    void fitUntilUserZooms();
    // The banner's text while it is shown (empty otherwise): GUI tests read it.
    QString bannerText() const;
    void showBanner(const QString &text);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void placeBanner();

    DesignerScene *m_scene;
    QLabel *m_banner;
    QTimer *m_bannerTimer;
    bool m_autoFit = false;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
};

} // namespace gatehouse
