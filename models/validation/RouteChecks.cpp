// Checks of an API's routes: methods, path templates and route keys, duplicates and ambiguities,
// and whether the route's authorizer can be used on this type of API.
#include "NamingRules.h"
#include "PathTemplate.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace gatehouse::validation {

namespace {

using Kind = PathTemplate::Segment::Kind;

QString typeName(ApiType type) {
    switch (type) {
    case ApiType::Http:
        return QStringLiteral("HTTP");
    case ApiType::Rest:
        return QStringLiteral("REST");
    case ApiType::WebSocket:
        return QStringLiteral("WebSocket");
    }
    return {};
}

// Reports the path's template problems; returns the parsed template when it can take part in
// duplicate detection (valid and not "$default").
std::optional<PathTemplate> checkHttpRoute(const Api &api, const Route &route, const QString &path,
                                           Reporter &r) {
    if (!route.routeKey.isEmpty())
        r.error(
            at(path, "routeKey"),
            QCoreApplication::translate("gatehouse::Validation", "routeKey is only for WebSocket routes"),
            QCoreApplication::translate("gatehouse::Validation", "use method and path, and remove routeKey"));
    if (route.routeResponse)
        r.warning(at(path, "routeResponse"),
                  QCoreApplication::translate("gatehouse::Validation",
                                              "routeResponse is only used by WebSocket routes"),
                  QCoreApplication::translate("gatehouse::Validation", "remove it"));
    if (route.path == QLatin1String("$default")) {
        if (api.type == ApiType::Rest)
            r.error(at(path, "path"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "'$default' routes exist only on HTTP APIs"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "use ANY /{proxy+} to catch every request on a REST API"));
        return std::nullopt;
    }
    if (!naming::isHttpMethod(route.method, true))
        r.error(at(path, "method"),
                QCoreApplication::translate("gatehouse::Validation", "'%1' is not an HTTP method")
                    .arg(route.method),
                naming::isHttpMethod(route.method.toUpper(), true)
                    ? QCoreApplication::translate("gatehouse::Validation", "write it in capitals: '%1'")
                          .arg(route.method.toUpper())
                    : QCoreApplication::translate("gatehouse::Validation", "use one of: %1")
                          .arg(naming::httpMethods(true).join(QLatin1String(", "))));
    const PathTemplate parsed = PathTemplate::parse(route.path);
    for (const PathTemplate::Problem &problem : parsed.problems()) {
        if (problem.warning)
            r.warning(at(path, "path"), problem.message, problem.hint);
        else
            r.error(at(path, "path"), problem.message, problem.hint);
    }
    if (parsed.hasErrors()) return std::nullopt;
    return parsed;
}

void checkWebSocketRoute(const Route &route, const QString &path, Reporter &r) {
    if (!route.path.isEmpty())
        r.error(
            at(path, "path"),
            QCoreApplication::translate("gatehouse::Validation", "WebSocket routes have no path"),
            QCoreApplication::translate("gatehouse::Validation", "use routeKey instead, e.g. 'sendmessage'"));
    // The model defaults method to GET, so only another value shows that one was written.
    if (route.method != QLatin1String("GET"))
        r.error(at(path, "method"),
                QCoreApplication::translate("gatehouse::Validation", "WebSocket routes have no method"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "remove method; routeKey selects the route"));
    static const QStringList predefined = {QStringLiteral("$connect"), QStringLiteral("$disconnect"),
                                           QStringLiteral("$default")};
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (route.routeKey.isEmpty())
        r.error(
            at(path, "routeKey"),
            QCoreApplication::translate("gatehouse::Validation", "a WebSocket route needs a routeKey"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "use '$connect', '$disconnect', '$default' or a custom key such as "
                                        "'sendmessage'"));
    else if (route.routeKey.startsWith(QLatin1Char('$')) && !predefined.contains(route.routeKey))
        r.error(at(path, "routeKey"),
                QCoreApplication::translate("gatehouse::Validation", "'%1' is not a predefined route key")
                    .arg(route.routeKey),
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "use $connect, $disconnect or $default, or a custom key without '$'"));
    else if (route.routeKey.contains(whitespace))
        r.error(at(path, "routeKey"),
                QCoreApplication::translate("gatehouse::Validation", "route key '%1' contains whitespace")
                    .arg(route.routeKey),
                QCoreApplication::translate("gatehouse::Validation", "remove the spaces"));
}

