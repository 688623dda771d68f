// Prices and cost: the bundled pricing.json (each section citing its source page and date), tiered prices,
// the AWS Lambda pricing page's monthly examples at 1 ms and at classic 100 ms billing, the cost meter's
// metering of what ran (512 KB HTTP API units, 32 KB WebSocket messages, 64 KB SQS chunks) and the
// monthly projection of the observed mix.
#include "project/Function.h"
#include "telemetry/CostMeter.h"
#include "telemetry/CostProjection.h"
#include "telemetry/Pricing.h"

#include <QtTest>

using namespace gatehouse;

namespace {

LatencyHistogram durations(std::initializer_list<double> ms) {
    LatencyHistogram h;
    for (const double v : ms)
        h.record(quint64(std::llround(v * 1000)));
    return h;
}

bool cents(double actual, double expected) {
    return std::fabs(actual - expected) <= 0.01;
}

} // namespace

class TestCost : public QObject {
    Q_OBJECT
private slots:
    void bundledPricingCitesItsSourcesAndMatchesTheReference() {
        const Pricing &p = Pricing::bundled();
        QCOMPARE(p.region, QStringLiteral("us-east-1"));
        QCOMPARE(p.currency, QStringLiteral("USD"));
        for (const PricingSource &s : {p.lambda.source, p.apiGateway.source, p.s3.source, p.sqs.source}) {
            QVERIFY2(s.url.startsWith(QLatin1String("https://aws.amazon.com/")), qPrintable(s.url));
            QVERIFY2(QDate::fromString(s.retrieved, Qt::ISODate).isValid(), qPrintable(s.retrieved));
        }
        // The figures of /work/shared/reference/aws-behaviour.md, "Prices, us-east-1".
        QCOMPARE(p.lambda.perRequest, 0.20 / 1e6);
        QCOMPARE(p.lambda.x86PerGbSecond.firstPrice(), 0.0000166667);
        QCOMPARE(p.lambda.x86PerGbSecond.tiers[0].upTo, 6e9);
        QCOMPARE(p.lambda.armPerGbSecond.firstPrice(), 0.0000133334);
        QCOMPARE(p.lambda.armPerGbSecond.tiers[0].upTo, 7.5e9);
        QCOMPARE(p.lambda.freeRequests, 1e6);
        QCOMPARE(p.lambda.freeGbSeconds, 400000.0);
        QCOMPARE(p.apiGateway.httpPerRequest.firstPrice(), 1.00 / 1e6);
        QCOMPARE(p.apiGateway.httpMeteredBytes, qint64(512 * 1024));
        QCOMPARE(p.apiGateway.restPerRequest.firstPrice(), 3.50 / 1e6);
        QCOMPARE(p.apiGateway.webSocketPerMessage.firstPrice(), 1.00 / 1e6);
        QCOMPARE(p.apiGateway.webSocketMeteredBytes, qint64(32 * 1024));
        QCOMPARE(p.apiGateway.perConnectionMinute, 0.25 / 1e6);
        QCOMPARE(p.apiGateway.freeConnectionMinutes, 750000.0);
        QCOMPARE(p.s3.perPutCopyPostList, 0.005 / 1000);
        QCOMPARE(p.s3.perGetSelectOther, 0.0004 / 1000);
        QCOMPARE(p.sqs.standardPerRequest.firstPrice(), 0.40 / 1e6);
        QCOMPARE(p.sqs.fifoPerRequest.firstPrice(), 0.50 / 1e6);
        QCOMPARE(p.sqs.meteredBytes, qint64(64 * 1024));
    }

