// Reads HTTP/1.x responses off a kept-alive connection with Node's http-parser (the library the server
// side already uses), counting body bytes instead of keeping them: the load test's response parser.
#pragma once

#include <QByteArray>
#include <http_parser.h>

namespace gatehouse::testing {

class HttpResponseReader {
public:
    enum class State { Reading, Complete, Failed };

    HttpResponseReader();
    HttpResponseReader(const HttpResponseReader &) = delete;
    HttpResponseReader &operator=(const HttpResponseReader &) = delete;

    // Before each response; a response to HEAD has headers only, whatever its Content-Length says.
    void expectResponse(bool toHeadRequest);
    // Parses up to the end of one response; `consumed` says how many bytes were used (bytes after a
    // complete response belong to the next one, which was not asked for: the caller treats them as an error).
    State feed(const char *data, qsizetype size, qsizetype *consumed);
    // The server closed the connection: completes a body that runs to the close, else fails.
    State finishAtClose();

    State state() const { return m_state; }
    bool started() const { return m_started; } // any byte of this response arrived
    int status() const { return m_status; }
    bool keepAlive() const { return m_keepAlive; } // valid once Complete
    qint64 bodyBytes() const { return m_bodyBytes; }
    QByteArray error() const { return m_error; }

private:
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings &settings();
    State failWithParserError();

    http_parser m_parser;
    State m_state = State::Reading;
    bool m_toHead = false;
    bool m_started = false;
    int m_status = 0;
    bool m_keepAlive = false;
    qint64 m_bodyBytes = 0;
    QByteArray m_error;
};

} // namespace gatehouse::testing
