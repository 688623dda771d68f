// rate() and cron() schedule expressions (see ScheduleExpression.h). Syntax from "Schedule
// expressions for rules":
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
#include "ScheduleExpression.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse {

namespace {
bool fail(QString *error, const QString &message) {
    if (error) *error = message;
    return false;
}
} // namespace

std::optional<ScheduleExpression> ScheduleExpression::parse(const QString &rawText, QString *error) {
    const QString text = rawText.trimmed();
    if (text.isEmpty()) {
        fail(error, QCoreApplication::translate("gatehouse::Validation", "the schedule expression is empty"));
        return std::nullopt;
    }
    const bool isRate = text.startsWith(QLatin1String("rate("));
    const bool isCron = text.startsWith(QLatin1String("cron("));
    if (!isRate && !isCron) {
        fail(error,
             QCoreApplication::translate("gatehouse::Validation",
                                         "'%1' is not a schedule expression; write rate(value unit) or "
                                         "cron(minutes hours day-of-month month day-of-week year)")
                 .arg(text));
        return std::nullopt;
    }
    if (!text.endsWith(QLatin1Char(')'))) {
        fail(error, QCoreApplication::translate("gatehouse::Validation", "'%1' is missing the closing ')'")
                        .arg(text));
        return std::nullopt;
    }
    const QString inside = text.mid(5, text.size() - 6).trimmed();
    if (isRate) return parseRate(text, inside, error);

    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const auto fields = CronFields::parse(inside.split(spaces, Qt::SkipEmptyParts), error);
    if (!fields) return std::nullopt;
    ScheduleExpression expression;
    expression.m_kind = Kind::Cron;
    expression.m_text = text;
    expression.m_cron = *fields;
    return expression;
}

std::optional<ScheduleExpression> ScheduleExpression::parseRate(const QString &text, const QString &inside,
                                                                QString *error) {
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList parts = inside.split(spaces, Qt::SkipEmptyParts);
    if (parts.size() != 2) {
        fail(error, QCoreApplication::translate("gatehouse::Validation",
                                                "rate() takes a value and a unit, e.g. 'rate(5 minutes)'"));
        return std::nullopt;
    }
    const QString &valueText = parts[0];
    const QString &unit = parts[1];
    static const QRegularExpression positive(QStringLiteral("^[0-9]{1,9}$"));
    const qint64 value = positive.match(valueText).hasMatch() ? valueText.toLongLong() : 0;
    if (value <= 0) {
        fail(error, QCoreApplication::translate("gatehouse::Validation",
                                                "rate(): '%1' is not a positive whole number")
                        .arg(valueText));
        return std::nullopt;
    }
    struct Unit {
        const char *singular;
        const char *plural;
        qint64 seconds;
    };
    static const Unit units[] = {{"minute", "minutes", 60}, {"hour", "hours", 3600}, {"day", "days", 86400}};
    for (const Unit &u : units) {
        const bool singular = unit == QLatin1String(u.singular);
        if (!singular && unit != QLatin1String(u.plural)) continue;
        // The documentation requires the singular unit exactly when the value is 1.
        if (singular != (value == 1)) {
            fail(error,
                 value == 1
                     ? QCoreApplication::translate("gatehouse::Validation",
                                                   "rate(): use '%1' for a value of 1, as in 'rate(1 %1)'")
                           .arg(QLatin1String(u.singular))
                     : QCoreApplication::translate("gatehouse::Validation",
                                                   "rate(): use '%1' for a value of %2, as in 'rate(%2 %1)'")
                           .arg(QLatin1String(u.plural))
                           .arg(value));
            return std::nullopt;
        }
        ScheduleExpression expression;
        expression.m_kind = Kind::Rate;
        expression.m_text = text;
        expression.m_rateSeconds = value * u.seconds;
        return expression;
    }
    if (unit == QLatin1String("second") || unit == QLatin1String("seconds"))
        fail(error,
             QCoreApplication::translate("gatehouse::Validation",
                                         "rate(): '%1' is not supported; the smallest unit is a minute")
                 .arg(unit));
    else
        fail(error, QCoreApplication::translate("gatehouse::Validation",
                                                "rate(): unknown unit '%1'; use minute(s), hour(s) or day(s)")
                        .arg(unit));
    return std::nullopt;
}

QDateTime ScheduleExpression::nextFireTime(const QDateTime &afterUtc) const {
    if (!afterUtc.isValid()) return {};
    if (m_kind == Kind::Cron) return m_cron.nextAfter(afterUtc);
    if (!m_rateStart.isValid() || m_rateSeconds <= 0) return {};
    const qint64 intervalMs = m_rateSeconds * 1000;
    const qint64 sinceStart = afterUtc.toMSecsSinceEpoch() - m_rateStart.toMSecsSinceEpoch();
    // The first multiple of the interval strictly after `afterUtc`, and never the start itself.
    const qint64 k = sinceStart < 0 ? 1 : sinceStart / intervalMs + 1;
    return m_rateStart.addMSecs(k * intervalMs);
}

namespace {

// The earliest UTC instant at which `zone`'s clocks show `wallClock` (given as a UTC-labelled
// date and time), or an invalid QDateTime when a DST gap skips it. Only the offsets in force 14 hours
// either side can apply, which covers every real zone's single transition in that window.
QDateTime firstInstantShowing(const QDateTime &wallClock, const QTimeZone &zone) {
    QDateTime earliest;
    for (const qint64 probeHours : {-14, 14}) {
        const int offset = zone.offsetFromUtc(wallClock.addSecs(probeHours * 3600));
        const QDateTime instant = wallClock.addSecs(-offset);
        if (zone.offsetFromUtc(instant) != offset) continue; // this offset is not in force then
        if (!earliest.isValid() || instant < earliest) earliest = instant;
    }
    return earliest;
}

} // namespace

QDateTime ScheduleExpression::nextFireTime(const QDateTime &afterUtc, const QTimeZone &zone) const {
    if (m_kind == Kind::Rate || !zone.isValid() || !afterUtc.isValid()) return nextFireTime(afterUtc);
    // Search in wall-clock time (as UTC-labelled values) and map each candidate back; a candidate in a
    // gap, or the repeat of an hour already passed, is skipped. Each step moves at least a minute on.
    const QDateTime local = afterUtc.toTimeZone(zone);
    QDateTime wallClock(local.date(), local.time(), Qt::UTC);
    for (int step = 0; step < 100000; ++step) {
        wallClock = m_cron.nextAfter(wallClock);
        if (!wallClock.isValid()) return {};
        const QDateTime instant = firstInstantShowing(wallClock, zone);
        if (instant.isValid() && instant > afterUtc) return instant;
    }
    return {};
}

QList<QDateTime> ScheduleExpression::nextFireTimes(const QDateTime &afterUtc, int count,
                                                   const QTimeZone &zone) const {
    QList<QDateTime> times;
    QDateTime t = afterUtc;
    while (times.size() < count) {
        t = nextFireTime(t, zone);
        if (!t.isValid()) break;
        times.append(t);
    }
    return times;
}

QList<QDateTime> ScheduleExpression::nextFireTimes(const QDateTime &afterUtc, int count) const {
    QList<QDateTime> times;
    QDateTime t = afterUtc;
    while (times.size() < count) {
        t = nextFireTime(t);
        if (!t.isValid()) break;
        times.append(t);
    }
    return times;
}

} // namespace gatehouse
