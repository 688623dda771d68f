// Properties of a route: method and path (HTTP/REST) or route key (WebSocket), the integration with
// the fields of its type, the authorizer and the route's throttling.
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class RouteForm : public EntityForm<Route> {
    Q_OBJECT
public:
    RouteForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

protected:
    void updateVisibility(const Project &project) override;

private:
    QFormLayout *m_integration = nullptr;
};

} // namespace gatehouse
