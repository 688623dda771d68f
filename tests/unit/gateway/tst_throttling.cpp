// Token-bucket throttling ("Throttle requests to your REST APIs for better throughput") and usage
// plans with API keys ("Usage plans and API keys for REST APIs"), on an injected clock.
#include "GatewayFixtures.h"
#include "gateway/Throttling.h"
#include "gateway/UsagePlans.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

ThrottleSettings limits(std::optional<double> rate, std::optional<int> burst) {
    ThrottleSettings settings;
    settings.rateLimit = rate;
    settings.burstLimit = burst;
    return settings;
}

Authorizer keyedPlan(std::optional<Quota> quota, ThrottleSettings throttle = {}) {
    Authorizer plan;
    plan.name = QStringLiteral("plan");
    plan.type = AuthorizerType::ApiKey;
    plan.apiKeys = {{QStringLiteral("alice"), QStringLiteral("key-alice"), {}}};
    plan.usagePlanQuota = quota;
    plan.usagePlanThrottling = throttle;
    return plan;
}

GatewayRequest withKey(const QString &key) {
    return request(QStringLiteral("GET"), QStringLiteral("/prod/x"), {},
                   {{QStringLiteral("x-api-key"), key}});
}

} // namespace

class ThrottlingTest : public QObject {
    Q_OBJECT

private slots:
    void bucketAllowsTheBurstThenRefillsAtTheRate() {
        qint64 now = 0;
        Throttler throttler([&] { return now; });
        const QList<Throttler::Limit> stage = {{QStringLiteral("stage"), limits(2, 3)}};
        QVERIFY(throttler.tryAcquire(stage));
        QVERIFY(throttler.tryAcquire(stage));
        QVERIFY(throttler.tryAcquire(stage));
        QVERIFY(!throttler.tryAcquire(stage)); // the burst is spent
        now = 499;
        QVERIFY(!throttler.tryAcquire(stage)); // 0.998 tokens
        now = 500;
        QVERIFY(throttler.tryAcquire(stage)); // 2 per second: one token every 500 ms
        QVERIFY(!throttler.tryAcquire(stage));
        now = 10'000;
        for (int i = 0; i < 3; ++i)
            QVERIFY(throttler.tryAcquire(stage)); // refilled to the burst, no more
        QVERIFY(!throttler.tryAcquire(stage));
    }

    void routeRefusalDoesNotSpendTheStageAllowance() {
        qint64 now = 0;
        Throttler throttler([&] { return now; });
        const Throttler::Limit stage{QStringLiteral("stage"), limits(1, 2)};
        const Throttler::Limit route{QStringLiteral("stage/GET /x"), limits(1, 1)};
        QVERIFY(throttler.tryAcquire({stage, route}));
        QVERIFY(!throttler.tryAcquire({stage, route})); // the route bucket is empty
        QVERIFY(throttler.tryAcquire({stage}));         // the stage still has its second token
    }

    void unsetLimitsNeverThrottleAndZeroBlocks_data() {
        QTest::addColumn<bool>("hasRate");
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("hasBurst");
        QTest::addColumn<int>("burst");
        QTest::addColumn<int>("allowedOutOfTen");
        QTest::newRow("unset") << false << 0.0 << false << 0 << 10;
        QTest::newRow("burst only") << false << 0.0 << true << 5 << 10;
        QTest::newRow("zero burst") << false << 0.0 << true << 0 << 0;
        QTest::newRow("zero rate and burst") << true << 0.0 << true << 0 << 0;
        QTest::newRow("rate only: bucket of ceil(rate)") << true << 2.5 << false << 0 << 3;
    }
    void unsetLimitsNeverThrottleAndZeroBlocks() {
        QFETCH(bool, hasRate);
        QFETCH(double, rate);
        QFETCH(bool, hasBurst);
        QFETCH(int, burst);
        QFETCH(int, allowedOutOfTen);
        Throttler throttler([] { return qint64(0); });
        const ThrottleSettings settings = limits(hasRate ? std::optional<double>(rate) : std::nullopt,
                                                 hasBurst ? std::optional<int>(burst) : std::nullopt);
        int allowed = 0;
        for (int i = 0; i < 10; ++i)
            allowed += throttler.tryAcquire({{QStringLiteral("k"), settings}}) ? 1 : 0;
        QCOMPARE(allowed, allowedOutOfTen);
    }

