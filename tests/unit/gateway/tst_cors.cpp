// CORS for HTTP APIs ("Configure CORS for HTTP APIs in API Gateway"): gateway-answered preflights,
// configured headers on responses, backend CORS headers ignored.
#include "GatewayFixtures.h"
#include "gateway/CorsPolicy.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

Cors exampleCors() {
    Cors cors;
    cors.allowOrigins = {QStringLiteral("https://www.example.com")};
    cors.allowMethods = {QStringLiteral("GET"), QStringLiteral("POST")};
    cors.allowHeaders = {QStringLiteral("authorization"), QStringLiteral("content-type")};
    cors.exposeHeaders = {QStringLiteral("x-request-id")};
    cors.maxAgeSeconds = 300;
    cors.allowCredentials = true;
    return cors;
}

GatewayRequest preflight(const QString &origin) {
    return request(QStringLiteral("OPTIONS"), QStringLiteral("/items"), {},
                   {{QStringLiteral("Origin"), origin},
                    {QStringLiteral("Access-Control-Request-Method"), QStringLiteral("POST")}});
}

} // namespace

class CorsTest : public QObject {
    Q_OBJECT

private slots:
    void preflightNeedsOriginAndRequestMethod_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("origin");
        QTest::addColumn<bool>("requestMethod");
        QTest::addColumn<bool>("preflight");
        QTest::newRow("both") << "OPTIONS" << true << true << true;
        QTest::newRow("no request method") << "OPTIONS" << true << false << false;
        QTest::newRow("no origin") << "OPTIONS" << false << true << false;
        QTest::newRow("not OPTIONS") << "GET" << true << true << false;
    }
    void preflightNeedsOriginAndRequestMethod() {
        QFETCH(QString, method);
        QFETCH(bool, origin);
        QFETCH(bool, requestMethod);
        QFETCH(bool, preflight);
        HeaderFields headers;
        if (origin) headers.append({QStringLiteral("Origin"), QStringLiteral("https://www.example.com")});
        if (requestMethod)
            headers.append({QStringLiteral("Access-Control-Request-Method"), QStringLiteral("POST")});
        QCOMPARE(CorsPolicy(exampleCors()).isPreflight(request(method, QStringLiteral("/"), {}, headers)),
                 preflight);
    }

    void gatewayAnswersPreflightWithTheConfiguredHeaders() {
        const GatewayResponse response =
            CorsPolicy(exampleCors()).preflightResponse(preflight(QStringLiteral("https://www.example.com")));
        QCOMPARE(response.status, 204);
        QCOMPARE(response.header(u"access-control-allow-origin"), QStringLiteral("https://www.example.com"));
        QCOMPARE(response.header(u"access-control-allow-methods"), QStringLiteral("GET,POST"));
        QCOMPARE(response.header(u"access-control-allow-headers"),
                 QStringLiteral("authorization,content-type"));
        QCOMPARE(response.header(u"access-control-max-age"), QStringLiteral("300"));
        QCOMPARE(response.header(u"access-control-allow-credentials"), QStringLiteral("true"));
    }

    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        const GatewayResponse response =
            CorsPolicy(exampleCors()).preflightResponse(preflight(QStringLiteral("https://evil.example")));
        QCOMPARE(response.status, 204);
        QVERIFY(response.headers.isEmpty());
    }

    void originMatching_data() {
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star") << QStringList{QStringLiteral("*")} << "http://localhost:5173" << true;
        QTest::newRow("exact") << QStringList{QStringLiteral("https://a.example")} << "https://a.example"
                               << true;
        QTest::newRow("exact, other case")
            << QStringList{QStringLiteral("https://a.example")} << "HTTPS://A.EXAMPLE" << true;
        QTest::newRow("other host") << QStringList{QStringLiteral("https://a.example")} << "https://b.example"
                                    << false;
        QTest::newRow("any https") << QStringList{QStringLiteral("https://*")} << "https://b.example" << true;
        QTest::newRow("any https, not http")
            << QStringList{QStringLiteral("https://*")} << "http://b.example" << false;
        QTest::newRow("no origin") << QStringList{QStringLiteral("*")} << "" << false;
    }
    void originMatching() {
        QFETCH(QStringList, allowed);
        QFETCH(QString, origin);
        QFETCH(bool, matches);
        Cors cors;
        cors.allowOrigins = allowed;
        QCOMPARE(CorsPolicy(cors).isOriginAllowed(origin), matches);
    }

    void starOriginIsAnsweredWithStar() {
        Cors cors;
        cors.allowOrigins = {QStringLiteral("*")};
        GatewayResponse response;
        CorsPolicy(cors).applyTo(
            request(QStringLiteral("GET"), QStringLiteral("/"), {},
                    {{QStringLiteral("Origin"), QStringLiteral("http://localhost:5173")}}),
            response);
        QCOMPARE(response.header(u"access-control-allow-origin"), QStringLiteral("*"));
    }

    void configuredCorsOverridesIntegrationCorsHeaders() {
        GatewayResponse response;
        response.headers = {{QStringLiteral("Access-Control-Allow-Origin"), QStringLiteral("*")},
                            {QStringLiteral("Access-Control-Allow-Methods"), QStringLiteral("DELETE")},
                            {QStringLiteral("content-type"), QStringLiteral("text/plain")}};
        const GatewayRequest r =
            request(QStringLiteral("GET"), QStringLiteral("/"), {},
                    {{QStringLiteral("Origin"), QStringLiteral("https://www.example.com")}});
        CorsPolicy(exampleCors()).applyTo(r, response);
        QCOMPARE(headerValues(response.headers, u"access-control-allow-origin"),
                 QStringList{QStringLiteral("https://www.example.com")});
        QVERIFY(!hasHeader(response.headers, u"access-control-allow-methods"));
        QCOMPARE(response.header(u"access-control-expose-headers"), QStringLiteral("x-request-id"));
        QCOMPARE(response.header(u"access-control-allow-credentials"), QStringLiteral("true"));
        QCOMPARE(response.header(u"content-type"), QStringLiteral("text/plain"));
    }

    void responseWithoutOriginGetsNoCorsHeadersButLosesTheBackendOnes() {
        GatewayResponse response;
        response.headers = {{QStringLiteral("access-control-allow-origin"), QStringLiteral("*")}};
        CorsPolicy(exampleCors()).applyTo(request(QStringLiteral("GET"), QStringLiteral("/")), response);
        QVERIFY(response.headers.isEmpty());
    }
};

QTEST_GUILESS_MAIN(CorsTest)
#include "tst_cors.moc"
