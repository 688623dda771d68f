// Specification of EventBridge schedule expressions: what parses (and the messages for what does
// not), and fire times checked against a hand-computed calendar (2024 is a leap year; its March
// 31st is a Sunday and its June 1st a Saturday).
#include "validation/ScheduleExpression.h"

#include <QtTest>

using namespace gatehouse;

namespace {
QDateTime utc(const QString &iso) {
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.toUTC();
}

QStringList isoStrings(const QList<QDateTime> &times) {
    QStringList list;
    for (const QDateTime &t : times)
        list.append(t.toUTC().toString(Qt::ISODate));
    return list;
}
} // namespace

class TestScheduleExpression : public QObject {
    Q_OBJECT

private slots:
    void validExpressionParses_data();
    void validExpressionParses();
    void invalidExpressionIsRejectedWithReason_data();
    void invalidExpressionIsRejectedWithReason();
    void nextFireTimesFollowTheCalendar_data();
    void nextFireTimesFollowTheCalendar();
    void rateCountsFromItsStart();
    void cronAcceptsTimesInAnyOffset();
    void cronWithoutFutureYearsNeverFires();
    void cronEndsAfterYear2199();
    void cronInATimeZoneFollowsItsWallClockAcrossDst_data();
    void cronInATimeZoneFollowsItsWallClockAcrossDst();
    void nearestWeekdayOfADayTheMonthDoesNotHaveNeverFiresThere();
};

void TestScheduleExpression::validExpressionParses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isRate");
    QTest::addColumn<qint64>("rateSeconds");
    const auto rate = [](const char *text, qint64 seconds) {
        QTest::newRow(text) << QString::fromUtf8(text) << true << seconds;
    };
    const auto cron = [](const char *text) {
        QTest::newRow(text) << QString::fromUtf8(text) << false << qint64(0);
    };
    rate("rate(1 minute)", 60);
    rate("rate(5 minutes)", 300);
    rate("rate(1 hour)", 3600);
    rate("rate(12 hours)", 43200);
    rate("rate(1 day)", 86400);
    rate("rate(7 days)", 604800);
    rate("  rate(10 minutes)  ", 600);
    cron("cron(15 10 * * ? *)");
    cron("cron(0 18 ? * MON-FRI *)");
    cron("cron(0 9 ? * 2#1 *)");
    cron("cron(0/15 * * * ? *)");
    cron("cron(*/5 9-17 ? * MON-FRI *)");
    cron("cron(0 8 1 * ? *)");
    cron("cron(0 12 L * ? *)");
    cron("cron(0 12 LW * ? *)");
    cron("cron(0 12 15W * ? *)");
    cron("cron(0 12 ? * 5L *)");
    cron("cron(0 12 ? * L *)");
    cron("cron(0 0 ? JAN,JUL MON 2025-2030)");
    cron("cron(0 0 1 */3 ? *)");
    cron("cron(0 12 ? * mon *)");
    cron("cron(0 22-1 * * ? *)");
}

void TestScheduleExpression::validExpressionParses() {
    QFETCH(QString, text);
    QFETCH(bool, isRate);
    QFETCH(qint64, rateSeconds);
    QString error;
    const auto expression = ScheduleExpression::parse(text, &error);
    QVERIFY2(expression, qPrintable(error));
    QCOMPARE(expression->kind(), isRate ? ScheduleExpression::Kind::Rate : ScheduleExpression::Kind::Cron);
    QCOMPARE(expression->rateSeconds(), rateSeconds);
    QCOMPARE(expression->text(), text.trimmed());
}

