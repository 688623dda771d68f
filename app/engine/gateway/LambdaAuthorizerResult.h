// What a Lambda authorizer's answer means. The caller invokes the function and hands over the
// result; this reads it ("Output from an API Gateway Lambda authorizer" for REST; "Working with AWS
// Lambda authorizers for HTTP APIs", simple and IAM responses) and shapes the
// requestContext.authorizer the integration receives.
#pragma once

#include "AuthorizerPolicy.h"
#include "GatewayErrors.h"
#include "project/Authorizer.h"

#include <optional>

namespace gatehouse {

struct AuthorizerInvocation {
    bool functionError = false; // the function threw or the invoke failed
    QString errorMessage;       // the error's message; REST maps exactly "Unauthorized" to 401
    QByteArray output;          // the function's JSON output when it succeeded
    qint64 latencyMs = 0;       // reported as integrationLatency in REST contexts
};

// A well-formed answer, kept by the result cache and re-evaluated for each method ARN (a cached
// policy covers every method it names, not only the first one).
struct AuthorizerAnswer {
    bool simple = false; // {"isAuthorized": bool, "context": {...}} (HTTP API 2.0, simple responses on)
    bool isAuthorized = false;
    QString principalId;
    std::optional<AuthorizerPolicy> policy;
    OrderedJson context; // object or null
};

struct AuthorizerVerdict {
    enum class Outcome { Allow, ExplicitDeny, ImplicitDeny, Unauthorized, Failure };
    Outcome outcome = Outcome::Failure;
    QString reason;                         // for the log and $context.authorizer.error
    std::optional<AuthorizerAnswer> answer; // set when the function's output was usable (cache it)
    bool allowed() const { return outcome == Outcome::Allow; }
};

// REST contexts may only hold strings, numbers and booleans (objects or arrays are an authorizer
// configuration error); HTTP APIs accept any JSON value.
std::optional<AuthorizerAnswer> parseAuthorizerAnswer(const Authorizer &authorizer, ApiType apiType,
                                                      const QByteArray &output, QString &problem);
AuthorizerVerdict decideAuthorizer(const AuthorizerAnswer &answer, const QString &methodArn);
AuthorizerVerdict evaluateAuthorizerInvocation(const Authorizer &authorizer, ApiType apiType,
                                               const AuthorizerInvocation &invocation,
                                               const QString &methodArn);

// The gateway error for a refusal: 401, 403 (REST explicit/implicit deny wording, HTTP Forbidden),
// or 500 for a failing authorizer.
GatewayError gatewayErrorFor(const AuthorizerVerdict &verdict);

// requestContext.authorizer for the integration. REST (and HTTP payload 1.0): the context keys
// flattened, then principalId and integrationLatency, REST values turned into strings (observed:
// {"num": "123", "bool": "true", "null": null, "principalId": ..., "integrationLatency": 0}).
// HTTP payload 2.0: {"lambda": {context as returned}}.
OrderedJson lambdaAuthorizerContext(const AuthorizerAnswer &answer, ApiType apiType, bool payloadV2,
                                    qint64 latencyMs);

} // namespace gatehouse
