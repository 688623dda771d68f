// An EventBridge schedule expression, rate(...) or cron(...): parsed once with precise error
// messages, then asked when it fires: in UTC, as EventBridge evaluates scheduled rules, or in an IANA
// time zone, as EventBridge Scheduler does with ScheduleExpressionTimezone.
#pragma once

#include "CronFields.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace gatehouse {

class ScheduleExpression {
public:
    enum class Kind { Rate, Cron };

    // nullopt and a translated message in `error` when `text` is not a valid expression.
    static std::optional<ScheduleExpression> parse(const QString &text, QString *error = nullptr);

    Kind kind() const { return m_kind; }
    const QString &text() const { return m_text; }
    qint64 rateSeconds() const { return m_rateSeconds; } // 0 for cron()
    const CronFields &cronFields() const { return m_cron; }

    // rate() fires at start + k × interval for k >= 1. EventBridge counts from when the rule was
    // created; until the engine says so (setRateStart), the start is 1970-01-01T00:00Z, which puts
    // "rate(1 hour)" on whole hours.
    void setRateStart(const QDateTime &startUtc) { m_rateStart = startUtc.toUTC(); }
    const QDateTime &rateStart() const { return m_rateStart; }

    // The first fire time strictly after `afterUtc`; invalid when there is none (cron years end in 2199).
    QDateTime nextFireTime(const QDateTime &afterUtc) const;
    // Up to `count` fire times after `afterUtc`, in order (fewer when the schedule ends).
    QList<QDateTime> nextFireTimes(const QDateTime &afterUtc, int count) const;

    // The same with the cron fields read as wall-clock times in `zone` ("Daylight savings time on
    // EventBridge Scheduler", https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html):
    // a time that a spring-forward change skips does not fire that day, a time that a fall-back change
    // repeats fires once, at its first occurrence. rate() is a fixed duration in any zone ("days" are
    // 24 hours). An invalid zone is UTC. Results are UTC.
    QDateTime nextFireTime(const QDateTime &afterUtc, const QTimeZone &zone) const;
    QList<QDateTime> nextFireTimes(const QDateTime &afterUtc, int count, const QTimeZone &zone) const;

private:
    static std::optional<ScheduleExpression> parseRate(const QString &text, const QString &inside,
                                                       QString *error);

    Kind m_kind = Kind::Rate;
    QString m_text;
    qint64 m_rateSeconds = 0;
    QDateTime m_rateStart = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    CronFields m_cron;
};

} // namespace gatehouse
