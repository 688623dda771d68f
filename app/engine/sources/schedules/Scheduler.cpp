#include "Scheduler.h"

#include "events/ScheduledEvent.h"
#include "invoker/Invoker.h"
#include "telemetry/LogStore.h"

#include <QUuid>
#include <algorithm>
#include <memory>
#include <utility>

namespace gatehouse {

namespace {

// Ticks counted one by one after a long pause are capped: a week asleep is 10080 minutes.
constexpr int kMaxCountedTicks = 100000;
constexpr qint64 kMaxWaitMs = 60 * 1000;

} // namespace

Scheduler::Scheduler(Invoker *invoker, Clock clock, QObject *parent)
    : QObject(parent)
    , m_invoker(invoker)
    , m_clock(std::move(clock)) {
    if (!m_clock) m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% early or late
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::checkDue);
    if (invoker) connect(invoker, &Invoker::asyncInvocationCompleted, this, &Scheduler::onRunFinished);
}

Scheduler::~Scheduler() = default;

QDateTime Scheduler::now() const {
    return QDateTime::fromMSecsSinceEpoch(m_clock(), Qt::UTC);
}

void Scheduler::setProject(const Project &project) {
    m_region = project.settings.region;
    m_accountId = project.settings.accountId;
    const QDateTime t = now();
    QHash<QString, Entry> entries;
    for (const Schedule &schedule : project.schedules) {
        if (schedule.name.isEmpty() || entries.contains(schedule.name)) continue; // the validator says so
        const auto old = m_entries.constFind(schedule.name);
        const bool known = old != m_entries.cend();
        Entry entry = known ? *old : Entry();
        // A runtime switch lasts until the project itself turns the schedule on or off.
        if (!known || old->schedule.enabled != schedule.enabled) entry.enabled = schedule.enabled;
        const bool retime = !known || old->schedule.expression != schedule.expression ||
                            old->schedule.timezone != schedule.timezone;
        entry.schedule = schedule;
        if (retime) {
            entry.next = QDateTime();
            QString error;
            entry.expression = ScheduleExpression::parse(schedule.expression, &error);
            entry.zone =
                schedule.timezone.isEmpty() ? QTimeZone::utc() : QTimeZone(schedule.timezone.toUtf8());
            if (entry.expression && !entry.zone.isValid()) {
                entry.expression.reset();
                error = tr("'%1' is not a known time zone").arg(schedule.timezone);
            }
            if (!entry.expression) {
                log(schedule.name, tr("not scheduled: %1").arg(error), true);
                emit problem(schedule.name, error);
            } else if (entry.expression->kind() == ScheduleExpression::Kind::Rate) {
                // EventBridge counts a rate from when the rule is created; locally, from when it starts.
                entry.expression->setRateStart(t);
            }
        }
        if (!entry.enabled)
            entry.next = QDateTime();
        else if (!entry.next.isValid())
            arm(entry, t);
        entries.insert(schedule.name, entry);
    }
    m_entries = entries;
    armTimer();
}

void Scheduler::stop() {
    m_entries.clear();
    m_timer.stop();
}

QStringList Scheduler::scheduleNames() const {
    QStringList names = m_entries.keys();
    names.sort();
    return names;
}

bool Scheduler::setEnabled(const QString &name, bool enabled) {
    const auto it = m_entries.find(name);
    if (it == m_entries.end()) return false;
    if (it->enabled == enabled) return true;
    it->enabled = enabled;
    // Turned back on, it waits for its next tick: the ticks it missed while off are not made up.
    if (enabled)
        arm(*it, now());
    else
        it->next = QDateTime();
    log(name, enabled ? tr("enabled") : tr("disabled"), false);
    armTimer();
    return true;
}

bool Scheduler::isEnabled(const QString &name) const {
    const auto it = m_entries.constFind(name);
    return it != m_entries.cend() && it->enabled;
}

bool Scheduler::isBusy(const QString &name) const {
    const auto it = m_entries.constFind(name);
    return it != m_entries.cend() && !it->runningRequestId.isEmpty();
}

QString Scheduler::fireNow(const QString &name, QString *error) {
    const auto it = m_entries.find(name);
    QString problem;
    if (it == m_entries.end())
        problem = tr("there is no schedule named '%1'").arg(name);
    else if (!it->runningRequestId.isEmpty())
        problem = tr("its last run (%1) has not finished").arg(it->runningRequestId);
    if (!problem.isEmpty()) {
        if (error) *error = problem;
        return {};
    }
    return fire(*it, now());
}

QList<QDateTime> Scheduler::nextFireTimes(const QString &name, int count) const {
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend() || !it->expression) return {};
    return it->expression->nextFireTimes(now(), count, it->zone);
}

QDateTime Scheduler::nextFireTime(const QString &name) const {
    const auto it = m_entries.constFind(name);
    return it != m_entries.cend() ? it->next : QDateTime();
}

void Scheduler::arm(Entry &entry, const QDateTime &after) {
    entry.next = entry.expression ? entry.expression->nextFireTime(after, entry.zone) : QDateTime();
}

