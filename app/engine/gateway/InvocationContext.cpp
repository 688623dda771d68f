#include "InvocationContext.h"

#include "GatewayTime.h"

namespace gatehouse {

QString hostWithoutPort(const QString &host) {
    if (host.startsWith(QLatin1Char('['))) return host.section(QLatin1Char(']'), 0, 0) + QLatin1Char(']');
    return host.section(QLatin1Char(':'), 0, 0);
}

QString domainPrefixOf(const QString &host) {
    return hostWithoutPort(host).section(QLatin1Char('.'), 0, 0);
}

HeaderFields forwardedHeaders(const GatewayRequest &request, const InvocationContext &context) {
    HeaderFields headers = request.headers;
    if (!context.addForwardedHeaders) return headers;
    const QStringList existing = headerValues(headers, u"X-Forwarded-For");
    const QString forwardedFor =
        existing.isEmpty() ? request.sourceIp
                           : existing.join(QStringLiteral(", ")) + QStringLiteral(", ") + request.sourceIp;
    const QString port = request.host.contains(QLatin1Char(':')) && !request.host.endsWith(QLatin1Char(']'))
                             ? request.host.section(QLatin1Char(':'), -1)
                             : QStringLiteral("80");
    setHeader(headers, QStringLiteral("X-Forwarded-For"), forwardedFor);
    setHeader(headers, QStringLiteral("X-Forwarded-Port"), port);
    // Local endpoints are plain HTTP; telling the function "https" would make it build wrong URLs.
    setHeader(headers, QStringLiteral("X-Forwarded-Proto"), QStringLiteral("http"));
    return headers;
}

namespace {

QString scalarText(const OrderedJson &value) {
    return value.is_string() ? fromUtf8(value.get<std::string>()) : fromUtf8(value.dump());
}

void addAuthorizerVariables(QHash<QString, QString> &variables, const OrderedJson &authorizer) {
    if (!authorizer.is_object()) return;
    // JWT: $context.authorizer.claims.x; Lambda 2.0: $context.authorizer.x from the "lambda" map;
    // REST and 1.0: the flattened keys ("Customizing HTTP API access logs").
    const OrderedJson &jwt = authorizer.contains("jwt") ? authorizer["jwt"] : authorizer;
    if (jwt.contains("claims") && jwt["claims"].is_object())
        for (const auto &[key, value] : jwt["claims"].items())
            variables.insert(QStringLiteral("authorizer.claims.") + fromUtf8(key), scalarText(value));
    const OrderedJson &flat = authorizer.contains("lambda") ? authorizer["lambda"] : authorizer;
    if (!flat.is_object()) return;
    for (const auto &[key, value] : flat.items())
        if (!value.is_object() && !value.is_null() && key != "jwt" && key != "claims" && key != "scopes")
            variables.insert(QStringLiteral("authorizer.") + fromUtf8(key), scalarText(value));
}

} // namespace

QHash<QString, QString> contextVariables(const GatewayRequest &request, const InvocationContext &context) {
    QHash<QString, QString> variables;
    variables.insert(QStringLiteral("accountId"), context.accountId);
    variables.insert(QStringLiteral("apiId"), context.apiId);
    variables.insert(QStringLiteral("domainName"), request.host);
    variables.insert(QStringLiteral("domainPrefix"), domainPrefixOf(request.host));
    variables.insert(QStringLiteral("extendedRequestId"),
                     context.extendedRequestId.isEmpty() ? context.requestId : context.extendedRequestId);
    variables.insert(QStringLiteral("httpMethod"), request.method);
    variables.insert(QStringLiteral("identity.sourceIp"), request.sourceIp);
    variables.insert(QStringLiteral("identity.userAgent"), request.header(u"User-Agent"));
    if (!context.apiKey.isEmpty()) variables.insert(QStringLiteral("identity.apiKey"), context.apiKey);
    if (!context.apiKeyId.isEmpty()) variables.insert(QStringLiteral("identity.apiKeyId"), context.apiKeyId);
    variables.insert(QStringLiteral("path"), request.rawPath);
    variables.insert(QStringLiteral("protocol"), request.protocol);
    variables.insert(QStringLiteral("requestId"), context.requestId);
    variables.insert(QStringLiteral("requestTime"), clfTime(request.requestTime));
    variables.insert(QStringLiteral("requestTimeEpoch"),
                     QString::number(epochMilliseconds(request.requestTime)));
    variables.insert(QStringLiteral("resourcePath"), context.resourcePath);
    variables.insert(QStringLiteral("resourceId"), context.resourceId);
    variables.insert(QStringLiteral("routeKey"), context.routeKey);
    variables.insert(QStringLiteral("stage"), context.stage);
    if (context.authorizer) addAuthorizerVariables(variables, *context.authorizer);
    return variables;
}

QString pathWithoutStage(const GatewayRequest &request, const InvocationContext &context) {
    const QString prefix = QLatin1Char('/') + context.stage;
    if (context.stage != QLatin1String("$default") && request.rawPath.startsWith(prefix)) {
        const QString rest = request.rawPath.mid(prefix.size());
        if (rest.isEmpty()) return QStringLiteral("/");
        if (rest.startsWith(QLatin1Char('/'))) return rest;
    }
    return request.rawPath.isEmpty() ? QStringLiteral("/") : request.rawPath;
}

} // namespace gatehouse
