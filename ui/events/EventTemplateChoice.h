// The test-event templates the events panel offers (the ones `gatehouse generate-event` prints), with
// their names for the picker, and each one's JSON filled in for one function of the project: its
// Region and account, and where the project says so the bucket, queue, schedule or route that
// triggers that function.
#pragma once

#include "events/EventTemplates.h"
#include "project/Project.h"

#include <QCoreApplication>

namespace gatehouse {

struct EventTemplateChoice {
    EventTemplateKind kind;
    QString label; // "SQS batch", ...
};

class EventTemplateChoices {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::EventTemplateChoices)
public:
    // In the order `generate-event --help` lists them.
    static QList<EventTemplateChoice> all();
    // The template's event as pretty JSON (2-space indent), as `generate-event` prints it.
    static QByteArray eventFor(EventTemplateKind kind, const Project &project, const QString &function);
    // The inputs the project gives for `function` (exposed for tests).
    static EventTemplateOptions optionsFor(EventTemplateKind kind, const Project &project,
                                           const QString &function);
};

} // namespace gatehouse
