// Incremental HTTP/1.x request parsing on top of Node's http-parser (libhttp-parser): buffers the
// bytes of one connection, stops at each header block and message end so the connection can act
// (limits, 100-continue, dispatch), and enforces the header and body size limits while reading.
#pragma once

#include "HttpRequest.h"

#include <QByteArray>
#include <http_parser.h>
#include <utility>

class QIODevice;

namespace gatehouse::http {

class HttpRequestParser {
public:
    enum class Event { NeedMore, HeadersComplete, MessageComplete, Failed };

    HttpRequestParser(qint64 maxHeaderBytes, qint64 maxBodyBytes);
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Moves what `device` has buffered into the parser; returns the number of bytes taken.
    qint64 readFrom(QIODevice *device);
    // Parses buffered bytes up to the next event. After Failed it keeps returning Failed.
    Event next();

    // The request being read: its line and headers are set from HeadersComplete on.
    const HttpRequest &request() const { return m_request; }
    // After MessageComplete: the finished request; the parser then starts a fresh one.
    HttpRequest takeRequest();

    bool isMidMessage() const { return m_phase != Phase::Idle; }
    bool expectsBody() const { return m_expectsBody; } // valid from HeadersComplete on
    // The message just completed asked to switch protocols (Upgrade, CONNECT): the bytes after it
    // may not be HTTP. next() would still parse them as HTTP if the switch is refused.
    bool upgradeRequested() const { return m_upgradeRequested; }
    // After MessageComplete of an upgrade: that request's raw bytes, and the bytes buffered after it.
    // The buffer is emptied; this parser must not be used for that connection any more.
    std::pair<QByteArray, QByteArray> takeUpgradeBytes();
    void discardBuffered();
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

    int failureStatus() const { return m_failureStatus; } // 400, 413 or 431
    const QByteArray &failureDetail() const { return m_failureDetail; }

private:
    enum class Phase { Idle, Headers, Body };
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings &settings();

    int finishHeaders();
    void fail(int status, QByteArray detail);

    http_parser m_parser;
    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;          // first byte not yet given to http_parser
    qsizetype m_messageStart = 0; // first byte of the message being read (for size and upgrades)
    Phase m_phase = Phase::Idle;
    Event m_pausedAt = Event::NeedMore;
    bool m_lastWasValue = false; // http_parser may split a field name or value over several calls
    bool m_expectsBody = false;
    bool m_upgradeRequested = false;
    QList<HttpHeaders::Entry> m_fields;
    HttpRequest m_request;
    int m_failureStatus = 0;
    QByteArray m_failureDetail;
};

} // namespace gatehouse::http
