// Rows: routes and their path templates, integrations, stages, CORS, custom domains and throttling.
#include "ValidationRows.h"

namespace gatehouse::test {

namespace {
QByteArray list(const QByteArray &item) {
    return "[" + item + "]";
}
QByteArray list(const QByteArray &a, const QByteArray &b) {
    return "[" + a + ", " + b + "]";
}
QByteArray getItems(const char *extra) {
    return list(route("GET", "/items", extra));
}
QByteArray integration(const char *members) {
    return QByteArray(R"(, "integration": {)") + members + "}";
}
} // namespace

void addRouteRows() {
    const auto path = [](const char *p) { return withApi("http", list(route("GET", p))); };
    const char *const at = "apis[0].routes[0].path";
    addRow("route: unclosed brace is named with its segment",
           withApi("http", "[" + route("GET", "/a") + ", " + route("GET", "/b") + ", " +
                               route("GET", "/items/{id") + "]"),
           "apis[0].routes[2].path", "'{id' has an unclosed '{'");
    addRow("route: closing brace without opening brace", path("/items/id}"), at,
           "'id}' has a '}' without a matching '{'");
    addRow("route: empty parameter", path("/items/{}"), at, "'{}' is an empty parameter");
    addRow("route: invalid parameter name", path("/items/{my id}"), at,
           "'my id' is not a valid parameter name");
    addRow("route: duplicate parameter name", path("/a/{id}/b/{id}"), at,
           "parameter 'id' appears more than once");
    addRow("route: greedy proxy must be the last segment", path("/files/{proxy+}/meta"), at,
           "greedy parameter '{proxy+}' must be the last segment");
    addRow("route: literal text mixed with a parameter", path("/a{b}"), at,
           "'a{b}' mixes literal text and a parameter");
    addRow("route: two parameters in one segment", path("/{a}{b}"), at, "has more than one parameter");
    addRow("route: double slash", path("/a//b"), at, "has an empty segment ('//')");
    addRow("route: path must start with a slash", path("items"), at, "'items' does not start with '/'");
    addRow("route: empty path", path(""), at, "path is empty");
    addRow("route: query string in path", path("/items?x=1"), at, "contains '?'");
    addRow("route: trailing slash warns", path("/items/"), at, "'/items/' ends with '/'", Expect::Warning);
    addRow("route: unknown method", withApi("http", list(route("FETCH", "/items"))),
           "apis[0].routes[0].method", "'FETCH' is not an HTTP method");
    addRow("route: lower-case method",
           withApi("rest", list(route("get", "/items")), R"(, "stages": [{"name": "dev"}])"),
           "apis[0].routes[0].method", "'get' is not an HTTP method");
    addRow("route: $default only on HTTP APIs",
           withApi("rest",
                   list(R"({"path": "$default", "integration": {"type": "lambda", "function": "hello"}})")),
           at, "'$default' routes exist only on HTTP APIs");
    addRow("route: same method and path twice",
           withApi("http", list(route("GET", "/items"), route("GET", "/items"))), "apis[0].routes[1].path",
           "route 'GET /items' is defined twice (also apis[0].routes[0])");
    addRow("route: paths differing only by parameter names are ambiguous",
           withApi("http", list(route("GET", "/items/{id}"), route("GET", "/items/{key}"))),
           "apis[0].routes[1].path", "'GET /items/{key}' is ambiguous with 'GET /items/{id}'");
    addRow("route: REST resource has one variable child",
           withApi("rest", list(route("GET", "/items/{id}"), route("POST", "/items/{key}/parts"))),
           "apis[0].routes[1].path", "a REST API resource can have only one variable child");
    addRow("route: routeKey on an HTTP route", withApi("http", getItems(R"(, "routeKey": "x")")),
           "apis[0].routes[0].routeKey", "routeKey is only for WebSocket routes");
    addRow("route: WebSocket route has no path",
           withApi("websocket", list(wsRoute("$connect", R"(, "path": "/x")"))), at,
           "WebSocket routes have no path");
    addRow("route: WebSocket route has no method",
           withApi("websocket", list(wsRoute("$connect", R"(, "method": "POST")"))),
           "apis[0].routes[0].method", "WebSocket routes have no method");
    addRow("route: WebSocket route needs a key", withApi("websocket", list(wsRoute(""))),
           "apis[0].routes[0].routeKey", "a WebSocket route needs a routeKey");
    addRow("route: unknown predefined route key", withApi("websocket", list(wsRoute("$message"))),
           "apis[0].routes[0].routeKey", "'$message' is not a predefined route key");
    addRow("route: route key with whitespace", withApi("websocket", list(wsRoute("send message"))),
           "apis[0].routes[0].routeKey", "contains whitespace");
    addRow("route: duplicate route key",
           withApi("websocket", list(wsRoute("sendmessage"), wsRoute("sendmessage"))),
           "apis[0].routes[1].routeKey", "route key 'sendmessage' is defined twice");
    addRow(
        "route: route selection expression form",
        withApi("websocket", list(wsRoute("$default")), R"(, "routeSelectionExpression": "$request.action")"),
        "apis[0].routeSelectionExpression", "'$request.action' is not a route selection expression");
}

void addApiRows() {
    const QByteArray items = getItems("");
    const auto lambda = [](const char *fn) {
        return list(
            route("GET", "/items",
                  integration((QByteArray(R"("type": "lambda", "function": ")") + fn + "\"").constData())));
    };
    addRow("api: name required", withHello(R"(, "apis": [{"name": "", "type": "http"}])"), "apis[0].name",
           "an API needs a name");
    addRow("api: duplicate name",
           withHello(R"(, "apis": [{"name": "a", "type": "http"}, {"name": "a", "type": "rest"}])"),
           "apis[1].name", "name 'a' is already used by apis[0]");
    addRow("api: port out of range", withApi("http", items, R"(, "port": 70000)"), "apis[0].port",
           "port must be between 0 and 65535, found 70000");
    addRow(
        "api: two APIs on one port",
        withHello(
            R"(, "apis": [{"name": "a", "type": "http", "port": 3000}, {"name": "b", "type": "http", "port": 3000}])"),
        "apis[1].port", "port 3000 is also used by API 'a'");
    addRow("api: privileged port warns", withApi("http", items, R"(, "port": 80)"), "apis[0].port",
           "administrator rights", Expect::Warning);
    addRow("api: binary media type form", withApi("rest", items, R"(, "binaryMediaTypes": ["png"])"),
           "apis[0].binaryMediaTypes[0]", "'png' is not a media type");

    addRow("integration: unknown function", withApi("http", lambda("helo")),
           "apis[0].routes[0].integration.function", "references unknown function 'helo'");
    addRow("integration: lambda needs a function", withApi("http", lambda("")),
           "apis[0].routes[0].integration.function", "no function is set");
    addRow("integration: payload format must be 1.0 or 2.0",
           withApi("http", getItems(integration(
                               R"("type": "lambda", "function": "hello", "payloadFormatVersion": "3.0")"))),
           "apis[0].routes[0].integration.payloadFormatVersion", "payload format '3.0' is not supported");
    addRow("integration: REST uses payload 1.0",
           withApi("rest", getItems(integration(
                               R"("type": "lambda", "function": "hello", "payloadFormatVersion": "2.0")"))),
           "apis[0].routes[0].integration.payloadFormatVersion", "payload format 2.0 is only for HTTP APIs");
    addRow("integration: WebSocket uses payload 1.0",
           withApi("websocket", list(wsRoute("$default", "")
                                         .replace(R"("function": "hello")",
                                                  R"("function": "hello", "payloadFormatVersion": "2.0")"))),
           "apis[0].routes[0].integration.payloadFormatVersion", "payload format 2.0 is only for HTTP APIs");
    addRow("integration: proxy needs a url",
           withApi("http", getItems(integration(R"("type": "http-proxy")"))),
           "apis[0].routes[0].integration.url", "an HTTP proxy integration needs a url");
    addRow("integration: proxy url must be absolute",
           withApi("http", getItems(integration(R"("type": "http-proxy", "url": "/items")"))),
           "apis[0].routes[0].integration.url", "'/items' is not an absolute http(s) URL");
    addRow("integration: proxy url must be http(s)",
           withApi("http", getItems(integration(R"("type": "http-proxy", "url": "ftp://example.com/{x}")"))),
           "apis[0].routes[0].integration.url", "is not an absolute http(s) URL");
    addRow("integration: proxy url parameter missing from the path warns",
           withApi("http",
                   getItems(integration(R"("type": "http-proxy", "url": "https://example.com/{nope}")"))),
           "apis[0].routes[0].integration.url", "'{nope}' in the URL is not a parameter", Expect::Warning);
    addRow("integration: proxy url stage variable undefined warns",
           withApi("http", getItems(integration(
                               R"("type": "http-proxy", "url": "https://${stageVariables.host}/x")"))),
           "apis[0].routes[0].integration.url", "stage variable 'host' is not defined", Expect::Warning);
    addRow("integration: mock status code",
           withApi("rest", getItems(integration(R"("type": "mock", "statusCode": 700)"))),
           "apis[0].routes[0].integration.statusCode", "statusCode must be between 100 and 599, found 700");
    addRow("integration: HTTP API timeout at most 30 s",
           withApi("http",
                   getItems(integration(R"("type": "lambda", "function": "hello", "timeoutMs": 31000)"))),
           "apis[0].routes[0].integration.timeoutMs", "timeoutMs must be between 50 and 30000");
    addRow("integration: REST API timeout at most 29 s",
           withApi("rest",
                   getItems(integration(R"("type": "lambda", "function": "hello", "timeoutMs": 29500)"))),
           "apis[0].routes[0].integration.timeoutMs", "timeoutMs must be between 50 and 29000");
    addRow(
        "integration: timeout at least 50 ms",
        withApi("http", getItems(integration(R"("type": "lambda", "function": "hello", "timeoutMs": 10)"))),
        "apis[0].routes[0].integration.timeoutMs", "found 10");
    addRow(
        "integration: function outliving the API warns",
        withApi("http", getItems(integration(R"("type": "lambda", "function": "hello", "timeoutMs": 2000)"))),
        "apis[0].routes[0].integration.timeoutMs", "function 'hello' may run for 3 s", Expect::Warning);

    const auto stages = [&](const char *type, const char *json) {
        return withApi(type, items, QByteArray(R"(, "stages": )") + json);
    };
    addRow("stage: no $default on REST APIs", stages("rest", R"([{"name": "$default"}])"),
           "apis[0].stages[0].name", "REST APIs have no '$default' stage");
    addRow("stage: name characters", stages("http", R"([{"name": "dev stage"}])"), "apis[0].stages[0].name",
           "'dev stage' is not a valid stage name");
    addRow("stage: duplicate name", stages("http", R"([{"name": "dev"}, {"name": "dev"}])"),
           "apis[0].stages[1].name", "name 'dev' is already used by apis[0].stages[0]");
    addRow("stage: variable name", stages("http", R"([{"name": "dev", "variables": {"my-var": "x"}}])"),
           "apis[0].stages[0].variables.my-var", "'my-var' is not a valid stage variable name");
    addRow("stage: variable value characters",
           stages("http", R"([{"name": "dev", "variables": {"v": "a b"}}])"), "apis[0].stages[0].variables.v",
           "contains characters API Gateway does not allow");
    addRow("stage: variable value length",
           stages("http", "[{\"name\": \"dev\", \"variables\": {\"v\": \"" + QByteArray(2049, 'x') + "\"}}]"),
           "apis[0].stages[0].variables.v", "API Gateway allows 2048");
    addRow("stage: throttling burst cannot be negative",
           stages("http", R"([{"name": "dev", "throttling": {"rateLimit": 5, "burstLimit": -1}}])"),
           "apis[0].stages[0].throttling.burstLimit", "burstLimit cannot be negative");
    addRow("throttle: API rate cannot be negative",
           withApi("http", items, R"(, "throttling": {"rateLimit": -1})"), "apis[0].throttling.rateLimit",
           "rateLimit cannot be negative");
    addRow("throttle: zero burst with a rate warns",
           withApi("http", getItems(R"(, "throttling": {"rateLimit": 10, "burstLimit": 0})")),
           "apis[0].routes[0].throttling.burstLimit", "throttles every request", Expect::Warning);

    const auto domain = [&](const char *json) {
        return withApi("http", items,
                       QByteArray(R"(, "stages": [{"name": "dev"}], "customDomains": )") + json);
    };
    addRow("domain: host name", domain(R"([{"domainName": "not a domain"}])"),
           "apis[0].customDomains[0].domainName", "'not a domain' is not a valid domain name");
    addRow("domain: mapping to an unknown stage",
           domain(R"([{"domainName": "api.example.com", "basePathMappings": [{"stage": "prod"}]}])"),
           "apis[0].customDomains[0].basePathMappings[0].stage", "references unknown stage 'prod'");
    addRow(
        "domain: base path mapped twice",
        domain(
            R"([{"domainName": "api.example.com", "basePathMappings": [{"basePath": "v1", "stage": "dev"}, {"basePath": "v1", "stage": "dev"}]}])"),
        "apis[0].customDomains[0].basePathMappings[1].basePath",
        "base path 'v1' of 'api.example.com' is already mapped");

    const auto cors = [&](const char *json) {
        return withApi("http", items, QByteArray(R"(, "cors": )") + json);
    };
    addRow("cors: max age at most one day", cors(R"({"allowOrigins": ["*"], "maxAgeSeconds": 90000})"),
           "apis[0].cors.maxAgeSeconds", "maxAgeSeconds must be between 0 and 86400");
    addRow("cors: credentials with a wildcard origin",
           cors(R"({"allowOrigins": ["*"], "allowCredentials": true})"), "apis[0].cors.allowCredentials",
           "allowCredentials cannot be used with the '*' origin");
    addRow("cors: origin has no path", cors(R"({"allowOrigins": ["https://example.com/"]})"),
           "apis[0].cors.allowOrigins[0]", "'https://example.com/' is not an origin");
    addRow("cors: origin needs a scheme", cors(R"({"allowOrigins": ["example.com"]})"),
           "apis[0].cors.allowOrigins[0]", "'example.com' is not an origin");
    addRow("cors: methods", cors(R"({"allowOrigins": ["*"], "allowMethods": ["FETCH"]})"),
           "apis[0].cors.allowMethods[0]", "'FETCH' is not an HTTP method");
}

} // namespace gatehouse::test
