// Properties of a Lambda function: code, runtime, Lambda's limits and environment variables.
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class FunctionForm : public EntityForm<Function> {
    Q_OBJECT
public:
    FunctionForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

    // What the runtime combo offers, in the order a user looks for them (see FunctionChecks).
    static QStringList runtimes();
};

} // namespace gatehouse
