// Which route a WebSocket message goes to. "Working with routes for WebSocket APIs"
// (websocket-api-develop-routes): the API's routeSelectionExpression, of the form
// `$request.body.{path}` (default `$request.body.action`), is evaluated against the message as
// JSON; the value, stringified, is the route key. A message that is not JSON, lacks the path, or
// names no route goes to `$default`; without a `$default` route the client gets an error frame.
#pragma once

#include "project/Api.h"

#include <QByteArray>
#include <optional>

namespace gatehouse {

inline constexpr char kDefaultRouteSelectionExpression[] = "$request.body.action";

// The route key the expression selects: the stringified JSON value at the path, or "$default".
// Strings as they are; numbers, booleans and objects as compact JSON; arrays "[item1, item2]".
QString selectWebSocketRouteKey(const QString &expression, const QByteArray &message);

// The index in `routes` of the route the message goes to (the selected key, else `$default`), or
// nullopt when neither exists. `selectedKey` receives the key the expression produced.
std::optional<qsizetype> selectWebSocketRoute(const QList<Route> &routes, const QString &expression,
                                              const QByteArray &message, QString *selectedKey = nullptr);

// The index of the route with exactly this key ("$connect", "$disconnect"), or nullopt.
std::optional<qsizetype> findWebSocketRoute(const QList<Route> &routes, const QString &routeKey);

} // namespace gatehouse
