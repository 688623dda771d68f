#include "ProxyEventV1.h"

#include "BinaryMedia.h"
#include "GatewayTime.h"
#include "HttpApiEventV2.h"

namespace gatehouse {

namespace {

OrderedJson nullable(const QString &text) {
    return text.isEmpty() ? OrderedJson() : OrderedJson(utf8(text));
}

// Header names keep the spelling of their first occurrence.
QString canonicalName(const HeaderFields &headers, const QString &name) {
    for (const HeaderField &field : headers)
        if (field.name.compare(name, Qt::CaseInsensitive) == 0) return field.name;
    return name;
}

OrderedJson identityJson(const GatewayRequest &request, const InvocationContext &context, bool restApi) {
    OrderedJson identity;
    identity["accessKey"] = nullptr;
    identity["accountId"] = nullptr;
    if (restApi) {
        identity["apiKey"] = nullable(context.apiKey);
        identity["apiKeyId"] = nullable(context.apiKeyId);
    }
    identity["caller"] = nullptr;
    identity["cognitoAuthenticationProvider"] = nullptr;
    identity["cognitoAuthenticationType"] = nullptr;
    identity["cognitoIdentityId"] = nullptr;
    identity["cognitoIdentityPoolId"] = nullptr;
    identity["principalOrgId"] = nullptr;
    identity["sourceIp"] = utf8(request.sourceIp);
    identity["user"] = nullptr;
    identity["userAgent"] = utf8(request.header(u"User-Agent"));
    identity["userArn"] = nullptr;
    return identity;
}

QString httpApiPath(const GatewayRequest &request) {
    return percentDecoded(request.rawPath.isEmpty() ? QStringLiteral("/") : request.rawPath);
}

} // namespace

OrderedJson singleValueHeaders(const HeaderFields &headers) {
    if (headers.isEmpty()) return nullptr;
    OrderedJson object = OrderedJson::object();
    for (const HeaderField &field : headers)
        object[utf8(canonicalName(headers, field.name))] = utf8(field.value);
    return object;
}

OrderedJson multiValueHeaders(const HeaderFields &headers) {
    if (headers.isEmpty()) return nullptr;
    OrderedJson object = OrderedJson::object();
    for (const HeaderField &field : headers)
        object[utf8(canonicalName(headers, field.name))].push_back(utf8(field.value));
    return object;
}

OrderedJson singleValueQuery(const QString &rawQuery) {
    const QueryParameters parameters = parseQueryString(rawQuery);
    if (parameters.isEmpty()) return nullptr;
    OrderedJson object = OrderedJson::object();
    for (const QueryParameter &parameter : parameters)
        object[utf8(parameter.name)] = utf8(parameter.value);
    return object;
}

OrderedJson multiValueQuery(const QString &rawQuery) {
    const QueryParameters parameters = parseQueryString(rawQuery);
    if (parameters.isEmpty()) return nullptr;
    OrderedJson object = OrderedJson::object();
    for (const QueryParameter &parameter : parameters)
        object[utf8(parameter.name)].push_back(utf8(parameter.value));
    return object;
}

OrderedJson nullableObject(const NameValueList &values) {
    return values.isEmpty() ? OrderedJson() : nameValueObject(values);
}

OrderedJson requestContextV1Json(const GatewayRequest &request, const InvocationContext &context,
                                 bool restApi) {
    OrderedJson requestContext;
    requestContext["accountId"] = utf8(context.accountId);
    requestContext["apiId"] = utf8(context.apiId);
    if (context.authorizer)
        requestContext["authorizer"] = *context.authorizer;
    else if (!restApi) // the HTTP API 1.0 example carries {"claims": null, "scopes": null}
        requestContext["authorizer"] = {{"claims", nullptr}, {"scopes", nullptr}};
    requestContext["domainName"] = utf8(request.host);
    requestContext["domainPrefix"] = utf8(domainPrefixOf(request.host));
    requestContext["extendedRequestId"] = utf8(restApi ? context.extendedRequestId : context.requestId);
    requestContext["httpMethod"] = utf8(request.method);
    requestContext["identity"] = identityJson(request, context, restApi);
    requestContext["path"] = utf8(restApi ? request.rawPath : httpApiPath(request));
    requestContext["protocol"] = utf8(request.protocol);
    requestContext["requestId"] = utf8(context.requestId);
    requestContext["requestTime"] = utf8(clfTime(request.requestTime));
    requestContext["requestTimeEpoch"] = epochMilliseconds(request.requestTime);
    requestContext["resourceId"] = nullable(context.resourceId);
    const QString resource = !restApi && context.resourcePath == QLatin1String("$default")
                                 ? pathWithoutStage(request, context)
                                 : context.resourcePath;
    requestContext["resourcePath"] = utf8(resource);
    requestContext["stage"] = utf8(context.stage);
    return requestContext;
}

OrderedJson restApiEventJson(const GatewayRequest &request, const InvocationContext &context,
                             const QStringList &binaryMediaTypes) {
    const HeaderFields headers = forwardedHeaders(request, context);
    const EncodedBody body =
        restApiRequestBody(request.body, request.header(u"Content-Type"), binaryMediaTypes);
    OrderedJson event;
    event["resource"] = utf8(context.resourcePath);
    event["path"] = utf8(pathWithoutStage(request, context));
    event["httpMethod"] = utf8(request.method);
    event["headers"] = singleValueHeaders(headers);
    event["multiValueHeaders"] = multiValueHeaders(headers);
    event["queryStringParameters"] = singleValueQuery(request.rawQueryString);
    event["multiValueQueryStringParameters"] = multiValueQuery(request.rawQueryString);
    event["pathParameters"] = nullableObject(context.pathParameters);
    event["stageVariables"] = nullableObject(context.stageVariables);
    event["requestContext"] = requestContextV1Json(request, context, true);
    event["body"] = request.body.isEmpty() ? OrderedJson() : OrderedJson(utf8(body.text));
    event["isBase64Encoded"] = body.isBase64Encoded;
    return event;
}

QByteArray restApiEvent(const GatewayRequest &request, const InvocationContext &context,
                        const QStringList &binaryMediaTypes) {
    return jsonBytes(restApiEventJson(request, context, binaryMediaTypes));
}

OrderedJson httpApiEventV1Json(const GatewayRequest &request, const InvocationContext &context) {
    const HeaderFields headers = forwardedHeaders(request, context);
    const EncodedBody body = httpApiRequestBody(request.body, request.header(u"Content-Type"));
    const OrderedJson requestContext = requestContextV1Json(request, context, false);
    OrderedJson event;
    event["version"] = "1.0";
    event["resource"] = requestContext["resourcePath"];
    event["path"] = utf8(httpApiPath(request));
    event["httpMethod"] = utf8(request.method);
    event["headers"] = singleValueHeaders(headers);
    event["multiValueHeaders"] = multiValueHeaders(headers);
    event["queryStringParameters"] = singleValueQuery(request.rawQueryString);
    event["multiValueQueryStringParameters"] = multiValueQuery(request.rawQueryString);
    event["requestContext"] = requestContext;
    event["pathParameters"] = nullableObject(context.pathParameters);
    event["stageVariables"] = nullableObject(context.stageVariables);
    event["body"] = request.body.isEmpty() ? OrderedJson() : OrderedJson(utf8(body.text));
    event["isBase64Encoded"] = body.isBase64Encoded;
    return event;
}

QByteArray httpApiEventV1(const GatewayRequest &request, const InvocationContext &context) {
    return jsonBytes(httpApiEventV1Json(request, context));
}

} // namespace gatehouse
