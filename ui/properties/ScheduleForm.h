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

    // The preview's text for `schedule` after `nowUtc`: the next five times, or empty when the
    // expression does not parse (its diagnostic says why) or never fires again.
    static QString fireTimesPreview(const Schedule &schedule, const QDateTime &nowUtc);

protected:
    void updateExtras(const Project &project) override;

private:
    QLabel *m_preview;
};

} // namespace gatehouse
