#include "LambdaAuthorizerEvent.h"

#include "HttpApiEventV2.h"
#include "IdentitySources.h"
#include "ProxyEventV1.h"

#include <QRegularExpression>

namespace gatehouse {

namespace {

bool isTokenAuthorizer(const Authorizer &authorizer) {
    return authorizer.lambdaType.compare(QLatin1String("TOKEN"), Qt::CaseInsensitive) == 0;
}

QStringList sourcesOf(const Authorizer &authorizer) {
    QStringList sources = authorizer.identitySources;
    if (sources.isEmpty() && isTokenAuthorizer(authorizer) && !authorizer.identitySource.isEmpty())
        sources.append(authorizer.identitySource);
    if (isTokenAuthorizer(authorizer) && sources.size() > 1) sources = sources.mid(0, 1);
    return sources;
}

// The request parts of an event without the integration-only keys.
OrderedJson withoutAuthorizer(OrderedJson requestContext) {
    requestContext.erase("authorizer");
    return requestContext;
}

void copyKeys(OrderedJson &to, const OrderedJson &from, std::initializer_list<const char *> keys) {
    for (const char *key : keys)
        if (from.contains(key)) to[key] = from[key];
}

} // namespace

AuthorizerIdentity collectAuthorizerIdentity(const Authorizer &authorizer, const GatewayRequest &request,
                                             const InvocationContext &context) {
    AuthorizerIdentity identity;
    for (const QString &source : sourcesOf(authorizer)) {
        const std::optional<QString> value = resolveIdentitySource(source, request, context);
        if (!value) {
            identity.problem = QStringLiteral("identity source %1 is missing").arg(source);
            return identity;
        }
        identity.values.append(*value);
    }
    if (isTokenAuthorizer(authorizer) && !authorizer.tokenValidationRegex.isEmpty() &&
        !identity.values.isEmpty()) {
        const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(authorizer.tokenValidationRegex));
        if (!pattern.isValid() || !pattern.match(identity.values.first()).hasMatch()) {
            identity.problem = QStringLiteral("the token does not match tokenValidationRegex");
            return identity;
        }
    }
    identity.complete = true;
    return identity;
}

QString methodArnOf(const GatewayRequest &request, const InvocationContext &context) {
    QString path = pathWithoutStage(request, context);
    if (path.startsWith(QLatin1Char('/'))) path.remove(0, 1);
    return QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5/%6")
        .arg(context.region, context.accountId, context.apiId, context.stage, request.method, path);
}

QByteArray lambdaAuthorizerEvent(const Authorizer &authorizer, ApiType apiType, const GatewayRequest &request,
                                 const InvocationContext &context, const AuthorizerIdentity &identity) {
    InvocationContext bare = context;
    bare.authorizer.reset();
    OrderedJson event;
    if (apiType == ApiType::Rest) {
        if (isTokenAuthorizer(authorizer)) {
            event["type"] = "TOKEN";
            event["authorizationToken"] = utf8(identity.values.value(0));
            event["methodArn"] = utf8(methodArnOf(request, context));
            return jsonBytes(event);
        }
        const OrderedJson proxy = restApiEventJson(request, bare, {});
        event["type"] = "REQUEST";
        event["methodArn"] = utf8(methodArnOf(request, context));
        copyKeys(event, proxy,
                 {"resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters",
                  "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext"});
        return jsonBytes(event);
    }
    if (authorizer.payloadFormatVersion == QLatin1String("1.0")) {
        const OrderedJson proxy = httpApiEventV1Json(request, bare);
        const QString joined = identity.values.join(QLatin1Char(','));
        event["version"] = "1.0";
        event["type"] = "REQUEST";
        event["methodArn"] = utf8(methodArnOf(request, context));
        event["identitySource"] = utf8(joined);
        event["authorizationToken"] = utf8(joined);
        copyKeys(event, proxy, {"resource", "path", "httpMethod", "headers", "queryStringParameters"});
        event["pathParameters"] = nameValueObject(context.pathParameters); // {} in the doc's example
        event["stageVariables"] = proxy["stageVariables"];
        event["requestContext"] = withoutAuthorizer(proxy["requestContext"]);
        return jsonBytes(event);
    }
    const OrderedJson proxy = httpApiEventV2Json(request, bare);
    event["version"] = "2.0";
    event["type"] = "REQUEST";
    event["routeArn"] = utf8(methodArnOf(request, context));
    event["identitySource"] = OrderedJson::array();
    for (const QString &value : identity.values)
        event["identitySource"].push_back(utf8(value));
    copyKeys(event, proxy,
             {"routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters"});
    event["requestContext"] = withoutAuthorizer(proxy["requestContext"]);
    copyKeys(event, proxy, {"pathParameters", "stageVariables"});
    return jsonBytes(event);
}

} // namespace gatehouse
