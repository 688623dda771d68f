#include "JsonWriter.h"

namespace gatehouse {

namespace {

// nlohmann's escapes for the ASCII characters JSON does not allow raw.
void appendEscaped(std::string &out, unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
    case '"':
        out.append("\\\"", 2);
        break;
    case '\\':
        out.append("\\\\", 2);
        break;
    case '\b':
        out.append("\\b", 2);
        break;
    case '\f':
        out.append("\\f", 2);
        break;
    case '\n':
        out.append("\\n", 2);
        break;
    case '\r':
        out.append("\\r", 2);
        break;
    case '\t':
        out.append("\\t", 2);
        break;
    default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, 6);
    }
    }
}

bool needsEscape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\';
}

void appendUtf8(std::string &out, char32_t code) {
    if (code < 0x800) {
        out.push_back(char(0xC0 | (code >> 6)));
    } else if (code < 0x10000) {
        out.push_back(char(0xE0 | (code >> 12)));
        out.push_back(char(0x80 | ((code >> 6) & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (code >> 18)));
        out.push_back(char(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((code >> 6) & 0x3F)));
    }
    out.push_back(char(0x80 | (code & 0x3F)));
}

} // namespace

void JsonWriter::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first) m_out.push_back(',');
    m_first = false;
}

JsonWriter &JsonWriter::open(char bracket) {
    separate();
    m_out.push_back(bracket);
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::close(char bracket) {
    m_out.push_back(bracket);
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(const char *literalKey) {
    separate();
    m_out.push_back('"');
    m_out.append(literalKey);
    m_out.append("\":", 2);
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::key(const QByteArray &utf8Key) {
    separate();
    appendString(m_out, QByteArrayView(utf8Key));
    m_out.push_back(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(const QByteArray &utf8) {
    separate();
    appendString(m_out, QByteArrayView(utf8));
    return *this;
}

JsonWriter &JsonWriter::string(QStringView text) {
    separate();
    appendString(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::number(qint64 value) {
    separate();
    m_out.append(std::to_string(value));
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value) {
    separate();
    m_out.append(value ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::json(const OrderedJson &value) {
    separate();
    m_out.append(value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
    return *this;
}

void JsonWriter::appendString(std::string &out, QByteArrayView utf8) {
    out.push_back('"');
    const char *p = utf8.data();
    const char *end = p + utf8.size();
    const char *run = p; // start of the bytes still to copy unchanged
    for (; p != end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (!needsEscape(c)) continue;
        out.append(run, size_t(p - run));
        run = p + 1;
        appendEscaped(out, c);
    }
    out.append(run, size_t(end - run));
    out.push_back('"');
}

void JsonWriter::appendString(std::string &out, QStringView text) {
    out.push_back('"');
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    for (; p != end; ++p) {
        const char16_t c = *p;
        if (c < 0x80) {
            if (needsEscape(static_cast<unsigned char>(c)))
                appendEscaped(out, static_cast<unsigned char>(c));
            else
                out.push_back(char(c));
        } else if (QChar::isHighSurrogate(c) && p + 1 != end && QChar::isLowSurrogate(p[1])) {
            appendUtf8(out, QChar::surrogateToUcs4(c, p[1]));
            ++p;
        } else if (QChar::isSurrogate(c)) {
            out.push_back('?'); // what QString::toUtf8() writes for a lone surrogate
        } else {
            appendUtf8(out, c);
        }
    }
    out.push_back('"');
}

} // namespace gatehouse
