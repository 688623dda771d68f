#include "GatewayErrors.h"

namespace gatehouse {

namespace {

const QString kJson = QStringLiteral("application/json");

GatewayErrorSpec json(int status, const char *body, const char *errorType = "") {
    return {status, QByteArray(body), kJson, QString::fromLatin1(errorType)};
}

// REST APIs: default gateway responses ("Gateway response types for API Gateway"), bodies and
// x-amzn-ErrorType values as captured from real APIs where the page gives none. The integration
// errors' bodies carry a space after the colon: the captured Content-Length is 36 for
// {"message": "Internal server error"}.
GatewayErrorSpec restError(GatewayError error) {
    switch (error) {
    case GatewayError::RouteNotFound: // MISSING_AUTHENTICATION_TOKEN, 403, also for unknown resources
        return json(403, R"({"message":"Missing Authentication Token"})",
                    "MissingAuthenticationTokenException");
    case GatewayError::StageNotFound: // observed: an unknown stage answers 403 Forbidden
        return json(403, R"({"message":"Forbidden"})", "ForbiddenException");
    case GatewayError::IntegrationFailure: // Lambda guide "Handling Lambda errors with an API Gateway API":
                                           // 502
        return json(502, R"({"message": "Internal server error"})", "InternalServerErrorException");
    case GatewayError::LambdaInvokeFailed: // same page: invoke rejected by Lambda -> 500
        return json(500, R"({"message": "Internal server error"})", "InternalServerErrorException");
    case GatewayError::IntegrationTimeout: // INTEGRATION_TIMEOUT 504; captured body and error type
        return json(504, R"({"message": "Endpoint request timed out"})", "InternalServerErrorException");
    case GatewayError::Throttled: // THROTTLED 429
        return json(429, R"({"message":"Too Many Requests"})", "TooManyRequestsException");
    case GatewayError::QuotaExceeded: // QUOTA_EXCEEDED 429
        return json(429, R"({"message":"Limit Exceeded"})", "LimitExceededException");
    case GatewayError::InvalidApiKey: // INVALID_API_KEY 403 (missing and unknown keys alike)
        return json(403, R"({"message":"Forbidden"})", "ForbiddenException");
    case GatewayError::RequestTooLarge: // REQUEST_TOO_LARGE 413; captured as plain text, not JSON
        return {413,
                QByteArray("HTTP content length exceeded 10485760 bytes."),
                QStringLiteral("text/plain"),
                {}};
    case GatewayError::Unauthorized: // UNAUTHORIZED 401 (knowledge center:
                                     // api-gateway-401-error-lambda-authorizer)
        return json(401, R"({"message":"Unauthorized"})", "UnauthorizedException");
    case GatewayError::Forbidden:
        return json(403, R"({"message":"Forbidden"})", "ForbiddenException");
    case GatewayError::AccessDeniedExplicit: // ACCESS_DENIED 403 (knowledge center:
                                             // api-gateway-403-error-lambda-authorizer)
        return json(403,
                    R"({"message":"User is not authorized to access this resource with an explicit deny"})",
                    "AccessDeniedException");
    case GatewayError::AccessDeniedImplicit: // same page, policy without a matching Allow
        return json(403, R"({"message":"User is not authorized to access this resource"})",
                    "AccessDeniedException");
    case GatewayError::AuthorizerFailure: // AUTHORIZER_CONFIGURATION_ERROR 500; captured body {"message":
                                          // null}
        return json(500, R"({"message": null})", "AuthorizerConfigurationException");
    }
    return json(500, R"({"message": "Internal server error"})", "InternalServerErrorException");
}

// HTTP APIs have no x-amzn-ErrorType. Sources: "Working with routes for HTTP APIs" (Not Found),
// "Troubleshooting issues with HTTP API Lambda integrations" (500 Internal Server Error), API Gateway
// quotas (30 s integration timeout -> 503 Service Unavailable), "Working with AWS Lambda authorizers
// for HTTP APIs" (401 when identity sources are missing, 500 when the authorizer fails).
GatewayErrorSpec httpError(GatewayError error) {
    switch (error) {
    case GatewayError::RouteNotFound:
    case GatewayError::StageNotFound:
        return json(404, R"({"message":"Not Found"})");
    case GatewayError::IntegrationFailure:
    case GatewayError::LambdaInvokeFailed:
    case GatewayError::AuthorizerFailure:
        return json(500, R"({"message":"Internal Server Error"})");
    case GatewayError::IntegrationTimeout:
        return json(503, R"({"message":"Service Unavailable"})");
    case GatewayError::Throttled:
        return json(429, R"({"message":"Too Many Requests"})");
    case GatewayError::QuotaExceeded: // HTTP APIs have no usage plans; answer like a REST quota
        return json(429, R"({"message":"Limit Exceeded"})");
    case GatewayError::RequestTooLarge: // 10 MB payload quota; body wording not verified
        return json(413, R"({"message":"Request Entity Too Large"})");
    case GatewayError::Unauthorized:
        return json(401, R"({"message":"Unauthorized"})");
    case GatewayError::InvalidApiKey:
    case GatewayError::Forbidden:
    case GatewayError::AccessDeniedExplicit:
    case GatewayError::AccessDeniedImplicit: // observed: a denying authorizer answers 403 Forbidden
        return json(403, R"({"message":"Forbidden"})");
    }
    return json(500, R"({"message":"Internal Server Error"})");
}

} // namespace

GatewayErrorSpec gatewayErrorSpec(ApiType type, GatewayError error) {
    return type == ApiType::Rest ? restError(error) : httpError(error);
}

void addGatewayHeaders(GatewayResponse &response, ApiType type, const ResponseIds &ids) {
    if (type == ApiType::Rest) {
        setHeader(response.headers, QStringLiteral("x-amzn-RequestId"), ids.requestId);
        if (!ids.extendedRequestId.isEmpty())
            setHeader(response.headers, QStringLiteral("x-amz-apigw-id"), ids.extendedRequestId);
    } else {
        setHeader(response.headers, QStringLiteral("apigw-requestid"), ids.requestId);
    }
}

GatewayResponse gatewayErrorResponse(ApiType type, GatewayError error, const ResponseIds &ids) {
    const GatewayErrorSpec spec = gatewayErrorSpec(type, error);
    GatewayResponse response;
    response.status = spec.status;
    response.body = spec.body;
    response.headers.append({QStringLiteral("content-type"), spec.contentType});
    addGatewayHeaders(response, type, ids);
    if (!spec.errorType.isEmpty())
        response.headers.append({QStringLiteral("x-amzn-ErrorType"), spec.errorType});
    return response;
}

} // namespace gatehouse
