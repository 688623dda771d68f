// A complete HTTP response as a handler builds it: status, optional reason phrase, header fields
// (repeatable) and body. The server adds Content-Length, Date, Server and Connection itself.
#pragma once

#include "HttpHeaders.h"

#include <QByteArray>

namespace gatehouse::http {

struct HttpResponse {
    int status = 200;
    QByteArray reason; // empty: the standard phrase for `status`
    HttpHeaders headers;
    QByteArray body;

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse text(int status, QByteArray body);
    // {"message":"..."}: the shape API Gateway uses for its own errors.
    static HttpResponse errorJson(int status, QByteArrayView message = {});
    // "OK", "Not Found", ...; "Unknown" for codes without a registered phrase.
    static QByteArray reasonPhrase(int status);
    // 1xx, 204 and 304 responses never carry a body (RFC 9110 §6.4.1).
    static bool statusAllowsBody(int status) { return status >= 200 && status != 204 && status != 304; }
};

} // namespace gatehouse::http
