// Properties of an API stage: name, stage variables, throttling and the access log format.
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class StageForm : public EntityForm<Stage> {
    Q_OBJECT
public:
    StageForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);
};

} // namespace gatehouse
