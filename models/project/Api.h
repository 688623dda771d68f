// An API Gateway API (HTTP, REST or WebSocket) with its routes, integrations, stages and domains.
#pragma once

#include "Common.h"

namespace gatehouse {

enum class ApiType { Http, Rest, WebSocket };
enum class IntegrationType { Lambda, HttpProxy, Mock };

// What a route forwards to. Only the fields of the chosen type are meaningful.
struct Integration {
    IntegrationType type = IntegrationType::Lambda;
    QString function;                // Lambda: target function name
    QString payloadFormatVersion;    // Lambda: "1.0" or "2.0"; empty = the API type's default
    QString url;                     // HTTP proxy: target URL, may use {param} and ${stageVariables.x}
    QString httpMethod;              // HTTP proxy: method to use; empty = same as the request
    int mockStatusCode = 200;        // Mock: response status
    QString mockBody;                // Mock: response body
    NameValueList mockHeaders;       // Mock: response headers
    std::optional<int> timeoutMs;    // empty = the API type's maximum (HTTP 30 s, REST 29 s)
    NameValueList requestParameters; // HTTP API parameter mapping, e.g. "overwrite:header.x" -> value
    UnknownFields unknown;
    bool operator==(const Integration &) const = default;
};

// HTTP/REST routes have a method and a path; WebSocket routes have a route key ($connect, ...).
struct Route {
    QString method = QStringLiteral("GET"); // GET, POST, ..., ANY; unused for WebSocket and $default
    QString path;                           // "/items/{id}", "/{proxy+}", or "$default" (HTTP API)
    QString routeKey; // WebSocket only: "$connect", "$disconnect", "$default", "sendmessage"
    Integration integration;
    QString authorizer;              // name of an authorizer, empty = none
    QStringList authorizationScopes; // JWT scopes the route requires
    bool routeResponse = false;      // WebSocket two-way route: send the integration result back
    ThrottleSettings throttling;
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;
    bool operator==(const Route &) const = default;
};

struct Stage {
    QString name = QStringLiteral("$default");
    NameValueList variables;
    ThrottleSettings throttling;
    QString accessLogFormat; // $context variables; empty = no access log
    UnknownFields unknown;
    bool operator==(const Stage &) const = default;
};

struct Cors {
    QStringList allowOrigins;
    QStringList allowMethods;
    QStringList allowHeaders;
    QStringList exposeHeaders;
    std::optional<int> maxAgeSeconds;
    bool allowCredentials = false;
    UnknownFields unknown;
    bool isSet() const {
        return !allowOrigins.isEmpty() || !allowMethods.isEmpty() || !allowHeaders.isEmpty();
    }
    bool operator==(const Cors &) const = default;
};

struct BasePathMapping {
    QString basePath; // empty = "(none)": the domain root
    QString stage;
    UnknownFields unknown;
    bool operator==(const BasePathMapping &) const = default;
};

struct CustomDomain {
    QString domainName;
    QList<BasePathMapping> mappings;
    UnknownFields unknown;
    bool operator==(const CustomDomain &) const = default;
};

struct Api {
    QString name;
    QString description;
    ApiType type = ApiType::Http;
    int port = 0; // local listening port; 0 = pick a free one
    QList<Route> routes;
    QList<Stage> stages;
    std::optional<Cors> cors;
    ThrottleSettings throttling; // default route throttling for every stage
    QList<CustomDomain> customDomains;
    QStringList binaryMediaTypes;        // REST only
    QString routeSelectionExpression;    // WebSocket only; empty = "$request.body.action"
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;
    bool operator==(const Api &) const = default;
};

QString apiTypeToString(ApiType type);
std::optional<ApiType> apiTypeFromString(const QString &text);
QString integrationTypeToString(IntegrationType type);
std::optional<IntegrationType> integrationTypeFromString(const QString &text);

// "GET /items/{id}", "$default" or a WebSocket route key: how AWS names a route.
QString routeKeyOf(const Route &route, ApiType apiType);

} // namespace gatehouse
