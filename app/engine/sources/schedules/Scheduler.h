// Fires a project's schedules as EventBridge fires scheduled rules: at each time the rate() or cron()
// expression names (in the schedule's time zone), an asynchronous (Event) invocation of the target
// function with the "Scheduled Event" payload, or with the schedule's constant input when it has one
// (a rule target's Input replaces the event). Locally a run never piles up behind another: a tick that
// finds the previous run of the same schedule still going, or that passed while the schedule was off
// or the machine asleep, is skipped with one log line.
#pragma once

#include "invoker/Invocation.h"
#include "project/Project.h"
#include "validation/ScheduleExpression.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

namespace gatehouse {

class Invoker;

class Scheduler : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // UTC milliseconds since the epoch; tests inject their own

    // The invoker must outlive the scheduler (LocalCloud stops the scheduler first).
    explicit Scheduler(Invoker *invoker, Clock clock = {}, QObject *parent = nullptr);
    ~Scheduler() override;

    // Starts, changes or removes schedules (hot reload). An unchanged schedule keeps its timing, its
    // run in flight and a runtime enable/disable; a changed expression or time zone is timed anew
    // from now. Schedules whose expression does not parse are left out and reported by problem().
    void setProject(const Project &project);
    void stop(); // nothing fires any more; runs in flight finish in the invoker

    QStringList scheduleNames() const;
    bool contains(const QString &name) const { return m_entries.contains(name); }
    // Turns a schedule on or off until the project changes it (not saved); false for unknown names.
    bool setEnabled(const QString &name, bool enabled);
    bool isEnabled(const QString &name) const;
    bool isBusy(const QString &name) const; // its last run has not finished (retries included)
    // Runs the schedule now (also when it is off) with the current time as the event's time; returns
    // the request id, or an empty string and `error` when it is unknown or its last run is still going.
    QString fireNow(const QString &name, QString *error = nullptr);
    // The next `count` fire times after now (UTC), for a preview; empty for unknown names.
    QList<QDateTime> nextFireTimes(const QString &name, int count) const;
    // When the schedule fires next (invalid when it is off or never fires again).
    QDateTime nextFireTime(const QString &name) const;

    // Fires what is due by the clock and arms the timer for the next check. The timer calls it; tests
    // move their clock and call it themselves.
    void checkDue();
    // How long the timer waits before the next check (-1: nothing to wait for); at most a minute, so a
    // wall-clock change is noticed within a minute.
    qint64 msUntilNextCheck() const;

signals:
    void fired(const QString &schedule, const QString &requestId, const QDateTime &scheduledTime);
    // Ticks that were not run: the previous run was still going, or they passed unseen.
    void skipped(const QString &schedule, int missedTicks, const QString &reason);
    // The run is over: succeeded, or failed on its last attempt.
    void runFinished(const QString &schedule, const gatehouse::InvocationResult &result);
    void problem(const QString &schedule, const QString &message);

private:
    struct Entry {
        Schedule schedule;
        std::optional<ScheduleExpression> expression;
        QTimeZone zone;
        bool enabled = true;
        QDateTime next; // UTC; invalid = not armed
        QString runningRequestId;
    };

    QDateTime now() const;
    void arm(Entry &entry, const QDateTime &after);
    void armTimer();
    QString fire(Entry &entry, const QDateTime &scheduledTime);
    void onRunFinished(const InvocationResult &result);
    void log(const QString &schedule, const QString &message, bool warning);

    QPointer<Invoker> m_invoker;
    Clock m_clock;
    QString m_region = QStringLiteral("us-east-1");
    QString m_accountId = QStringLiteral("123456789012");
    QHash<QString, Entry> m_entries;
    QTimer m_timer;
    // Runs reported over while fire() was still inside Invoker::invoke() (see fire()).
    bool m_invoking = false;
    QList<InvocationResult> m_finishedDuringInvoke;
};

} // namespace gatehouse
