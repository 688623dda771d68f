#include "HttpHeaders.h"

namespace gatehouse::http {

HttpHeaders::HttpHeaders(std::initializer_list<Entry> entries)
    : m_entries(entries) {}

void HttpHeaders::add(QByteArray name, QByteArray value) {
    m_entries.emplaceBack(std::move(name), std::move(value));
}

void HttpHeaders::set(const QByteArray &name, QByteArray value) {
    remove(name);
    add(name, std::move(value));
}

qsizetype HttpHeaders::remove(QByteArrayView name) {
    return m_entries.removeIf([name](const Entry &e) { return namesEqual(e.first, name); });
}

bool HttpHeaders::contains(QByteArrayView name) const {
    for (const Entry &e : m_entries) {
        if (namesEqual(e.first, name)) return true;
    }
    return false;
}

QByteArray HttpHeaders::value(QByteArrayView name, const QByteArray &fallback) const {
    for (const Entry &e : m_entries) {
        if (namesEqual(e.first, name)) return e.second;
    }
    return fallback;
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const {
    QList<QByteArray> result;
    for (const Entry &e : m_entries) {
        if (namesEqual(e.first, name)) result.append(e.second);
    }
    return result;
}

bool HttpHeaders::hasToken(QByteArrayView name, QByteArrayView token) const {
    for (const Entry &e : m_entries) {
        if (!namesEqual(e.first, name)) continue;
        // A field may be repeated or comma-joined; both mean the same list (RFC 9110 §5.3).
        QByteArrayView rest(e.second);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            const QByteArrayView part = comma < 0 ? rest : rest.first(comma);
            if (namesEqual(part.trimmed(), token)) return true;
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
    }
    return false;
}

} // namespace gatehouse::http
