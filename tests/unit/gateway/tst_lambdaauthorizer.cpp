// Lambda authorizers without invoking anything: identity sources and tokenValidationRegex
// (knowledge center api-gateway-401-error-lambda-authorizer), the events ("Input to an API Gateway
// Lambda authorizer"; "Working with AWS Lambda authorizers for HTTP APIs"), IAM policy evaluation
// and contexts ("Output from an API Gateway Lambda authorizer"). The cache is in tst_authorizercache.
#include "GatewayFixtures.h"
#include "gateway/LambdaAuthorizerEvent.h"
#include "gateway/LambdaAuthorizerResult.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

const QString kArn = QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request");

Authorizer tokenAuthorizer() {
    Authorizer a;
    a.name = QStringLiteral("auth");
    a.type = AuthorizerType::Lambda;
    a.lambdaType = QStringLiteral("TOKEN");
    a.identitySources = {QStringLiteral("method.request.header.Authorization")};
    return a;
}

Authorizer requestAuthorizer(const QString &payloadVersion = QStringLiteral("2.0")) {
    Authorizer a;
    a.name = QStringLiteral("auth");
    a.type = AuthorizerType::Lambda;
    a.lambdaType = QStringLiteral("REQUEST");
    a.payloadFormatVersion = payloadVersion;
    a.identitySources = {QStringLiteral("$request.header.Authorization"),
                         QStringLiteral("$request.querystring.user")};
    return a;
}

InvocationContext testStage() {
    InvocationContext c = httpContext();
    c.apiId = QStringLiteral("abcdef123");
    c.stage = QStringLiteral("test");
    c.routeKey = QStringLiteral("GET /request");
    c.resourcePath = QStringLiteral("/request");
    return c;
}

QByteArray policy(const char *effect, const char *resource, const char *context = R"({"user":"u1"})") {
    return QByteArray(R"({"principalId":"abcdef","policyDocument":{"Version":"2012-10-17","Statement":[)"
                      R"({"Action":"execute-api:Invoke","Effect":")") +
           effect + R"(","Resource":")" + resource + R"("}]},"context":)" + context + "}";
}

AuthorizerInvocation succeeded(const QByteArray &output) {
    return {false, {}, output, 12};
}

} // namespace

class LambdaAuthorizerTest : public QObject {
    Q_OBJECT

private slots:
    void missingIdentitySourceMeansNoInvocation_data() {
        QTest::addColumn<QString>("authorization");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("complete");
        QTest::newRow("both present") << "Bearer t"
                                      << "user=1" << true;
        QTest::newRow("header missing") << QString() << "user=1" << false;
        QTest::newRow("query missing") << "Bearer t"
                                       << "" << false;
        QTest::newRow("header empty") << ""
                                      << "user=1" << false;
    }
    void missingIdentitySourceMeansNoInvocation() {
        QFETCH(QString, authorization);
        QFETCH(QString, query);
        QFETCH(bool, complete);
        HeaderFields headers;
        if (!authorization.isNull()) headers.append({QStringLiteral("authorization"), authorization});
        const AuthorizerIdentity identity = collectAuthorizerIdentity(
            requestAuthorizer(),
            request(QStringLiteral("GET"), QStringLiteral("/test/request"), query, headers), testStage());
        QCOMPARE(identity.complete, complete);
        if (complete)
            QCOMPARE(identity.values, (QStringList{QStringLiteral("Bearer t"), QStringLiteral("1")}));
    }

