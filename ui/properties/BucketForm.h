// Properties of a bucket: its name, versioning and the notification rules that invoke functions on
// object events.
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class BucketForm : public EntityForm<Bucket> {
    Q_OBJECT
public:
    BucketForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);
};

} // namespace gatehouse
