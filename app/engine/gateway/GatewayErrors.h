// The responses API Gateway itself produces when it refuses or fails a request, per API type, with
// the headers it adds to every response. One catalogue, one citation per entry (GatewayErrors.cpp).
#pragma once

#include "GatewayResponse.h"
#include "project/Api.h"

namespace gatehouse {

enum class GatewayError {
    RouteNotFound,        // no route (and no $default) for the method and path
    StageNotFound,        // the path names no deployed stage
    IntegrationFailure,   // the function threw, or returned a response the gateway cannot use
    LambdaInvokeFailed,   // Lambda refused the invoke (throttled, no permission, ...)
    IntegrationTimeout,   // the integration did not answer within its timeout
    Throttled,            // a stage, route or usage-plan token bucket is empty
    QuotaExceeded,        // a usage plan's daily/weekly/monthly quota is used up (REST)
    InvalidApiKey,        // x-api-key missing or unknown on a method that requires a key (REST)
    RequestTooLarge,      // body over the 10 MB payload quota
    Unauthorized,         // authorizer: identity source missing, token invalid, or "Unauthorized"
    Forbidden,            // HTTP API authorizer denied, or JWT scopes insufficient
    AccessDeniedExplicit, // REST Lambda authorizer policy with a matching Deny
    AccessDeniedImplicit, // REST Lambda authorizer policy with no matching Allow
    AuthorizerFailure,    // the authorizer function failed or returned an unusable response
};

struct GatewayErrorSpec {
    int status = 500;
    QByteArray body;
    QString contentType;
    QString errorType; // REST x-amzn-ErrorType; empty for HTTP APIs
};

GatewayErrorSpec gatewayErrorSpec(ApiType type, GatewayError error);

// The ids API Gateway stamps on every response it returns.
struct ResponseIds {
    QString requestId;         // HTTP: apigw-requestid; REST: x-amzn-RequestId
    QString extendedRequestId; // REST: x-amz-apigw-id
};

// Adds apigw-requestid (HTTP APIs) or x-amzn-RequestId + x-amz-apigw-id (REST APIs).
void addGatewayHeaders(GatewayResponse &response, ApiType type, const ResponseIds &ids);

// A complete error response: status, body, content-type, x-amzn-ErrorType (REST) and the id headers.
GatewayResponse gatewayErrorResponse(ApiType type, GatewayError error, const ResponseIds &ids);

} // namespace gatehouse
