// Shared by the importers: diagnostics located in the source file (path plus line/column), and small
// readers for JSON-shaped values that accept what hand-written files contain (numbers as strings,
// a single string where a list is expected).
#pragma once

#include "ImportFormat.h"
#include "SourceDocument.h"

namespace gatehouse {

class ImportContext {
public:
    ImportContext(const SourceDocument &document, Diagnostics &diagnostics)
        : m_document(document)
        , m_diagnostics(diagnostics) {}

    const SourceDocument &document() const { return m_document; }
    void warning(const QString &path, const QString &message, const QString &hint = {});
    void error(const QString &path, const QString &message, const QString &hint = {});

private:
    const SourceDocument &m_document;
    Diagnostics &m_diagnostics;
};

namespace json {

// The member `key` of `object`, or nullptr when `object` is not an object or has no such member.
const OrderedJson *member(const OrderedJson &object, const char *key);
const OrderedJson *member(const OrderedJson *object, const char *key);
// Strings as they are, numbers and booleans as text; nullopt for null, objects and arrays.
std::optional<QString> text(const OrderedJson *value);
QString textOr(const OrderedJson *value, const QString &fallback = {});
// Integers, or numbers given as strings ("128").
std::optional<int> integer(const OrderedJson *value);
std::optional<double> number(const OrderedJson *value);
// true/false, or "true"/"false".
std::optional<bool> boolean(const OrderedJson *value);
// A list of scalars, or one scalar as a one-element list.
QStringList strings(const OrderedJson *value);
// The keys of an object in their order.
QStringList keys(const OrderedJson *value);

} // namespace json

} // namespace gatehouse
