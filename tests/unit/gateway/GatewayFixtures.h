// Small builders shared by the gateway tests: a request as a client would send it, an API with
// routes and stages, and JSON parsing of event text, so each test states only what it is about.
#pragma once

#include "gateway/GatewayRequest.h"
#include "gateway/InvocationContext.h"
#include "gateway/JsonText.h"
#include "project/Api.h"

#include <QTest>

namespace gatehouse::test {

inline GatewayRequest request(const QString &method, const QString &rawPath, const QString &query = {},
                              const HeaderFields &headers = {}, const QByteArray &body = {}) {
    GatewayRequest r;
    r.method = method;
    r.rawPath = rawPath;
    r.rawQueryString = query;
    r.headers = headers;
    r.body = body;
    r.sourceIp = QStringLiteral("192.0.2.1");
    r.host = QStringLiteral("localhost:3000");
    r.requestTime = QDateTime(QDate(2020, 3, 12), QTime(19, 3, 58, 390), Qt::UTC);
    return r;
}

inline Route route(const QString &method, const QString &path) {
    Route r;
    r.method = method;
    r.path = path;
    return r;
}

inline Api api(ApiType type, const QList<Route> &routes, const QStringList &stages = {}) {
    Api a;
    a.name = QStringLiteral("api");
    a.type = type;
    a.routes = routes;
    for (const QString &name : stages) {
        Stage s;
        s.name = name;
        a.stages.append(s);
    }
    return a;
}

inline InvocationContext httpContext() {
    InvocationContext c;
    c.apiId = QStringLiteral("api-id");
    c.stage = QStringLiteral("$default");
    c.routeKey = QStringLiteral("$default");
    c.resourcePath = QStringLiteral("$default");
    c.requestId = QStringLiteral("JKJaXmPLvHcESHA=");
    c.addForwardedHeaders = false;
    return c;
}

inline OrderedJson json(const QByteArray &text) {
    const std::optional<OrderedJson> parsed = parseJson(text);
    if (!parsed) qWarning("not JSON: %s", text.constData());
    return parsed.value_or(OrderedJson());
}

inline QString str(const OrderedJson &value) {
    return value.is_string() ? QString::fromStdString(value.get<std::string>())
                             : QString::fromStdString(value.dump());
}

} // namespace gatehouse::test
