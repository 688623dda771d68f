// One parsed HTTP request as the server hands it to a handler: a plain value that may be copied or
// moved to another thread.
#pragma once

#include "HttpHeaders.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace gatehouse::http {

struct HttpRequest {
    QByteArray method;   // "GET", "POST", ... (always upper case: the parser only accepts known methods)
    QByteArray target;   // the request-target exactly as sent: "/a%20b?x=1"
    QByteArray path;     // the target's raw (still percent-encoded) path: "/a%20b"
    QByteArray query;    // the raw query string without '?': "x=1" (empty when there is none)
    HttpHeaders headers; // in arrival order, original case
    QByteArray body;     // decoded when the client sent it chunked
    int versionMajor = 1;
    int versionMinor = 1;
    bool keepAlive = true;         // the connection stays open after this exchange
    bool webSocketUpgrade = false; // GET with "Upgrade: websocket" and "Connection: upgrade"
    QHostAddress remoteAddress;
    quint16 remotePort = 0;
    quint16 localPort = 0;
    quint64 connectionId = 0; // unique per server run, for access logs
    quint64 sequence = 0;     // 0 for the first request on a connection, then 1, 2, ...

    QByteArray header(QByteArrayView name, const QByteArray &fallback = {}) const {
        return headers.value(name, fallback);
    }
    // The path with %XX sequences decoded as UTF-8: "/a b". '+' stays '+' (it only means space in queries).
    QString decodedPath() const { return QString::fromUtf8(QByteArray::fromPercentEncoding(path)); }
    bool isHttp10() const { return versionMajor == 1 && versionMinor == 0; }
};

} // namespace gatehouse::http