void TestScheduleExpression::invalidExpressionIsRejectedWithReason_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *text, const char *message) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(message);
    };
    row("", "the schedule expression is empty");
    row("every 5 minutes", "is not a schedule expression");
    row("RATE(5 minutes)", "is not a schedule expression");
    row("rate(5 minutes", "is missing the closing ')'");
    row("rate(5)", "rate() takes a value and a unit");
    row("rate(0 minutes)", "rate(): '0' is not a positive whole number");
    row("rate(-5 minutes)", "rate(): '-5' is not a positive whole number");
    row("rate(1.5 hours)", "rate(): '1.5' is not a positive whole number");
    row("rate(1 minutes)", "rate(): use 'minute' for a value of 1");
    row("rate(5 minute)", "rate(): use 'minutes' for a value of 5");
    row("rate(30 seconds)", "the smallest unit is a minute");
    row("rate(2 weeks)", "unknown unit 'weeks'");
    row("cron(0 10 * * ?)", "found 5; add the year");
    row("cron(0 0 10 * * ? *)", "found 7; EventBridge has no seconds field");
    row("cron(60 10 * * ? *)", "minutes: '60' is out of range (0-59)");
    row("cron(0 24 * * ? *)", "hours: '24' is out of range (0-23)");
    row("cron(0 10 32 * ? *)", "day-of-month: '32' is out of range (1-31)");
    row("cron(0 10 0 * ? *)", "day-of-month: '0' is out of range (1-31)");
    row("cron(0 10 * 13 ? *)", "month: '13' is out of range (1-12)");
    row("cron(0 10 * FOO ? *)", "month: 'FOO' is not a valid value");
    row("cron(0 10 ? * 0 *)", "day-of-week: '0' is out of range (1-7)");
    row("cron(0 10 ? * 8 *)", "day-of-week: '8' is out of range (1-7)");
    row("cron(0 10 * * ? 1969)", "year: '1969' is out of range (1970-2199)");
    row("cron(0 10 * * ? 2200)", "year: '2200' is out of range (1970-2199)");
    row("cron(0 10 * * 1 *)", "day-of-month and day-of-week cannot both be set; use '?' in one of them");
    row("cron(0 10 ? * ? *)", "day-of-month and day-of-week cannot both be '?'");
    row("cron(? 10 * * ? *)", "minutes: '?' is not allowed here");
    row("cron(0 10 1#2 * ? *)", "day-of-month: '#' is not allowed here");
    row("cron(0 10 ? * MON/2 *)", "day-of-week: '/' is not allowed here");
    row("cron(0 10 ? * 2W *)", "day-of-week: '2W' is not a valid value");
    row("cron(0 10 L-2 * ? *)", "'L' and 'W' stand alone");
    row("cron(0 10 1,15W * ? *)", "'L' and 'W' stand alone");
    row("cron(0 10 ? * 1#1,2#2 *)", "'#' takes one day and one week number");
    row("cron(0 10 ? * 2#6 *)", "the week number after '#' must be from 1 to 5");
    row("cron(0 10 ? * 1-3L *)", "'L' follows a single day");
    row("cron(0/0 * * * ? *)", "minutes: increment '0' in '0/0' must be a number from 1 to 60");
    row("cron(/5 * * * ? *)", "minutes: '/5' has no start before '/'");
    row("cron(0 10 * * ? 2030-2020)", "year: range '2030-2020' goes backwards");
    row("cron(0 10 1,,2 * ? *)", "day-of-month: empty item in '1,,2'");
}

