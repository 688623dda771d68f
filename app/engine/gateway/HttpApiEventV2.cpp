#include "HttpApiEventV2.h"

#include "BinaryMedia.h"
#include "GatewayTime.h"

namespace gatehouse {

OrderedJson lowerCaseJoinedHeaders(const HeaderFields &headers) {
    OrderedJson object = OrderedJson::object();
    for (const HeaderField &field : headers) {
        const std::string name = utf8(field.name.toLower());
        if (name == "cookie") continue;
        if (object.contains(name))
            object[name] = object[name].get<std::string>() + "," + utf8(field.value);
        else
            object[name] = utf8(field.value);
    }
    return object;
}

OrderedJson cookiesOf(const HeaderFields &headers) {
    OrderedJson cookies = OrderedJson::array();
    for (const QString &header : headerValues(headers, u"Cookie"))
        for (const QString &cookie : header.split(QLatin1Char(';')))
            if (!cookie.trimmed().isEmpty()) cookies.push_back(utf8(cookie.trimmed()));
    return cookies;
}

OrderedJson joinedQueryParameters(const QString &rawQuery) {
    OrderedJson object = OrderedJson::object();
    for (const QueryParameter &parameter : parseQueryString(rawQuery)) {
        const std::string name = utf8(parameter.name);
        if (object.contains(name))
            object[name] = object[name].get<std::string>() + "," + utf8(parameter.value);
        else
            object[name] = utf8(parameter.value);
    }
    return object;
}

OrderedJson nameValueObject(const NameValueList &values) {
    OrderedJson object = OrderedJson::object();
    for (const NameValue &value : values)
        object[utf8(value.name)] = utf8(value.value);
    return object;
}

OrderedJson httpApiEventV2Json(const GatewayRequest &request, const InvocationContext &context) {
    const HeaderFields headers = forwardedHeaders(request, context);
    // Captures of live HTTP APIs show rawPath decoded and still carrying a named stage
    // (middleapi/standard-server PR #93 citing hotsock/voker#8; floci issue #2172).
    const QString path = percentDecoded(request.rawPath.isEmpty() ? QStringLiteral("/") : request.rawPath);

    OrderedJson event;
    event["version"] = "2.0";
    event["routeKey"] = utf8(context.routeKey);
    event["rawPath"] = utf8(path);
    event["rawQueryString"] = utf8(request.rawQueryString);
    const OrderedJson cookies = cookiesOf(headers);
    if (!cookies.empty()) event["cookies"] = cookies;
    event["headers"] = lowerCaseJoinedHeaders(headers);
    const OrderedJson query = joinedQueryParameters(request.rawQueryString);
    if (!query.empty()) event["queryStringParameters"] = query;

    OrderedJson requestContext;
    requestContext["accountId"] = utf8(context.accountId);
    requestContext["apiId"] = utf8(context.apiId);
    if (context.authorizer) requestContext["authorizer"] = *context.authorizer;
    requestContext["domainName"] = utf8(request.host);
    requestContext["domainPrefix"] = utf8(domainPrefixOf(request.host));
    OrderedJson http;
    http["method"] = utf8(request.method);
    http["path"] = utf8(path);
    http["protocol"] = utf8(request.protocol);
    http["sourceIp"] = utf8(request.sourceIp);
    http["userAgent"] = utf8(request.header(u"User-Agent"));
    requestContext["http"] = std::move(http); // moved: copying an ordered_json costs as much as building it
    requestContext["requestId"] = utf8(context.requestId);
    requestContext["routeKey"] = utf8(context.routeKey);
    requestContext["stage"] = utf8(context.stage);
    requestContext["time"] = utf8(clfTime(request.requestTime));
    requestContext["timeEpoch"] = epochMilliseconds(request.requestTime);
    event["requestContext"] = std::move(requestContext);

    const EncodedBody body = httpApiRequestBody(request.body, request.header(u"Content-Type"));
    if (!request.body.isEmpty()) event["body"] = utf8(body.text);
    if (!context.pathParameters.isEmpty()) event["pathParameters"] = nameValueObject(context.pathParameters);
    event["isBase64Encoded"] = body.isBase64Encoded;
    if (!context.stageVariables.isEmpty()) event["stageVariables"] = nameValueObject(context.stageVariables);
    return event;
}

QByteArray httpApiEventV2(const GatewayRequest &request, const InvocationContext &context) {
    return jsonBytes(httpApiEventV2Json(request, context));
}

} // namespace gatehouse
