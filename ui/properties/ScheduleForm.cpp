#include "ScheduleForm.h"

#include "validation/ScheduleExpression.h"

#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>

namespace gatehouse {

ScheduleForm::ScheduleForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent)
    , m_preview(new QLabel) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Schedule::name), siblingNames());
    addText(general, tr("Expression"), QStringLiteral("expression"), lens(&Schedule::expression),
            tr("rate(5 minutes) or cron(0 10 * * ? *)"));
    m_preview->setObjectName(QStringLiteral("fireTimes"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addRow(general, tr("Next runs"), m_preview);
    addCombo(general, tr("Function"), QStringLiteral("function"), lens(&Schedule::function),
             functionChoices());
    addCheck(general, {}, QStringLiteral("enabled"), lens(&Schedule::enabled), tr("Enabled"));
    QLineEdit *zone = addText(general, tr("Time zone"), QStringLiteral("timezone"), lens(&Schedule::timezone),
                              tr("UTC; or an IANA name such as Europe/Paris"));
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromUtf8(id));
    auto *completer = new QCompleter(zones, zone);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    zone->setCompleter(completer);
}

QString ScheduleForm::fireTimesPreview(const Schedule &schedule, const QDateTime &nowUtc) {
    const std::optional<ScheduleExpression> expression = ScheduleExpression::parse(schedule.expression);
    if (!expression) return {};
    const QList<QDateTime> times = expression->nextFireTimes(nowUtc, 5);
    if (times.isEmpty()) return tr("never again");
    // ScheduleExpression evaluates in UTC, as the local engine fires; a time zone is shown beside.
    const QTimeZone zone(schedule.timezone.toUtf8());
    const bool zoned = !schedule.timezone.isEmpty() && zone.isValid();
    QStringList lines;
    for (const QDateTime &time : times) {
        QString line = time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
        if (zoned)
            line += tr(" (%1 %2)")
                        .arg(time.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             schedule.timezone);
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

void ScheduleForm::updateExtras(const Project &project) {
    const QString preview = fireTimesPreview(entity(project), QDateTime::currentDateTimeUtc());
    m_preview->setText(preview.isEmpty() ? tr("\u2014") : preview);
}

} // namespace gatehouse