    void malformedPricingSaysWhere() {
        QString error;
        QVERIFY(!Pricing::fromJson("{", &error));
        QVERIFY(!error.isEmpty());
        QFile file(QStringLiteral(":/gatehouse/pricing.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        text.replace("\"perMillion\": 0.20", "\"perMillion\": \"cheap\"");
        QVERIFY(!Pricing::fromJson(text, &error));
        QCOMPARE(error, QStringLiteral("lambda.requests.perMillion: expected a number ≥ 0"));
    }

    void tiersPriceEachSliceOfTheMonth() {
        const TieredPrice &http = Pricing::bundled().apiGateway.httpPerRequest;
        // 400 M HTTP API requests: 300 M at $1.00 per million, 100 M at $0.90.
        QVERIFY(cents(http.cost(400e6), 300 + 90));
        QVERIFY(cents(http.cost(100e6, 250e6), 50 + 45)); // the month had used 250 M already
        const TieredPrice &rest = Pricing::bundled().apiGateway.restPerRequest;
        QVERIFY(cents(rest.cost(1e9), 333 * 3.50 + 667 * 2.80));
    }

    // AWS Lambda pricing page, "Example 1": 512 MB, 3 million invocations a month of 1 s each. The page
    // prices GB-s at its rounded $0.00001667 ($18.34 + $0.40 = $18.74); at $0.0000166667 the duration
    // costs $18.33, within a cent. 1 s is a whole number of both billing units.
    void pricingPageExample1_data() {
        QTest::addColumn<QString>("granularity");
        QTest::newRow("1 ms billing") << QStringLiteral("1ms");
        QTest::newRow("classic 100 ms billing") << QStringLiteral("100ms");
    }
    void pricingPageExample1() {
        QFETCH(QString, granularity);
        const CostBreakdown month = monthlyCost(
            Pricing::bundled(), 3e6 / kSecondsPerMonth, durations({1000}), 512, LambdaArchitecture::X86_64,
            true, billingGranularityFromSetting(granularity), QStringLiteral("example1"));
        QCOMPARE(month.functions.size(), 1);
        const FunctionCost &f = month.functions.first();
        QVERIFY(cents(f.gbSeconds, 1.5e6));
        QVERIFY2(cents(f.durationCost, 18.33), qPrintable(QString::number(f.durationCost)));
        QVERIFY(cents(f.requestCost, 0.40));
        QVERIFY2(cents(month.total(), 18.74), qPrintable(QString::number(month.total())));
        QVERIFY(cents(month.serviceTotal(QStringLiteral("Lambda")), month.total()));
    }

    // "Example 2": 128 MB, 30 million invocations of 200 ms: 750,000 GB-s less 400,000 free = $5.83,
    // 29 million billable requests = $5.80, $11.63 in all.
    void pricingPageExample2_data() {
        QTest::addColumn<QString>("granularity");
        QTest::newRow("1 ms billing") << QStringLiteral("1ms");
        QTest::newRow("classic 100 ms billing") << QStringLiteral("100ms");
    }
    void pricingPageExample2() {
        QFETCH(QString, granularity);
        const CostBreakdown month =
            monthlyCost(Pricing::bundled(), 30e6 / kSecondsPerMonth, durations({200}), 128,
                        LambdaArchitecture::X86_64, true, billingGranularityFromSetting(granularity));
        QVERIFY(cents(month.functions.first().gbSeconds, 750000));
        QVERIFY(cents(month.functions.first().durationCost, 5.83));
        QVERIFY(cents(month.functions.first().requestCost, 5.80));
        QVERIFY2(cents(month.total(), 11.63), qPrintable(QString::number(month.total())));
    }

    // Example 2's function at 120 ms: classic billing rounds each run up to 200 ms and costs what
    // Example 2 costs; 1 ms billing charges the 120 ms: 450,000 GB-s, $0.83 + $5.80.
    void classicBillingRoundsEachRunUpToHundredMs() {
        const auto total = [](BillingGranularity granularity) {
            return monthlyCost(Pricing::bundled(), 30e6 / kSecondsPerMonth, durations({120}), 128,
                               LambdaArchitecture::X86_64, true, granularity)
                .total();
        };
        QVERIFY2(cents(total(BillingGranularity::Millisecond), 6.63),
                 qPrintable(QString::number(total(BillingGranularity::Millisecond))));
        QVERIFY(cents(total(BillingGranularity::HundredMilliseconds), 11.63));
    }

    void freeTierAndArchitectureChangeTheMonth() {
        const Pricing &p = Pricing::bundled();
        const LatencyHistogram oneSecond = durations({1000});
        const double rate = 3e6 / kSecondsPerMonth;
        // Without free tier: 1.5 M GB-s at $0.0000166667 and 3 M requests at $0.20 per million.
        QVERIFY(cents(monthlyCost(p, rate, oneSecond, 512, LambdaArchitecture::X86_64, false,
                                  BillingGranularity::Millisecond)
                          .total(),
                      25.00 + 0.60));
        // arm64: 1.1 M GB-s at $0.0000133334.
        QVERIFY(cents(monthlyCost(p, rate, oneSecond, 512, LambdaArchitecture::Arm64, true,
                                  BillingGranularity::Millisecond)
                          .total(),
                      14.67 + 0.40));
        // Within the free tier nothing is billed.
        QCOMPARE(monthlyCost(p, 0.1, oneSecond, 128, LambdaArchitecture::X86_64, true,
                             BillingGranularity::Millisecond)
                     .total(),
                 0.0);
    }

    void meanBilledDurationRoundsEachValueUp() {
        const LatencyHistogram h = durations({0.3, 1.2, 250});
        QCOMPARE(meanBilledMs(h, BillingGranularity::Millisecond), (1 + 2 + 250) / 3.0);
        QCOMPARE(meanBilledMs(h, BillingGranularity::HundredMilliseconds), (100 + 100 + 300) / 3.0);
        QCOMPARE(meanBilledMs(LatencyHistogram(), BillingGranularity::Millisecond), 0.0);
    }

    void meterAccumulatesWhatRan() {
        CostMeter meter;
        Function armFunction;
        armFunction.name = QStringLiteral("resize");
        armFunction.architecture = QStringLiteral("arm64");
        meter.setFunctions({armFunction});
        // The REPORT lines' billed durations: 2 × 100 ms at 1024 MB, 1 × 3 ms at 128 MB.
        meter.recordInvocation(u"resize", 1024, 100);
        meter.recordInvocation(u"resize", 1024, 100);
        meter.recordInvocation(u"hello", 128, 3);
        const CostBreakdown b = meter.breakdown();
        QVERIFY(!b.freeTier);
        QCOMPARE(b.functions.size(), 2);
        QCOMPARE(b.functions[0].function, QStringLiteral("hello"));
        QCOMPARE(b.functions[0].architecture, LambdaArchitecture::X86_64);
        QCOMPARE(b.functions[0].gbSeconds, 0.003 * 0.125);
        QCOMPARE(b.functions[0].requestCost, 0.2e-6);
        QCOMPARE(b.functions[0].durationCost, 0.003 * 0.125 * 0.0000166667);
        QCOMPARE(b.functions[1].function, QStringLiteral("resize"));
        QCOMPARE(b.functions[1].architecture, LambdaArchitecture::Arm64);
        QCOMPARE(b.functions[1].gbSeconds, 0.2);
        QCOMPARE(b.functions[1].durationCost, 0.2 * 0.0000133334);
        QCOMPARE(b.serviceTotal(QStringLiteral("Lambda")), b.functions[0].total() + b.functions[1].total());
        QCOMPARE(b.total(), b.serviceTotal(QStringLiteral("Lambda")));
    }

    void requestsAreMeteredInTheServicesIncrements() {
        CostMeter meter;
        meter.recordApiRequest(ApiType::Http, 10);
        meter.recordApiRequest(ApiType::Http, 512 * 1024 + 1);  // 513 KB: two requests
        meter.recordApiRequest(ApiType::Rest, 5 * 1024 * 1024); // REST APIs count calls
        meter.recordWebSocketMessage(33 * 1024);                // 33 KB: two messages
        meter.recordWebSocketMessage(0);
        meter.recordWebSocketConnection(90000); // a minute and a half
        meter.recordS3Request(CostMeter::S3Request::PutCopyPostList);
        meter.recordS3Request(CostMeter::S3Request::GetSelectOther);
        meter.recordSqsRequest(false, 256 * 1024); // four 64 KB chunks
        meter.recordSqsRequest(true, 100);
        const CostUsage u = meter.usage();
        QCOMPARE(u.httpApiRequests, 2.0);
        QCOMPARE(u.httpApiUnits, 3.0);
        QCOMPARE(u.restApiRequests, 1.0);
        QCOMPARE(u.webSocketMessages, 3.0);
        QCOMPARE(u.webSocketConnectionMinutes, 1.5);
        QCOMPARE(u.sqsStandardRequests, 4.0);
        QCOMPARE(u.sqsFifoRequests, 1.0);
        const CostBreakdown b = meter.breakdown();
        QCOMPARE(b.serviceTotal(QStringLiteral("API Gateway")), 3 * 1e-6 + 3.5e-6 + 3 * 1e-6 + 1.5 * 0.25e-6);
        QCOMPARE(b.serviceTotal(QStringLiteral("S3")), 0.005 / 1000 + 0.0004 / 1000);
        QCOMPARE(b.serviceTotal(QStringLiteral("SQS")), 4 * 0.4e-6 + 0.5e-6);
        QCOMPARE(b.serviceTotal(QStringLiteral("Lambda")), 0.0);
        QCOMPARE(b.lines.size(), 8); // no Lambda lines: nothing ran
    }

    void projectionScalesTheObservedMixToTheRate() {
        CostMeter meter;
        // Observed: 10 HTTP API requests, each invoking `api` (100 ms at 256 MB); every other one also
        // invoked `audit` (10 ms at 128 MB) and put an object in S3.
        for (int i = 0; i < 10; ++i) {
            meter.recordApiRequest(ApiType::Http, 200);
            meter.recordInvocation(u"api", 256, 100);
            if (i % 2) {
                meter.recordInvocation(u"audit", 128, 10);
                meter.recordS3Request(CostMeter::S3Request::PutCopyPostList);
            }
        }
        const double perMonth = 2 * kSecondsPerMonth; // 2 requests a second
        const CostBreakdown month = meter.projectMonthly(2, false);
        QCOMPARE(month.functions.size(), 2);
        QVERIFY(cents(month.functions[0].requests, perMonth));
        QVERIFY(cents(month.functions[0].gbSeconds, perMonth * 0.1 * 0.25));
        QVERIFY(cents(month.functions[1].requests, perMonth / 2));
        QVERIFY(cents(month.serviceTotal(QStringLiteral("API Gateway")), perMonth * 1e-6));
        QVERIFY(cents(month.serviceTotal(QStringLiteral("S3")), perMonth / 2 * 0.005 / 1000));
        const double lambda =
            perMonth * 1.5 * 0.2e-6 + (perMonth * 0.025 + perMonth / 2 * 0.00125) * 0.0000166667;
        QVERIFY2(cents(month.serviceTotal(QStringLiteral("Lambda")), lambda),
                 qPrintable(QString::number(month.serviceTotal(QStringLiteral("Lambda")))));
        // The free tier only ever lowers it; nothing observed projects nothing.
        QVERIFY(meter.projectMonthly(2, true).total() < month.total());
        QCOMPARE(CostMeter().projectMonthly(100, false).total(), 0.0);
    }

    void withoutApiTrafficTheRateIsInvocations() {
        CostMeter meter;
        meter.recordInvocation(u"tick", 128, 1000);
        const CostBreakdown month = meter.projectMonthly(1, false);
        QVERIFY(cents(month.functions.first().requests, kSecondsPerMonth));
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "tst_telemetry_cost.moc"
