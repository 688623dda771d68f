// The six fields of an EventBridge cron() expression as sets of allowed values plus the special
// day rules (L, W, #), with the parser and the next-fire-time search. ScheduleExpression wraps this.
#pragma once

#include <QDateTime>
#include <QStringList>
#include <bitset>
#include <optional>

namespace gatehouse {

// Allowed values of one field; bit (value - min) is set when the value matches.
struct CronField {
    int min = 0;
    int max = 0;
    std::bitset<256> bits;

    bool contains(int value) const { return value >= min && value <= max && bits.test(size_t(value - min)); }
    // Smallest allowed value >= from, or -1.
    int next(int from) const;
    bool operator==(const CronField &) const = default;
};

struct CronFields {
    // How the day is chosen. Exactly one of day-of-month and day-of-week is "?" (Any).
    enum class DayOfMonth { Any, Values, Last, LastWeekday, NearestWeekday };
    enum class DayOfWeek { Any, Values, LastInMonth, NthInMonth };

    CronField minutes;     // 0-59
    CronField hours;       // 0-23
    CronField daysOfMonth; // 1-31 (DayOfMonth::Values)
    CronField months;      // 1-12
    CronField daysOfWeek;  // 1-7, 1 = Sunday (DayOfWeek::Values)
    CronField years;       // 1970-2199
    DayOfMonth dayOfMonthRule = DayOfMonth::Any;
    DayOfWeek dayOfWeekRule = DayOfWeek::Any;
    int nearestWeekdayTo = 0; // "15W": 15
    int weekday = 0;          // "5L", "2#1": 5, 2 (1 = Sunday)
    int nth = 0;              // "2#1": 1

    bool operator==(const CronFields &) const = default;

    // `fields` are the six space-separated fields inside cron(...). On failure returns nullopt and a
    // translated message naming the field and the token, e.g. "minutes: '60' is out of range (0-59)".
    static std::optional<CronFields> parse(const QStringList &fields, QString *error);

    // First matching minute strictly after `afterUtc` (UTC); invalid when none is left before 2200.
    QDateTime nextAfter(const QDateTime &afterUtc) const;
    bool matchesDay(const QDate &date) const;
};

} // namespace gatehouse