// Position where two templates, identical before it, put differently named (or greedy and plain)
// parameters: REST API resources cannot have two variable children.
std::optional<qsizetype> variableConflict(const PathTemplate &a, const PathTemplate &b) {
    const auto &x = a.segments();
    const auto &y = b.segments();
    for (qsizetype pos = 0; pos < std::min(x.size(), y.size()); ++pos) {
        if (x[pos] == y[pos]) continue;
        if (x[pos].kind == Kind::Literal || y[pos].kind == Kind::Literal) return std::nullopt;
        return pos;
    }
    return std::nullopt;
}

// Same method and same shape: both routes would match exactly the same requests.
void checkDuplicateRoutes(const Api &api, const QList<std::optional<PathTemplate>> &templates,
                          const QString &routesPath, Reporter &r) {
    for (qsizetype j = 0; j < api.routes.size(); ++j) {
        const Route &route = api.routes[j];
        for (qsizetype k = 0; k < j; ++k) {
            const Route &other = api.routes[k];
            const bool bothDefault = route.path == QLatin1String("$default") && other.path == route.path;
            const bool sameMethod = route.method == other.method;
            if (!bothDefault && (!templates[j] || !templates[k] || !sameMethod ||
                                 templates[j]->shape() != templates[k]->shape()))
                continue;
            if (bothDefault || route.path == other.path)
                r.error(at(at(routesPath, j), "path"),
                        QCoreApplication::translate("gatehouse::Validation",
                                                    "route '%1' is defined twice (also %2)")
                            .arg(routeKeyOf(route, api.type), at(routesPath, k)),
                        QCoreApplication::translate("gatehouse::Validation", "remove one of them"));
            else
                r.error(
                    at(at(routesPath, j), "path"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "'%1' is ambiguous with '%2' (%3): the paths differ only in "
                                                "parameter names")
                        .arg(routeKeyOf(route, api.type), routeKeyOf(other, api.type), at(routesPath, k)),
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "use one route, or the same parameter name at each position"));
            break;
        }
    }
    if (api.type != ApiType::Rest) return;
    // REST APIs are a tree of resources: under one parent only one child may be a variable, whatever
    // the method ("A sibling ({id}) of this resource already has a variable path part").
    for (qsizetype j = 0; j < api.routes.size(); ++j) {
        for (qsizetype k = 0; k < j && templates[j]; ++k) {
            if (!templates[k]) continue;
            if (api.routes[j].method == api.routes[k].method &&
                templates[j]->shape() == templates[k]->shape())
                continue; // reported above
            const auto conflict = variableConflict(*templates[j], *templates[k]);
            if (!conflict) continue;
            const auto text = [](const PathTemplate::Segment &s) {
                return QLatin1Char('{') + s.text + QLatin1String(s.kind == Kind::Greedy ? "+}" : "}");
            };
            r.error(
                at(at(routesPath, j), "path"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "'%1' in '%2' conflicts with '%3' in '%4' (%5): a REST API "
                                            "resource can have only one variable child")
                    .arg(text(templates[j]->segments()[*conflict]), api.routes[j].path,
                         text(templates[k]->segments()[*conflict]), api.routes[k].path, at(routesPath, k)),
                QCoreApplication::translate("gatehouse::Validation", "use the same parameter at this level"));
            break; // one report per route
        }
    }
}

