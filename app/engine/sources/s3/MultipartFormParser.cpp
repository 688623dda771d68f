#include "MultipartFormParser.h"

#include <QCoreApplication>

namespace gatehouse::s3 {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::s3::MultipartFormParser", text);
}

// RFC 2046 §5.1.1: "transport-padding" (linear white space a gateway may add) may follow a delimiter.
constexpr qsizetype kMaxTransportPadding = 64;

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

// One "name=value" parameter list after the first ';' of a header value, with quoted-string values
// (a backslash escapes the next character, as curl writes quotes in file names).
QList<QPair<QByteArray, QByteArray>> headerParameters(QByteArrayView value) {
    QList<QPair<QByteArray, QByteArray>> parameters;
    qsizetype i = value.indexOf(';');
    while (i >= 0 && i < value.size()) {
        ++i; // past ';'
        while (i < value.size() && isSpace(value[i]))
            ++i;
        const qsizetype nameStart = i;
        while (i < value.size() && value[i] != '=' && value[i] != ';')
            ++i;
        const QByteArray name = value.sliced(nameStart, i - nameStart).trimmed().toByteArray().toLower();
        QByteArray text;
        if (i < value.size() && value[i] == '=') {
            ++i;
            while (i < value.size() && isSpace(value[i]))
                ++i;
            if (i < value.size() && value[i] == '"') {
                for (++i; i < value.size() && value[i] != '"'; ++i) {
                    if (value[i] == '\\' && i + 1 < value.size()) ++i;
                    text += value[i];
                }
                if (i < value.size()) ++i; // past the closing quote
                while (i < value.size() && value[i] != ';')
                    ++i;
            } else {
                const qsizetype start = i;
                while (i < value.size() && value[i] != ';')
                    ++i;
                text = value.sliced(start, i - start).trimmed().toByteArray();
            }
        }
        if (!name.isEmpty()) parameters.append({name, text});
        if (i >= value.size()) break;
    }
    return parameters;
}

} // namespace

std::optional<QByteArray> multipartFormBoundary(QByteArrayView contentType) {
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView type = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
    if (type.compare("multipart/form-data", Qt::CaseInsensitive) != 0) return std::nullopt;
    for (const auto &[name, value] : headerParameters(contentType)) {
        // "boundary := 0*69<bchars> bcharsnospace" (RFC 2046 §5.1.1).
        if (name == "boundary" && !value.isEmpty() && value.size() <= 70) return value;
    }
    return std::nullopt;
}

MultipartFormParser::MultipartFormParser(QByteArray boundary, Handler handler)
    : m_delimiter("\r\n--" + boundary)
    , m_handler(std::move(handler)) {
    // The first delimiter may open the body without a line break before it: a CRLF put in front
    // lets one search find both.
    m_buffer = "\r\n";
}

bool MultipartFormParser::fail(const QString &why) {
    m_state = State::Failed;
    m_error = why;
    return false;
}

bool MultipartFormParser::feed(QByteArrayView chunk) {
    if (m_state == State::Failed) return false;
    if (m_state == State::Epilogue) return true; // RFC 2046: the epilogue is to be ignored
    if (!chunk.isEmpty()) m_sawAnyByte = true;
    m_buffer.append(chunk);
    while (step()) {
    }
    return m_state != State::Failed;
}

bool MultipartFormParser::finish() {
    if (m_state == State::Failed) return false;
    if (m_state == State::Epilogue) return true;
    if (!m_sawAnyByte) return fail(tr("the body is empty"));
    if (m_state == State::Preamble) return fail(tr("the body does not contain the boundary"));
    return fail(tr("the body ends before the closing boundary"));
}