void TestScheduleExpression::invalidExpressionIsRejectedWithReason() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!ScheduleExpression::parse(text, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestScheduleExpression::nextFireTimesFollowTheCalendar_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const char *expression, const char *after,
                        const QStringList &expected) {
        QTest::newRow(name) << QString::fromUtf8(expression) << QString::fromUtf8(after) << expected;
    };
    const auto at = [](std::initializer_list<const char *> times) {
        QStringList list;
        for (const char *t : times)
            list.append(QString::fromUtf8(t));
        return list;
    };
    row("daily, strictly after the current fire time", "cron(15 10 * * ? *)", "2024-01-31T10:15:00Z",
        at({"2024-02-01T10:15:00Z", "2024-02-02T10:15:00Z"}));
    row("a millisecond before fires at the minute", "cron(15 10 * * ? *)", "2024-01-31T10:14:59.999Z",
        at({"2024-01-31T10:15:00Z"}));
    row("L is the last day, Feb 29 in a leap year", "cron(0 12 L * ? *)", "2024-01-15T00:00:00Z",
        at({"2024-01-31T12:00:00Z", "2024-02-29T12:00:00Z", "2024-03-31T12:00:00Z", "2024-04-30T12:00:00Z"}));
    row("L is Feb 28 in a common year", "cron(0 12 L * ? *)", "2023-01-31T12:00:00Z",
        at({"2023-02-28T12:00:00Z", "2023-03-31T12:00:00Z"}));
    row("Feb 29 only in leap years", "cron(0 0 29 2 ? *)", "2021-01-01T00:00:00Z",
        at({"2024-02-29T00:00:00Z", "2028-02-29T00:00:00Z"}));
    row("2100 is not a leap year", "cron(0 0 29 2 ? *)", "2096-03-01T00:00:00Z",
        at({"2104-02-29T00:00:00Z"}));
    row("the 31st skips shorter months", "cron(0 0 31 * ? *)", "2024-04-01T00:00:00Z",
        at({"2024-05-31T00:00:00Z", "2024-07-31T00:00:00Z", "2024-08-31T00:00:00Z"}));
    row("5L is the last Thursday", "cron(0 9 ? * 5L *)", "2024-01-01T00:00:00Z",
        at({"2024-01-25T09:00:00Z", "2024-02-29T09:00:00Z", "2024-03-28T09:00:00Z"}));
    row("2#1 is the first Monday", "cron(0 9 ? * 2#1 *)", "2024-01-01T09:00:00Z",
        at({"2024-02-05T09:00:00Z", "2024-03-04T09:00:00Z"}));
    row("6#5 skips months without a fifth Friday", "cron(0 9 ? * 6#5 *)", "2024-01-01T00:00:00Z",
        at({"2024-03-29T09:00:00Z", "2024-05-31T09:00:00Z"}));
    row("L alone in day-of-week is Saturday", "cron(0 12 ? * L *)", "2024-01-01T00:00:00Z",
        at({"2024-01-06T12:00:00Z", "2024-01-13T12:00:00Z"}));
    row("1W on a Saturday 1st moves to Monday the 3rd", "cron(0 10 1W * ? *)", "2024-05-02T00:00:00Z",
        at({"2024-06-03T10:00:00Z", "2024-07-01T10:00:00Z", "2024-08-01T10:00:00Z", "2024-09-02T10:00:00Z"}));
    row("31W on a Sunday 31st moves back to Friday the 29th", "cron(0 10 31W * ? *)", "2024-03-01T00:00:00Z",
        at({"2024-03-29T10:00:00Z", "2024-05-31T10:00:00Z"}));
    row("15W: Saturday to Friday, Sunday to Monday", "cron(0 10 15W * ? *)", "2024-06-01T00:00:00Z",
        at({"2024-06-14T10:00:00Z", "2024-07-15T10:00:00Z", "2024-08-15T10:00:00Z", "2024-09-16T10:00:00Z"}));
    row("LW is the last weekday", "cron(0 18 LW * ? *)", "2024-02-01T00:00:00Z",
        at({"2024-02-29T18:00:00Z", "2024-03-29T18:00:00Z", "2024-04-30T18:00:00Z"}));
    row("LW when the month ends on a Saturday", "cron(0 18 LW * ? *)", "2024-08-01T00:00:00Z",
        at({"2024-08-30T18:00:00Z"}));
    row("steps and ranges on weekdays", "cron(0/20 9-10 ? * MON-FRI *)", "2024-03-08T10:45:00Z",
        at({"2024-03-11T09:00:00Z", "2024-03-11T09:20:00Z", "2024-03-11T09:40:00Z", "2024-03-11T10:00:00Z"}));
    row("a start with a step runs to the end of the field", "cron(5/15 * * * ? *)", "2024-01-01T00:50:00Z",
        at({"2024-01-01T01:05:00Z", "2024-01-01T01:20:00Z"}));
    row("year rollover", "cron(30 23 31 12 ? *)", "2024-12-31T23:30:00Z", at({"2025-12-31T23:30:00Z"}));
    row("month names", "cron(0 0 1 JAN,JUL ? *)", "2024-02-01T00:00:00Z",
        at({"2024-07-01T00:00:00Z", "2025-01-01T00:00:00Z"}));
    row("hour ranges wrap around midnight (Quartz)", "cron(0 22-1 * * ? *)", "2024-01-01T21:00:00Z",
        at({"2024-01-01T22:00:00Z", "2024-01-01T23:00:00Z", "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z"}));
    row("the last year is 2199", "cron(0 0 1 1 ? 2199)", "2150-06-01T00:00:00Z",
        at({"2199-01-01T00:00:00Z"}));
    row("years in the past never fire", "cron(0 0 1 1 ? 1970-1975)", "2024-01-01T00:00:00Z", {});
    row("rate counts from the epoch by default", "rate(5 minutes)", "2024-01-01T10:02:30Z",
        at({"2024-01-01T10:05:00Z", "2024-01-01T10:10:00Z", "2024-01-01T10:15:00Z"}));
    row("rate(1 day) fires at midnight by default", "rate(1 day)", "2024-02-28T12:00:00Z",
        at({"2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z"}));
}