    void tokenMustMatchTokenValidationRegex_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("complete");
        QTest::newRow("matches") << "Bearer abc" << true;
        QTest::newRow("whole token must match") << "xBearer abc" << false;
        QTest::newRow("no match") << "Basic abc" << false;
    }
    void tokenMustMatchTokenValidationRegex() {
        QFETCH(QString, token);
        QFETCH(bool, complete);
        Authorizer a = tokenAuthorizer();
        a.tokenValidationRegex = QStringLiteral("Bearer [a-z]+");
        const GatewayRequest r = request(QStringLiteral("GET"), QStringLiteral("/test/request"), {},
                                         {{QStringLiteral("Authorization"), token}});
        QCOMPARE(collectAuthorizerIdentity(a, r, testStage()).complete, complete);
    }

    void methodArnNamesTheRequestPathNotTheTemplate() {
        InvocationContext c = testStage();
        c.resourcePath = QStringLiteral("/items/{id}");
        QCOMPARE(methodArnOf(request(QStringLiteral("DELETE"), QStringLiteral("/test/items/42")), c),
                 QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/DELETE/items/42"));
        c.stage = QStringLiteral("$default");
        QCOMPARE(methodArnOf(request(QStringLiteral("GET"), QStringLiteral("/")), c),
                 QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/"));
    }

    void restTokenEventHasTypeTokenAndMethodArn() {
        const GatewayRequest r = request(QStringLiteral("GET"), QStringLiteral("/test/request"), {},
                                         {{QStringLiteral("Authorization"), QStringLiteral("allow")}});
        const AuthorizerIdentity identity = collectAuthorizerIdentity(tokenAuthorizer(), r, testStage());
        const OrderedJson event =
            json(lambdaAuthorizerEvent(tokenAuthorizer(), ApiType::Rest, r, testStage(), identity));
        QCOMPARE(QString::fromStdString(event.dump()),
                 QStringLiteral(R"({"type":"TOKEN","authorizationToken":"allow","methodArn":")") + kArn +
                     QStringLiteral(R"("})"));
    }

    void restRequestEventCarriesTheRequestWithoutBody() {
        Authorizer a = requestAuthorizer();
        const GatewayRequest r =
            request(QStringLiteral("POST"), QStringLiteral("/test/request"), QStringLiteral("user=1"),
                    {{QStringLiteral("Authorization"), QStringLiteral("t")}}, "secret body");
        const OrderedJson event = json(lambdaAuthorizerEvent(a, ApiType::Rest, r, testStage(),
                                                             collectAuthorizerIdentity(a, r, testStage())));
        QCOMPARE(str(event["type"]), QStringLiteral("REQUEST"));
        QCOMPARE(str(event["methodArn"]),
                 QString(kArn).replace(QLatin1String("/GET/"), QLatin1String("/POST/")));
        QCOMPARE(str(event["queryStringParameters"]["user"]), QStringLiteral("1"));
        QVERIFY(!event.contains("body"));
        QVERIFY(event.contains("requestContext"));
    }

    void httpPayloadV2EventListsIdentitySourceValues() {
        Authorizer a = requestAuthorizer();
        const GatewayRequest r =
            request(QStringLiteral("GET"), QStringLiteral("/test/request"), QStringLiteral("user=123"),
                    {{QStringLiteral("Authorization"), QStringLiteral("user1")}});
        const OrderedJson event = json(lambdaAuthorizerEvent(a, ApiType::Http, r, testStage(),
                                                             collectAuthorizerIdentity(a, r, testStage())));
        QCOMPARE(str(event["version"]), QStringLiteral("2.0"));
        QCOMPARE(str(event["routeArn"]), kArn);
        QCOMPARE(event["identitySource"].dump(), std::string(R"(["user1","123"])"));
        QCOMPARE(str(event["routeKey"]), QStringLiteral("GET /request"));
        QVERIFY(!event["requestContext"].contains("authorizer"));
        QVERIFY(!event.contains("body"));
    }

    void httpPayloadV1EventJoinsIdentitySourceValues() {
        Authorizer a = requestAuthorizer(QStringLiteral("1.0"));
        const GatewayRequest r =
            request(QStringLiteral("GET"), QStringLiteral("/test/request"), QStringLiteral("user=123"),
                    {{QStringLiteral("Authorization"), QStringLiteral("user1")}});
        const OrderedJson event = json(lambdaAuthorizerEvent(a, ApiType::Http, r, testStage(),
                                                             collectAuthorizerIdentity(a, r, testStage())));
        QCOMPARE(str(event["version"]), QStringLiteral("1.0"));
        QCOMPARE(str(event["methodArn"]), kArn);
        QCOMPARE(str(event["identitySource"]), QStringLiteral("user1,123"));
        QCOMPARE(str(event["authorizationToken"]), QStringLiteral("user1,123"));
        QVERIFY(event["pathParameters"].is_object());
        QVERIFY(!event["requestContext"].contains("authorizer"));
    }

    void policyEvaluation_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<int>("outcome");
        QTest::newRow("allow exact") << policy("Allow", qPrintable(kArn))
                                     << int(AuthorizerVerdict::Outcome::Allow);
        QTest::newRow("allow wildcard")
            << policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abcdef123/*/GET/*")
            << int(AuthorizerVerdict::Outcome::Allow);
        QTest::newRow("allow other method is implicit deny")
            << policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abcdef123/*/POST/*")
            << int(AuthorizerVerdict::Outcome::ImplicitDeny);
        QTest::newRow("deny") << policy("Deny", "*") << int(AuthorizerVerdict::Outcome::ExplicitDeny);
        // Escaped, not raw: moc reads "/*" inside a raw string literal as the start of a comment.
        QTest::newRow("deny beats allow")
            << QByteArray(R"({"principalId":"p","policyDocument":{"Statement":[)"
                          R"({"Action":"execute-api:*","Effect":"Allow","Resource":["*"]},)"
                          "{\"Action\":[\"execute-api:Invoke\"],\"Effect\":\"Deny\",\"Resource\":"
                          "\"arn:aws:execute-api:*:*:*/test/GET/*\"}]}}")
            << int(AuthorizerVerdict::Outcome::ExplicitDeny);
        QTest::newRow("statement as one object")
            << QByteArray(
                   R"({"principalId":"p","policyDocument":{"Statement":{"Action":"*","Effect":"Allow","Resource":"*"}}})")
            << int(AuthorizerVerdict::Outcome::Allow);
        QTest::newRow("no policy") << QByteArray(R"({"principalId":"p"})")
                                   << int(AuthorizerVerdict::Outcome::Failure);
        QTest::newRow("not JSON") << QByteArray("nope") << int(AuthorizerVerdict::Outcome::Failure);
        QTest::newRow("object in REST context")
            << policy("Allow", "*", R"({"nested":{"a":1}})") << int(AuthorizerVerdict::Outcome::Failure);
    }
    void policyEvaluation() {
        QFETCH(QByteArray, output);
        QFETCH(int, outcome);
        const AuthorizerVerdict verdict =
            evaluateAuthorizerInvocation(tokenAuthorizer(), ApiType::Rest, succeeded(output), kArn);
        QCOMPARE(int(verdict.outcome), outcome);
    }

    void arnPatternsMatchLikeIam_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star") << "*" << true;
        QTest::newRow("stage wildcard")
            << "arn:aws:execute-api:us-east-1:123456789012:abcdef123/*/GET/request" << true;
        QTest::newRow("question mark")
            << "arn:aws:execute-api:us-east-1:123456789012:abcdef123/tes?/GET/request" << true;
        QTest::newRow("other api") << "arn:aws:execute-api:us-east-1:123456789012:zzz/*" << false;
        QTest::newRow("case matters")
            << "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/get/request" << false;
    }
    void arnPatternsMatchLikeIam() {
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(arnPatternMatches(pattern, kArn), matches);
    }

    void restAuthorizerErrors_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("status");
        QTest::newRow("Unauthorized means 401")
            << "Unauthorized" << int(AuthorizerVerdict::Outcome::Unauthorized) << 401;
        QTest::newRow("any other error is 500") << "boom" << int(AuthorizerVerdict::Outcome::Failure) << 500;
    }
    void restAuthorizerErrors() {
        QFETCH(QString, message);
        QFETCH(int, outcome);
        QFETCH(int, status);
        const AuthorizerVerdict verdict =
            evaluateAuthorizerInvocation(tokenAuthorizer(), ApiType::Rest, {true, message, {}, 3}, kArn);
        QCOMPARE(int(verdict.outcome), outcome);
        QCOMPARE(gatewayErrorSpec(ApiType::Rest, gatewayErrorFor(verdict)).status, status);
    }

    void httpSimpleResponsesAllowOrDeny_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("status");
        QTest::newRow("authorized") << QByteArray(R"({"isAuthorized":true,"context":{"k":"v"}})")
                                    << int(AuthorizerVerdict::Outcome::Allow) << 200;
        QTest::newRow("not authorized") << QByteArray(R"({"isAuthorized":false})")
                                        << int(AuthorizerVerdict::Outcome::ExplicitDeny) << 403;
        QTest::newRow("missing isAuthorized")
            << QByteArray(R"({"context":{}})") << int(AuthorizerVerdict::Outcome::Failure) << 500;
    }
    void httpSimpleResponsesAllowOrDeny() {
        QFETCH(QByteArray, output);
        QFETCH(int, outcome);
        QFETCH(int, status);
        Authorizer a = requestAuthorizer();
        a.enableSimpleResponses = true;
        const AuthorizerVerdict verdict =
            evaluateAuthorizerInvocation(a, ApiType::Http, succeeded(output), kArn);
        QCOMPARE(int(verdict.outcome), outcome);
        if (!verdict.allowed()) {
            const GatewayErrorSpec spec = gatewayErrorSpec(ApiType::Http, gatewayErrorFor(verdict));
            QCOMPARE(spec.status, status);
        }
    }

    void restContextIsFlattenedAndStringified() {
        const AuthorizerVerdict verdict = evaluateAuthorizerInvocation(
            tokenAuthorizer(), ApiType::Rest,
            succeeded(policy("Allow", "*", R"({"str":"hello","num":123,"bool":true,"null":null})")), kArn);
        QVERIFY(verdict.allowed());
        const OrderedJson context = lambdaAuthorizerContext(*verdict.answer, ApiType::Rest, false, 7);
        QCOMPARE(
            QString::fromStdString(context.dump()),
            QStringLiteral(R"({"str":"hello","num":"123","bool":"true","null":null,"principalId":"abcdef",)"
                           R"("integrationLatency":7})"));
    }

    void httpPayloadV2ContextGoesUnderLambdaAsReturned() {
        Authorizer a = requestAuthorizer();
        a.enableSimpleResponses = true;
        const AuthorizerVerdict verdict = evaluateAuthorizerInvocation(
            a, ApiType::Http,
            succeeded(R"({"isAuthorized":true,"context":{"numberKey":1,"arrayKey":["a","b"]}})"), kArn);
        const OrderedJson context = lambdaAuthorizerContext(*verdict.answer, ApiType::Http, true, 7);
        QCOMPARE(QString::fromStdString(context.dump()),
                 QStringLiteral(R"({"lambda":{"numberKey":1,"arrayKey":["a","b"]}})"));
    }
};

QTEST_GUILESS_MAIN(LambdaAuthorizerTest)
#include "tst_lambdaauthorizer.moc"
