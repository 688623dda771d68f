// The Lambda authorizer result cache: keyed by identity source values, authorizerResultTtlInSeconds
// 300 by default, 0 disables, at most 3600 (API reference text quoted in
// aws-cloudformation/cloudformation-coverage-roadmap#470), a cached policy re-evaluated per method.
#include "gateway/AuthorizerCache.h"

#include <QtTest>

using namespace gatehouse;

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

AuthorizerAnswer allowGetAnswer() {
    const QByteArray output =
        R"({"principalId":"p","policyDocument":{"Statement":[{"Action":"execute-api:Invoke",)"
        "\"Effect\":\"Allow\",\"Resource\":\"arn:aws:execute-api:*:*:abcdef123/test/GET/*\"}]}}";
    QString problem;
    return parseAuthorizerAnswer(tokenAuthorizer(), ApiType::Rest, output, problem).value();
}

} // namespace

class AuthorizerCacheTest : public QObject {
    Q_OBJECT

private slots:
    void cacheTtlDefaultsTo300AndIsCappedAt3600_data() {
        QTest::addColumn<int>("configured"); // -1 = unset
        QTest::addColumn<int>("effective");
        QTest::newRow("unset") << -1 << 300;
        QTest::newRow("zero disables") << 0 << 0;
        QTest::newRow("within range") << 60 << 60;
        QTest::newRow("capped") << 7200 << 3600;
    }
    void cacheTtlDefaultsTo300AndIsCappedAt3600() {
        QFETCH(int, configured);
        QFETCH(int, effective);
        Authorizer a = tokenAuthorizer();
        if (configured >= 0) a.resultTtlSeconds = configured;
        QCOMPARE(AuthorizerCache::effectiveTtlSeconds(a), effective);
    }

    void cachedAnswerExpiresAfterTheTtlAndCoversOtherMethods() {
        qint64 now = 0;
        AuthorizerCache cache([&] { return now; });
        Authorizer a = tokenAuthorizer();
        a.resultTtlSeconds = 60;
        cache.store(a, QStringLiteral("token-1"), allowGetAnswer());
        now = 59'999;
        const std::optional<AuthorizerAnswer> hit = cache.find(a, QStringLiteral("token-1"));
        QVERIFY(hit);
        // A cached policy is evaluated again for each method: it allows GET, not DELETE.
        QVERIFY(decideAuthorizer(*hit, kArn).allowed());
        QCOMPARE(
            decideAuthorizer(*hit, QString(kArn).replace(QLatin1String("/GET/"), QLatin1String("/DELETE/")))
                .outcome,
            AuthorizerVerdict::Outcome::ImplicitDeny);
        QVERIFY(!cache.find(a, QStringLiteral("token-2")));
        now = 60'000;
        QVERIFY(!cache.find(a, QStringLiteral("token-1")));
    }

    void zeroTtlDisablesCaching() {
        AuthorizerCache cache([] { return qint64(0); });
        Authorizer a = tokenAuthorizer();
        a.resultTtlSeconds = 0;
        cache.store(a, QStringLiteral("t"), AuthorizerAnswer{});
        QVERIFY(!cache.find(a, QStringLiteral("t")));
        QCOMPARE(cache.size(), 0);
    }

    void cacheStaysWithinItsCapacity() {
        AuthorizerCache cache([] { return qint64(0); }, 3);
        const Authorizer a = tokenAuthorizer();
        for (int i = 0; i < 5; ++i)
            cache.store(a, QString::number(i), AuthorizerAnswer{});
        QCOMPARE(cache.size(), 3);
        QVERIFY(!cache.find(a, QStringLiteral("0")));
        QVERIFY(cache.find(a, QStringLiteral("4")));
    }
};

QTEST_GUILESS_MAIN(AuthorizerCacheTest)
#include "tst_authorizercache.moc"
