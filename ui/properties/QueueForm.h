// Properties of a queue: FIFO, visibility and retention, the dead-letter redrive, and the trigger
// that feeds its messages to a function.
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class QueueForm : public EntityForm<Queue> {
    Q_OBJECT
public:
    QueueForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

protected:
    void updateVisibility(const Project &project) override;
};

} // namespace gatehouse
