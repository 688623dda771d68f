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

QString ScheduleForm::fireTimesPreview(const Schedule &schedule, const QDateTime &nowUtc, QString *error) {
    const std::optional<ScheduleExpression> expression =
        ScheduleExpression::parse(schedule.expression, error);
    if (!expression) return {};
    // The same evaluation as the Scheduler: cron fields are wall-clock times in the schedule's zone.
    const QTimeZone zone(schedule.timezone.toUtf8());
    const bool zoned = !schedule.timezone.isEmpty() && zone.isValid() && zone != QTimeZone::utc();
    const QList<QDateTime> times = zoned ? expression->nextFireTimes(nowUtc, kPreviewCount, zone)
                                         : expression->nextFireTimes(nowUtc, kPreviewCount);
    if (times.isEmpty()) return tr("never again");
    const QString format = QStringLiteral("ddd yyyy-MM-dd HH:mm");
    QStringList lines;
    for (const QDateTime &time : times) {
        const QDateTime utc = time.toUTC();
        if (!zoned) {
            lines.append(utc.toString(format) + QStringLiteral(" UTC"));
            continue;
        }
        // The zone's wall-clock time first (what the cron fields say), UTC after it, with its day
        // only when that differs, so that a line stays short enough for the property dock.
        const QDateTime local = time.toTimeZone(zone);
        const QString utcText =
            utc.toString(local.date() == utc.date() ? QStringLiteral("HH:mm") : QStringLiteral("ddd HH:mm"));
        lines.append(tr("%1 (%2 UTC)").arg(local.toString(format), utcText));
    }
    return lines.join(QLatin1Char('\n'));
}

void ScheduleForm::updateExtras(const Project &project) {
    QString error;
    const QString preview = fireTimesPreview(entity(project), QDateTime::currentDateTimeUtc(), &error);
    m_preview->setText(preview.isEmpty() ? tr("\u2014") : preview);
    // The parser's message itself is shown under the expression by the validator's diagnostic.
    m_preview->setToolTip(error);
}

} // namespace gatehouse
