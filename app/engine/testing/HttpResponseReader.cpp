#include "HttpResponseReader.h"

#include <cstring>

namespace gatehouse::testing {

namespace {

HttpResponseReader *self(http_parser *parser) {
    return static_cast<HttpResponseReader *>(parser->data);
}

} // namespace

HttpResponseReader::HttpResponseReader() {
    expectResponse(false);
}

const http_parser_settings &HttpResponseReader::settings() {
    static const http_parser_settings s = [] {
        http_parser_settings v;
        std::memset(&v, 0, sizeof v);
        v.on_headers_complete = &HttpResponseReader::onHeadersComplete;
        v.on_body = &HttpResponseReader::onBody;
        v.on_message_complete = &HttpResponseReader::onMessageComplete;
        return v;
    }();
    return s;
}

void HttpResponseReader::expectResponse(bool toHeadRequest) {
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_state = State::Reading;
    m_toHead = toHeadRequest;
    m_started = false;
    m_status = 0;
    m_keepAlive = false;
    m_bodyBytes = 0;
    m_error.clear();
}

HttpResponseReader::State HttpResponseReader::feed(const char *data, qsizetype size, qsizetype *consumed) {
    *consumed = 0;
    if (m_state != State::Reading || size <= 0) return m_state;
    m_started = true;
    const size_t used = http_parser_execute(&m_parser, &settings(), data, size_t(size));
    *consumed = qsizetype(used);
    const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
    if (error == HPE_PAUSED) {
        // Paused by onMessageComplete: http-parser counts the byte it paused on as parsed.
        http_parser_pause(&m_parser, 0);
        return m_state;
    }
    if (error != HPE_OK) return failWithParserError();
    return m_state;
}

HttpResponseReader::State HttpResponseReader::finishAtClose() {
    if (m_state != State::Reading) return m_state;
    if (m_started) {
        // A zero-length execute tells http-parser the stream ended (the end of a close-delimited body).
        http_parser_execute(&m_parser, &settings(), nullptr, 0);
        if (m_state == State::Complete) return m_state;
        if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK && HTTP_PARSER_ERRNO(&m_parser) != HPE_PAUSED)
            return failWithParserError();
    }
    m_state = State::Failed;
    m_error = m_started ? QByteArrayLiteral("connection closed in the middle of the response")
                        : QByteArrayLiteral("connection closed before a response");
    return m_state;
}

HttpResponseReader::State HttpResponseReader::failWithParserError() {
    m_state = State::Failed;
    m_error = QByteArray("malformed response: ") + http_errno_description(HTTP_PARSER_ERRNO(&m_parser));
    return m_state;
}

int HttpResponseReader::onHeadersComplete(http_parser *parser) {
    HttpResponseReader *r = self(parser);
    r->m_status = int(parser->status_code);
    // 1 tells http-parser that no body follows (its documented way of handling HEAD).
    return r->m_toHead ? 1 : 0;
}

int HttpResponseReader::onBody(http_parser *parser, const char *, size_t length) {
    self(parser)->m_bodyBytes += qint64(length);
    return 0;
}

int HttpResponseReader::onMessageComplete(http_parser *parser) {
    HttpResponseReader *r = self(parser);
    // An interim 1xx response (100 Continue) is followed by the real one on the same stream.
    if (r->m_status >= 100 && r->m_status < 200 && r->m_status != 101) {
        r->m_status = 0;
        return 0;
    }
    r->m_keepAlive = http_should_keep_alive(parser) != 0;
    r->m_state = State::Complete;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace gatehouse::testing
