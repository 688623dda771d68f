// Properties of an API: name, type, local port, default throttling and the settings of its type
// (CORS for HTTP and REST, binary media types for REST, route selection for WebSocket).
#pragma once

#include "EntityForm.h"

class QLabel;

namespace gatehouse {

class ApiForm : public EntityForm<Api> {
    Q_OBJECT
public:
    ApiForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

protected:
    void updateVisibility(const Project &project) override;
    void updateExtras(const Project &project) override;

private:
    QLabel *m_type;
    QFormLayout *m_cors = nullptr;
};

} // namespace gatehouse
