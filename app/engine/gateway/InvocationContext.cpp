#include "InvocationContext.h"

#include "GatewayTime.h"

namespace gatehouse {

namespace {
// section(separator, 0, 0) without splitting the whole string: this runs for every request.
QString beforeFirst(const QString &text, QChar separator) {
    return text.left(text.indexOf(separator)); // left(-1) is the whole text
}
} // namespace

QString hostWithoutPort(const QString &host) {
    if (host.startsWith(QLatin1Char('['))) return beforeFirst(host, QLatin1Char(']')) + QLatin1Char(']');
    return beforeFirst(host, QLatin1Char(':'));
}

QString domainPrefixOf(const QString &host) {
    return beforeFirst(hostWithoutPort(host), QLatin1Char('.'));
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

namespace {

using ContextGetter = QString (*)(const GatewayRequest &, const InvocationContext &);

// The variables known before the integration runs, in one table for contextVariables() and
// contextVariable(); authorizer.* come from the authorizer's output (addAuthorizerVariables).
const QList<std::pair<QString, ContextGetter>> &contextGetters() {
    using R = const GatewayRequest &;
    using C = const InvocationContext &;
    static const QList<std::pair<QString, ContextGetter>> getters = {
        {QStringLiteral("accountId"), [](R, C c) { return c.accountId; }},
        {QStringLiteral("apiId"), [](R, C c) { return c.apiId; }},
        {QStringLiteral("domainName"), [](R r, C) { return r.host; }},
        {QStringLiteral("domainPrefix"), [](R r, C) { return domainPrefixOf(r.host); }},
        {QStringLiteral("extendedRequestId"),
         [](R, C c) { return c.extendedRequestId.isEmpty() ? c.requestId : c.extendedRequestId; }},
        {QStringLiteral("httpMethod"), [](R r, C) { return r.method; }},
        {QStringLiteral("identity.sourceIp"), [](R r, C) { return r.sourceIp; }},
        {QStringLiteral("identity.userAgent"), [](R r, C) { return r.header(u"User-Agent"); }},
        {QStringLiteral("identity.apiKey"), [](R, C c) { return c.apiKey; }},
        {QStringLiteral("identity.apiKeyId"), [](R, C c) { return c.apiKeyId; }},
        {QStringLiteral("path"), [](R r, C) { return r.rawPath; }},
        {QStringLiteral("protocol"), [](R r, C) { return r.protocol; }},
        {QStringLiteral("requestId"), [](R, C c) { return c.requestId; }},
        {QStringLiteral("requestTime"), [](R r, C) { return clfTime(r.requestTime); }},
        {QStringLiteral("requestTimeEpoch"),
         [](R r, C) { return QString::number(epochMilliseconds(r.requestTime)); }},
        {QStringLiteral("resourcePath"), [](R, C c) { return c.resourcePath; }},
        {QStringLiteral("resourceId"), [](R, C c) { return c.resourceId; }},
        {QStringLiteral("routeKey"), [](R, C c) { return c.routeKey; }},
        {QStringLiteral("stage"), [](R, C c) { return c.stage; }},
    };
    return getters;
}

} // namespace

QHash<QString, QString> contextVariables(const GatewayRequest &request, const InvocationContext &context) {
    QHash<QString, QString> variables;
    for (const auto &[name, get] : contextGetters()) {
        QString value = get(request, context);
        // The API key variables exist only for requests that carried a key.
        if (value.isEmpty() && name.startsWith(QLatin1String("identity.apiKey"))) continue;
        variables.insert(name, std::move(value));
    }
    if (context.authorizer) addAuthorizerVariables(variables, *context.authorizer);
    return variables;
}

QString contextVariable(const GatewayRequest &request, const InvocationContext &context,
                        const QString &name) {
    static const QHash<QString, ContextGetter> byName = [] {
        QHash<QString, ContextGetter> table;
        for (const auto &[n, get] : contextGetters())
            table.insert(n, get);
        return table;
    }();
    if (const ContextGetter get = byName.value(name)) return get(request, context);
    if (context.authorizer && name.startsWith(QLatin1String("authorizer."))) {
        QHash<QString, QString> authorizer;
        addAuthorizerVariables(authorizer, *context.authorizer);
        return authorizer.value(name);
    }
    return {};
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
