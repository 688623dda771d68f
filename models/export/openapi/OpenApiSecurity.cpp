// Authorizers as security schemes with x-amazon-apigateway-authorizer (API GW dev guide,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html,
// and "x-amazon-apigateway-authtype": .../api-gateway-swagger-extensions-authtype.html).
#include "OpenApiParts.h"
#include "export/Intrinsics.h"

#include <QCoreApplication>

namespace gatehouse::openapi {

namespace {

// "$request.header.Authorization" (HTTP APIs) and "method.request.header.Authorization" (REST APIs).
QString restIdentitySource(const QString &source) {
    return source.startsWith(QLatin1String("$request.")) ? QStringLiteral("method.") + source.mid(1) : source;
}

QString firstHeader(const QStringList &sources) {
    for (const QString &s : sources)
        for (const char *prefix : {"$request.header.", "method.request.header."})
            if (s.startsWith(QLatin1String(prefix))) return s.mid(qsizetype(strlen(prefix)));
    return QStringLiteral("Authorization");
}

QString functionIdOf(ApiDocument &d, const Authorizer &a, const QString &path) {
    const QString id = d.useFunction(a.function);
    if (id.isEmpty())
        d.report.warning(
            fieldPath(path, "function"),
            QCoreApplication::translate(
                "gatehouse::Export",
                "function '%1' of authorizer '%2' does not exist; the authorizer is not exported to %3")
                .arg(a.function, a.name, d.title()));
    return id;
}

OrderedJson scheme(ApiDocument &d, const Authorizer &a, const QString &path) {
    OrderedJson s = OrderedJson::object();
    OrderedJson authorizer = OrderedJson::object();
    if (a.type == AuthorizerType::ApiKey) {
        if (d.http()) return nullptr; // reported where a route uses it
        d.usesApiKeys = true;
        s["type"] = "apiKey";
        s["name"] = "x-api-key";
        s["in"] = "header";
        d.report.warning(path,
                         QCoreApplication::translate(
                             "gatehouse::Export",
                             "the keys and usage plan of API-key authorizer '%1' are not exported: %2 only "
                             "says that routes need a key")
                             .arg(a.name, d.title()),
                         QCoreApplication::translate("gatehouse::Export",
                                                     "the AWS SAM export keeps keys and usage plans"));
        return s;
    }
    if (a.type == AuthorizerType::Jwt) {
        if (!d.http()) return nullptr;
        s["type"] = "oauth2";
        s["flows"] = OrderedJson::object();
        authorizer["type"] = "jwt";
        authorizer["identitySource"] = a.identitySource.toStdString();
        OrderedJson audience = OrderedJson::array();
        for (const QString &aud : a.audience)
            audience.push_back(aud.toStdString());
        authorizer["jwtConfiguration"] =
            OrderedJson{{"issuer", a.issuer.toStdString()}, {"audience", audience}};
        if (!a.jwksUri.isEmpty())
            d.report.warning(
                fieldPath(path, "jwksUri"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "jwksUri is not exported to %1: API Gateway's JWT authorizer finds the keys through "
                    "the issuer's OpenID discovery document")
                    .arg(d.title()));
        s["x-amazon-apigateway-authorizer"] = std::move(authorizer);
        return s;
    }
    const QString functionId = functionIdOf(d, a, path);
    if (functionId.isEmpty()) return nullptr;
    s["type"] = "apiKey";
    s["name"] = firstHeader(a.identitySources).toStdString();
    s["in"] = "header";
    QStringList sources;
    for (const QString &source : a.identitySources)
        sources.append(d.http() ? source : restIdentitySource(source));
    if (d.http()) {
        authorizer["type"] = "request";
        if (!sources.isEmpty())
            authorizer["identitySource"] = sources.join(QStringLiteral(", ")).toStdString();
        authorizer["authorizerUri"] = cfn::sub(cfn::lambdaInvocationUriPattern(functionId));
        authorizer["authorizerPayloadFormatVersion"] =
            a.payloadFormatVersion.isEmpty() ? std::string("2.0") : a.payloadFormatVersion.toStdString();
        if (a.resultTtlSeconds) authorizer["authorizerResultTtlInSeconds"] = *a.resultTtlSeconds;
        if (a.enableSimpleResponses) authorizer["enableSimpleResponses"] = true;
    } else {
        s["x-amazon-apigateway-authtype"] = "custom";
        const bool token = a.lambdaType == QLatin1String("TOKEN");
        authorizer["type"] = token ? "token" : "request";
        if (!sources.isEmpty())
            authorizer["identitySource"] =
                (token ? sources.first() : sources.join(QStringLiteral(", "))).toStdString();
        authorizer["authorizerUri"] = cfn::sub(cfn::lambdaInvocationUriPattern(functionId));
        if (a.resultTtlSeconds) authorizer["authorizerResultTtlInSeconds"] = *a.resultTtlSeconds;
        if (token && !a.tokenValidationRegex.isEmpty())
            authorizer["identityValidationExpression"] = a.tokenValidationRegex.toStdString();
    }
    s["x-amazon-apigateway-authorizer"] = std::move(authorizer);
    return s;
}

} // namespace

QString schemeNameFor(const QString &authorizerName) {
    QString name;
    for (const QChar c : authorizerName)
        name += (c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('.') ||
                                       c == QLatin1Char('-') || c == QLatin1Char('_')))
                    ? c
                    : QLatin1Char('_');
    return name.isEmpty() ? QStringLiteral("authorizer") : name;
}

// Only the authorizers this API's routes use become schemes of its document.
void addSecuritySchemes(ApiDocument &d) {
    for (qsizetype i = 0; i < d.project.authorizers.size(); ++i) {
        const Authorizer &a = d.project.authorizers[i];
        const bool used = std::any_of(d.api.routes.begin(), d.api.routes.end(),
                                      [&](const Route &r) { return r.authorizer == a.name; });
        if (!used) continue;
        const QString path = elementPath("authorizers", i);
        OrderedJson s = scheme(d, a, path);
        if (s.is_null()) {
            if (a.type == AuthorizerType::ApiKey || a.type == AuthorizerType::Jwt)
                d.report.warning(path,
                                 QCoreApplication::translate(
                                     "gatehouse::Export",
                                     "%1 APIs have no %2 authorizers; authorizer '%3' is not exported to %4")
                                     .arg(d.http() ? QStringLiteral("HTTP") : QStringLiteral("REST"),
                                          a.type == AuthorizerType::Jwt ? QStringLiteral("JWT")
                                                                        : QStringLiteral("API-key"),
                                          a.name, d.title()));
            continue;
        }
        QString name = schemeNameFor(a.name);
        while (d.schemes.contains(name.toStdString()))
            name += QLatin1Char('_');
        d.schemeNames.insert(a.name, name);
        if (name != a.name) d.names[name.toStdString()] = a.name.toStdString();
        d.schemes[name.toStdString()] = std::move(s);
    }
}

} // namespace gatehouse::openapi