void TestScheduleExpression::nextFireTimesFollowTheCalendar() {
    QFETCH(QString, expression);
    QFETCH(QString, after);
    QFETCH(QStringList, expected);
    QString error;
    const auto parsed = ScheduleExpression::parse(expression, &error);
    QVERIFY2(parsed, qPrintable(error));
    const QDateTime start = utc(after);
    QVERIFY(start.isValid());
    QCOMPARE(isoStrings(parsed->nextFireTimes(start, std::max(1, int(expected.size())))), expected);
    if (!expected.isEmpty()) QCOMPARE(parsed->nextFireTime(start).toString(Qt::ISODate), expected.front());
}

void TestScheduleExpression::rateCountsFromItsStart() {
    auto expression = ScheduleExpression::parse(QStringLiteral("rate(1 hour)"));
    QVERIFY(expression);
    expression->setRateStart(utc(QStringLiteral("2024-01-01T10:03:17Z")));
    QCOMPARE(isoStrings(expression->nextFireTimes(utc(QStringLiteral("2024-01-01T09:00:00Z")), 2)),
             (QStringList{QStringLiteral("2024-01-01T11:03:17Z"), QStringLiteral("2024-01-01T12:03:17Z")}));
    // The start itself is not a fire time, and a fire time is never repeated.
    QCOMPARE(expression->nextFireTime(utc(QStringLiteral("2024-01-01T10:03:17Z"))).toString(Qt::ISODate),
             QStringLiteral("2024-01-01T11:03:17Z"));
    QCOMPARE(expression->nextFireTime(utc(QStringLiteral("2024-01-01T11:03:17Z"))).toString(Qt::ISODate),
             QStringLiteral("2024-01-01T12:03:17Z"));
}

void TestScheduleExpression::cronAcceptsTimesInAnyOffset() {
    const auto expression = ScheduleExpression::parse(QStringLiteral("cron(30 10 * * ? *)"));
    QVERIFY(expression);
    // 12:00 at UTC+2 is 10:00 UTC, so 10:30 UTC the same day comes next.
    const QDateTime after = QDateTime::fromString(QStringLiteral("2024-01-01T12:00:00+02:00"), Qt::ISODate);
    const QDateTime next = expression->nextFireTime(after);
    QCOMPARE(next.timeSpec(), Qt::UTC);
    QCOMPARE(next.toString(Qt::ISODate), QStringLiteral("2024-01-01T10:30:00Z"));
}

void TestScheduleExpression::cronWithoutFutureYearsNeverFires() {
    const auto expression = ScheduleExpression::parse(QStringLiteral("cron(0 0 31 2 ? *)"));
    QVERIFY(expression); // February 31st parses, as in EventBridge, but never comes
    QVERIFY(!expression->nextFireTime(utc(QStringLiteral("2024-01-01T00:00:00Z"))).isValid());
    QVERIFY(expression->nextFireTimes(utc(QStringLiteral("2024-01-01T00:00:00Z")), 3).isEmpty());
}

void TestScheduleExpression::cronEndsAfterYear2199() {
    const auto expression = ScheduleExpression::parse(QStringLiteral("cron(0 0 1 1 ? *)"));
    QVERIFY(expression);
    QCOMPARE(isoStrings(expression->nextFireTimes(utc(QStringLiteral("2198-06-01T00:00:00Z")), 5)),
             QStringList{QStringLiteral("2199-01-01T00:00:00Z")});
}