    void editedLimitsStartFromAFullBucket() {
        Throttler throttler([] { return qint64(0); });
        QVERIFY(throttler.tryAcquire({{QStringLiteral("k"), limits(1, 1)}}));
        QVERIFY(!throttler.tryAcquire({{QStringLiteral("k"), limits(1, 1)}}));
        QVERIFY(throttler.tryAcquire({{QStringLiteral("k"), limits(1, 2)}}));
    }

    void missingOrUnknownApiKeyIsForbidden_data() {
        QTest::addColumn<QString>("key");
        QTest::newRow("missing") << QString();
        QTest::newRow("unknown") << "key-mallory";
    }
    void missingOrUnknownApiKeyIsForbidden() {
        QFETCH(QString, key);
        UsagePlans plans([] { return qint64(0); }, [] { return QDateTime::currentDateTimeUtc(); });
        const GatewayRequest r =
            key.isNull() ? request(QStringLiteral("GET"), QStringLiteral("/prod/x")) : withKey(key);
        QCOMPARE(plans.admit(keyedPlan(std::nullopt), r).verdict, UsagePlans::Admission::Verdict::InvalidKey);
    }

    void validKeyIsAllowedAndReported() {
        UsagePlans plans([] { return qint64(0); }, [] { return QDateTime::currentDateTimeUtc(); });
        const UsagePlans::Admission admission =
            plans.admit(keyedPlan(std::nullopt), withKey(QStringLiteral("key-alice")));
        QCOMPARE(admission.verdict, UsagePlans::Admission::Verdict::Allowed);
        QCOMPARE(admission.keyName, QStringLiteral("alice"));
        QCOMPARE(admission.keyValue, QStringLiteral("key-alice"));
    }

    void quotaIsCountedPerUtcDayAndResetsAtMidnight() {
        QDateTime wall(QDate(2024, 5, 1), QTime(23, 59), Qt::UTC);
        UsagePlans plans([] { return qint64(0); }, [&] { return wall; });
        const Authorizer plan = keyedPlan(Quota{2, QStringLiteral("DAY"), {}});
        QCOMPARE(plans.admit(plan, withKey(QStringLiteral("key-alice"))).verdict,
                 UsagePlans::Admission::Verdict::Allowed);
        QCOMPARE(plans.admit(plan, withKey(QStringLiteral("key-alice"))).verdict,
                 UsagePlans::Admission::Verdict::Allowed);
        QCOMPARE(plans.admit(plan, withKey(QStringLiteral("key-alice"))).verdict,
                 UsagePlans::Admission::Verdict::QuotaExceeded);
        wall = wall.addSecs(60);
        QCOMPARE(plans.admit(plan, withKey(QStringLiteral("key-alice"))).verdict,
                 UsagePlans::Admission::Verdict::Allowed);
    }

    void throttledRequestsDoNotCountAgainstTheQuota() {
        qint64 now = 0;
        const QDateTime wall(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
        UsagePlans plans([&] { return now; }, [&] { return wall; });
        const Authorizer plan = keyedPlan(Quota{2, QStringLiteral("MONTH"), {}}, limits(1, 1));
        QCOMPARE(plans.admit(plan, withKey(QStringLiteral("key-alice"))).verdict,
                 UsagePlans::Admission::Verdict::Allowed);
        QCOMPARE(plans.admit(plan, withKey(QStringLiteral("key-alice"))).verdict,
                 UsagePlans::Admission::Verdict::Throttled);
        now = 1000;
        const UsagePlans::Admission admission = plans.admit(plan, withKey(QStringLiteral("key-alice")));
        QCOMPARE(admission.verdict, UsagePlans::Admission::Verdict::Allowed);
        QCOMPARE(admission.usedInPeriod, 2);
    }

    void quotaPeriodsStartAtUtcBoundaries_data() {
        QTest::addColumn<QString>("period");
        QTest::addColumn<QDateTime>("start");
        QTest::newRow("day") << "DAY" << QDateTime(QDate(2024, 5, 15), QTime(0, 0), Qt::UTC);
        QTest::newRow("week starts Monday") << "WEEK" << QDateTime(QDate(2024, 5, 13), QTime(0, 0), Qt::UTC);
        QTest::newRow("month") << "MONTH" << QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
    }
    void quotaPeriodsStartAtUtcBoundaries() {
        QFETCH(QString, period);
        QFETCH(QDateTime, start);
        QCOMPARE(UsagePlans::periodStart(period, QDateTime(QDate(2024, 5, 15), QTime(13, 7), Qt::UTC)),
                 start);
    }
};

QTEST_GUILESS_MAIN(ThrottlingTest)
#include "tst_throttling.moc"
