// Compact JSON text written straight into a buffer, for the events the gateway builds on every request:
// building an nlohmann::ordered_json (a linear map per object) and dumping it cost more than the
// handler call itself. The output is byte for byte what jsonBytes() makes of the same document
// (nlohmann's escaping: \" \\ \b \f \n \r \t, other control characters as \u00xx, UTF-8 kept as is),
// which tst_gateway_lambdaevents checks.
#pragma once

#include "JsonText.h"

#include <QByteArray>
#include <QString>
#include <string>

namespace gatehouse {

class JsonWriter {
public:
    explicit JsonWriter(qsizetype reserve = 1024) { m_out.reserve(size_t(reserve)); }

    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    // A member's key; the value follows with one of the calls below. A literal key is written as it
    // is: it must need no escaping (plain ASCII letters, digits, '-', '_', '.').
    JsonWriter &key(const char *literalKey);
    JsonWriter &key(const QByteArray &utf8Key);
    JsonWriter &string(QStringView text);
    JsonWriter &string(const QString &text) { return string(QStringView(text)); }
    JsonWriter &string(const QByteArray &utf8);
    JsonWriter &number(qint64 value);
    JsonWriter &boolean(bool value);
    JsonWriter &json(const OrderedJson &value); // any value, as jsonBytes() writes it

    QByteArray take() { return QByteArray(m_out.data(), qsizetype(m_out.size())); }

    // Appends `utf8` to `out` as a JSON string, quotes included.
    static void appendString(std::string &out, QByteArrayView utf8);
    // The same from UTF-16, encoded on the way (no QByteArray in between); a lone surrogate becomes
    // "?", as QString::toUtf8() makes it.
    static void appendString(std::string &out, QStringView text);

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void separate(); // the comma before a value that is not the first in its container

    // A std::string, not a QByteArray: its appends are inline, and a request's event is a few hundred
    // of them.
    std::string m_out;
    bool m_first = true;     // nothing written yet in the current container
    bool m_afterKey = false; // a key was written: its value needs no comma
};

} // namespace gatehouse
