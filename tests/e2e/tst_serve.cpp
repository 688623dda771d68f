// `gatehouse serve` end to end: a fixture project with an HTTP API and a REST API, served by the real
// executable and exercised with real HTTP clients (QNetworkAccessManager and raw sockets). Each slot
// checks one rule of API Gateway as AWS documents it (see app/engine/gateway/ for the citations).
#include "ServeProcess.h"
#include "TestSupport.h"
#include "http/HttpServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::HttpReply;

namespace {

const QByteArray kJwtSecret = "gatehouse-e2e-secret-0123456789abcdef";

QByteArray base64Url(const QByteArray &bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// HS256 test token; the project's JWKS holds the same secret as an "oct" key.
QByteArray signedToken(const QJsonObject &claims, const QByteArray &secret = kJwtSecret) {
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT","kid":"e2e"})");
    const QByteArray payload = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return signingInput + '.' +
           base64Url(QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256));
}

void writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// A backend for HTTP proxy integrations: answers with what it received, tagged with its name.
std::unique_ptr<http::HttpServer> startBackend(const QByteArray &name) {
    auto server =
        std::make_unique<http::HttpServer>([name](http::HttpRequest request, http::HttpResponder responder) {
            QJsonObject seen{
                {QStringLiteral("backend"), QString::fromLatin1(name)},
                {QStringLiteral("method"), QString::fromLatin1(request.method)},
                {QStringLiteral("target"), QString::fromUtf8(request.target)},
                {QStringLiteral("forwardedFor"), QString::fromUtf8(request.header("X-Forwarded-For"))}};
            http::HttpResponse response =
                http::HttpResponse::json(200, QJsonDocument(seen).toJson(QJsonDocument::Compact));
            response.headers.add("x-backend", name);
            responder.send(std::move(response));
        });
    if (!server->listen().ok()) return nullptr;
    return server;
}

} // namespace

class TestServe : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<http::HttpServer> m_backendA;
    std::unique_ptr<http::HttpServer> m_backendB;
    test::ServeProcess m_serve;
    test::HttpClient m_client;

    QString project() const { return m_dir.filePath(QStringLiteral("shop")); }
    QString endpointsFile() const { return m_dir.filePath(QStringLiteral("endpoints.json")); }
    QUrl http(const QString &path, const QString &stage = QStringLiteral("$default")) const {
        QUrl url = m_serve.stageUrl(QStringLiteral("shop-http"), stage);
        url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
        return url;
    }
    QUrl rest(const QString &pathAndQuery) const {
        return QUrl(m_serve.stageUrl(QStringLiteral("shop-rest"), QStringLiteral("prod")).toString() +
                    pathAndQuery);
    }
    QUrl withQuery(QUrl url, const QString &query) const {
        url.setQuery(query);
        return url;
    }
    static QJsonObject eventOf(const HttpReply &reply) { return reply.json(); }

    void writeProject(const QByteArray &extraHttpRoute = {});

private slots:
    void initTestCase();
    void cleanupTestCase();

    void endpointsFileListsEveryApiAndStage();
    void valueWithoutStatusCodeBecomes200Json();
    void payloadV2EventHasAwsShape();
    void greedyPathAndAnyMethod();
    void unknownRouteIs404OnHttpApis();
    void responseCookiesHeadersAndBinaryBodies();
    void functionErrorIs500();
    void malformedResponseIs500();
    void integrationTimeoutIs503AndDoesNotBlockOthers();
    void lambdaAuthorizerAllowsDeniesAndCaches();
    void jwtAuthorizerChecksSignatureExpiryAndScopes();
    void payloadV1OnAnHttpApiRoute();
    void mockIntegration();
    void routeThrottlingAnswers429();
    void corsPreflightAndResponseHeaders();
    void httpProxyFollowsStageVariables();
    void customDomainSelectsTheStageByHost();
    void restApiEventAndStage();
    void restUnknownRouteAndStageAre403();
    void restApiKeysAndQuota();
    void restMalformedResponseIs502();
    void restBinaryMediaTypes();
    void restTokenAuthorizerPolicies();
    void restIntegrationTimeoutIs504();
    void oversizedBodyIs413BeforeUpload();
    void malformedRequestIs400();
    void curlGets100ContinueAndTheEcho();
    void accessLogLinesGoToStdout();
    void hotReloadAppliesProjectAndCodeChanges();
    void portInUseExitsWithCode2();
    void sigtermStopsCleanly();
};

