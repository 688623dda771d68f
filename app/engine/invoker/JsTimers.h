// setTimeout/setInterval/setImmediate for one JavaScript environment, backed by its thread's event loop.
#pragma once

#include <QJSValue>
#include <QList>
#include <QObject>
#include <QSet>

namespace gatehouse {

// Timer ids are the Qt timer ids of this object, handed to the prelude (exposed as __timers), which
// keeps the callbacks and is called back through `fire` (the prelude's fireTimer).
//
// Between invocations Lambda freezes the sandbox: nothing runs until the next event arrives. So while
// frozen a timer that comes due is only remembered; runDue() fires it at the start of the next
// invocation, under that invocation's request id and watchdog, as a thawed Node.js process would.
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

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void fire(int id);

    QJSValue m_fire;
    QSet<int> m_active;
    QSet<int> m_repeating;
    QList<int> m_due;
    bool m_frozen = true;
};

} // namespace gatehouse
