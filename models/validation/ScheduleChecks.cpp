// Checks of the schedules: EventBridge rule names, target functions, rate()/cron() expressions
// (parsed by ScheduleExpression) and time zones.
#include "NamingRules.h"
#include "ScheduleExpression.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace gatehouse::validation {

void checkSchedules(const Project &project, Reporter &r) {
    QStringList names;
    for (qsizetype s = 0; s < project.schedules.size(); ++s) {
        const Schedule &schedule = project.schedules[s];
        const QString path = at(QStringLiteral("schedules"), s);
        names.append(schedule.name);
        if (schedule.name.isEmpty())
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "a schedule needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. \"nightly-report\""));
        else if (!naming::isValidScheduleName(schedule.name))
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid schedule name")
                        .arg(schedule.name),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "use 1 to 64 letters, digits, '.', '-' or '_'"));
        checkFunctionReference(r, project, at(path, "function"), schedule.function);

        QString error;
        const auto expression = ScheduleExpression::parse(schedule.expression, &error);
        if (!expression) {
            r.error(at(path, "expression"), error,
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "e.g. 'rate(5 minutes)' or 'cron(0 10 * * ? *)' (10:00 every day)"));
        } else if (expression->kind() == ScheduleExpression::Kind::Cron) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!expression->nextFireTime(now).isValid())
                r.warning(at(path, "expression"),
                          QCoreApplication::translate("gatehouse::Validation", "'%1' never fires after %2")
                              .arg(schedule.expression, now.toString(Qt::ISODate)),
                          QCoreApplication::translate("gatehouse::Validation",
                                                      "check the year, month and day fields"));
        }
        if (!schedule.timezone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(schedule.timezone.toUtf8()))
            r.error(at(path, "timezone"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not a known time zone")
                        .arg(schedule.timezone),
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "use an IANA name such as 'Europe/Paris', or leave it empty for UTC"));
    }
    checkUniqueNames(r, names, [](qsizetype s) { return at(QStringLiteral("schedules"), s); });
}

} // namespace gatehouse::validation
