#include "ImportContext.h"

namespace gatehouse {

void ImportContext::warning(const QString &path, const QString &message, const QString &hint) {
    m_diagnostics.append(m_document.diagnostic(Diagnostic::Severity::Warning, path, message, hint));
}

void ImportContext::error(const QString &path, const QString &message, const QString &hint) {
    m_diagnostics.append(m_document.diagnostic(Diagnostic::Severity::Error, path, message, hint));
}

namespace json {

const OrderedJson *member(const OrderedJson &object, const char *key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const OrderedJson *member(const OrderedJson *object, const char *key) {
    return object ? member(*object, key) : nullptr;
}

std::optional<QString> text(const OrderedJson *value) {
    if (!value) return std::nullopt;
    if (value->is_string()) return QString::fromStdString(value->get<std::string>());
    if (value->is_number_integer()) return QString::number(value->get<qint64>());
    if (value->is_number_unsigned()) return QString::number(value->get<quint64>());
    if (value->is_number_float()) return QString::fromStdString(value->dump());
    if (value->is_boolean()) return value->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return std::nullopt;
}

QString textOr(const OrderedJson *value, const QString &fallback) {
    return text(value).value_or(fallback);
}

std::optional<double> number(const OrderedJson *value) {
    if (!value) return std::nullopt;
    if (value->is_number()) return value->get<double>();
    if (value->is_string()) {
        bool ok = false;
        const double d = QString::fromStdString(value->get<std::string>()).trimmed().toDouble(&ok);
        if (ok) return d;
    }
    return std::nullopt;
}

std::optional<int> integer(const OrderedJson *value) {
    const std::optional<double> d = number(value);
    if (!d || *d != double(qint64(*d)) || *d > 2147483647.0 || *d < -2147483648.0) return std::nullopt;
    return int(*d);
}

std::optional<bool> boolean(const OrderedJson *value) {
    if (!value) return std::nullopt;
    if (value->is_boolean()) return value->get<bool>();
    if (value->is_string()) {
        const QString s = QString::fromStdString(value->get<std::string>()).toLower();
        if (s == QLatin1String("true")) return true;
        if (s == QLatin1String("false")) return false;
    }
    return std::nullopt;
}

QStringList strings(const OrderedJson *value) {
    QStringList list;
    if (!value) return list;
    if (value->is_array()) {
        for (const OrderedJson &item : *value)
            if (const auto t = text(&item)) list.append(*t);
        return list;
    }
    if (const auto t = text(value)) list.append(*t);
    return list;
}

QStringList keys(const OrderedJson *value) {
    QStringList list;
    if (value && value->is_object())
        for (const auto &item : value->items())
            list.append(QString::fromStdString(item.key()));
    return list;
}

} // namespace json

} // namespace gatehouse
