// When an EventBridge cron() expression fires: day matching (L, LW, nW, nL, n#k) and the search for
// the next matching minute. Semantics from "Cron expressions reference"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html), which follows Quartz.
#include "CronFields.h"

namespace gatehouse {

namespace {

// Qt numbers weekdays 1 = Monday ... 7 = Sunday; cron numbers them 1 = Sunday ... 7 = Saturday.
int cronWeekday(const QDate &date) {
    return date.dayOfWeek() % 7 + 1;
}

bool isSaturday(const QDate &date) {
    return date.dayOfWeek() == Qt::Saturday;
}
bool isSunday(const QDate &date) {
    return date.dayOfWeek() == Qt::Sunday;
}

int lastWeekdayOfMonth(const QDate &anyDayInMonth) {
    const QDate last(anyDayInMonth.year(), anyDayInMonth.month(), anyDayInMonth.daysInMonth());
    if (isSaturday(last)) return last.day() - 1;
    if (isSunday(last)) return last.day() - 2;
    return last.day();
}

// "15W": the weekday nearest the 15th, never leaving the month: a Saturday 1st moves to Monday the
// 3rd, a Sunday on the last day moves back to the Friday. 0 when the month is shorter than `day`.
int nearestWeekday(const QDate &anyDayInMonth, int day) {
    const int daysInMonth = anyDayInMonth.daysInMonth();
    if (day > daysInMonth) return 0;
    const QDate target(anyDayInMonth.year(), anyDayInMonth.month(), day);
    if (isSaturday(target)) return day == 1 ? 3 : day - 1;
    if (isSunday(target)) return day == daysInMonth ? day - 2 : day + 1;
    return day;
}

qint64 floorDiv(qint64 a, qint64 b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

bool CronFields::matchesDay(const QDate &date) const {
    const int day = date.day();
    switch (dayOfMonthRule) {
    case DayOfMonth::Values:
        return daysOfMonth.contains(day);
    case DayOfMonth::Last:
        return day == date.daysInMonth();
    case DayOfMonth::LastWeekday:
        return day == lastWeekdayOfMonth(date);
    case DayOfMonth::NearestWeekday:
        return day == nearestWeekday(date, nearestWeekdayTo);
    case DayOfMonth::Any:
        break;
    }
    const int wd = cronWeekday(date);
    switch (dayOfWeekRule) {
    case DayOfWeek::Values:
        return daysOfWeek.contains(wd);
    case DayOfWeek::LastInMonth:
        return wd == weekday && day + 7 > date.daysInMonth();
    case DayOfWeek::NthInMonth:
        return wd == weekday && (day - 1) / 7 + 1 == nth;
    case DayOfWeek::Any:
        return true;
    }
    return false;
}

QDateTime CronFields::nextAfter(const QDateTime &afterUtc) const {
    if (!afterUtc.isValid()) return {};
    // The first whole minute strictly after `afterUtc`.
    const qint64 minuteIndex = floorDiv(afterUtc.toMSecsSinceEpoch(), 60000) + 1;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(minuteIndex * 60000, Qt::UTC);
    QDate date = start.date();
    int hour = start.time().hour();
    int minute = start.time().minute();
    const auto nextDay = [&] {
        date = date.addDays(1);
        hour = 0;
        minute = 0;
    };
    // Each pass moves forward by at least a minute and skips whole years, months and days that
    // cannot match, so the loop ends after at most a few hundred thousand passes (year 2199).
    while (date.year() <= years.max) {
        const int year = date.year();
        if (!years.contains(year)) {
            const int nextYear = years.next(year + 1);
            if (nextYear < 0) return {};
            date = QDate(nextYear, 1, 1);
            hour = minute = 0;
            continue;
        }
        if (!months.contains(date.month())) {
            const int nextMonth = months.next(date.month() + 1);
            date = nextMonth < 0 ? QDate(year + 1, 1, 1) : QDate(year, nextMonth, 1);
            hour = minute = 0;
            continue;
        }
        if (!matchesDay(date)) {
            nextDay();
            continue;
        }
        const int h = hours.next(hour);
        if (h < 0) {
            nextDay();
            continue;
        }
        if (h != hour) {
            hour = h;
            minute = 0;
        }
        const int m = minutes.next(minute);
        if (m < 0) {
            minute = 0;
            if (++hour > 23) nextDay();
            continue;
        }
        return QDateTime(date, QTime(hour, m), Qt::UTC);
    }
    return {};
}

} // namespace gatehouse
