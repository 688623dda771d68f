// Rows: authorizers, and which of them a route may use on which type of API.
#include "ValidationRows.h"

namespace gatehouse::test {

namespace {
const char *const kJwt =
    R"({"name": "jwt", "type": "jwt", "issuer": "https://auth.example.com/", "audience": ["app"]})";
const char *const kRequest =
    R"({"name": "lam", "type": "lambda", "function": "hello", "identitySources": ["$request.header.Authorization"]})";
const char *const kToken = R"({"name": "tok", "type": "lambda", "function": "hello", "lambdaType": "TOKEN",
                               "identitySources": ["$request.header.Authorization"]})";
const char *const kKeys =
    R"({"name": "keys", "type": "apiKey", "apiKeys": [{"name": "c", "value": "0123456789abcdefghij"}]})";

// One API of `type` with `routes`, and the given authorizers.
QByteArray apiWith(const char *type, const QByteArray &routes, const QByteArray &authorizers) {
    return withHello(QByteArray(R"(, "apis": [{"name": "a", "type": ")") + type + R"(", "routes": )" +
                     routes + R"(}], "authorizers": [)" + authorizers + "]");
}

QByteArray guarded(const char *authorizer, const char *extra = "") {
    return "[" + route("GET", "/items", QByteArray(R"(, "authorizer": ")") + authorizer + "\"" + extra) + "]";
}

QByteArray authorizers(const QByteArray &list) {
    return withHello(R"(, "authorizers": [)" + list + "]");
}
QByteArray lambda(const char *members) {
    return QByteArray(R"({"name": "lam", "type": "lambda", "function": "hello", )") + members + "}";
}
QByteArray keys(const char *members) {
    return QByteArray(R"({"name": "keys", "type": "apiKey", )") + members + "}";
}
} // namespace

