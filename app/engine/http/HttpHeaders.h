// An ordered list of HTTP header fields: keeps the original order and case (and duplicates such as
// several Set-Cookie lines) while lookups ignore case, as RFC 9110 §5.1 says field names do.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <initializer_list>
#include <utility>

namespace gatehouse::http {

class HttpHeaders {
public:
    using Entry = std::pair<QByteArray, QByteArray>;

    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<Entry> entries);
    explicit HttpHeaders(QList<Entry> entries)
        : m_entries(std::move(entries)) {}

    // Appends a field, keeping any others with the same name (Set-Cookie needs this).
    void add(QByteArray name, QByteArray value);
    // Replaces every field called `name` with one field (added at the end when there was none).
    void set(const QByteArray &name, QByteArray value);
    // Removes every field called `name`; returns how many were removed.
    qsizetype remove(QByteArrayView name);

    bool contains(QByteArrayView name) const;
    // The first field called `name`, or `fallback`.
    QByteArray value(QByteArrayView name, const QByteArray &fallback = {}) const;
    QList<QByteArray> values(QByteArrayView name) const;
    // True when a comma-separated field (Connection, Upgrade, ...) lists `token`, ignoring case.
    bool hasToken(QByteArrayView name, QByteArrayView token) const;

    const QList<Entry> &entries() const { return m_entries; }
    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    void reserve(qsizetype n) { m_entries.reserve(n); }
    QList<Entry>::const_iterator begin() const { return m_entries.cbegin(); }
    QList<Entry>::const_iterator end() const { return m_entries.cend(); }

    static bool namesEqual(QByteArrayView a, QByteArrayView b) {
        return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
    }

private:
    QList<Entry> m_entries;
};

} // namespace gatehouse::http
