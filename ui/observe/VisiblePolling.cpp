#include "VisiblePolling.h"

#include <QDockWidget>
#include <QEvent>
#include <QWidget>

namespace gatehouse {

VisiblePolling::VisiblePolling(QWidget *view, int intervalMs, std::function<bool()> hasSource)
    : QObject(view)
    , m_view(view)
    , m_hasSource(std::move(hasSource)) {
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &VisiblePolling::poll);
    view->installEventFilter(this);
}

void VisiblePolling::update() {
    if (m_hasSource() && m_view->isVisible() && m_dockTabShown)
        m_timer.start();
    else
        m_timer.stop();
}

bool VisiblePolling::eventFilter(QObject *watched, QEvent *event) {
    // Qt marks the widget visible (or not) before it delivers these, so isVisible() is current here.
    if (watched == m_view && event->type() == QEvent::Show) {
        followDock();
        update();
        emit poll();
    } else if (watched == m_view && event->type() == QEvent::Hide) {
        update();
    }
    return QObject::eventFilter(watched, event);
}

void VisiblePolling::followDock() {
    // The view is put into its dock after construction, so the dock is known at the first show.
    auto *dock = qobject_cast<QDockWidget *>(m_view->parentWidget());
    if (!dock || m_followingDock) return;
    m_followingDock = true;
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool shown) {
        m_dockTabShown = shown;
        update();
        if (shown) emit poll();
    });
}

} // namespace gatehouse
