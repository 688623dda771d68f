// Everything an integration event needs besides the HTTP message: the API's identity, the matched
// route and stage, ids, and the authorizer's output. The glue fills one per request; the event
// builders (payload 1.0 and 2.0) and the Lambda authorizer events read it.
#pragma once

#include "GatewayRequest.h"
#include "JsonText.h"
#include "project/Common.h"

#include <QHash>
#include <optional>

namespace gatehouse {

struct InvocationContext {
    QString accountId = QStringLiteral("123456789012");
    QString region = QStringLiteral("us-east-1");
    QString apiId;
    QString stage;        // "$default", "prod"
    QString routeKey;     // HTTP APIs: "GET /items/{id}" or "$default"
    QString resourcePath; // the route's template, "/items/{id}"; "$default" for that route
    QString resourceId;   // REST only: the resource's id, e.g. "roq9wj"; empty = null
    NameValueList pathParameters;
    NameValueList stageVariables;
    QString requestId;         // HTTP: "JKJaXmPLvHcESHA="; REST: a UUID
    QString extendedRequestId; // REST only
    QString apiKey;            // REST: identity.apiKey when the method required a key; empty = null
    QString apiKeyId;
    // requestContext.authorizer exactly as the event should carry it (see AuthorizerContext.h);
    // empty = no authorizer on the route.
    std::optional<OrderedJson> authorizer;
    // API Gateway tells the function how the client reached it (X-Forwarded-For/-Port/-Proto).
    bool addForwardedHeaders = true;
};

// The request's headers as API Gateway hands them on: the client's, plus X-Forwarded-For (the
// source IP appended to any value the client sent), X-Forwarded-Port and X-Forwarded-Proto.
HeaderFields forwardedHeaders(const GatewayRequest &request, const InvocationContext &context);

// "id.execute-api.us-east-1.amazonaws.com" -> "id"; the Host header without its port otherwise.
QString domainPrefixOf(const QString &host);
QString hostWithoutPort(const QString &host);

// $context variables known before the integration runs (requestId, stage, routeKey, httpMethod,
// path, protocol, identity.sourceIp, requestTime, authorizer.* ...), named without "$context.", for
// access logs, parameter mapping and identity sources. The caller adds status, latencies and errors.
QHash<QString, QString> contextVariables(const GatewayRequest &request, const InvocationContext &context);
// One of them by name ("" when the request has none): what an access log line or a parameter mapping
// needs, without building all of them for every request.
QString contextVariable(const GatewayRequest &request, const InvocationContext &context, const QString &name);

// The path the function sees for the matched route without the stage, e.g. "/items/42".
QString pathWithoutStage(const GatewayRequest &request, const InvocationContext &context);

} // namespace gatehouse
