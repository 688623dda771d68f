#include "ObjectReader.h"

#include <cmath>
#include <limits>

namespace gatehouse {

void ReadContext::error(const QString &path, const QString &message, const QString &hint) {
    diagnostics.append(Diagnostic{.severity = Diagnostic::Severity::Error,
                                  .file = file,
                                  .path = path,
                                  .message = message,
                                  .hint = hint});
}

void ReadContext::warning(const QString &path, const QString &message, const QString &hint) {
    diagnostics.append(Diagnostic{.severity = Diagnostic::Severity::Warning,
                                  .file = file,
                                  .path = path,
                                  .message = message,
                                  .hint = hint});
}

QString jsonPathChild(const QString &parent, const char *key) {
    const QString name = QString::fromUtf8(key);
    return parent.isEmpty() ? name : parent + QLatin1Char('.') + name;
}

QString jsonPathIndex(const QString &parent, qsizetype index) {
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString describeJsonType(const OrderedJson &value) {
    switch (value.type()) {
    case OrderedJson::value_t::null:
        return QStringLiteral("null");
    case OrderedJson::value_t::object:
        return QStringLiteral("an object");
    case OrderedJson::value_t::array:
        return QStringLiteral("an array");
    case OrderedJson::value_t::string:
        return QStringLiteral("a string");
    case OrderedJson::value_t::boolean:
        return QStringLiteral("a boolean");
    case OrderedJson::value_t::number_integer:
    case OrderedJson::value_t::number_unsigned:
        return QStringLiteral("an integer");
    case OrderedJson::value_t::number_float:
        return QStringLiteral("a number");
    default:
        return QStringLiteral("an unsupported value");
    }
}

ObjectReader::ObjectReader(const OrderedJson &object, QString path, ReadContext &context)
    : m_object(object)
    , m_path(std::move(path))
    , m_context(context) {}

bool ObjectReader::has(const char *key) const {
    return m_object.contains(key);
}

const OrderedJson *ObjectReader::take(const char *key) {
    m_taken.insert(key);
    auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
}

void ObjectReader::typeError(const char *key, const OrderedJson &value, const char *expected) {
    m_context.error(
        jsonPathChild(m_path, key),
        QStringLiteral("expected %1, found %2").arg(QString::fromUtf8(expected), describeJsonType(value)));
}

void ObjectReader::string(const char *key, QString &out, Need need) {
    const OrderedJson *value = take(key);
    if (!value) {
        if (need == Required)
            m_context.error(jsonPathChild(m_path, key), QStringLiteral("required field is missing"),
                            QStringLiteral("add \"%1\": \"...\"").arg(QString::fromUtf8(key)));
        return;
    }
    if (!value->is_string()) return typeError(key, *value, "a string");
    out = QString::fromStdString(value->get<std::string>());
}

void ObjectReader::integer(const char *key, int &out, Need need) {
    std::optional<int> parsed;
    if (need == Required && !has(key)) {
        take(key);
        m_context.error(jsonPathChild(m_path, key), QStringLiteral("required field is missing"),
                        QStringLiteral("add \"%1\" with a whole number").arg(QString::fromUtf8(key)));
        return;
    }
    integer(key, parsed);
    if (parsed) out = *parsed;
}

void ObjectReader::integer(const char *key, std::optional<int> &out) {
    const OrderedJson *value = take(key);
    if (!value || value->is_null()) return;
    if (!value->is_number()) return typeError(key, *value, "an integer");
    const double d = value->get<double>();
    if (std::trunc(d) != d) return typeError(key, *value, "an integer");
    if (d < double(std::numeric_limits<int>::min()) || d > double(std::numeric_limits<int>::max())) {
        m_context.error(jsonPathChild(m_path, key), QStringLiteral("number %1 is out of range").arg(d));
        return;
    }
    out = int(d);
}

void ObjectReader::number(const char *key, std::optional<double> &out) {
    const OrderedJson *value = take(key);
    if (!value || value->is_null()) return;
    if (!value->is_number()) return typeError(key, *value, "a number");
    out = value->get<double>();
}

void ObjectReader::boolean(const char *key, bool &out) {
    const OrderedJson *value = take(key);
    if (!value) return;
    if (!value->is_boolean()) return typeError(key, *value, "true or false");
    out = value->get<bool>();
}

void ObjectReader::strings(const char *key, QStringList &out) {
    const OrderedJson *value = take(key);
    if (!value) return;
    if (!value->is_array()) return typeError(key, *value, "an array of strings");
    const QString path = jsonPathChild(m_path, key);
    for (size_t i = 0; i < value->size(); ++i) {
        const auto &item = (*value)[i];
        if (!item.is_string()) {
            m_context.error(jsonPathIndex(path, qsizetype(i)),
                            QStringLiteral("expected a string, found %1").arg(describeJsonType(item)));
            continue;
        }
        out.append(QString::fromStdString(item.get<std::string>()));
    }
}

void ObjectReader::nameValueMap(const char *key, NameValueList &out) {
    const OrderedJson *value = take(key);
    if (!value) return;
    if (!value->is_object()) return typeError(key, *value, "an object of name/value strings");
    const QString path = jsonPathChild(m_path, key);
    for (const auto &[name, item] : value->items()) {
        if (!item.is_string()) {
            m_context.error(jsonPathChild(path, name.c_str()),
                            QStringLiteral("expected a string, found %1").arg(describeJsonType(item)),
                            QStringLiteral("quote the value"));
            continue;
        }
        out.append({QString::fromStdString(name), QString::fromStdString(item.get<std::string>())});
    }
}

void ObjectReader::nameValueArray(const char *key, NameValueList &out) {
    forEachObject(key, [&](ObjectReader &reader) {
        NameValue pair;
        reader.string("name", pair.name, Required);
        reader.string("value", pair.value);
        reader.finishIgnoringUnknown();
        out.append(pair);
    });
}

void ObjectReader::anyJson(const char *key, OrderedJson &out) {
    if (const OrderedJson *value = take(key)) out = *value;
}

bool ObjectReader::object(const char *key, const std::function<void(ObjectReader &)> &readObject, Need need) {
    const OrderedJson *value = take(key);
    if (!value) {
        if (need == Required)
            m_context.error(jsonPathChild(m_path, key), QStringLiteral("required object is missing"));
        return false;
    }
    if (!value->is_object()) {
        typeError(key, *value, "an object");
        return false;
    }
    ObjectReader nested(*value, jsonPathChild(m_path, key), m_context);
    readObject(nested);
    return true;
}

void ObjectReader::forEachObject(const char *key, const std::function<void(ObjectReader &)> &readItem) {
    const OrderedJson *value = take(key);
    if (!value) return;
    if (!value->is_array()) return typeError(key, *value, "an array");
    const QString path = jsonPathChild(m_path, key);
    for (size_t i = 0; i < value->size(); ++i) {
        const auto &item = (*value)[i];
        const QString itemPath = jsonPathIndex(path, qsizetype(i));
        if (!item.is_object()) {
            m_context.error(itemPath,
                            QStringLiteral("expected an object, found %1").arg(describeJsonType(item)));
            continue;
        }
        ObjectReader reader(item, itemPath, m_context);
        readItem(reader);
    }
}

void ObjectReader::finish(UnknownFields &unknown) {
    for (const auto &[key, value] : m_object.items()) {
        if (m_taken.count(key)) continue;
        unknown.values[key] = value;
        m_context.warning(jsonPathChild(m_path, key.c_str()),
                          QStringLiteral("unknown key \"%1\" is kept as is").arg(QString::fromStdString(key)),
                          QStringLiteral("check the spelling if Gatehouse should use it"));
    }
}

void ObjectReader::finishIgnoringUnknown() {
    for (const auto &[key, value] : m_object.items()) {
        if (m_taken.count(key)) continue;
        m_context.warning(jsonPathChild(m_path, key.c_str()),
                          QStringLiteral("unknown key \"%1\" is ignored and will not be saved")
                              .arg(QString::fromStdString(key)));
    }
}

} // namespace gatehouse