void addAuthorizerRows() {
    const char *const at = "apis[0].routes[0].authorizer";
    addRow("route auth: unknown authorizer", apiWith("http", guarded("jwtt"), kJwt), at,
           "references unknown authorizer 'jwtt'");
    addRow("route auth: JWT only on HTTP APIs", apiWith("rest", guarded("jwt"), kJwt), at,
           "JWT authorizer 'jwt' works only on HTTP APIs, not on REST APIs");
    addRow("route auth: API keys only on REST APIs", apiWith("http", guarded("keys"), kKeys), at,
           "API key authorizer 'keys' works only on REST APIs");
    addRow("route auth: TOKEN authorizers not on HTTP APIs", apiWith("http", guarded("tok"), kToken), at,
           "'tok' is a TOKEN authorizer; HTTP APIs support only REQUEST");
    addRow("route auth: scopes need a JWT authorizer",
           apiWith("http", guarded("lam", R"(, "authorizationScopes": ["read"])"), kRequest),
           "apis[0].routes[0].authorizationScopes", "only checked by JWT authorizers", Expect::Warning);
    addRow("route auth: WebSocket authorizes only $connect",
           apiWith("websocket", "[" + wsRoute("sendmessage", R"(, "authorizer": "lam")") + "]", kRequest), at,
           "WebSocket APIs authorize only the $connect route");

    addRow("authorizer: duplicate name", authorizers(QByteArray(kJwt) + ", " + kJwt), "authorizers[1].name",
           "name 'jwt' is already used by authorizers[0]");
    addRow("authorizer: JWT needs an issuer",
           authorizers(R"({"name": "j", "type": "jwt", "audience": ["app"]})"), "authorizers[0].issuer",
           "a JWT authorizer needs an issuer");
    addRow("authorizer: JWT issuer must be https",
           authorizers(
               R"({"name": "j", "type": "jwt", "issuer": "http://auth.example.com/", "audience": ["a"]})"),
           "authorizers[0].issuer", "issuer 'http://auth.example.com/' must be an https URL");
    addRow(
        "authorizer: local http issuer warns",
        authorizers(R"({"name": "j", "type": "jwt", "issuer": "http://127.0.0.1:9000/", "audience": ["a"]})"),
        "authorizers[0].issuer", "uses http; AWS accepts only https", Expect::Warning);
    addRow("authorizer: JWT needs an audience",
           authorizers(R"({"name": "j", "type": "jwt", "issuer": "https://auth.example.com/"})"),
           "authorizers[0].audience", "a JWT authorizer needs at least one audience");
    addRow("authorizer: JWT identity source form",
           authorizers(R"({"name": "j", "type": "jwt", "issuer": "https://a.example.com/", "audience": ["a"],
                          "identitySource": "Authorization"})"),
           "authorizers[0].identitySource", "'Authorization' is not an identity source");
    addRow("authorizer: Lambda function must exist",
           authorizers(R"({"name": "l", "type": "lambda", "function": "nope", "resultTtlSeconds": 0})"),
           "authorizers[0].function", "references unknown function 'nope'");
    addRow("authorizer: Lambda type", authorizers(lambda(R"("lambdaType": "COOKIE", "resultTtlSeconds": 0)")),
           "authorizers[0].lambdaType", "lambdaType 'COOKIE' is not supported");
    addRow("authorizer: Lambda payload format",
           authorizers(lambda(R"("payloadFormatVersion": "3.0", "resultTtlSeconds": 0)")),
           "authorizers[0].payloadFormatVersion", "payload format '3.0' is not supported");
    addRow("authorizer: TOKEN reads exactly one header",
           authorizers(lambda(R"("lambdaType": "TOKEN", "identitySources": ["$request.querystring.token"])")),
           "authorizers[0].identitySources", "a TOKEN authorizer reads exactly one header");
    addRow("authorizer: identity source form",
           authorizers(lambda(R"("identitySources": ["header.Authorization"])")),
           "authorizers[0].identitySources[0]", "'header.Authorization' is not an identity source");
    addRow("authorizer: caching needs an identity source", authorizers(lambda(R"("lambdaType": "REQUEST")")),
           "authorizers[0].identitySources",
           "a REQUEST authorizer with caching needs at least one identity source");
    addRow("authorizer: result TTL at most one hour", authorizers(lambda(R"("resultTtlSeconds": 4000)")),
           "authorizers[0].resultTtlSeconds", "resultTtlSeconds must be between 0 and 3600");
    addRow("authorizer: simple responses need payload 2.0",
           authorizers(lambda(
               R"("enableSimpleResponses": true, "payloadFormatVersion": "1.0", "resultTtlSeconds": 0)")),
           "authorizers[0].enableSimpleResponses", "simple responses need payload format 2.0");
    addRow("authorizer: token validation regex must compile",
           authorizers(lambda(R"("lambdaType": "TOKEN", "identitySources": ["$request.header.Authorization"],
                                 "tokenValidationRegex": "^Bearer (")")),
           "authorizers[0].tokenValidationRegex", "the regular expression does not compile");
    addRow("authorizer: API key authorizer needs keys", authorizers(keys(R"("apiKeys": [])")),
           "authorizers[0].apiKeys", "an API key authorizer needs at least one key");
    addRow("authorizer: API key value of 20 to 128 characters",
           authorizers(keys(R"("apiKeys": [{"name": "c", "value": "short"}])")),
           "authorizers[0].apiKeys[0].value",
           "the value of API key 'c' has 5 characters; API Gateway needs 20 to 128");
    addRow("authorizer: API key values are unique",
           authorizers(keys(R"("apiKeys": [{"name": "c", "value": "0123456789abcdefghij"},
                                           {"name": "d", "value": "0123456789abcdefghij"}])")),
           "authorizers[0].apiKeys[1].value", "is also used by authorizers[0].apiKeys[0]");
    addRow("authorizer: quota limit above 0",
           authorizers(keys(R"("apiKeys": [{"name": "c", "value": "0123456789abcdefghij"}],
                               "usagePlan": {"quota": {"limit": 0, "period": "DAY"}})")),
           "authorizers[0].usagePlan.quota.limit", "the quota limit must be above 0");
    addRow("authorizer: quota period",
           authorizers(keys(R"("apiKeys": [{"name": "c", "value": "0123456789abcdefghij"}],
                               "usagePlan": {"quota": {"limit": 10, "period": "YEAR"}})")),
           "authorizers[0].usagePlan.quota.period", "quota period 'YEAR' is not supported");
    addRow("authorizer: usage plan rate cannot be negative",
           authorizers(keys(R"("apiKeys": [{"name": "c", "value": "0123456789abcdefghij"}],
                               "usagePlan": {"rateLimit": -5})")),
           "authorizers[0].usagePlan.rateLimit", "rateLimit cannot be negative");
}

} // namespace gatehouse::test
