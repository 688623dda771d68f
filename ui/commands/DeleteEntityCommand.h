// Deletes one part of the project; references to it are left dangling for the diagnostics to show.
#pragma once

#include "ProjectSnapshotCommand.h"
#include "document/EntityRef.h"

#include <QCoreApplication>

namespace gatehouse {

class DeleteEntityCommand : public ProjectSnapshotCommand {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::DeleteEntityCommand)
public:
    DeleteEntityCommand(ProjectDocument *document, const EntityRef &ref);
};

} // namespace gatehouse