// EventBridge Scheduler ("Daylight savings time on EventBridge Scheduler", schedule-types.html): a
// time skipped by spring-forward does not fire; a time repeated by fall-back fires once.
void TestScheduleExpression::cronInATimeZoneFollowsItsWallClockAcrossDst_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const char *expression, const char *zone, const char *after,
                        const QStringList &expected) {
        QTest::newRow(name) << QString::fromUtf8(expression) << QString::fromUtf8(zone)
                            << QString::fromUtf8(after) << expected;
    };
    const auto at = [](std::initializer_list<const char *> times) {
        QStringList list;
        for (const char *t : times)
            list.append(QString::fromUtf8(t));
        return list;
    };
    row("Paris: 02:30 does not exist on 2024-03-31", "cron(30 2 * * ? *)", "Europe/Paris",
        "2024-03-29T12:00:00Z", at({"2024-03-30T01:30:00Z", "2024-04-01T00:30:00Z"}));
    row("Paris: 02:30 happens twice on 2024-10-27, fires at the first", "cron(30 2 * * ? *)", "Europe/Paris",
        "2024-10-26T12:00:00Z", at({"2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z"}));
    row("New York: the repeated hour does not fire again", "cron(0/30 * * * ? *)", "America/New_York",
        "2024-11-03T04:40:00Z", at({"2024-11-03T05:00:00Z", "2024-11-03T05:30:00Z", "2024-11-03T07:00:00Z"}));
    row("New York: from inside the repeated hour", "cron(0/30 * * * ? *)", "America/New_York",
        "2024-11-03T06:10:00Z", at({"2024-11-03T07:00:00Z"}));
    row("New York: the skipped hour", "cron(30 2 * * ? *)", "America/New_York", "2024-03-09T12:00:00Z",
        at({"2024-03-11T06:30:00Z"}));
    row("Seoul has no DST: weekdays at 09:00", "cron(0 9 ? * MON-FRI *)", "Asia/Seoul",
        "2024-03-08T00:00:00Z", at({"2024-03-11T00:00:00Z", "2024-03-12T00:00:00Z"}));
    row("Tokyo: L is the last local day, Feb 29 in a leap year", "cron(0 23 L * ? *)", "Asia/Tokyo",
        "2024-02-01T00:00:00Z", at({"2024-02-29T14:00:00Z", "2024-03-31T14:00:00Z"}));
    row("a local year boundary", "cron(0 0 1 1 ? 2025)", "America/Los_Angeles", "2024-06-01T00:00:00Z",
        at({"2025-01-01T08:00:00Z"}));
    row("rate() is a fixed duration in any zone", "rate(1 day)", "Europe/Paris", "2024-03-30T12:00:00Z",
        at({"2024-03-31T00:00:00Z", "2024-04-01T00:00:00Z"}));
    row("UTC as a zone", "cron(15 10 * * ? *)", "UTC", "2024-01-31T10:15:00Z", at({"2024-02-01T10:15:00Z"}));
}

void TestScheduleExpression::cronInATimeZoneFollowsItsWallClockAcrossDst() {
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QString, after);
    QFETCH(QStringList, expected);
    const QTimeZone timeZone(zone.toUtf8());
    QVERIFY(timeZone.isValid());
    const auto parsed = ScheduleExpression::parse(expression);
    QVERIFY(parsed);
    QCOMPARE(isoStrings(parsed->nextFireTimes(utc(after), int(expected.size()), timeZone)), expected);
}

void TestScheduleExpression::nearestWeekdayOfADayTheMonthDoesNotHaveNeverFiresThere() {
    // "31W" stays inside the month: 30-day months (April, June, September) are passed over.
    const auto expression = ScheduleExpression::parse(QStringLiteral("cron(0 10 31W * ? *)"));
    QVERIFY(expression);
    QCOMPARE(isoStrings(expression->nextFireTimes(utc(QStringLiteral("2024-04-01T00:00:00Z")), 2)),
             (QStringList{QStringLiteral("2024-05-31T10:00:00Z"), QStringLiteral("2024-07-31T10:00:00Z")}));
}

QTEST_GUILESS_MAIN(TestScheduleExpression)
#include "tst_scheduleexpression.moc"
