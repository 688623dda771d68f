#include "JsTimers.h"

#include <QTimerEvent>
#include <algorithm>

namespace gatehouse {

JsTimers::JsTimers(QObject *parent)
    : QObject(parent) {}

int JsTimers::start(double milliseconds, bool repeat) {
    const int ms = int(std::clamp(milliseconds, 1.0, 2147483647.0));
    const int id = startTimer(ms, Qt::PreciseTimer);
    if (id == 0) return 0;
    m_active.insert(id);
    if (repeat) m_repeating.insert(id);
    return id;
}

void JsTimers::stop(int id) {
    if (!m_active.remove(id)) return;
    m_repeating.remove(id);
    m_due.removeAll(id);
    killTimer(id);
}

void JsTimers::runDue() {
    const QList<int> due = std::exchange(m_due, {});
    for (int id : due) {
        if (!m_active.contains(id)) continue;
        if (!m_repeating.contains(id)) m_active.remove(id);
        fire(id);
    }
}

void JsTimers::timerEvent(QTimerEvent *event) {
    const int id = event->timerId();
    if (!m_active.contains(id)) {
        killTimer(id);
        return;
    }
    const bool repeat = m_repeating.contains(id);
    if (!repeat) killTimer(id);
    if (m_frozen) {
        if (!m_due.contains(id)) m_due.append(id);
        return;
    }
    if (!repeat) m_active.remove(id);
    fire(id);
}

void JsTimers::fire(int id) {
    if (m_fire.isCallable()) m_fire.call({id});
}

} // namespace gatehouse
