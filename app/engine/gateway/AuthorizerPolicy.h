// The IAM policy a Lambda authorizer returns, evaluated against the request's method ARN
// "arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}" ("Output from an API
// Gateway Lambda authorizer"; "Control access for invoking an API"). As in IAM, a matching Deny
// beats any Allow, and no matching Allow is an implicit deny; '*' matches any run of characters and
// '?' one character, in resources and actions alike.
#pragma once

#include "JsonText.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gatehouse {

bool arnPatternMatches(const QString &pattern, const QString &arn);

class AuthorizerPolicy {
public:
    enum class Effect { Allow, ExplicitDeny, ImplicitDeny };

    struct Statement {
        bool allow = false;
        QStringList actions;   // "execute-api:Invoke", "execute-api:*", "*"
        QStringList resources; // method ARN patterns
    };

    // Accepts Statement as a list or a single object and Action/Resource as a string or a list, as
    // IAM does; nullopt with `problem` when the document has no usable statements.
    static std::optional<AuthorizerPolicy> fromJson(const OrderedJson &policyDocument, QString &problem);

    Effect evaluate(const QString &methodArn) const;
    const QList<Statement> &statements() const { return m_statements; }

private:
    QList<Statement> m_statements;
};

} // namespace gatehouse
