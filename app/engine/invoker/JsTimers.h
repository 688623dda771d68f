// setTimeout/setInterval/setImmediate for one JavaScript environment, backed by its thread's event loop.
#pragma once

#include <QHash>
#include <QJSValue>
#include <QList>
#include <QObject>
#include <QSet>

namespace gatehouse {

// Timer ids are this object's own (not Qt's), handed to the prelude (exposed as __timers), which keeps
// the callbacks and is called back through `fire` (the prelude's fireTimer).
//
// Between invocations Lambda freezes the sandbox: nothing runs until the next event arrives. So while
// frozen a timer that comes due is only remembered; runDue() fires it at the start of the next
// invocation, under that invocation's request id and watchdog, as a thawed Node.js process would.
//
// Qt timers belong to the thread the object lives on (the environment's). When a warm invocation runs
// on a caller's thread instead (JsEnvironment's inline path), starting or stopping one is recorded and
// carried out by applyDeferred() once the environment's own thread has the engine again.
class JsTimers : public QObject {
    Q_OBJECT
public:
    explicit JsTimers(QObject *parent = nullptr);

    void setFireFunction(const QJSValue &fire) { m_fire = fire; }
    Q_INVOKABLE int start(double milliseconds, bool repeat);
    Q_INVOKABLE void stop(int id);

    // Timers started and not yet fired or cleared (intervals count until cleared). Used for
    // context.callbackWaitsForEmptyEventLoop.
    int activeCount() const { return int(m_active.size()); }
    void setFrozen(bool frozen) { m_frozen = frozen; }
    bool hasDue() const { return !m_due.isEmpty(); }
    void runDue();
    // Starts and stops asked for from another thread; call on the object's own thread.
    bool hasDeferred() const { return !m_deferredStarts.isEmpty() || !m_deferredKills.isEmpty(); }
    void applyDeferred();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct DeferredStart {
        int id;
        int milliseconds;
    };
    bool onOwnThread() const;
    void startQtTimer(int id, int milliseconds);
    void fire(int id);

    QJSValue m_fire;
    int m_lastId = 0;
    QSet<int> m_active;
    QSet<int> m_repeating;
    QList<int> m_due;
    QHash<int, int> m_qtIdOf; // our id → the running Qt timer's id
    QHash<int, int> m_idOfQt; // and back
    QList<DeferredStart> m_deferredStarts;
    QList<int> m_deferredKills; // Qt timer ids
    bool m_frozen = true;
};

} // namespace gatehouse
