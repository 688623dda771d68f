// The gateway's neutral view of one client request, independent of the HTTP server's types, so
// that every API Gateway rule (routing, events, authorizers, CORS) can be tested as a pure function.
#pragma once

#include "HeaderFields.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace gatehouse {

struct GatewayRequest {
    QString method;         // "GET", as sent (upper case by convention)
    QString rawPath;        // the request-target's path as sent, still percent-encoded, e.g. "/prod/a%20b"
    QString rawQueryString; // without the '?', still encoded, e.g. "a=1&a=2"
    HeaderFields headers;   // in arrival order, names as the client spelled them
    QByteArray body;
    QString sourceIp;                              // the TCP peer, e.g. "127.0.0.1"
    QString protocol = QStringLiteral("HTTP/1.1"); // what the request line said
    QString host;                                  // the Host header the client used, e.g. "localhost:3000"
    QDateTime requestTime;                         // UTC, with milliseconds

    QString header(QStringView name) const { return firstHeaderValue(headers, name).value_or(QString()); }
};

} // namespace gatehouse
