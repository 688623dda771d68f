// Adds a new embedded-JavaScript function with a unique default name ("newFunction", "newFunction2", ...).
#pragma once

#include "ProjectSnapshotCommand.h"
#include "document/EntityRef.h"

#include <QCoreApplication>

namespace gatehouse {

class AddFunctionCommand : public ProjectSnapshotCommand {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::AddFunctionCommand)
public:
    explicit AddFunctionCommand(ProjectDocument *document);
    // Where the new function sits once the command has been redone (for selecting it).
    EntityRef addedRef() const { return m_added; }

    // The function that would be added to `project`: a unique name and its own code folder.
    static Function newFunction(const Project &project);

private:
    EntityRef m_added;
};

} // namespace gatehouse
