#include "JsTimers.h"

#include <QThread>
#include <QTimerEvent>
#include <algorithm>

namespace gatehouse {

JsTimers::JsTimers(QObject *parent)
    : QObject(parent) {}

bool JsTimers::onOwnThread() const {
    return thread() == QThread::currentThread();
}

int JsTimers::start(double milliseconds, bool repeat) {
    const int ms = int(std::clamp(milliseconds, 1.0, 2147483647.0));
    const int id = ++m_lastId;
    m_active.insert(id);
    if (repeat) m_repeating.insert(id);
    if (onOwnThread())
        startQtTimer(id, ms);
    else
        m_deferredStarts.append({id, ms});
    return id;
}

void JsTimers::startQtTimer(int id, int milliseconds) {
    const int qtId = startTimer(milliseconds, Qt::PreciseTimer);
    if (qtId == 0) return; // no timer: it never fires, as before (clearTimeout still works)
    m_qtIdOf.insert(id, qtId);
    m_idOfQt.insert(qtId, id);
}

void JsTimers::stop(int id) {
    if (!m_active.remove(id)) return;
    m_repeating.remove(id);
    m_due.removeAll(id);
    m_deferredStarts.removeIf([id](const DeferredStart &s) { return s.id == id; });
    const int qtId = m_qtIdOf.take(id);
    if (qtId == 0) return;
    m_idOfQt.remove(qtId);
    if (onOwnThread())
        killTimer(qtId);
    else
        m_deferredKills.append(qtId);
}

void JsTimers::applyDeferred() {
    for (int qtId : std::exchange(m_deferredKills, {}))
        killTimer(qtId);
    for (const DeferredStart &s : std::exchange(m_deferredStarts, {}))
        startQtTimer(s.id, s.milliseconds);
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
    const int qtId = event->timerId();
    const int id = m_idOfQt.value(qtId);
    if (id == 0 || !m_active.contains(id)) {
        killTimer(qtId);
        m_idOfQt.remove(qtId);
        return;
    }
    const bool repeat = m_repeating.contains(id);
    if (!repeat) {
        killTimer(qtId);
        m_idOfQt.remove(qtId);
        m_qtIdOf.remove(id);
    }
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
