// Parses the six fields of an EventBridge cron() expression. Field table, wildcards and limits from
// "Cron expressions reference":
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html
#include "CronFields.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace gatehouse {

namespace {

struct FieldSpec {
    const char *name;
    int min;
    int max;
    const char *specials; // the wildcards the documentation's table allows in this field
    const QStringList *names;
    bool wraps; // a range such as FRI-MON runs through the end of the cycle (Quartz semantics)
};

const QStringList kMonthNames = {QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"),
                                 QStringLiteral("APR"), QStringLiteral("MAY"), QStringLiteral("JUN"),
                                 QStringLiteral("JUL"), QStringLiteral("AUG"), QStringLiteral("SEP"),
                                 QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
const QStringList kDayNames = {QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"),
                               QStringLiteral("WED"), QStringLiteral("THU"), QStringLiteral("FRI"),
                               QStringLiteral("SAT")};

const FieldSpec kMinutes{"minutes", 0, 59, ",-*/", nullptr, true};
const FieldSpec kHours{"hours", 0, 23, ",-*/", nullptr, true};
const FieldSpec kDayOfMonth{"day-of-month", 1, 31, ",-*?/LW", nullptr, true};
const FieldSpec kMonth{"month", 1, 12, ",-*/", &kMonthNames, true};
const FieldSpec kDayOfWeek{"day-of-week", 1, 7, ",-*?L#", &kDayNames, true};
const FieldSpec kYear{"year", 1970, 2199, ",-*/", nullptr, false};

bool isDigits(const QString &text) {
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

class FieldParser {
public:
    FieldParser(const FieldSpec &spec, QString *error)
        : m_spec(spec)
        , m_error(error) {}

    bool fail(const QString &message) {
        if (m_error) *m_error = QString::fromUtf8(m_spec.name) + QLatin1String(": ") + message;
        return false;
    }

    // Rejects characters the field's wildcard list does not include, before any value parsing.
    bool checkCharacters(const QString &text) {
        for (QChar c : text) {
            if (c.isLetterOrNumber()) continue;
            if (!QByteArray(m_spec.specials).contains(char(c.unicode())))
                return fail(QCoreApplication::translate(
                                "gatehouse::Validation",
                                "'%1' is not allowed here; this field accepts digits%2 and %3")
                                .arg(c)
                                .arg(m_spec.names
                                         ? QCoreApplication::translate("gatehouse::Validation", ", names")
                                         : QString())
                                .arg(QString::fromUtf8(m_spec.specials)
                                         .split(QString(), Qt::SkipEmptyParts)
                                         .join(QLatin1Char(' '))));
        }
        return true;
    }

    bool value(const QString &token, int &out) {
        if (isDigits(token)) {
            bool ok = false;
            out = token.toInt(&ok);
            if (ok && out >= m_spec.min && out <= m_spec.max) return true;
            return fail(QCoreApplication::translate("gatehouse::Validation", "'%1' is out of range (%2-%3)")
                            .arg(token)
                            .arg(m_spec.min)
                            .arg(m_spec.max));
        }
        if (m_spec.names) {
            const qsizetype index = m_spec.names->indexOf(token);
            if (index >= 0) {
                out = m_spec.min + int(index);
                return true;
            }
        }
        if (token.isEmpty())
            return fail(QCoreApplication::translate("gatehouse::Validation", "a value is missing"));
        return fail(
            QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid value").arg(token));
    }

    bool list(const QString &text, CronField &field) {
        field = {m_spec.min, m_spec.max, {}};
        for (const QString &item : text.split(QLatin1Char(','))) {
            if (item.isEmpty())
                return fail(
                    QCoreApplication::translate("gatehouse::Validation", "empty item in '%1'").arg(text));
            if (!addItem(item, field)) return false;
        }
        return true;
    }

private:
    bool addItem(const QString &item, CronField &field) {
        QString base = item;
        int step = 0;
        const qsizetype slash = item.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            base = item.left(slash);
            const QString stepText = item.mid(slash + 1);
            const int span = m_spec.max - m_spec.min + 1;
            step = isDigits(stepText) && stepText.size() <= 4 ? stepText.toInt() : 0;
            if (step < 1 || step > span)
                return fail(
                    QCoreApplication::translate("gatehouse::Validation",
                                                "increment '%1' in '%2' must be a number from 1 to %3")
                        .arg(stepText, item)
                        .arg(span));
            if (base.isEmpty())
                return fail(
                    QCoreApplication::translate("gatehouse::Validation",
                                                "'%1' has no start before '/'; write '*/%2' or '0/%2'")
                        .arg(item, stepText));
        }
        int from = 0;
        int to = 0;
        const qsizetype dash = base.indexOf(QLatin1Char('-'), 1);
        if (base == QLatin1String("*")) {
            from = m_spec.min;
            to = m_spec.max;
        } else if (dash > 0) {
            if (!value(base.left(dash), from) || !value(base.mid(dash + 1), to)) return false;
            if (to < from && !m_spec.wraps)
                return fail(QCoreApplication::translate("gatehouse::Validation", "range '%1' goes backwards")
                                .arg(base));
        } else {
            if (!value(base, from)) return false;
            to = step > 0 ? m_spec.max : from; // "5/15": from 5 to the end of the field, every 15
        }
        const int span = m_spec.max - m_spec.min + 1;
        const int count = from <= to ? to - from + 1 : (m_spec.max - from + 1) + (to - m_spec.min + 1);
        for (int k = 0; k < count; k += std::max(step, 1)) {
            int v = from + k;
            if (v > m_spec.max) v -= span;
            field.bits.set(size_t(v - m_spec.min));
        }
        return true;
    }

    const FieldSpec &m_spec;
    QString *m_error;
};

bool parseDayOfMonth(const QString &text, CronFields &out, QString *error) {
    FieldParser p(kDayOfMonth, error);
    if (!p.checkCharacters(text)) return false;
    if (text == QLatin1String("?")) {
        out.dayOfMonthRule = CronFields::DayOfMonth::Any;
        return true;
    }
    if (text == QLatin1String("L") || text == QLatin1String("LW")) {
        out.dayOfMonthRule =
            text == QLatin1String("L") ? CronFields::DayOfMonth::Last : CronFields::DayOfMonth::LastWeekday;
        return true;
    }
    static const QRegularExpression nearest(QStringLiteral("^([0-9]+)W$"));
    if (const auto m = nearest.match(text); m.hasMatch()) {
        if (!p.value(m.captured(1), out.nearestWeekdayTo)) return false;
        out.dayOfMonthRule = CronFields::DayOfMonth::NearestWeekday;
        return true;
    }
    if (text.contains(QLatin1Char('L')) || text.contains(QLatin1Char('W')))
        return p.fail(QCoreApplication::translate("gatehouse::Validation",
                                                  "'%1': 'L' and 'W' stand alone, as in 'L', 'LW' or '15W'")
                          .arg(text));
    out.dayOfMonthRule = CronFields::DayOfMonth::Values;
    return p.list(text, out.daysOfMonth);
}

bool parseDayOfWeek(const QString &text, CronFields &out, QString *error) {
    FieldParser p(kDayOfWeek, error);
    if (!p.checkCharacters(text)) return false;
    if (text == QLatin1String("?")) {
        out.dayOfWeekRule = CronFields::DayOfWeek::Any;
        return true;
    }
    if (text == QLatin1String("L")) { // the last day of the week: Saturday
        out.dayOfWeekRule = CronFields::DayOfWeek::Values;
        out.daysOfWeek = {kDayOfWeek.min, kDayOfWeek.max, {}};
        out.daysOfWeek.bits.set(size_t(7 - kDayOfWeek.min));
        return true;
    }
    if (text.contains(QLatin1Char('#'))) {
        // "If you use the '#' character, you can define only one expression in the day-of-week field."
        static const QRegularExpression nth(QStringLiteral("^([0-9A-Z]+)#([0-9]+)$"));
        const auto m = nth.match(text);
        if (!m.hasMatch())
            return p.fail(
                QCoreApplication::translate("gatehouse::Validation",
                                            "'%1': '#' takes one day and one week number, as in '2#1'")
                    .arg(text));
        if (!p.value(m.captured(1), out.weekday)) return false;
        out.nth = m.captured(2).size() <= 2 ? m.captured(2).toInt() : 0;
        if (out.nth < 1 || out.nth > 5)
            return p.fail(QCoreApplication::translate("gatehouse::Validation",
                                                      "'%1': the week number after '#' must be from 1 to 5")
                              .arg(text));
        out.dayOfWeekRule = CronFields::DayOfWeek::NthInMonth;
        return true;
    }
    if (text.endsWith(QLatin1Char('L'))) {
        const QString day = text.chopped(1);
        if (day.contains(QLatin1Char(',')) || day.contains(QLatin1Char('-')) ||
            day.contains(QLatin1Char('*')))
            return p.fail(QCoreApplication::translate("gatehouse::Validation",
                                                      "'%1': 'L' follows a single day, as in '5L'")
                              .arg(text));
        if (!p.value(day, out.weekday)) return false;
        out.dayOfWeekRule = CronFields::DayOfWeek::LastInMonth;
        return true;
    }
    out.dayOfWeekRule = CronFields::DayOfWeek::Values;
    return p.list(text, out.daysOfWeek);
}

} // namespace

int CronField::next(int from) const {
    for (int v = std::max(from, min); v <= max; ++v)
        if (bits.test(size_t(v - min))) return v;
    return -1;
}

std::optional<CronFields> CronFields::parse(const QStringList &rawFields, QString *error) {
    if (rawFields.size() != 6) {
        QString message =
            QCoreApplication::translate(
                "gatehouse::Validation",
                "cron() needs 6 fields (minutes hours day-of-month month day-of-week year), found %1")
                .arg(rawFields.size());
        if (rawFields.size() == 5)
            message += QCoreApplication::translate("gatehouse::Validation", "; add the year, e.g. '*'");
        else if (rawFields.size() == 7)
            message += QCoreApplication::translate(
                "gatehouse::Validation", "; EventBridge has no seconds field (one minute is the finest)");
        if (error) *error = message;
        return std::nullopt;
    }
    QStringList fields;
    for (const QString &f : rawFields)
        fields.append(f.toUpper()); // names and L/W are case-insensitive

    CronFields out;
    const auto plain = [error](const FieldSpec &spec, const QString &text, CronField &field) {
        FieldParser p(spec, error);
        return p.checkCharacters(text) && p.list(text, field);
    };
    // Checked in the order they are written, so the first message is about the leftmost mistake.
    if (!plain(kMinutes, fields[0], out.minutes) || !plain(kHours, fields[1], out.hours) ||
        !parseDayOfMonth(fields[2], out, error) || !plain(kMonth, fields[3], out.months) ||
        !parseDayOfWeek(fields[4], out, error) || !plain(kYear, fields[5], out.years))
        return std::nullopt;

    const bool anyDay = out.dayOfMonthRule == DayOfMonth::Any;
    const bool anyWeekday = out.dayOfWeekRule == DayOfWeek::Any;
    if (anyDay == anyWeekday) {
        if (error)
            *error =
                anyDay
                    ? QCoreApplication::translate("gatehouse::Validation",
                                                  "day-of-month and day-of-week cannot both be '?'; set one "
                                                  "of them, e.g. '*' in day-of-month")
                    : QCoreApplication::translate(
                          "gatehouse::Validation",
                          "day-of-month and day-of-week cannot both be set; use '?' in one of them");
        return std::nullopt;
    }
    return out;
}

} // namespace gatehouse
