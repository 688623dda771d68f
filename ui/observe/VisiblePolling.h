// Polls a view's data source on a timer only while someone can see the view: the widget is shown,
// its dock's tab is the one in front (a dock behind another tab still reports isVisible(), so its
// visibilityChanged decides), and there is a source to read. The Metrics and Cost docks use it so
// that a busy cloud never costs UI work nobody sees.
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

class QWidget;

namespace gatehouse {

class VisiblePolling : public QObject {
    Q_OBJECT
public:
    // `hasSource` says whether there is anything to read (e.g. the cloud runs); parented to `view`.
    VisiblePolling(QWidget *view, int intervalMs, std::function<bool()> hasSource);

    void setInterval(int intervalMs) { m_timer.setInterval(intervalMs); }
    bool isActive() const { return m_timer.isActive(); }
    // Starts or stops the timer after the source came or went.
    void update();

signals:
    // Each tick, and whenever the view comes into sight.
    void poll();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followDock();

    QWidget *m_view;
    std::function<bool()> m_hasSource;
    QTimer m_timer;
    bool m_dockTabShown = true;
    bool m_followingDock = false;
};

} // namespace gatehouse
