// The project's own settings: name, description, the simulated account and the engine's limits.
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class ProjectForm : public EntityForm<Project> {
    Q_OBJECT
public:
    ProjectForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);
};

} // namespace gatehouse
