// Resolves an authorizer's identity source expression against a request. HTTP APIs write
// "$request.header.Authorization", "$request.querystring.q", "$stageVariables.v", "$context.routeKey"
// ("Working with AWS Lambda authorizers for HTTP APIs", identity sources); REST APIs write
// "method.request.header.Authorization", "method.request.querystring.q", "stageVariables.v",
// "context.x". Header names are case-insensitive, query names case-sensitive.
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"

#include <optional>

namespace gatehouse {

// The value, or nullopt when the request lacks it (an empty value counts as missing: API Gateway
// answers 401 without invoking the authorizer). Repeated headers or parameters are comma-joined.
std::optional<QString> resolveIdentitySource(const QString &expression, const GatewayRequest &request,
                                             const InvocationContext &context);

} // namespace gatehouse
