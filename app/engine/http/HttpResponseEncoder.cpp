#include "HttpResponseEncoder.h"

namespace gatehouse::http {

namespace {

bool isFramingField(QByteArrayView name) {
    return HttpHeaders::namesEqual(name, "Content-Length") ||
           HttpHeaders::namesEqual(name, "Transfer-Encoding") || HttpHeaders::namesEqual(name, "Connection");
}

bool isSafeFieldText(QByteArrayView text) {
    for (char c : text) {
        if (c == '\r' || c == '\n' || c == '\0') return false;
    }
    return true;
}

} // namespace

void HttpResponseEncoder::appendStatusLine(QByteArray &out, int status, QByteArrayView reason) {
    if (status < 100 || status > 999) status = 500;
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    if (reason.isEmpty() || !isSafeFieldText(reason)) {
        out += HttpResponse::reasonPhrase(status);
    } else {
        out += reason;
    }
    out += "\r\n";
}

void HttpResponseEncoder::appendFields(QByteArray &out, const HttpHeaders &headers, bool keepContentLength) {
    for (const HttpHeaders::Entry &field : headers) {
        if (field.first.isEmpty() || !isSafeFieldText(field.first) || !isSafeFieldText(field.second))
            continue;
        if (isFramingField(field.first) &&
            !(keepContentLength && HttpHeaders::namesEqual(field.first, "Content-Length")))
            continue;
        out += field.first;
        out += ": ";
        out += field.second;
        out += "\r\n";
    }
}

void HttpResponseEncoder::appendConnection(QByteArray &out, bool closeAfter, const Exchange &exchange) {
    if (closeAfter) {
        out += "Connection: close\r\n";
    } else if (exchange.http10) {
        out += "Connection: keep-alive\r\n"; // HTTP/1.0 closes unless told otherwise
    }
}

HttpResponseEncoder::Result HttpResponseEncoder::encode(QByteArray &out, const HttpResponse &response,
                                                        const Exchange &exchange, QByteArrayView common) {
    Result result;
    result.closeAfter = !exchange.keepAlive || response.headers.hasToken("Connection", "close");
    const bool bodyAllowed = HttpResponse::statusAllowsBody(response.status);
    // A HEAD answer may state the size of the body it leaves out (S3's HeadObject does).
    const bool keepLength =
        exchange.headRequest && response.body.isEmpty() && response.headers.contains("Content-Length");

    out.reserve(out.size() + 160 + response.body.size() + response.headers.size() * 40);
    appendStatusLine(out, response.status, response.reason);
    out += common;
    appendFields(out, response.headers, keepLength);
    if (bodyAllowed && !keepLength) {
        out += "Content-Length: ";
        out += QByteArray::number(response.body.size());
        out += "\r\n";
    }
    appendConnection(out, result.closeAfter, exchange);
    out += "\r\n";
    if (bodyAllowed && !exchange.headRequest) out += response.body;
    return result;
}

HttpResponseEncoder::Result HttpResponseEncoder::encodeHead(QByteArray &out, int status,
                                                            QByteArrayView reason, const HttpHeaders &headers,
                                                            const Exchange &exchange, QByteArrayView common) {
    Result result;
    result.closeAfter = !exchange.keepAlive || headers.hasToken("Connection", "close");
    const bool bodyAllowed = HttpResponse::statusAllowsBody(status);
    const bool hasLength = headers.contains("Content-Length");

    appendStatusLine(out, status, reason);
    out += common;
    appendFields(out, headers, hasLength);
    if (!bodyAllowed || exchange.headRequest) {
        result.framing = Framing::NoBody;
    } else if (hasLength) {
        result.framing = Framing::Length;
    } else if (exchange.http10) {
        result.framing = Framing::UntilClose; // HTTP/1.0 has no chunked encoding
        result.closeAfter = true;
    } else {
        result.framing = Framing::Chunked;
        out += "Transfer-Encoding: chunked\r\n";
    }
    appendConnection(out, result.closeAfter, exchange);
    out += "\r\n";
    return result;
}

void HttpResponseEncoder::encodeChunk(QByteArray &out, QByteArrayView data, Framing framing) {
    if (data.isEmpty()) return; // an empty chunk would end a chunked body
    switch (framing) {
    case Framing::NoBody:
        return;
    case Framing::Length:
    case Framing::UntilClose:
        out += data;
        return;
    case Framing::Chunked:
        out += QByteArray::number(data.size(), 16);
        out += "\r\n";
        out += data;
        out += "\r\n";
        return;
    }
}

void HttpResponseEncoder::encodeEnd(QByteArray &out, Framing framing) {
    if (framing == Framing::Chunked) out += "0\r\n\r\n";
}

} // namespace gatehouse::http
