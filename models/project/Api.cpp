#include "Api.h"

namespace gatehouse {

QString apiTypeToString(ApiType type) {
    switch (type) {
    case ApiType::Http:
        return QStringLiteral("http");
    case ApiType::Rest:
        return QStringLiteral("rest");
    case ApiType::WebSocket:
        return QStringLiteral("websocket");
    }
    return {};
}

std::optional<ApiType> apiTypeFromString(const QString &text) {
    for (ApiType t : {ApiType::Http, ApiType::Rest, ApiType::WebSocket})
        if (apiTypeToString(t) == text) return t;
    return std::nullopt;
}

QString integrationTypeToString(IntegrationType type) {
    switch (type) {
    case IntegrationType::Lambda:
        return QStringLiteral("lambda");
    case IntegrationType::HttpProxy:
        return QStringLiteral("http-proxy");
    case IntegrationType::Mock:
        return QStringLiteral("mock");
    }
    return {};
}

std::optional<IntegrationType> integrationTypeFromString(const QString &text) {
    for (IntegrationType t : {IntegrationType::Lambda, IntegrationType::HttpProxy, IntegrationType::Mock})
        if (integrationTypeToString(t) == text) return t;
    return std::nullopt;
}

QString routeKeyOf(const Route &route, ApiType apiType) {
    if (apiType == ApiType::WebSocket) return route.routeKey;
    if (route.path == QLatin1String("$default")) return route.path;
    return route.method + QLatin1Char(' ') + route.path;
}

} // namespace gatehouse
