// Properties of an authorizer: its type and the fields of that type (JWT issuer and audience, Lambda
// function and caching, API keys with their usage plan).
#pragma once

#include "EntityForm.h"

namespace gatehouse {

class AuthorizerForm : public EntityForm<Authorizer> {
    Q_OBJECT
public:
    AuthorizerForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

protected:
    void updateVisibility(const Project &project) override;

private:
    QFormLayout *m_jwt = nullptr;
    QFormLayout *m_lambda = nullptr;
    QFormLayout *m_apiKey = nullptr;
    QFormLayout *m_usagePlan = nullptr;
};

} // namespace gatehouse
