// Access control attached to routes: JWT authorizers, Lambda authorizers and API keys with usage plans.
#pragma once

#include "Common.h"

namespace gatehouse {

enum class AuthorizerType { Jwt, Lambda, ApiKey };

struct ApiKey {
    QString name;
    QString value;
    UnknownFields unknown;
    bool operator==(const ApiKey &) const = default;
};

struct Quota {
    int limit = 0;
    QString period = QStringLiteral("DAY"); // DAY, WEEK or MONTH
    UnknownFields unknown;
    bool operator==(const Quota &) const = default;
};

struct Authorizer {
    QString name;
    AuthorizerType type = AuthorizerType::Jwt;
    // JWT
    QString issuer;
    QStringList audience;
    QString jwksUri; // https URL or a file path relative to the project
    QString identitySource = QStringLiteral("$request.header.Authorization");
    // Lambda
    QString function;
    QString lambdaType = QStringLiteral("REQUEST"); // REQUEST or TOKEN
    QString payloadFormatVersion;                   // "1.0" or "2.0" (HTTP APIs)
    QStringList identitySources;                    // e.g. "$request.header.Authorization"
    bool enableSimpleResponses = false;
    std::optional<int> resultTtlSeconds; // empty = 300, 0 disables caching
    QString tokenValidationRegex;        // TOKEN authorizers
    // API key
    QList<ApiKey> apiKeys;
    ThrottleSettings usagePlanThrottling;
    std::optional<Quota> usagePlanQuota;
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;
    bool operator==(const Authorizer &) const = default;
};

QString authorizerTypeToString(AuthorizerType type);
std::optional<AuthorizerType> authorizerTypeFromString(const QString &text);

} // namespace gatehouse
