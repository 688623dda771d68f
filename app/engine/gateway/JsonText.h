// Small bridges between Qt strings and nlohmann::ordered_json, shared by the gateway's event and
// response code so that every Lambda event is produced and parsed the same way.
#pragma once

#include "project/UnknownFields.h" // gatehouse::OrderedJson, the project's ordered JSON type

#include <QByteArray>
#include <QString>
#include <optional>

namespace gatehouse {

inline std::string utf8(const QString &text) {
    return text.toStdString();
}
inline QString fromUtf8(const std::string &text) {
    return QString::fromStdString(text);
}

// Compact JSON text. Header values and bodies come from the network, so invalid UTF-8 is replaced
// instead of throwing in the middle of a request.
inline QByteArray jsonBytes(const OrderedJson &value) {
    return QByteArray::fromStdString(value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
}

// Parses JSON text without throwing: a function's output or a JWKS document is untrusted input.
inline std::optional<OrderedJson> parseJson(const QByteArray &text) {
    OrderedJson value = OrderedJson::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

} // namespace gatehouse
