// Ordered HTTP header lists and query strings as API Gateway sees them: names keep the client's
// spelling, lookups ignore case, repeated names are kept (set-cookie), and query strings decode the
// way a browser form encodes them.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gatehouse {

struct HeaderField {
    QString name; // as the client or the function spelled it
    QString value;
    bool operator==(const HeaderField &) const = default;
};
using HeaderFields = QList<HeaderField>;

// Every value of `name`, in order; header names are case-insensitive (RFC 9110 §5.1).
QStringList headerValues(const HeaderFields &headers, QStringView name);
std::optional<QString> firstHeaderValue(const HeaderFields &headers, QStringView name);
bool hasHeader(const HeaderFields &headers, QStringView name);
void removeHeader(HeaderFields &headers, QStringView name);
// Replaces every field named `name` with one field, keeping the position of the first.
void setHeader(HeaderFields &headers, const QString &name, const QString &value);

struct QueryParameter {
    QString name;
    QString value;
    bool operator==(const QueryParameter &) const = default;
};
using QueryParameters = QList<QueryParameter>;

// "a=1&a=2&flag" -> (a,1) (a,2) (flag,""), in order. '+' means a space and %XX is decoded, as in
// HTML form encoding; empty pieces ("a=1&&b=2") are skipped.
QueryParameters parseQueryString(const QString &rawQuery);

// Decodes %XX escapes only ('+' stays '+'): path segments are not form-encoded.
QString percentDecoded(const QString &text);

// The media type of a Content-Type or Accept entry without parameters, lower-cased:
// "Application/JSON; charset=utf-8" -> "application/json".
QString mediaTypeOf(const QString &headerValue);

} // namespace gatehouse
