// Security schemes to authorizers: x-amazon-apigateway-authorizer (jwt, token, request)
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html),
// plain apiKey schemes as API-key authorizers, OAuth 2 / OpenID Connect / bearer as JWT authorizers.
#include "OpenApiReading.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse::openapi {

namespace {

// "method.request.header.Authorization, $request.querystring.t" -> ["$request.header.Authorization", ...]
QStringList identitySources(const OrderedJson *value) {
    QStringList sources;
    for (const QString &item : json::strings(value))
        for (QString source : item.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            source = source.trimmed();
            if (source.startsWith(QLatin1String("method.request.")))
                source = QLatin1Char('$') + source.mid(7);
            sources.append(source);
        }
    return sources;
}

} // namespace

const OrderedJson *DocumentReader::resolve(const OrderedJson *value, const QString &path) {
    for (int hops = 0; value && hops < 16; ++hops) {
        const OrderedJson *ref = json::member(value, "$ref");
        if (!ref) return value;
        const QString pointer = json::textOr(ref);
        if (!pointer.startsWith(QLatin1String("#/"))) {
            ctx.warning(at(path), QCoreApplication::translate("gatehouse::Import",
                                                              "external reference '%1' is not followed")
                                      .arg(pointer));
            return nullptr;
        }
        const OrderedJson *node = &doc;
        for (QString part : pointer.mid(2).split(QLatin1Char('/'))) {
            part.replace(QLatin1String("~1"), QLatin1String("/"))
                .replace(QLatin1String("~0"), QLatin1String("~"));
            node = json::member(node, part.toStdString().c_str());
        }
        if (!node) {
            ctx.warning(at(path),
                        QCoreApplication::translate("gatehouse::Import", "reference '%1' points nowhere")
                            .arg(pointer));
            return nullptr;
        }
        value = node;
    }
    return value && !json::member(value, "$ref") ? value : nullptr;
}

QString DocumentReader::functionFromUri(const OrderedJson *uri, const QString &path) {
    if (!uri) {
        ctx.warning(at(path),
                    QCoreApplication::translate("gatehouse::Import",
                                                "the Lambda integration has no uri; it is not imported"));
        return {};
    }
    QString name;
    if (uri->is_object()) {
        // {"Fn::Sub": "...${HelloFunction.Arn}..."} and other intrinsic forms name a logical ID.
        for (const auto &[fn, arg] : uri->items()) {
            static const QRegularExpression reference(QStringLiteral("\\$\\{([A-Za-z0-9]+)(\\.Arn)?\\}"));
            const QString pattern =
                arg.is_string() ? QString::fromStdString(arg.get<std::string>())
                                : (arg.is_array() && !arg.empty() ? json::textOr(&arg[0]) : QString());
            if (const auto m = reference.match(pattern); m.hasMatch())
                name = target.functionName(m.captured(1), false);
            else if (fn == "Fn::GetAtt" && arg.is_array() && !arg.empty())
                name = target.functionName(json::textOr(&arg[0]), false);
        }
    } else {
        // "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123:function:hello/invocations"
        static const QRegularExpression arn(QStringLiteral(":function:([^:/]+)"));
        static const QRegularExpression sub(QStringLiteral("\\$\\{([A-Za-z0-9]+)\\.Arn\\}"));
        const QString text = json::textOr(uri);
        if (const auto m = arn.match(text); m.hasMatch())
            name = target.functionName(m.captured(1), true);
        else if (const auto s = sub.match(text); s.hasMatch())
            name = target.functionName(s.captured(1), false);
    }
    if (name.isEmpty())
        ctx.warning(at(path),
                    QCoreApplication::translate(
                        "gatehouse::Import",
                        "cannot tell which function the uri %1 invokes; the integration is not imported")
                        .arg(QString::fromStdString(uri->dump())));
    return name;
}

