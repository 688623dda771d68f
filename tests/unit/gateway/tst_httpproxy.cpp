// HTTP proxy integrations: path and stage variables in the target URL ("Working with HTTP proxy
// integrations for HTTP APIs"; stage variables), the $default route's full path, and HTTP API
// parameter mapping ("Transforming API requests and responses").
#include "GatewayFixtures.h"
#include "gateway/HttpProxyRequest.h"
#include "gateway/ParameterMapping.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

Integration proxyTo(const QString &url, const NameValueList &mapping = {}) {
    Integration integration;
    integration.type = IntegrationType::HttpProxy;
    integration.url = url;
    integration.requestParameters = mapping;
    return integration;
}

InvocationContext routed(const QString &routeKey, const NameValueList &pathParameters,
                         const NameValueList &stageVariables = {}) {
    InvocationContext context = httpContext();
    context.routeKey = routeKey;
    context.pathParameters = pathParameters;
    context.stageVariables = stageVariables;
    return context;
}

} // namespace

class HttpProxyTest : public QObject {
    Q_OBJECT

private slots:
    void stageVariableMovesTheBackendWithoutAClientChange_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("url");
        QTest::newRow("stage A") << "example.org"
                                 << "https://example.org/pets/6";
        QTest::newRow("stage B") << "example.com"
                                 << "https://example.com/pets/6";
    }
    void stageVariableMovesTheBackendWithoutAClientChange() {
        QFETCH(QString, host);
        QFETCH(QString, url);
        const InvocationContext context =
            routed(QStringLiteral("GET /pets/{petID}"), {{QStringLiteral("petID"), QStringLiteral("6")}},
                   {{QStringLiteral("backend"), host}});
        const OutgoingRequestResult result = buildHttpProxyRequest(
            proxyTo(QStringLiteral("https://${stageVariables.backend}/pets/{petID}")), ApiType::Http,
            request(QStringLiteral("GET"), QStringLiteral("/pets/6")), context);
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.request.url.toString(), url);
        QCOMPARE(result.request.method, QStringLiteral("GET"));
    }

    void greedyProxyVariableKeepsSlashesAndEncodesSegments_data() {
        QTest::addColumn<QString>("urlTemplate");
        QTest::newRow("{proxy}") << "https://backend.example/petstore/{proxy}";
        QTest::newRow("{proxy+}") << "https://backend.example/petstore/{proxy+}";
    }
    void greedyProxyVariableKeepsSlashesAndEncodesSegments() {
        QFETCH(QString, urlTemplate);
        const ExpandedUrl expanded = expandIntegrationUrl(
            urlTemplate, {{QStringLiteral("proxy"), QStringLiteral("a b/c")}}, {}, false);
        QCOMPARE(expanded.url, QStringLiteral("https://backend.example/petstore/a%20b/c"));
    }

    void restValuesAreAlreadyEncoded() {
        const ExpandedUrl expanded =
            expandIntegrationUrl(QStringLiteral("https://b.example/{id}"),
                                 {{QStringLiteral("id"), QStringLiteral("a%40b")}}, {}, true);
        QCOMPARE(expanded.url, QStringLiteral("https://b.example/a%40b"));
    }

    void unknownVariablesAreReported() {
        const ExpandedUrl expanded =
            expandIntegrationUrl(QStringLiteral("https://${stageVariables.host}/{id}"), {}, {}, false);
        QCOMPARE(expanded.problems.size(), 2);
    }

    void defaultRouteSendsTheFullPathAndQuery() {
        // "When the $default route receives a request, API Gateway sends the full request path."
        const OutgoingRequestResult result = buildHttpProxyRequest(
            proxyTo(QStringLiteral("https://petstore-demo-endpoint.execute-api.com")), ApiType::Http,
            request(QStringLiteral("POST"), QStringLiteral("/store/checkout"), QStringLiteral("a=1&b=x%20y")),
            routed(QStringLiteral("$default"), {}));
        QCOMPARE(result.request.url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://petstore-demo-endpoint.execute-api.com/store/checkout?a=1&b=x%20y"));
        QCOMPARE(result.request.method, QStringLiteral("POST"));
    }

    void integrationMethodOverridesUnlessAny() {
        Integration integration = proxyTo(QStringLiteral("https://b.example/x"));
        integration.httpMethod = QStringLiteral("PUT");
        const GatewayRequest r = request(QStringLiteral("GET"), QStringLiteral("/x"));
        QCOMPARE(buildHttpProxyRequest(integration, ApiType::Http, r, routed(QStringLiteral("GET /x"), {}))
                     .request.method,
                 QStringLiteral("PUT"));
        integration.httpMethod = QStringLiteral("ANY");
        QCOMPARE(buildHttpProxyRequest(integration, ApiType::Http, r, routed(QStringLiteral("GET /x"), {}))
                     .request.method,
                 QStringLiteral("GET"));
    }

    void hopByHopHeadersAreNotForwarded() {
        const GatewayRequest r = request(QStringLiteral("GET"), QStringLiteral("/x"), {},
                                         {{QStringLiteral("Host"), QStringLiteral("localhost:3000")},
                                          {QStringLiteral("Connection"), QStringLiteral("keep-alive")},
                                          {QStringLiteral("Accept"), QStringLiteral("*/*")}});
        const OutgoingRequest out =
            buildHttpProxyRequest(proxyTo(QStringLiteral("https://b.example/x")), ApiType::Http, r,
                                  routed(QStringLiteral("GET /x"), {}))
                .request;
        QVERIFY(!hasHeader(out.headers, u"Host"));
        QVERIFY(!hasHeader(out.headers, u"Connection"));
        QCOMPARE(out.headers.value(0).name, QStringLiteral("Accept"));
    }

    void parameterMappingChangesHeadersQueryAndPath() {
        const NameValueList mapping = {
            {QStringLiteral("append:header.header2"), QStringLiteral("$request.header.header1")},
            {QStringLiteral("remove:header.header1"), QStringLiteral("''")},
            {QStringLiteral("overwrite:header.x-request-id"), QStringLiteral("$context.requestId")},
            {QStringLiteral("append:querystring.user"), QStringLiteral("$request.body.user.name")},
            {QStringLiteral("overwrite:querystring.page"), QStringLiteral("2")},
            {QStringLiteral("remove:querystring.secret"), QString()},
            {QStringLiteral("overwrite:path"), QStringLiteral("/v2$request.path")},
            {QStringLiteral("append:header.x-pet"),
             QStringLiteral("pet-$request.path.petID-$stageVariables.env")},
        };
        const GatewayRequest r =
            request(QStringLiteral("POST"), QStringLiteral("/pets/6"), QStringLiteral("page=1&secret=s"),
                    {{QStringLiteral("header1"), QStringLiteral("h1")}}, R"({"user":{"name":"ann"}})");
        const InvocationContext context =
            routed(QStringLiteral("POST /pets/{petID}"), {{QStringLiteral("petID"), QStringLiteral("6")}},
                   {{QStringLiteral("env"), QStringLiteral("dev")}});
        const OutgoingRequestResult result = buildHttpProxyRequest(
            proxyTo(QStringLiteral("https://b.example/pets/{petID}"), mapping), ApiType::Http, r, context);
        QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QCOMPARE(result.request.url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://b.example/v2/pets/6?user=ann&page=2"));
        QCOMPARE(firstHeaderValue(result.request.headers, u"header2"),
                 std::optional<QString>(QStringLiteral("h1")));
        QVERIFY(!hasHeader(result.request.headers, u"header1"));
        QCOMPARE(firstHeaderValue(result.request.headers, u"x-request-id"),
                 std::optional<QString>(QStringLiteral("JKJaXmPLvHcESHA=")));
        QCOMPARE(firstHeaderValue(result.request.headers, u"x-pet"),
                 std::optional<QString>(QStringLiteral("pet-6-dev")));
    }

    void reservedHeadersCannotBeMapped_data() {
        QTest::addColumn<QString>("header");
        QTest::newRow("authorization") << "Authorization";
        QTest::newRow("x-amz-*") << "x-amz-date";
        QTest::newRow("access-control-*") << "access-control-allow-origin";
        QTest::newRow("apigw-*") << "apigw-requestid";
    }
    void reservedHeadersCannotBeMapped() {
        QFETCH(QString, header);
        MappableRequest target;
        const QStringList problems =
            applyParameterMapping({{QStringLiteral("overwrite:header.") + header, QStringLiteral("v")}},
                                  request(QStringLiteral("GET"), QStringLiteral("/")), httpContext(), target);
        QCOMPARE(problems.size(), 1);
        QVERIFY(target.headers.isEmpty());
    }

    void unsupportedMappingKeysAreReported() {
        MappableRequest target;
        const QStringList problems =
            applyParameterMapping({{QStringLiteral("append:path"), QStringLiteral("/x")}},
                                  request(QStringLiteral("GET"), QStringLiteral("/")), httpContext(), target);
        QCOMPARE(problems.size(), 1);
    }
};

QTEST_GUILESS_MAIN(HttpProxyTest)
#include "tst_httpproxy.moc"
