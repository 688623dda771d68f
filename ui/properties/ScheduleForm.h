// Properties of a schedule: its expression with a preview of the next fire times, the function it
// invokes, whether it is enabled and its time zone.
#pragma once

#include "EntityForm.h"

class QLabel;

namespace gatehouse {

class ScheduleForm : public EntityForm<Schedule> {
    Q_OBJECT
public:
    ScheduleForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

    static constexpr int kPreviewCount = 10;
    // The preview's text for `schedule` after `nowUtc`: the next ten times as the engine fires them
    // (cron fields read in the schedule's time zone), each in that zone with UTC in brackets, or in
    // UTC; empty with the parser's message in `error` when the expression does not parse.
    static QString fireTimesPreview(const Schedule &schedule, const QDateTime &nowUtc,
                                    QString *error = nullptr);

protected:
    void updateExtras(const Project &project) override;

private:
    QLabel *m_preview;
};

} // namespace gatehouse
