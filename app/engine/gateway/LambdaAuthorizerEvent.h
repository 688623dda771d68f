// The event a Lambda authorizer receives, and the identity check done before invoking it. Sources:
// "Input to an API Gateway Lambda authorizer" (REST TOKEN and REQUEST), "Working with AWS Lambda
// authorizers for HTTP APIs" (payload 1.0 and 2.0 examples, identity sources) and the knowledge
// center page api-gateway-401-error-lambda-authorizer: a missing identity source, or a TOKEN that
// fails tokenValidationRegex, is 401 without invoking the function.
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"
#include "project/Api.h"
#include "project/Authorizer.h"

namespace gatehouse {

struct AuthorizerIdentity {
    bool complete = false;
    QStringList values; // one per identity source, in order
    QString problem;    // why it is incomplete, for the log
    QString cacheKey() const { return values.join(QChar(0x1f)); }
};

// REST TOKEN authorizers read one source (identitySources.first(), else identitySource) and check
// tokenValidationRegex; REQUEST authorizers need every configured source.
AuthorizerIdentity collectAuthorizerIdentity(const Authorizer &authorizer, const GatewayRequest &request,
                                             const InvocationContext &context);

// "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request": the request's own path,
// not the route template, without the leading '/'.
QString methodArnOf(const GatewayRequest &request, const InvocationContext &context);

// The authorizer's event for this API type and authorizer: REST TOKEN {type, authorizationToken,
// methodArn}; REST REQUEST (the proxy event's request parts); HTTP 1.0 and 2.0 as documented.
QByteArray lambdaAuthorizerEvent(const Authorizer &authorizer, ApiType apiType, const GatewayRequest &request,
                                 const InvocationContext &context, const AuthorizerIdentity &identity);

} // namespace gatehouse