qint64 Scheduler::msUntilNextCheck() const {
    QDateTime earliest;
    for (const Entry &entry : m_entries)
        if (entry.enabled && entry.next.isValid() && (!earliest.isValid() || entry.next < earliest))
            earliest = entry.next;
    if (!earliest.isValid()) return -1;
    return std::clamp<qint64>(earliest.toMSecsSinceEpoch() - m_clock(), 0, kMaxWaitMs);
}

void Scheduler::armTimer() {
    // Each wait is measured from the wall clock again, so that lateness never accumulates.
    const qint64 wait = msUntilNextCheck();
    if (wait < 0)
        m_timer.stop();
    else
        m_timer.start(int(wait));
}

void Scheduler::checkDue() {
    const QDateTime t = now();
    QStringList due;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->enabled && it->next.isValid() && it->next <= t) due.append(it.key());
    for (const QString &name : std::as_const(due)) {
        // Looked up again: a slot of an earlier fired() may have changed the schedules.
        const auto it = m_entries.find(name);
        if (it == m_entries.end() || !it->enabled || !it->next.isValid() || it->next > t) continue;
        // Every tick up to now is due; the latest one runs, the earlier ones were missed.
        QDateTime latest = it->next;
        int missed = 0;
        for (QDateTime n = it->expression->nextFireTime(latest, it->zone);
             n.isValid() && n <= t && missed < kMaxCountedTicks;
             n = it->expression->nextFireTime(n, it->zone)) {
            latest = n;
            ++missed;
        }
        arm(*it, t);
        if (!it->runningRequestId.isEmpty()) {
            const QString reason = tr("the previous run (%1) is still going").arg(it->runningRequestId);
            log(name, tr("skipped %n run(s): %1", nullptr, missed + 1).arg(reason), true);
            emit skipped(name, missed + 1, reason);
            continue;
        }
        if (missed > 0) {
            const QString reason = tr("their times passed while the schedule could not run");
            log(name, tr("skipped %n run(s): %1", nullptr, missed).arg(reason), true);
            emit skipped(name, missed, reason);
        }
        const auto again = m_entries.find(name); // skipped() may have changed the schedules too
        if (again != m_entries.end()) fire(*again, latest);
    }
    armTimer();
}

QString Scheduler::fire(Entry &entry, const QDateTime &scheduledTime) {
    if (!m_invoker) return {};
    const QString name = entry.schedule.name;
    const QString function = entry.schedule.function;
    QByteArray payload;
    if (!entry.schedule.input.is_null()) {
        payload = QByteArray::fromStdString(entry.schedule.input.dump()); // "Constant (JSON text)"
    } else {
        ScheduledEventInput input;
        input.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        input.ruleName = name;
        input.region = m_region;
        input.accountId = m_accountId;
        input.time = scheduledTime;
        payload = jsonBytes(scheduledEvent(input));
    }
    InvokeOptions options;
    options.type = InvokeOptions::Type::Event; // EventBridge invokes its targets asynchronously
    // The callback never runs before invoke() returns, so the id is known when it does. The run's end
    // may come sooner: on the invoker's own thread invoke() emits the signals queued meanwhile, and an
    // environment may have finished by then (seen under load) — such ends are kept until the id is known.
    auto requestId = std::make_shared<QString>();
    m_invoking = true;
    m_finishedDuringInvoke.clear();
    *requestId = m_invoker->invoke(
        function, payload, options, this, [this, name, function, requestId](const InvocationResult &result) {
            if (result.statusCode == 202) return; // queued: the run goes on
            // Refused at once (no such function, payload too large): no run.
            const auto it = m_entries.find(name);
            if (it != m_entries.end() && it->runningRequestId == *requestId) it->runningRequestId.clear();
            const QString message =
                tr("%1 could not be invoked: %2")
                    .arg(function, result.errorMessage.isEmpty() ? result.errorType : result.errorMessage);
            log(name, message, true);
            emit problem(name, message);
        });
    m_invoking = false;
    const QList<InvocationResult> early = std::exchange(m_finishedDuringInvoke, {});
    entry.runningRequestId = *requestId;
    log(name,
        tr("invoking %1 (request %2) for %3").arg(function, *requestId, scheduledTime.toString(Qt::ISODate)),
        false);
    emit fired(name, *requestId, scheduledTime);
    for (const InvocationResult &result : early)
        if (result.requestId == *requestId) onRunFinished(result);
    return *requestId;
}

void Scheduler::onRunFinished(const InvocationResult &result) {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->runningRequestId != result.requestId) continue;
        it->runningRequestId.clear();
        emit runFinished(it.key(), result);
        return;
    }
    if (m_invoking) m_finishedDuringInvoke.append(result);
}

void Scheduler::log(const QString &schedule, const QString &message, bool warning) {
    if (!m_invoker || !m_invoker->logs()) return;
    LogRecord record;
    record.timeMs = m_clock();
    record.source = QStringLiteral("gatehouse");
    record.level = warning ? LogRecord::Level::Warn : LogRecord::Level::Info;
    record.message = tr("Schedule '%1': %2").arg(schedule, message);
    m_invoker->logs()->append(std::move(record));
}

} // namespace gatehouse
