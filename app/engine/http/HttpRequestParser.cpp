#include "HttpRequestParser.h"

#include <QIODevice>
#include <climits>
#include <cstring>
#include <utility>

namespace gatehouse::http {

namespace {

HttpRequestParser *self(http_parser *parser) {
    return static_cast<HttpRequestParser *>(parser->data);
}

QByteArray trimmedValue(QByteArray value) {
    // http_parser drops leading whitespace of a field value but keeps trailing whitespace.
    qsizetype end = value.size();
    while (end > 0 && (value.at(end - 1) == ' ' || value.at(end - 1) == '\t'))
        --end;
    if (end != value.size()) value.truncate(end);
    return value;
}

// Splits origin-form "/p?q" cheaply; absolute-form "http://h/p?q" (proxies) goes through the parser's
// URL splitter. "*" (OPTIONS *) and CONNECT's authority form keep the whole target as the path.
void splitTarget(HttpRequest &request, bool isConnect) {
    const QByteArray &target = request.target;
    if (target.startsWith('/')) {
        const qsizetype mark = target.indexOf('?');
        request.path = mark < 0 ? target : target.left(mark);
        if (mark >= 0) request.query = target.mid(mark + 1);
        return;
    }
    http_parser_url url;
    http_parser_url_init(&url);
    if (isConnect || http_parser_parse_url(target.constData(), size_t(target.size()), 0, &url) != 0) {
        request.path = target;
        return;
    }
    request.path = (url.field_set & (1 << UF_PATH))
                       ? target.mid(url.field_data[UF_PATH].off, url.field_data[UF_PATH].len)
                       : QByteArray("/");
    if (url.field_set & (1 << UF_QUERY))
        request.query = target.mid(url.field_data[UF_QUERY].off, url.field_data[UF_QUERY].len);
}

} // namespace

HttpRequestParser::HttpRequestParser(qint64 maxHeaderBytes, qint64 maxBodyBytes)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_maxBodyBytes(maxBodyBytes) {
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

const http_parser_settings &HttpRequestParser::settings() {
    static const http_parser_settings s = [] {
        http_parser_settings v;
        std::memset(&v, 0, sizeof v);
        v.on_message_begin = &HttpRequestParser::onMessageBegin;
        v.on_url = &HttpRequestParser::onUrl;
        v.on_header_field = &HttpRequestParser::onHeaderField;
        v.on_header_value = &HttpRequestParser::onHeaderValue;
        v.on_headers_complete = &HttpRequestParser::onHeadersComplete;
        v.on_body = &HttpRequestParser::onBody;
        v.on_message_complete = &HttpRequestParser::onMessageComplete;
        return v;
    }();
    return s;
}

qint64 HttpRequestParser::readFrom(QIODevice *device) {
    const qint64 available = device->bytesAvailable();
    if (available <= 0) return 0;
    // Drop what is parsed, but keep the current header block: a WebSocket upgrade hands it on.
    const qsizetype keepFrom = m_phase == Phase::Headers ? m_messageStart : m_pos;
    if (keepFrom == m_buffer.size()) {
        m_buffer.resize(0);
    } else if (keepFrom > 0) {
        m_buffer.remove(0, keepFrom);
    }
    m_pos -= keepFrom;
    m_messageStart = qMax<qsizetype>(0, m_messageStart - keepFrom);

    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + qsizetype(available));
    const qint64 got = device->read(m_buffer.data() + old, available);
    m_buffer.resize(old + qsizetype(qMax<qint64>(got, 0)));
    return qMax<qint64>(got, 0);
}

HttpRequestParser::Event HttpRequestParser::next() {
    while (m_failureStatus == 0) {
        if (m_pos >= m_buffer.size()) return Event::NeedMore;
        if (m_phase == Phase::Idle) m_messageStart = m_pos;
        const size_t length = size_t(m_buffer.size() - m_pos);
        const size_t used = http_parser_execute(&m_parser, &settings(), m_buffer.constData() + m_pos, length);
        m_pos += qsizetype(used);
        const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            const Event event = std::exchange(m_pausedAt, Event::NeedMore);
            if (event == Event::HeadersComplete && m_pos - m_messageStart > m_maxHeaderBytes) break;
            return event;
        }
        if (error != HPE_OK) {
            if (m_failureStatus == 0) {
                fail(error == HPE_HEADER_OVERFLOW ? 431 : 400,
                     QByteArray("Malformed request: ") + http_errno_description(error));
            }
            return Event::Failed;
        }
        // Checked per read: the buffer holds at most one socket read beyond the limit.
        if (m_phase == Phase::Headers && m_pos - m_messageStart > m_maxHeaderBytes) break;
    }
    if (m_failureStatus == 0) {
        fail(431, "Request header fields exceed " + QByteArray::number(m_maxHeaderBytes) + " bytes");
    }
    return Event::Failed;
}

