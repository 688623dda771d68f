// Reads the fields of one JSON object into model values, recording type errors and missing fields
// as diagnostics with their JSON path, and collecting keys it was not asked about as unknown fields.
#pragma once

#include "project/Common.h"
#include "validation/Diagnostic.h"

#include <functional>
#include <set>
#include <string>

namespace gatehouse {

// Shared state of one read: where diagnostics go and which file they name.
struct ReadContext {
    QString file;
    Diagnostics diagnostics;
    void error(const QString &path, const QString &message, const QString &hint = {});
    void warning(const QString &path, const QString &message, const QString &hint = {});
};

QString jsonPathChild(const QString &parent, const char *key);
QString jsonPathIndex(const QString &parent, qsizetype index);
// "a string", "a number", ... for messages such as "expected an integer, found a string".
QString describeJsonType(const OrderedJson &value);

class ObjectReader {
public:
    enum Need { Optional, Required };

    ObjectReader(const OrderedJson &object, QString path, ReadContext &context);

    const QString &path() const { return m_path; }
    bool has(const char *key) const;

    void string(const char *key, QString &out, Need need = Optional);
    void integer(const char *key, int &out, Need need = Optional);
    void integer(const char *key, std::optional<int> &out);
    void number(const char *key, std::optional<double> &out);
    void boolean(const char *key, bool &out);
    void strings(const char *key, QStringList &out);
    // A JSON object of string values: {"NAME": "value"}.
    void nameValueMap(const char *key, NameValueList &out);
    // A JSON array of {"name": ..., "value": ...} objects (allows repeated names, like HTTP headers).
    void nameValueArray(const char *key, NameValueList &out);
    void anyJson(const char *key, OrderedJson &out);
    // Calls `readObject` with a reader for the nested object under `key`, if present and an object.
    bool object(const char *key, const std::function<void(ObjectReader &)> &readObject, Need need = Optional);
    // Calls `readItem` for each element of the array under `key`; elements must be objects.
    template <typename T>
    void list(const char *key, QList<T> &out, const std::function<void(ObjectReader &, T &)> &readItem) {
        forEachObject(key, [&](ObjectReader &reader) {
            T item;
            readItem(reader, item);
            out.append(std::move(item));
        });
    }

    // Stores every key not read so far in `unknown` and warns about each one.
    void finish(UnknownFields &unknown);
    // For objects the model has no room for extra keys in: warns that each unknown key is ignored.
    void finishIgnoringUnknown();

private:
    const OrderedJson *take(const char *key);
    void typeError(const char *key, const OrderedJson &value, const char *expected);
    void forEachObject(const char *key, const std::function<void(ObjectReader &)> &readItem);

    const OrderedJson &m_object;
    QString m_path;
    ReadContext &m_context;
    std::set<std::string> m_taken;
};

} // namespace gatehouse
