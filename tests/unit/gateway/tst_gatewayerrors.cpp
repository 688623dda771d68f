// The gateway's own error responses per API type, with the headers API Gateway adds
// ("Gateway response types for API Gateway"; "Handling Lambda errors with an API Gateway API";
// "Working with routes for HTTP APIs"; captured responses for bodies and x-amzn-ErrorType).
#include "gateway/GatewayErrors.h"
#include "gateway/GatewayQuotas.h"

#include <QtTest>

using namespace gatehouse;

Q_DECLARE_METATYPE(gatehouse::GatewayError)

class GatewayErrorsTest : public QObject {
    Q_OBJECT

private slots:
    void restErrorsMatchApiGatewayDefaults_data() {
        QTest::addColumn<GatewayError>("error");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("errorType");
        QTest::newRow("unknown route") << GatewayError::RouteNotFound << 403
                                       << QByteArray(R"({"message":"Missing Authentication Token"})")
                                       << "MissingAuthenticationTokenException";
        QTest::newRow("function error")
            << GatewayError::IntegrationFailure << 502
            << QByteArray(R"({"message": "Internal server error"})") << "InternalServerErrorException";
        QTest::newRow("invoke rejected")
            << GatewayError::LambdaInvokeFailed << 500
            << QByteArray(R"({"message": "Internal server error"})") << "InternalServerErrorException";
        QTest::newRow("timeout") << GatewayError::IntegrationTimeout << 504
                                 << QByteArray(R"({"message": "Endpoint request timed out"})")
                                 << "InternalServerErrorException";
        QTest::newRow("throttled") << GatewayError::Throttled << 429
                                   << QByteArray(R"({"message":"Too Many Requests"})")
                                   << "TooManyRequestsException";
        QTest::newRow("quota") << GatewayError::QuotaExceeded << 429
                               << QByteArray(R"({"message":"Limit Exceeded"})") << "LimitExceededException";
        QTest::newRow("api key") << GatewayError::InvalidApiKey << 403
                                 << QByteArray(R"({"message":"Forbidden"})") << "ForbiddenException";
        QTest::newRow("unauthorized")
            << GatewayError::Unauthorized << 401 << QByteArray(R"({"message":"Unauthorized"})")
            << "UnauthorizedException";
        QTest::newRow("explicit deny")
            << GatewayError::AccessDeniedExplicit << 403
            << QByteArray(
                   R"({"message":"User is not authorized to access this resource with an explicit deny"})")
            << "AccessDeniedException";
        QTest::newRow("authorizer failure")
            << GatewayError::AuthorizerFailure << 500 << QByteArray(R"({"message": null})")
            << "AuthorizerConfigurationException";
    }
    void restErrorsMatchApiGatewayDefaults() {
        QFETCH(GatewayError, error);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, errorType);
        const GatewayResponse response =
            gatewayErrorResponse(ApiType::Rest, error, {QStringLiteral("uuid-1"), QStringLiteral("ext=")});
        QCOMPARE(response.status, status);
        QCOMPARE(response.body, body);
        QCOMPARE(response.header(u"x-amzn-ErrorType"), errorType);
        QCOMPARE(response.header(u"x-amzn-RequestId"), QStringLiteral("uuid-1"));
        QCOMPARE(response.header(u"x-amz-apigw-id"), QStringLiteral("ext="));
        QCOMPARE(response.header(u"content-type"), QStringLiteral("application/json"));
    }

    void httpApiErrorsMatchApiGatewayDefaults_data() {
        QTest::addColumn<GatewayError>("error");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unknown route")
            << GatewayError::RouteNotFound << 404 << QByteArray(R"({"message":"Not Found"})");
        QTest::newRow("function error") << GatewayError::IntegrationFailure << 500
                                        << QByteArray(R"({"message":"Internal Server Error"})");
        QTest::newRow("timeout") << GatewayError::IntegrationTimeout << 503
                                 << QByteArray(R"({"message":"Service Unavailable"})");
        QTest::newRow("throttled") << GatewayError::Throttled << 429
                                   << QByteArray(R"({"message":"Too Many Requests"})");
        QTest::newRow("unauthorized")
            << GatewayError::Unauthorized << 401 << QByteArray(R"({"message":"Unauthorized"})");
        QTest::newRow("forbidden") << GatewayError::Forbidden << 403
                                   << QByteArray(R"({"message":"Forbidden"})");
        QTest::newRow("too large") << GatewayError::RequestTooLarge << 413
                                   << QByteArray(R"({"message":"Request Entity Too Large"})");
    }
    void httpApiErrorsMatchApiGatewayDefaults() {
        QFETCH(GatewayError, error);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const GatewayResponse response =
            gatewayErrorResponse(ApiType::Http, error, {QStringLiteral("JKJaXmPLvHcESHA="), {}});
        QCOMPARE(response.status, status);
        QCOMPARE(response.body, body);
        QCOMPARE(response.header(u"apigw-requestid"), QStringLiteral("JKJaXmPLvHcESHA="));
        QVERIFY(!hasHeader(response.headers, u"x-amzn-ErrorType"));
    }

    void restRequestTooLargeIsPlainText() {
        const GatewayResponse response =
            gatewayErrorResponse(ApiType::Rest, GatewayError::RequestTooLarge, {});
        QCOMPARE(response.status, 413);
        QCOMPARE(response.body, QByteArray("HTTP content length exceeded 10485760 bytes."));
        QCOMPARE(response.header(u"content-type"), QStringLiteral("text/plain"));
    }

    void integrationTimeoutsFollowTheQuotas_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("configured"); // -1 = unset
        QTest::addColumn<int>("effective");
        QTest::newRow("HTTP default") << int(ApiType::Http) << -1 << 30000;
        QTest::newRow("HTTP cannot exceed 30 s") << int(ApiType::Http) << 60000 << 30000;
        QTest::newRow("HTTP shorter") << int(ApiType::Http) << 5000 << 5000;
        QTest::newRow("REST default") << int(ApiType::Rest) << -1 << 29000;
        QTest::newRow("REST raised") << int(ApiType::Rest) << 60000 << 60000;
        QTest::newRow("minimum 50 ms") << int(ApiType::Rest) << 1 << 50;
    }
    void integrationTimeoutsFollowTheQuotas() {
        QFETCH(int, type);
        QFETCH(int, configured);
        QFETCH(int, effective);
        Integration integration;
        if (configured >= 0) integration.timeoutMs = configured;
        QCOMPARE(integrationTimeoutMs(integration, ApiType(type)), effective);
    }
};

QTEST_GUILESS_MAIN(GatewayErrorsTest)
#include "tst_gatewayerrors.moc"