void readSecuritySchemes(DocumentReader &d) {
    const OrderedJson *schemes = json::member(json::member(d.doc, "components"), "securitySchemes");
    if (!schemes || !schemes->is_object()) return;
    const bool http = d.api().type == ApiType::Http;
    for (const auto &[key, raw] : schemes->items()) {
        const QString k = QString::fromStdString(key);
        const QString path = QStringLiteral("components.securitySchemes.") + k;
        const OrderedJson *scheme = d.resolve(&raw, path);
        if (!scheme) continue;
        Authorizer a;
        a.name = json::textOr(json::member(d.names, key.c_str()), k);
        const QString type = json::textOr(json::member(scheme, "type"));
        const OrderedJson *ext = json::member(scheme, "x-amazon-apigateway-authorizer");
        if (ext) {
            const QString extType = json::textOr(json::member(ext, "type")).toLower();
            if (extType == QLatin1String("jwt")) {
                a.type = AuthorizerType::Jwt;
                const QStringList sources = identitySources(json::member(ext, "identitySource"));
                if (!sources.isEmpty()) a.identitySource = sources.first();
                const OrderedJson *jwt = json::member(ext, "jwtConfiguration");
                a.issuer = json::textOr(json::member(jwt, "issuer"));
                a.audience = json::strings(json::member(jwt, "audience"));
            } else if (extType == QLatin1String("token") || extType == QLatin1String("request")) {
                a.type = AuthorizerType::Lambda;
                a.lambdaType = extType.toUpper();
                a.function =
                    d.functionFromUri(json::member(ext, "authorizerUri"),
                                      path + QStringLiteral(".x-amazon-apigateway-authorizer.authorizerUri"));
                if (a.function.isEmpty()) continue;
                a.identitySources = identitySources(json::member(ext, "identitySource"));
                a.resultTtlSeconds = json::integer(json::member(ext, "authorizerResultTtlInSeconds"));
                a.tokenValidationRegex = json::textOr(json::member(ext, "identityValidationExpression"));
                if (http) {
                    a.payloadFormatVersion =
                        json::textOr(json::member(ext, "authorizerPayloadFormatVersion"));
                    a.enableSimpleResponses =
                        json::boolean(json::member(ext, "enableSimpleResponses")).value_or(false);
                }
            } else {
                d.ctx.warning(d.at(path),
                              QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "authorizer type '%1' is not imported: Gatehouse emulates JWT, Lambda and "
                                  "API-key authorizers")
                                  .arg(extType));
                continue;
            }
        } else if (type == QLatin1String("apiKey")) {
            a.type = AuthorizerType::ApiKey;
            d.ctx.warning(
                d.at(path),
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "API-key scheme '%1' is imported as an API-key authorizer without keys; OpenAPI "
                    "does not hold key values")
                    .arg(k),
                QCoreApplication::translate("gatehouse::Import",
                                            "add keys to the authorizer in the project"));
            if (http)
                d.ctx.warning(
                    d.at(path),
                    QCoreApplication::translate(
                        "gatehouse::Import",
                        "HTTP APIs on AWS have no API keys; consider a REST API or a Lambda authorizer"));
        } else if (type == QLatin1String("oauth2") || type == QLatin1String("openIdConnect") ||
                   (type == QLatin1String("http") &&
                    json::textOr(json::member(scheme, "scheme")).toLower() == QLatin1String("bearer"))) {
            a.type = AuthorizerType::Jwt;
            QString issuer = json::textOr(json::member(scheme, "openIdConnectUrl"));
            issuer.remove(QLatin1String("/.well-known/openid-configuration"));
            a.issuer = issuer;
            d.ctx.warning(
                d.at(path),
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "security scheme '%1' (%2) is imported as a JWT authorizer; check its issuer and "
                    "audience")
                    .arg(k, type));
        } else {
            d.ctx.warning(d.at(path),
                          QCoreApplication::translate("gatehouse::Import",
                                                      "security scheme '%1' of type '%2' is not imported")
                              .arg(k, type));
            continue;
        }
        d.schemeAuthorizers.insert(k, d.target.addAuthorizer(a));
    }
}

} // namespace gatehouse::openapi
