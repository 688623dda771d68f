// Renames a function, API, authorizer, bucket, schedule, queue or saved request, and every reference to it.
#pragma once

#include "ProjectSnapshotCommand.h"
#include "document/EntityRef.h"

#include <QCoreApplication>

namespace gatehouse {

class RenameEntityCommand : public ProjectSnapshotCommand {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::RenameEntityCommand)
public:
    RenameEntityCommand(ProjectDocument *document, const EntityRef &ref, const QString &newName);
};

} // namespace gatehouse
