#include "HeaderFields.h"

#include <QByteArray>

namespace gatehouse {

QStringList headerValues(const HeaderFields &headers, QStringView name) {
    QStringList values;
    for (const HeaderField &field : headers)
        if (field.name.compare(name, Qt::CaseInsensitive) == 0) values.append(field.value);
    return values;
}

std::optional<QString> firstHeaderValue(const HeaderFields &headers, QStringView name) {
    for (const HeaderField &field : headers)
        if (field.name.compare(name, Qt::CaseInsensitive) == 0) return field.value;
    return std::nullopt;
}

bool hasHeader(const HeaderFields &headers, QStringView name) {
    return firstHeaderValue(headers, name).has_value();
}

void removeHeader(HeaderFields &headers, QStringView name) {
    headers.removeIf(
        [&](const HeaderField &field) { return field.name.compare(name, Qt::CaseInsensitive) == 0; });
}

void setHeader(HeaderFields &headers, const QString &name, const QString &value) {
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (headers[i].name.compare(name, Qt::CaseInsensitive) != 0) continue;
        headers[i] = {name, value};
        for (qsizetype j = headers.size() - 1; j > i; --j)
            if (headers[j].name.compare(name, Qt::CaseInsensitive) == 0) headers.removeAt(j);
        return;
    }
    headers.append({name, value});
}

QString percentDecoded(const QString &text) {
    if (!text.contains(QLatin1Char('%'))) return text;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

QueryParameters parseQueryString(const QString &rawQuery) {
    QueryParameters parameters;
    const auto formDecoded = [](QString piece) {
        piece.replace(QLatin1Char('+'), QLatin1Char(' '));
        return percentDecoded(piece);
    };
    for (const QString &piece : rawQuery.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = piece.indexOf(QLatin1Char('='));
        if (equals < 0)
            parameters.append({formDecoded(piece), QString()});
        else
            parameters.append({formDecoded(piece.left(equals)), formDecoded(piece.mid(equals + 1))});
    }
    return parameters;
}

QString mediaTypeOf(const QString &headerValue) {
    return headerValue.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

} // namespace gatehouse
