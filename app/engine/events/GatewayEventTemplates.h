// API Gateway events for a request that was never sent: a synthetic client request is run through
// the very builders the local gateway uses (HttpApiEventV2, ProxyEventV1, WebSocketEvents), so a
// generated template is byte for byte what `gatehouse serve` would hand the function.
#pragma once

#include "gateway/JsonText.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace gatehouse {

struct SyntheticRequest {
    QString method = QStringLiteral("GET");
    QString path = QStringLiteral("/"); // may carry "?query", still percent-encoded as a client sends it
    QByteArray body;                    // sent as application/json when it parses as JSON, else text/plain
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
    QString apiName = QStringLiteral("example-api"); // the API id is derived from it as the gateway does
    QDateTime time;                                  // when the request arrived (UTC)
};

// HTTP API, payload 2.0, on the "$default" route and stage (a catch-all: no path parameters).
OrderedJson httpApiEventTemplate(const SyntheticRequest &request);
// REST API proxy integration (1.0) on a greedy "/{proxy+}" resource of stage "prod", as SAM's template.
OrderedJson restApiEventTemplate(const SyntheticRequest &request);
// A WebSocket text frame (MESSAGE) on the "$default" route of stage "production"; method and path unused.
OrderedJson webSocketMessageTemplate(const SyntheticRequest &request);

} // namespace gatehouse