bool MultipartFormParser::parseHeaders(QByteArrayView block) {
    FormPartHeaders part;
    QList<QByteArray> lines;
    for (const QByteArray &line : block.toByteArray().split('\n')) {
        const QByteArray text = line.endsWith('\r') ? line.chopped(1) : line;
        if (text.isEmpty()) continue;
        // Obsolete line folding: a continuation joins the previous field.
        if (isSpace(text[0]) && !lines.isEmpty())
            lines.last() += ' ' + text.trimmed();
        else
            lines.append(text);
    }
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(tr("a part header has no name: %1").arg(QString::fromUtf8(line.left(80))));
        part.headers.add(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    const QByteArray disposition = part.headers.value("Content-Disposition");
    const qsizetype semicolon = disposition.indexOf(';');
    if (disposition.left(semicolon < 0 ? disposition.size() : semicolon)
            .trimmed()
            .compare("form-data", Qt::CaseInsensitive) != 0)
        return fail(tr("a part has no \"Content-Disposition: form-data\" header"));
    bool named = false;
    for (const auto &[name, value] : headerParameters(disposition)) {
        if (name == "name") {
            part.name = value;
            named = true;
        } else if (name == "filename") {
            part.fileName = QString::fromUtf8(value);
        }
    }
    if (!named) return fail(tr("a part's Content-Disposition has no name"));
    part.contentType = part.headers.value("Content-Type");
    if (m_handler.begin && !m_handler.begin(part)) return fail({});
    return true;
}

bool MultipartFormParser::step() {
    switch (m_state) {
    case State::Failed:
    case State::Epilogue:
        m_buffer.clear();
        return false;
    case State::Headers: {
        // The header block ends with an empty line; a part may have no headers at all ("\r\n" at once).
        qsizetype end = m_buffer.startsWith("\r\n") ? 0 : m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > kMaxPartHeaderBytes) return fail(tr("a part's headers are too long"));
            return false;
        }
        const qsizetype blockEnd = end == 0 ? 0 : end + 2;
        if (!parseHeaders(QByteArrayView(m_buffer).first(blockEnd))) return false;
        m_buffer.remove(0, end == 0 ? 2 : end + 4);
        m_state = State::Body;
        return true;
    }
    case State::Preamble:
    case State::Body:
        break;
    }

    const bool inBody = m_state == State::Body;
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = m_buffer.indexOf(m_delimiter, from);
        if (at < 0) {
            // Keep a tail that may be the start of a delimiter completed by the next piece.
            const qsizetype keep = std::min(m_buffer.size(), m_delimiter.size() - 1);
            const qsizetype done = m_buffer.size() - keep;
            if (inBody && done > 0 && m_handler.data && !m_handler.data(QByteArrayView(m_buffer).first(done)))
                return fail({});
            m_buffer.remove(0, done);
            return false;
        }
        // What follows the delimiter decides what it is: "--" closes the body, optional padding and
        // CRLF opens the next part; anything else means these bytes were content after all.
        qsizetype i = at + m_delimiter.size();
        if (m_buffer.size() - i < 2) {
            if (inBody && at > 0 && m_handler.data && !m_handler.data(QByteArrayView(m_buffer).first(at)))
                return fail({});
            m_buffer.remove(0, at);
            return false;
        }
        const bool close = m_buffer[i] == '-' && m_buffer[i + 1] == '-';
        if (!close) {
            while (i < m_buffer.size() && isSpace(m_buffer[i]) &&
                   i - (at + m_delimiter.size()) < kMaxTransportPadding)
                ++i;
            if (m_buffer.size() - i < 2) {
                if (i - (at + m_delimiter.size()) >= kMaxTransportPadding)
                    return fail(tr("too much white space after a boundary"));
                if (inBody && at > 0 && m_handler.data && !m_handler.data(QByteArrayView(m_buffer).first(at)))
                    return fail({});
                m_buffer.remove(0, at);
                return false;
            }
            if (m_buffer[i] != '\r' || m_buffer[i + 1] != '\n') {
                from = at + 1; // not a delimiter: "--boundary" followed by more text is data
                continue;
            }
        }
        if (inBody) {
            if (at > 0 && m_handler.data && !m_handler.data(QByteArrayView(m_buffer).first(at)))
                return fail({});
            if (m_handler.end && !m_handler.end()) return fail({});
        }
        if (close) {
            m_state = State::Epilogue;
            m_buffer.clear();
            return false;
        }
        m_buffer.remove(0, i + 2);
        m_state = State::Headers;
        return true;
    }
}

std::optional<QList<FormPart>> parseMultipartForm(QByteArrayView body, const QByteArray &boundary,
                                                  QString *error) {
    QList<FormPart> parts;
    MultipartFormParser parser(boundary, {[&](const FormPartHeaders &headers) {
                                              parts.append({headers, {}});
                                              return true;
                                          },
                                          [&](QByteArrayView data) {
                                              parts.last().data.append(data);
                                              return true;
                                          },
                                          [] { return true; }});
    if (parser.feed(body) && parser.finish()) return parts;
    if (error) *error = parser.error();
    return std::nullopt;
}

} // namespace gatehouse::s3