HttpRequest HttpRequestParser::takeRequest() {
    HttpRequest finished = std::move(m_request);
    m_request = HttpRequest();
    return finished;
}

std::pair<QByteArray, QByteArray> HttpRequestParser::takeUpgradeBytes() {
    // m_pos stopped right after the upgrade request: http_parser pauses at its end.
    std::pair<QByteArray, QByteArray> bytes{m_buffer.mid(m_messageStart, m_pos - m_messageStart),
                                            m_buffer.mid(m_pos)};
    discardBuffered();
    return bytes;
}

void HttpRequestParser::discardBuffered() {
    m_buffer.clear();
    m_pos = 0;
    m_messageStart = 0;
}

void HttpRequestParser::fail(int status, QByteArray detail) {
    m_failureStatus = status;
    m_failureDetail = std::move(detail);
}

int HttpRequestParser::onMessageBegin(http_parser *parser) {
    HttpRequestParser *p = self(parser);
    p->m_phase = Phase::Headers;
    p->m_lastWasValue = false;
    p->m_expectsBody = false;
    p->m_upgradeRequested = false;
    p->m_fields.clear();
    return 0;
}

int HttpRequestParser::onUrl(http_parser *parser, const char *at, size_t length) {
    self(parser)->m_request.target.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onHeaderField(http_parser *parser, const char *at, size_t length) {
    HttpRequestParser *p = self(parser);
    if (p->m_phase != Phase::Headers) return 0; // trailer fields of a chunked body: not kept
    if (p->m_fields.isEmpty() || p->m_lastWasValue) {
        p->m_fields.emplaceBack(QByteArray(at, qsizetype(length)), QByteArray());
    } else {
        p->m_fields.last().first.append(at, qsizetype(length));
    }
    p->m_lastWasValue = false;
    return 0;
}

int HttpRequestParser::onHeaderValue(http_parser *parser, const char *at, size_t length) {
    HttpRequestParser *p = self(parser);
    if (p->m_phase != Phase::Headers || p->m_fields.isEmpty()) return 0;
    p->m_fields.last().second.append(at, qsizetype(length));
    p->m_lastWasValue = true;
    return 0;
}

int HttpRequestParser::onHeadersComplete(http_parser *parser) {
    return self(parser)->finishHeaders();
}

int HttpRequestParser::finishHeaders() {
    HttpRequest &r = m_request;
    const char *method = http_method_str(http_method(m_parser.method));
    r.method = QByteArray::fromRawData(method, qsizetype(std::strlen(method))); // static storage
    r.versionMajor = m_parser.http_major;
    r.versionMinor = m_parser.http_minor;
    r.keepAlive = http_should_keep_alive(&m_parser) != 0;
    for (HttpHeaders::Entry &field : m_fields)
        field.second = trimmedValue(std::move(field.second));
    r.headers = HttpHeaders(std::move(m_fields));
    m_fields = {};
    splitTarget(r, m_parser.method == HTTP_CONNECT);

    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    const quint64 length = m_parser.content_length; // ULLONG_MAX when no Content-Length was sent
    m_expectsBody = chunked || (length > 0 && length != ULLONG_MAX);
    m_upgradeRequested = m_parser.upgrade != 0;
    r.webSocketUpgrade = m_upgradeRequested && m_parser.method == HTTP_GET && !m_expectsBody &&
                         (r.versionMajor > 1 || r.versionMinor >= 1) &&
                         r.headers.hasToken("Upgrade", "websocket");
    m_phase = Phase::Body;

    // Refused before a single body byte is buffered (the reason this layer exists).
    if (!chunked && length != ULLONG_MAX && length > quint64(m_maxBodyBytes)) {
        fail(413, "Request body of " + QByteArray::number(length) + " bytes exceeds the limit of " +
                      QByteArray::number(m_maxBodyBytes) + " bytes");
        return -1;
    }
    if (!chunked && m_expectsBody) r.body.reserve(qsizetype(qMin<quint64>(length, 256 * 1024)));
    m_pausedAt = Event::HeadersComplete;
    http_parser_pause(&m_parser, 1);
    return 0;
}

int HttpRequestParser::onBody(http_parser *parser, const char *at, size_t length) {
    HttpRequestParser *p = self(parser);
    // A chunked body has no declared size: it is refused as soon as the running total is too big.
    if (p->m_request.body.size() + qint64(length) > p->m_maxBodyBytes) {
        p->fail(413, "Request body exceeds the limit of " + QByteArray::number(p->m_maxBodyBytes) + " bytes");
        return -1;
    }
    p->m_request.body.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onMessageComplete(http_parser *parser) {
    HttpRequestParser *p = self(parser);
    p->m_phase = Phase::Idle;
    p->m_pausedAt = Event::MessageComplete;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace gatehouse::http
