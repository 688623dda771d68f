#include "GatewayEventTemplates.h"

#include "gateway/GatewayTime.h"
#include "gateway/HttpApiEventV2.h"
#include "gateway/ProxyEventV1.h"
#include "gateway/server/ApiSnapshot.h"
#include "gateway/websocket/WebSocketEvents.h"

namespace gatehouse {

namespace {

// The address AWS's documentation examples use for clients (RFC 5737 TEST-NET-1), and a curl-like agent.
const QString kSourceIp = QStringLiteral("192.0.2.1");
const QString kUserAgent = QStringLiteral("curl/7.88.1");

QString domainName(const QString &apiId, const QString &region) {
    return QStringLiteral("%1.execute-api.%2.amazonaws.com").arg(apiId, region);
}

// What a client would have sent: the Host of the API's default endpoint, a user agent, and a
// content type for a body.
GatewayRequest clientRequest(const SyntheticRequest &synthetic, const QString &stagePrefix,
                             const QString &host) {
    GatewayRequest request;
    request.method = synthetic.method.toUpper();
    const QString target =
        synthetic.path.startsWith(QLatin1Char('/')) ? synthetic.path : QLatin1Char('/') + synthetic.path;
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    request.rawPath = stagePrefix + target.left(question);
    request.rawQueryString = question < 0 ? QString() : target.mid(question + 1);
    request.headers.append({QStringLiteral("Host"), host});
    request.headers.append({QStringLiteral("User-Agent"), kUserAgent});
    request.headers.append({QStringLiteral("Accept"), QStringLiteral("*/*")});
    if (!synthetic.body.isEmpty()) {
        const bool json = parseJson(synthetic.body).has_value();
        request.headers.append({QStringLiteral("Content-Type"),
                                json ? QStringLiteral("application/json") : QStringLiteral("text/plain")});
        request.headers.append({QStringLiteral("Content-Length"), QString::number(synthetic.body.size())});
    }
    request.body = synthetic.body;
    request.sourceIp = kSourceIp;
    request.host = host;
    request.requestTime = synthetic.time.toUTC();
    return request;
}

InvocationContext contextFor(const SyntheticRequest &synthetic) {
    InvocationContext context;
    context.accountId = synthetic.accountId;
    context.region = synthetic.region;
    context.apiId = localApiId(synthetic.apiName);
    return context;
}

} // namespace

OrderedJson httpApiEventTemplate(const SyntheticRequest &synthetic) {
    InvocationContext context = contextFor(synthetic);
    context.stage = QStringLiteral("$default");
    context.routeKey = QStringLiteral("$default");
    context.resourcePath = QStringLiteral("$default");
    context.requestId = newHttpApiRequestId();
    const GatewayRequest request = clientRequest(synthetic, {}, domainName(context.apiId, context.region));
    return httpApiEventV2Json(request, context);
}

OrderedJson restApiEventTemplate(const SyntheticRequest &synthetic) {
    InvocationContext context = contextFor(synthetic);
    context.stage = QStringLiteral("prod");
    context.resourcePath = QStringLiteral("/{proxy+}");
    context.resourceId = localResourceId(context.resourcePath);
    context.requestId = newRestRequestId();
    context.extendedRequestId = newExtendedRequestId();
    const GatewayRequest request =
        clientRequest(synthetic, QStringLiteral("/prod"), domainName(context.apiId, context.region));
    // The greedy parameter holds the path below the resource's root, decoded.
    context.pathParameters = {
        {QStringLiteral("proxy"), percentDecoded(pathWithoutStage(request, context).mid(1))}};
    return restApiEventJson(request, context, {});
}

OrderedJson webSocketMessageTemplate(const SyntheticRequest &synthetic) {
    WebSocketEventContext context;
    context.apiId = localApiId(synthetic.apiName);
    context.stage = QStringLiteral("production");
    context.domainName = domainName(context.apiId, synthetic.region);
    context.connectionId = newWebSocketId();
    context.routeKey = QStringLiteral("$default");
    context.requestId = newWebSocketId();
    context.extendedRequestId = context.requestId;
    context.messageId = newWebSocketId();
    context.sourceIp = kSourceIp;
    context.userAgent = kUserAgent;
    context.requestTime = synthetic.time.toUTC();
    // Connected a minute before the message, as a client that has been chatting for a while.
    context.connectedAtMs = epochMilliseconds(context.requestTime) - 60 * 1000;
    return *parseJson(webSocketMessageEvent(context, synthetic.body, false));
}

} // namespace gatehouse
