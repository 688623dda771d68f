// `gatehouse serve` on the bundled sample, end to end: the endpoints file names the admin endpoint, a few
// requests through the HTTP API, then GET /metrics counts them per route and per function, with their
// cost (issue #7, points 5 and 7). Only the sample's embedded-JavaScript functions are called, so no
// Node.js or Python is needed.
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

// The value of the sample line `name{labels}`, or -1 when it is not there.
double metric(const QByteArray &page, const QByteArray &nameAndLabels) {
    for (const QByteArray &line : page.split('\n'))
        if (line.startsWith(nameAndLabels + ' ')) return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

// A route family's sample name for the sample's HTTP API.
QByteArray route(const QByteArray &family, const QByteArray &routeKey) {
    return "gatehouse_apigateway_" + family + R"({api="hello-http",stage="$default",route=")" + routeKey +
           "\"}";
}

} // namespace

class TestServeMetrics : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    test::HttpClient m_client;

    QUrl metricsUrl() const {
        return QUrl(m_serve.endpoints().value(QStringLiteral("admin"))[QStringLiteral("metrics")].toString());
    }
    QUrl http(const QString &path) const {
        QUrl url = m_serve.apiUrl(QStringLiteral("hello-http"));
        url.setPath(path);
        return url;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString sample = m_dir.filePath(QStringLiteral("hello-api"));
        QVERIFY(test::copyTree(test::samplePath(), sample));
        QVERIFY2(m_serve.start(sample, m_dir.filePath(QStringLiteral("endpoints.json")),
                               {QStringLiteral("--quiet")}),
                 m_serve.err().constData());
    }
    void cleanupTestCase() { QCOMPARE(m_serve.stop(), 0); }

    void endpointsFileNamesTheAdminEndpoint() {
        const QJsonObject admin = m_serve.endpoints().value(QStringLiteral("admin")).toObject();
        QCOMPARE(admin.value(QStringLiteral("type")).toString(), QStringLiteral("admin"));
        const QUrl url(admin.value(QStringLiteral("url")).toString());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(metricsUrl(), QUrl(url.toString() + QStringLiteral("/metrics")));
        // The APIs are still all in "apis", and only APIs are.
        for (const QJsonValue &api : m_serve.endpoints().value(QStringLiteral("apis")).toArray())
            QVERIFY(!api[QStringLiteral("name")].toString().isEmpty());
        QVERIFY(
            test::waitFor([&] { return m_serve.out().contains(metricsUrl().toString().toUtf8()); }, 5000));
    }

    void metricsCountTheRequestsPerRouteAndFunction() {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_client.get(http(QStringLiteral("/hello"))).status, 200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_client.get(http(QStringLiteral("/items/%1").arg(i + 1))).status, 200);
        // The $default route's function answers 404 itself.
        QCOMPARE(m_client.get(http(QStringLiteral("/no/such/thing"))).status, 404);

        // Recorded as each response goes out (after the client has it) and as the invoker reports: wait
        // for the last of them, the $default request's own record included.
        QByteArray page;
        const QByteArray helloRoute = route("requests_total", "GET /hello");
        const QByteArray defaultRoute = route("requests_total", "$default");
        const QByteArray defaultInvocations = R"(gatehouse_lambda_invocations_total{function="fallback"})";
        QVERIFY2(test::waitFor(
                     [&] {
                         const test::HttpReply reply = m_client.get(metricsUrl());
                         page = reply.body;
                         return reply.status == 200 && metric(page, helloRoute) == 3 &&
                                metric(page, defaultRoute) == 1 && metric(page, defaultInvocations) == 1;
                     },
                     15000),
                 page.constData());
        const test::HttpReply reply = m_client.get(metricsUrl());
        QCOMPARE(reply.header("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        page = reply.body;

        QCOMPARE(metric(page, route("requests_total", "GET /items/{id}")), 2.0);
        QCOMPARE(metric(page, route("requests_total", "$default")), 1.0);
        QCOMPARE(metric(page, route("4xx_errors_total", "$default")), 1.0);
        QCOMPARE(metric(page, route("4xx_errors_total", "GET /hello")), 0.0);
        QCOMPARE(metric(page, route("5xx_errors_total", "GET /hello")), 0.0);
        QCOMPARE(metric(page, route("latency_seconds_count", "GET /hello")), 3.0);
        QCOMPARE(metric(page, route("integration_latency_seconds_count", "GET /hello")), 3.0);
        QCOMPARE(metric(page, R"(gatehouse_lambda_invocations_total{function="hello"})"), 3.0);
        QCOMPARE(metric(page, R"(gatehouse_lambda_invocations_total{function="getItem"})"), 2.0);
        QCOMPARE(metric(page, R"(gatehouse_lambda_errors_total{function="hello"})"), 0.0);
        QCOMPARE(metric(page, R"(gatehouse_lambda_cold_starts_total{function="hello"})"), 1.0);
        QCOMPARE(metric(page, R"(gatehouse_lambda_init_duration_seconds_count{function="hello"})"), 1.0);
        QCOMPARE(metric(page, R"(gatehouse_lambda_duration_seconds_count{function="hello"})"), 3.0);
        QVERIFY(metric(page, R"(gatehouse_lambda_duration_seconds{function="hello",quantile="0.99"})") > 0);
        // Six HTTP API requests at $1.00 per million; the functions' requests at $0.20 per million.
        QCOMPARE(metric(page, R"(gatehouse_cost_usd_total{service="API Gateway",item="HTTP API requests"})"),
                 6e-6);
        QVERIFY(metric(page, R"(gatehouse_cost_usd_total{service="Lambda",item="requests"})") >= 6 * 0.2e-6);
        QVERIFY(metric(page, R"(gatehouse_lambda_cost_usd_total{function="hello"})") > 0);
    }

    void onlyGetMetricsIsServed() {
        QUrl other = metricsUrl();
        other.setPath(QStringLiteral("/other"));
        QCOMPARE(m_client.get(other).status, 404);
        QCOMPARE(m_client.send("POST", metricsUrl()).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestServeMetrics)
#include "tst_serve_metrics.moc"
