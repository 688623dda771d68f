#include "WebSocketRouteSelection.h"

#include "gateway/JsonText.h"

namespace gatehouse {

namespace {

const QString kDefault = QStringLiteral("$default");

QString stringified(const OrderedJson &value) {
    if (value.is_string()) return fromUtf8(value.get<std::string>());
    if (value.is_array()) {
        // AWS's documented rendering of an array value: "[item1, item2]".
        QStringList items;
        for (const OrderedJson &item : value)
            items.append(stringified(item));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    return QString::fromUtf8(jsonBytes(value));
}

} // namespace

QString selectWebSocketRouteKey(const QString &expression, const QByteArray &message) {
    QString path = expression.trimmed();
    if (path.isEmpty()) path = QLatin1String(kDefaultRouteSelectionExpression);
    // "${request.body.action}" is accepted by the console as well.
    if (path.startsWith(QLatin1String("${")) && path.endsWith(QLatin1Char('}')))
        path = QLatin1Char('$') + path.mid(2, path.size() - 3);
    static const QString prefix = QStringLiteral("$request.body.");
    if (!path.startsWith(prefix)) return kDefault;
    const std::optional<OrderedJson> json = parseJson(message);
    if (!json) return kDefault;
    const OrderedJson *node = &*json;
    for (const QString &segment : path.mid(prefix.size()).split(QLatin1Char('.'))) {
        if (segment.isEmpty() || !node->is_object()) return kDefault;
        const auto it = node->find(utf8(segment));
        if (it == node->end()) return kDefault;
        node = &*it;
    }
    if (node->is_null()) return kDefault;
    return stringified(*node);
}

std::optional<qsizetype> findWebSocketRoute(const QList<Route> &routes, const QString &routeKey) {
    for (qsizetype i = 0; i < routes.size(); ++i)
        if (routes.at(i).routeKey == routeKey) return i;
    return std::nullopt;
}

std::optional<qsizetype> selectWebSocketRoute(const QList<Route> &routes, const QString &expression,
                                              const QByteArray &message, QString *selectedKey) {
    const QString key = selectWebSocketRouteKey(expression, message);
    if (selectedKey) *selectedKey = key;
    // The predefined $connect/$disconnect routes are never chosen by a message.
    if (!key.startsWith(QLatin1String("$connect")) && key != QLatin1String("$disconnect"))
        if (const auto index = findWebSocketRoute(routes, key)) return index;
    return findWebSocketRoute(routes, kDefault);
}

} // namespace gatehouse
