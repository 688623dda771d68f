#include "JsonWriter.h"

namespace gatehouse {

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

JsonWriter &JsonWriter::key(const char *latin1Key) {
    separate();
    appendString(m_out, QByteArrayView(latin1Key));
    m_out.push_back(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::key(const QByteArray &utf8Key) {
    separate();
    appendString(m_out, utf8Key);
    m_out.push_back(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(const QByteArray &utf8) {
    separate();
    appendString(m_out, utf8);
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
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p; // start of the bytes still to copy unchanged
    for (; p != end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(run, size_t(p - run));
        run = p + 1;
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
    out.append(run, size_t(end - run));
    out.push_back('"');
}

} // namespace gatehouse
