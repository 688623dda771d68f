// Turns responses into HTTP/1.1 bytes: status line, the handler's fields (minus the framing fields
// the server owns), Content-Length or chunked framing, Connection, and the body. Knows the rules
// for HEAD, 1xx/204/304 and HTTP/1.0 clients.
#pragma once

#include "HttpHeaders.h"
#include "HttpResponse.h"

#include <QByteArray>

namespace gatehouse::http {

class HttpResponseEncoder {
public:
    // How a streamed body is delimited on the wire.
    enum class Framing { NoBody, Length, Chunked, UntilClose };

    // What the encoder needs to know about the request being answered.
    struct Exchange {
        bool http10 = false;
        bool keepAlive = true;
        bool headRequest = false;
    };

    struct Result {
        bool closeAfter = false; // the connection must close once this response is written
        Framing framing = Framing::NoBody;
    };

    // Appends a complete response. `common` holds ready-made lines every response carries (Server, Date).
    static Result encode(QByteArray &out, const HttpResponse &response, const Exchange &exchange,
                         QByteArrayView common);
    // Appends the head of a streamed response; the body follows through encodeChunk/encodeEnd.
    static Result encodeHead(QByteArray &out, int status, QByteArrayView reason, const HttpHeaders &headers,
                             const Exchange &exchange, QByteArrayView common);
    static void encodeChunk(QByteArray &out, QByteArrayView data, Framing framing);
    static void encodeEnd(QByteArray &out, Framing framing);

    static QByteArrayView continueResponse() { return "HTTP/1.1 100 Continue\r\n\r\n"; }

private:
    static void appendStatusLine(QByteArray &out, int status, QByteArrayView reason);
    // Copies the handler's fields, skipping those the server sets itself and any that would break
    // the framing (a CR or LF inside a name or value could smuggle a second response).
    static void appendFields(QByteArray &out, const HttpHeaders &headers, bool keepContentLength);
    static void appendConnection(QByteArray &out, bool closeAfter, const Exchange &exchange);
};

} // namespace gatehouse::http