void TestServe::writeProject(const QByteArray &extraHttpRoute) {
    QByteArray text = R"JSON({
  "formatVersion": 1,
  "name": "shop",
  "settings": {"concurrencyLimit": 20},
  "functions": [
    {"name": "hello", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/hello"},
    {"name": "echo", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/echo"},
    {"name": "echo1", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/echo1"},
    {"name": "event", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/event"},
    {"name": "boom", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/boom"},
    {"name": "bad", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/bad"},
    {"name": "slow", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/slow", "timeoutSeconds": 5},
    {"name": "simpleAuth", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/simple-auth"},
    {"name": "tokenAuth", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/token-auth"}
  ],
  "apis": [
    {
      "name": "shop-http", "type": "http",
      "routes": [
        {"method": "GET", "path": "/hello", "integration": {"type": "lambda", "function": "hello"}},
        {"method": "POST", "path": "/echo", "integration": {"type": "lambda", "function": "echo"}},
        {"method": "GET", "path": "/items/{id}", "integration": {"type": "lambda", "function": "event"}},
        {"method": "ANY", "path": "/files/{path+}", "integration": {"type": "lambda", "function": "event"}},
        {"method": "GET", "path": "/boom", "integration": {"type": "lambda", "function": "boom"}},
        {"method": "GET", "path": "/bad", "integration": {"type": "lambda", "function": "bad"}},
        {"method": "GET", "path": "/slow", "integration": {"type": "lambda", "function": "slow", "timeoutMs": 300}},
        {"method": "GET", "path": "/private", "integration": {"type": "lambda", "function": "event"}, "authorizer": "simple-auth"},
        {"method": "GET", "path": "/jwt", "integration": {"type": "lambda", "function": "event"}, "authorizer": "jwt-auth", "authorizationScopes": ["read"]},
        {"method": "GET", "path": "/v1/{id}", "integration": {"type": "lambda", "function": "event", "payloadFormatVersion": "1.0"}},
        {"method": "GET", "path": "/mock", "integration": {"type": "mock", "statusCode": 201, "headers": {"x-mock": "yes"}, "body": "{\"ok\":true}"}},
        {"method": "GET", "path": "/limited", "integration": {"type": "mock", "statusCode": 200, "body": "ok"}, "throttling": {"rateLimit": 0.5, "burstLimit": 1}},
        @EXTRA@
        {"method": "ANY", "path": "/backend/{proxy+}", "integration": {"type": "http-proxy", "url": "http://127.0.0.1:${stageVariables.backendPort}/{proxy}"}}
      ],
      "stages": [
        {"name": "$default", "variables": {"backendPort": "@PORT_A@"},
         "accessLogFormat": "{\"requestId\":\"$context.requestId\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"error\":\"$context.error.message\"}"},
        {"name": "beta", "variables": {"backendPort": "@PORT_B@"}}
      ],
      "cors": {"allowOrigins": ["https://app.example.com"], "allowMethods": ["GET", "POST"],
               "allowHeaders": ["content-type", "authorization"], "exposeHeaders": ["x-echo"],
               "maxAgeSeconds": 600, "allowCredentials": true},
      "customDomains": [{"domainName": "api.example.test", "basePathMappings": [{"basePath": "v2", "stage": "$default"}]}]
    },
    {
      "name": "shop-rest", "type": "rest", "binaryMediaTypes": ["image/png"],
      "routes": [
        {"method": "GET", "path": "/pets", "integration": {"type": "lambda", "function": "event"}, "authorizer": "keys"},
        {"method": "GET", "path": "/pets/{id}", "integration": {"type": "lambda", "function": "event"}},
        {"method": "GET", "path": "/bad", "integration": {"type": "lambda", "function": "bad"}},
        {"method": "POST", "path": "/upload", "integration": {"type": "lambda", "function": "echo1"}},
        {"method": "GET", "path": "/secure", "integration": {"type": "lambda", "function": "event"}, "authorizer": "token-auth"},
        {"method": "GET", "path": "/slow", "integration": {"type": "lambda", "function": "slow", "timeoutMs": 300}}
      ],
      "stages": [{"name": "prod", "variables": {"color": "blue"}}]
    }
  ],
  "authorizers": [
    {"name": "simple-auth", "type": "lambda", "function": "simpleAuth", "lambdaType": "REQUEST",
     "payloadFormatVersion": "2.0", "enableSimpleResponses": true,
     "identitySources": ["$request.header.Authorization"], "resultTtlSeconds": 300},
    {"name": "token-auth", "type": "lambda", "function": "tokenAuth", "lambdaType": "TOKEN",
     "identitySources": ["$request.header.Authorization"], "resultTtlSeconds": 0},
    {"name": "jwt-auth", "type": "jwt", "issuer": "https://issuer.example.test", "audience": ["shop"],
     "jwksUri": "jwks.json", "identitySource": "$request.header.Authorization"},
    {"name": "keys", "type": "apiKey", "apiKeys": [{"name": "client", "value": "k-0123456789abcdef0123"}],
     "usagePlan": {"quota": {"limit": 3, "period": "DAY"}}}
  ]
})JSON";
    text.replace("@PORT_A@", QByteArray::number(m_backendA->port()));
    text.replace("@PORT_B@", QByteArray::number(m_backendB->port()));
    text.replace("@EXTRA@", extraHttpRoute);
    test::writeProjectFile(project(), text);
}

void TestServe::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_backendA = startBackend("A");
    m_backendB = startBackend("B");
    QVERIFY(m_backendA && m_backendB);
    writeProject();
    const QString fn = project() + QStringLiteral("/functions/");
    writeFile(fn + QStringLiteral("hello/index.js"), "exports.handler = () => ({ message: 'hello' });\n");
    writeFile(
        fn + QStringLiteral("echo/index.js"),
        "exports.handler = (event) => ({ statusCode: 201, cookies: ['a=1', 'b=2; Path=/'],\n"
        "  headers: { 'x-echo': 'yes', 'content-type': event.headers['content-type'] || 'text/plain' },\n"
        "  body: event.body, isBase64Encoded: event.isBase64Encoded });\n");
    writeFile(fn + QStringLiteral("echo1/index.js"),
              "exports.handler = (event) => ({ statusCode: 200, headers: { 'content-type': 'image/png' },\n"
              "  body: event.body, isBase64Encoded: event.isBase64Encoded });\n");
    writeFile(
        fn + QStringLiteral("event/index.js"),
        "exports.handler = (event) => ({ statusCode: 200, headers: { 'content-type': 'application/json' },\n"
        "  body: JSON.stringify(event) });\n");
    writeFile(fn + QStringLiteral("boom/index.js"),
              "exports.handler = () => { throw new Error('boom from e2e'); };\n");
    writeFile(fn + QStringLiteral("bad/index.js"),
              "exports.handler = () => ({ statusCode: 'not a number' });\n");
    writeFile(fn + QStringLiteral("slow/index.js"), "exports.handler = () => new Promise((resolve) => "
                                                    "setTimeout(() => resolve({ late: true }), 1500));\n");
    writeFile(fn + QStringLiteral("simple-auth/index.js"),
              "var calls = 0;\n"
              "exports.handler = (event) => { calls += 1;\n"
              "  return { isAuthorized: event.headers.authorization === 'let-me-in',\n"
              "           context: { user: 'alice', calls: calls } }; };\n");
    writeFile(fn + QStringLiteral("token-auth/index.js"),
              "function policy(effect, arn, context) {\n"
              "  return { principalId: 'user-1', context: context, policyDocument: { Version: '2012-10-17',\n"
              "    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: arn }] } }; }\n"
              "exports.handler = (event) => {\n"
              "  if (event.authorizationToken === 'allow') return policy('Allow', event.methodArn, { tier: "
              "'gold' });\n"
              "  if (event.authorizationToken === 'deny') return policy('Deny', event.methodArn, {});\n"
              "  throw new Error('Unauthorized'); };\n");
    const QByteArray jwks =
        R"({"keys":[{"kty":"oct","kid":"e2e","alg":"HS256","k":")" + base64Url(kJwtSecret) + "\"}]}";
    writeFile(project() + QStringLiteral("/jwks.json"), jwks);

    QVERIFY2(m_serve.start(project(), endpointsFile()), m_serve.err().constData());
}

void TestServe::cleanupTestCase() {
    m_serve.stop();
}

void TestServe::endpointsFileListsEveryApiAndStage() {
    const QJsonObject endpoints = m_serve.endpoints();
    QCOMPARE(endpoints.value(QStringLiteral("project")).toString(), QStringLiteral("shop"));
    QVERIFY(endpoints.value(QStringLiteral("invokeApi"))
                .toString()
                .startsWith(QLatin1String("http://127.0.0.1:")));
    const QUrl root = m_serve.stageUrl(QStringLiteral("shop-http"), QStringLiteral("$default"));
    QCOMPARE(root.path(), QStringLiteral("/")); // the $default stage serves the root
    QCOMPARE(m_serve.stageUrl(QStringLiteral("shop-http"), QStringLiteral("beta")).path(),
             QStringLiteral("/beta"));
    QCOMPARE(m_serve.stageUrl(QStringLiteral("shop-rest"), QStringLiteral("prod")).path(),
             QStringLiteral("/prod"));
    QVERIFY(m_serve.apiUrl(QStringLiteral("shop-http")).port() !=
            m_serve.apiUrl(QStringLiteral("shop-rest")).port());
    // Printed before the endpoints file was written, but it may still be in the pipe: let QProcess read it.
    QTRY_VERIFY_WITH_TIMEOUT(m_serve.out().contains("Serving "), 10000);
}

void TestServe::valueWithoutStatusCodeBecomes200Json() {
    const HttpReply r = m_client.get(http(QStringLiteral("/hello")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(r.body, QByteArray(R"({"message":"hello"})"));
    QVERIFY(!r.header("apigw-requestid").isEmpty());
}

void TestServe::payloadV2EventHasAwsShape() {
    const HttpReply r =
        m_client.get(withQuery(http(QStringLiteral("/items/42")), QStringLiteral("b=2&a=1&a=3")),
                     {{"X-Multi", "one"}, {"Cookie", "c1=v1; c2=v2"}});
    QCOMPARE(r.status, 200);
    const QJsonObject e = eventOf(r);
    QCOMPARE(e[QStringLiteral("version")].toString(), QStringLiteral("2.0"));
    QCOMPARE(e[QStringLiteral("routeKey")].toString(), QStringLiteral("GET /items/{id}"));
    QCOMPARE(e[QStringLiteral("rawPath")].toString(), QStringLiteral("/items/42"));
    QCOMPARE(e[QStringLiteral("rawQueryString")].toString(), QStringLiteral("b=2&a=1&a=3"));
    QCOMPARE(e[QStringLiteral("queryStringParameters")][QStringLiteral("a")].toString(),
             QStringLiteral("1,3"));
    QCOMPARE(e[QStringLiteral("cookies")].toArray(),
             (QJsonArray{QStringLiteral("c1=v1"), QStringLiteral("c2=v2")}));
    QCOMPARE(e[QStringLiteral("headers")][QStringLiteral("x-multi")].toString(), QStringLiteral("one"));
    QVERIFY(!e[QStringLiteral("headers")].toObject().contains(QStringLiteral("cookie")));
    QCOMPARE(e[QStringLiteral("pathParameters")][QStringLiteral("id")].toString(), QStringLiteral("42"));
    QCOMPARE(e[QStringLiteral("stageVariables")][QStringLiteral("backendPort")].toString(),
             QString::number(m_backendA->port()));
    QCOMPARE(e[QStringLiteral("isBase64Encoded")].toBool(), false);
    const QJsonObject context = e[QStringLiteral("requestContext")].toObject();
    QCOMPARE(context[QStringLiteral("stage")].toString(), QStringLiteral("$default"));
    QCOMPARE(context[QStringLiteral("http")][QStringLiteral("method")].toString(), QStringLiteral("GET"));
    QCOMPARE(context[QStringLiteral("http")][QStringLiteral("path")].toString(), QStringLiteral("/items/42"));
    QCOMPARE(context[QStringLiteral("http")][QStringLiteral("sourceIp")].toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(context[QStringLiteral("requestId")].toString(),
             QString::fromLatin1(r.header("apigw-requestid")));
    QVERIFY(context[QStringLiteral("timeEpoch")].toDouble() > 1.7e12);
}

void TestServe::greedyPathAndAnyMethod() {
    const HttpReply r = m_client.send("DELETE", http(QStringLiteral("/files/a/b/c.txt")));
    QCOMPARE(r.status, 200);
    const QJsonObject e = eventOf(r);
    QCOMPARE(e[QStringLiteral("routeKey")].toString(), QStringLiteral("ANY /files/{path+}"));
    QCOMPARE(e[QStringLiteral("pathParameters")][QStringLiteral("path")].toString(),
             QStringLiteral("a/b/c.txt"));
    QCOMPARE(e[QStringLiteral("requestContext")][QStringLiteral("http")][QStringLiteral("method")].toString(),
             QStringLiteral("DELETE"));
}

void TestServe::unknownRouteIs404OnHttpApis() {
    const HttpReply r = m_client.get(http(QStringLiteral("/nowhere")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray(R"({"message":"Not Found"})"));
    const HttpReply wrongMethod = m_client.send("PUT", http(QStringLiteral("/hello")));
    QCOMPARE(wrongMethod.status, 404);
}

void TestServe::responseCookiesHeadersAndBinaryBodies() {
    const HttpReply text =
        m_client.send("POST", http(QStringLiteral("/echo")), {{"Content-Type", "text/plain"}}, "hello body");
    QCOMPARE(text.status, 201);
    QCOMPARE(text.header("x-echo"), QByteArray("yes"));
    QCOMPARE(text.body, QByteArray("hello body"));
    QCOMPARE(text.headerValues("set-cookie"), (QList<QByteArray>{"a=1", "b=2; Path=/"}));

    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    const HttpReply bytes = m_client.send("POST", http(QStringLiteral("/echo")),
                                          {{"Content-Type", "application/octet-stream"}}, binary);
    QCOMPARE(bytes.status, 201);
    QCOMPARE(bytes.body, binary); // base64 in the event, decoded again on the way out
}

void TestServe::functionErrorIs500() {
    const HttpReply r = m_client.get(http(QStringLiteral("/boom")));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.body, QByteArray(R"({"message":"Internal Server Error"})"));
    QVERIFY(test::waitFor([&] { return m_serve.err().contains("boom from e2e"); }));
}

void TestServe::malformedResponseIs500() {
    const HttpReply r = m_client.get(http(QStringLiteral("/bad")));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.body, QByteArray(R"({"message":"Internal Server Error"})"));
}

void TestServe::integrationTimeoutIs503AndDoesNotBlockOthers() {
    QNetworkReply *slow = m_client.start("GET", http(QStringLiteral("/slow")));
    const HttpReply hello = m_client.get(http(QStringLiteral("/hello")));
    QCOMPARE(hello.status, 200);
    QVERIFY(!slow->isFinished()); // the slow call is still waiting for its 300 ms timeout
    const HttpReply r = test::HttpClient::collect(slow);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.body, QByteArray(R"({"message":"Service Unavailable"})"));
    // The log says why (the message is written only when the deadline passes).
    QVERIFY(test::waitFor([&] {
        return m_serve.err().contains("did not answer within the integration timeout of 300 ms") ||
               m_serve.out().contains("did not answer within the integration timeout of 300 ms");
    }));
}

void TestServe::lambdaAuthorizerAllowsDeniesAndCaches() {
    const HttpReply missing = m_client.get(http(QStringLiteral("/private")));
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.body, QByteArray(R"({"message":"Unauthorized"})"));
    const HttpReply denied = m_client.get(http(QStringLiteral("/private")), {{"Authorization", "wrong"}});
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.body, QByteArray(R"({"message":"Forbidden"})"));
    const HttpReply allowed =
        m_client.get(http(QStringLiteral("/private")), {{"Authorization", "let-me-in"}});
    QCOMPARE(allowed.status, 200);
    const QJsonObject lambda =
        eventOf(
            allowed)[QStringLiteral("requestContext")][QStringLiteral("authorizer")][QStringLiteral("lambda")]
            .toObject();
    QCOMPARE(lambda[QStringLiteral("user")].toString(), QStringLiteral("alice"));
    const int calls = lambda[QStringLiteral("calls")].toInt();
    // Same identity within the TTL: the cached answer, the authorizer is not invoked again.
    const HttpReply again = m_client.get(http(QStringLiteral("/private")), {{"Authorization", "let-me-in"}});
    QCOMPARE(eventOf(again)[QStringLiteral("requestContext")][QStringLiteral("authorizer")]
                           [QStringLiteral("lambda")][QStringLiteral("calls")]
                               .toInt(),
             calls);
}

void TestServe::jwtAuthorizerChecksSignatureExpiryAndScopes() {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("https://issuer.example.test")},
                       {QStringLiteral("aud"), QStringLiteral("shop")},
                       {QStringLiteral("sub"), QStringLiteral("user-7")},
                       {QStringLiteral("exp"), now + 600},
                       {QStringLiteral("scope"), QStringLiteral("read write")}};
    const auto call = [&](const QByteArray &token) {
        return m_client.get(http(QStringLiteral("/jwt")), {{"Authorization", "Bearer " + token}});
    };
    QCOMPARE(m_client.get(http(QStringLiteral("/jwt"))).status, 401);
    QCOMPARE(call(signedToken(claims, "another secret")).status, 401);
    QJsonObject expired = claims;
    expired[QStringLiteral("exp")] = now - 60;
    QCOMPARE(call(signedToken(expired)).status, 401);
    QJsonObject otherAudience = claims;
    otherAudience[QStringLiteral("aud")] = QStringLiteral("someone-else");
    QCOMPARE(call(signedToken(otherAudience)).status, 401);
    QJsonObject noScope = claims;
    noScope[QStringLiteral("scope")] = QStringLiteral("write");
    const HttpReply forbidden = call(signedToken(noScope));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.body, QByteArray(R"({"message":"Forbidden"})"));
    const HttpReply ok = call(signedToken(claims));
    QCOMPARE(ok.status, 200);
    const QJsonObject jwt =
        eventOf(ok)[QStringLiteral("requestContext")][QStringLiteral("authorizer")][QStringLiteral("jwt")]
            .toObject();
    QCOMPARE(jwt[QStringLiteral("claims")][QStringLiteral("sub")].toString(), QStringLiteral("user-7"));
}

void TestServe::payloadV1OnAnHttpApiRoute() {
    const HttpReply r = m_client.get(withQuery(http(QStringLiteral("/v1/7")), QStringLiteral("x=1&x=2")));
    QCOMPARE(r.status, 200);
    const QJsonObject e = eventOf(r);
    QCOMPARE(e[QStringLiteral("version")].toString(), QStringLiteral("1.0"));
    QCOMPARE(e[QStringLiteral("multiValueQueryStringParameters")][QStringLiteral("x")].toArray(),
             (QJsonArray{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(e[QStringLiteral("pathParameters")][QStringLiteral("id")].toString(), QStringLiteral("7"));
}

void TestServe::mockIntegration() {
    const HttpReply r = m_client.get(http(QStringLiteral("/mock")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("x-mock"), QByteArray("yes"));
    QCOMPARE(r.body, QByteArray(R"({"ok":true})"));
}

void TestServe::routeThrottlingAnswers429() {
    // Burst 1 and one token per two seconds: of three quick calls, the first passes and one is refused.
    QList<int> statuses;
    for (int i = 0; i < 3; ++i)
        statuses.append(m_client.get(http(QStringLiteral("/limited"))).status);
    QCOMPARE(statuses.first(), 200);
    QVERIFY2(statuses.contains(429), qPrintable(QString::number(statuses.last())));
    const HttpReply r = m_client.get(http(QStringLiteral("/limited")));
    if (r.status == 429) QCOMPARE(r.body, QByteArray(R"({"message":"Too Many Requests"})"));
}

void TestServe::corsPreflightAndResponseHeaders() {
    const HttpReply preflight = m_client.send("OPTIONS", http(QStringLiteral("/echo")),
                                              {{"Origin", "https://app.example.com"},
                                               {"Access-Control-Request-Method", "POST"},
                                               {"Access-Control-Request-Headers", "content-type"}});
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("access-control-allow-origin"), QByteArray("https://app.example.com"));
    QVERIFY(preflight.header("access-control-allow-methods").contains("POST"));
    QCOMPARE(preflight.header("access-control-max-age"), QByteArray("600"));
    QCOMPARE(preflight.header("access-control-allow-credentials"), QByteArray("true"));

    const HttpReply actual =
        m_client.send("POST", http(QStringLiteral("/echo")),
                      {{"Origin", "https://app.example.com"}, {"Content-Type", "text/plain"}}, "x");
    QCOMPARE(actual.header("access-control-allow-origin"), QByteArray("https://app.example.com"));
    QCOMPARE(actual.header("access-control-expose-headers"), QByteArray("x-echo"));
    const HttpReply foreign =
        m_client.get(http(QStringLiteral("/hello")), {{"Origin", "https://evil.example"}});
    QVERIFY(foreign.header("access-control-allow-origin").isEmpty());
}

void TestServe::httpProxyFollowsStageVariables() {
    const HttpReply a = m_client.get(withQuery(http(QStringLiteral("/backend/x/y")), QStringLiteral("q=1")));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.header("x-backend"), QByteArray("A"));
    QCOMPARE(a.json()[QStringLiteral("target")].toString(), QStringLiteral("/x/y?q=1"));
    QVERIFY(a.json()[QStringLiteral("forwardedFor")].toString().contains(QLatin1String("127.0.0.1")));
    // The beta stage's variable points the same route at another backend, without any client change.
    const HttpReply b = m_client.get(http(QStringLiteral("/backend/x"), QStringLiteral("beta")));
    QCOMPARE(b.status, 200);
    QCOMPARE(b.header("x-backend"), QByteArray("B"));
}

void TestServe::customDomainSelectsTheStageByHost() {
    const QUrl url = http(QStringLiteral("/v2/hello"));
    const HttpReply r = m_client.get(url, {{"Host", "api.example.test"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"message":"hello"})"));
    // Without the custom domain, /v2/hello is just an unknown route.
    QCOMPARE(m_client.get(url).status, 404);
}

void TestServe::restApiEventAndStage() {
    const HttpReply r = m_client.get(rest(QStringLiteral("/pets/5?kind=cat&kind=dog")));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.header("x-amzn-RequestId").isEmpty());
    const QJsonObject e = eventOf(r);
    QCOMPARE(e[QStringLiteral("resource")].toString(), QStringLiteral("/pets/{id}"));
    QCOMPARE(e[QStringLiteral("path")].toString(), QStringLiteral("/pets/5"));
    QCOMPARE(e[QStringLiteral("httpMethod")].toString(), QStringLiteral("GET"));
    QCOMPARE(e[QStringLiteral("queryStringParameters")][QStringLiteral("kind")].toString(),
             QStringLiteral("dog"));
    QCOMPARE(e[QStringLiteral("multiValueQueryStringParameters")][QStringLiteral("kind")].toArray(),
             (QJsonArray{QStringLiteral("cat"), QStringLiteral("dog")}));
    QCOMPARE(e[QStringLiteral("stageVariables")][QStringLiteral("color")].toString(), QStringLiteral("blue"));
    const QJsonObject context = e[QStringLiteral("requestContext")].toObject();
    QCOMPARE(context[QStringLiteral("stage")].toString(), QStringLiteral("prod"));
    QCOMPARE(context[QStringLiteral("resourcePath")].toString(), QStringLiteral("/pets/{id}"));
    QCOMPARE(context[QStringLiteral("requestId")].toString(),
             QString::fromLatin1(r.header("x-amzn-RequestId")));
    QCOMPARE(context[QStringLiteral("identity")][QStringLiteral("sourceIp")].toString(),
             QStringLiteral("127.0.0.1"));
}

void TestServe::restUnknownRouteAndStageAre403() {
    const HttpReply route = m_client.get(rest(QStringLiteral("/nowhere")));
    QCOMPARE(route.status, 403);
    QCOMPARE(route.body, QByteArray(R"({"message":"Missing Authentication Token"})"));
    QCOMPARE(route.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
    QUrl stage = m_serve.apiUrl(QStringLiteral("shop-rest"));
    stage.setPath(QStringLiteral("/staging/pets"));
    QCOMPARE(m_client.get(stage).status, 403);
}

void TestServe::restApiKeysAndQuota() {
    const HttpReply missing = m_client.get(rest(QStringLiteral("/pets")));
    QCOMPARE(missing.status, 403);
    QCOMPARE(missing.body, QByteArray(R"({"message":"Forbidden"})"));
    QCOMPARE(m_client.get(rest(QStringLiteral("/pets")), {{"x-api-key", "wrong"}}).status, 403);
    const QList<QPair<QByteArray, QByteArray>> key{{"x-api-key", "k-0123456789abcdef0123"}};
    const HttpReply first = m_client.get(rest(QStringLiteral("/pets")), key);
    QCOMPARE(first.status, 200);
    QCOMPARE(
        eventOf(first)[QStringLiteral("requestContext")][QStringLiteral("identity")][QStringLiteral("apiKey")]
            .toString(),
        QStringLiteral("k-0123456789abcdef0123"));
    QCOMPARE(m_client.get(rest(QStringLiteral("/pets")), key).status, 200);
    QCOMPARE(m_client.get(rest(QStringLiteral("/pets")), key).status, 200);
    const HttpReply over = m_client.get(rest(QStringLiteral("/pets")), key); // the quota is 3 a day
    QCOMPARE(over.status, 429);
    QCOMPARE(over.body, QByteArray(R"({"message":"Limit Exceeded"})"));
}

void TestServe::restMalformedResponseIs502() {
    const HttpReply r = m_client.get(rest(QStringLiteral("/bad")));
    QCOMPARE(r.status, 502);
    QCOMPARE(r.body, QByteArray(R"({"message": "Internal server error"})"));
}

void TestServe::restBinaryMediaTypes() {
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200ff00fe");
    const HttpReply r = m_client.send("POST", rest(QStringLiteral("/upload")),
                                      {{"Content-Type", "image/png"}, {"Accept", "image/png"}}, png);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, png);
    // A client that does not accept the binary type gets the base64 text, as API Gateway sends it.
    const HttpReply text =
        m_client.send("POST", rest(QStringLiteral("/upload")),
                      {{"Content-Type", "image/png"}, {"Accept", "application/json"}}, png);
    QCOMPARE(text.body, png.toBase64());
}

void TestServe::restTokenAuthorizerPolicies() {
    QCOMPARE(m_client.get(rest(QStringLiteral("/secure"))).status, 401);
    const HttpReply unknown = m_client.get(rest(QStringLiteral("/secure")), {{"Authorization", "who"}});
    QCOMPARE(unknown.status, 401); // the authorizer threw "Unauthorized"
    const HttpReply deny = m_client.get(rest(QStringLiteral("/secure")), {{"Authorization", "deny"}});
    QCOMPARE(deny.status, 403);
    QCOMPARE(
        deny.body,
        QByteArray(R"({"message":"User is not authorized to access this resource with an explicit deny"})"));
    const HttpReply allow = m_client.get(rest(QStringLiteral("/secure")), {{"Authorization", "allow"}});
    QCOMPARE(allow.status, 200);
    const QJsonObject authorizer =
        eventOf(allow)[QStringLiteral("requestContext")][QStringLiteral("authorizer")].toObject();
    QCOMPARE(authorizer[QStringLiteral("principalId")].toString(), QStringLiteral("user-1"));
    QCOMPARE(authorizer[QStringLiteral("tier")].toString(), QStringLiteral("gold"));
}

void TestServe::restIntegrationTimeoutIs504() {
    const HttpReply r = m_client.get(rest(QStringLiteral("/slow")));
    QCOMPARE(r.status, 504);
    QCOMPARE(r.body, QByteArray(R"({"message": "Endpoint request timed out"})"));
}

void TestServe::oversizedBodyIs413BeforeUpload() {
    const quint16 port = quint16(m_serve.apiUrl(QStringLiteral("shop-http")).port());
    const QByteArray answer =
        test::rawExchange(port, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10485761\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY2(answer.endsWith(R"({"message":"Request Entity Too Large"})"), answer.constData());
}

void TestServe::malformedRequestIs400() {
    const quint16 port = quint16(m_serve.apiUrl(QStringLiteral("shop-http")).port());
    const QByteArray answer = test::rawExchange(port, "THIS IS NOT HTTP\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    // The server is still fine afterwards.
    QCOMPARE(m_client.get(http(QStringLiteral("/hello"))).status, 200);
}

void TestServe::curlGets100ContinueAndTheEcho() {
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) QSKIP("curl is not installed");
    QProcess process;
    const QByteArray body(4096, 'x');
    process.start(curl, {QStringLiteral("-sv"), QStringLiteral("--expect100-timeout"), QStringLiteral("20"),
                         QStringLiteral("-H"), QStringLiteral("Expect: 100-continue"), QStringLiteral("-H"),
                         QStringLiteral("Content-Type: text/plain"), QStringLiteral("--data-binary"),
                         QStringLiteral("@-"), http(QStringLiteral("/echo")).toString()});
    QVERIFY(process.waitForStarted());
    process.write(body);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray trace = process.readAllStandardError();
    QVERIFY2(trace.contains("< HTTP/1.1 100 Continue"), trace.constData());
    QVERIFY2(trace.contains("< HTTP/1.1 201"), trace.constData());
    QCOMPARE(process.readAllStandardOutput(), body);
}

void TestServe::accessLogLinesGoToStdout() {
    const HttpReply r = m_client.get(http(QStringLiteral("/nowhere-logged")));
    const QByteArray id = r.header("apigw-requestid");
    QVERIFY(!id.isEmpty());
    QVERIFY(test::waitFor([&] { return m_serve.out().contains(id); }));
    QByteArray line;
    for (const QByteArray &l : m_serve.out().split('\n'))
        if (l.contains(id)) line = l;
    QVERIFY2(line.startsWith("shop-http {"), line.constData());
    const QJsonObject entry = QJsonDocument::fromJson(line.mid(line.indexOf('{'))).object();
    QCOMPARE(entry[QStringLiteral("status")].toString(), QStringLiteral("404"));
    QCOMPARE(entry[QStringLiteral("routeKey")].toString(), QStringLiteral("-"));
    QVERIFY(entry[QStringLiteral("error")].toString().contains(QLatin1String("no route")));
    // The real reason also reaches stderr with the request id.
    QVERIFY(m_serve.err().contains(id));
}

void TestServe::hotReloadAppliesProjectAndCodeChanges() {
    QCOMPARE(m_client.get(http(QStringLiteral("/added"))).status, 404);
    writeProject(
        R"({"method": "GET", "path": "/added", "integration": {"type": "mock", "statusCode": 202, "body": "new"}},)");
    QVERIFY(test::waitFor([&] { return m_client.get(http(QStringLiteral("/added"))).status == 202; }, 10000));
    writeFile(project() + QStringLiteral("/functions/hello/index.js"),
              "exports.handler = () => ({ message: 'hello again' });\n");
    QVERIFY(test::waitFor(
        [&] { return m_client.get(http(QStringLiteral("/hello"))).body == R"({"message":"hello again"})"; },
        10000));
}

void TestServe::portInUseExitsWithCode2() {
    const QString port = QString::number(m_serve.apiUrl(QStringLiteral("shop-http")).port());
    test::ServeProcess second;
    QVERIFY(!second.start(project(), m_dir.filePath(QStringLiteral("second.json")),
                          {QStringLiteral("--port"), port}));
    QVERIFY(second.waitForExit(10000));
    QCOMPARE(second.exitCode(), 2);
    QVERIFY2(second.err().contains(port.toLatin1()), second.err().constData());
}

void TestServe::sigtermStopsCleanly() {
    QCOMPARE(m_serve.stop(), 0);
    QVERIFY(!QFile::exists(endpointsFile()));
    QVERIFY(m_serve.err().contains("stopped"));
}

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