void checkRouteAuthorization(const Project &project, const Api &api, const Route &route, const QString &path,
                             Reporter &r) {
    const Authorizer *authorizer = nullptr;
    if (!route.authorizer.isEmpty()) {
        authorizer = project.findAuthorizer(route.authorizer);
        QStringList names;
        for (const Authorizer &a : project.authorizers)
            names.append(a.name);
        if (!authorizer)
            r.error(at(path, "authorizer"),
                    QCoreApplication::translate("gatehouse::Validation", "references unknown authorizer '%1'")
                        .arg(route.authorizer),
                    referenceHint(route.authorizer, names));
    }
    if (authorizer) {
        const QString where = at(path, "authorizer");
        if (authorizer->type == AuthorizerType::Jwt && api.type != ApiType::Http)
            r.error(where,
                    QCoreApplication::translate("gatehouse::Validation",
                                                "JWT authorizer '%1' works only on HTTP APIs, not on %2 APIs")
                        .arg(authorizer->name, typeName(api.type)),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "use a Lambda authorizer on REST and WebSocket APIs"));
        if (authorizer->type == AuthorizerType::ApiKey && api.type != ApiType::Rest)
            r.error(
                where,
                QCoreApplication::translate("gatehouse::Validation",
                                            "API key authorizer '%1' works only on REST APIs, not on %2 APIs")
                    .arg(authorizer->name, typeName(api.type)),
                api.type == ApiType::Http
                    ? QCoreApplication::translate("gatehouse::Validation",
                                                  "HTTP APIs do not support API keys; use a Lambda or JWT "
                                                  "authorizer")
                    : QCoreApplication::translate("gatehouse::Validation", "use a Lambda authorizer"));
        if (authorizer->type == AuthorizerType::Lambda && authorizer->lambdaType == QLatin1String("TOKEN") &&
            api.type != ApiType::Rest)
            r.error(where,
                    QCoreApplication::translate("gatehouse::Validation",
                                                "'%1' is a TOKEN authorizer; %2 APIs support only REQUEST "
                                                "Lambda authorizers")
                        .arg(authorizer->name, typeName(api.type)),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "set its lambdaType to REQUEST with an identity source"));
        // "You can use Lambda authorizers ... only for the $connect route"
        // (apigateway-websocket-api-control-access).
        if (api.type == ApiType::WebSocket && route.routeKey != QLatin1String("$connect"))
            r.error(where,
                    QCoreApplication::translate("gatehouse::Validation",
                                                "WebSocket APIs authorize only the $connect route"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "move the authorizer to the $connect route"));
    }
    if (!route.authorizationScopes.isEmpty() && (!authorizer || authorizer->type != AuthorizerType::Jwt))
        r.warning(
            at(path, "authorizationScopes"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "authorization scopes are only checked by JWT authorizers"),
            QCoreApplication::translate("gatehouse::Validation", "remove them, or use a JWT authorizer"));
}

} // namespace

void checkRoutes(const Project &project, qsizetype apiIndex, Reporter &r) {
    const Api &api = project.apis[apiIndex];
    const QString routesPath = at(at(QStringLiteral("apis"), apiIndex), "routes");
    QList<std::optional<PathTemplate>> templates;
    QStringList routeKeys;
    for (qsizetype j = 0; j < api.routes.size(); ++j) {
        const Route &route = api.routes[j];
        const QString path = at(routesPath, j);
        if (api.type == ApiType::WebSocket) {
            checkWebSocketRoute(route, path, r);
            routeKeys.append(route.routeKey);
        } else {
            templates.append(checkHttpRoute(api, route, path, r));
        }
        checkRouteAuthorization(project, api, route, path, r);
        checkThrottle(r, route.throttling, at(path, "throttling"));
        checkIntegration(project, api, route, path, r);
    }
    if (api.type != ApiType::WebSocket) return checkDuplicateRoutes(api, templates, routesPath, r);
    for (qsizetype j = 0; j < routeKeys.size(); ++j) {
        const qsizetype first = routeKeys.indexOf(routeKeys[j]);
        if (first < j && !routeKeys[j].isEmpty())
            r.error(at(at(routesPath, j), "routeKey"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "route key '%1' is defined twice (also %2)")
                        .arg(routeKeys[j], at(routesPath, first)),
                    QCoreApplication::translate("gatehouse::Validation", "remove one of them"));
    }
}

} // namespace gatehouse::validation
