// The Metrics and Cost docks: charts fed from a real MetricsStore on an injected clock (points equal the
// store's, the selector switches series, an hour of seconds lands in one replace per line, polling only
// while visible), the cost view's figures for the AWS Lambda pricing page's Example 2 and a classic
// billing what-if, and both docks in the main window receiving a real run's data.
#include "AppStartup.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "cloud/CloudRunner.h"
#include "observe/CostBreakdownPanel.h"
#include "observe/CostView.h"
#include "observe/LatencyHistogramChart.h"
#include "observe/MetricsView.h"
#include "observe/TimeSeriesChart.h"
#include "telemetry/CostMeter.h"
#include "telemetry/CostProjection.h"
#include "telemetry/MetricsStore.h"

#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPieSeries>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace gatehouse;

namespace {

// 2026-01-01T00:00:00Z.
constexpr qint64 kStart = 1767225600000;
constexpr int kStartTimeoutMs = 15000;

struct ManualClock {
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(kStart);
    MetricsStore::Clock clock() const {
        return [now = now] { return now->load(); };
    }
    void advance(qint64 ms) { now->fetch_add(ms); }
};

const RouteKey kGetItems{QStringLiteral("shop"), QStringLiteral("$default"), QStringLiteral("GET /items")};
const RouteKey kPostItems{QStringLiteral("shop"), QStringLiteral("$default"), QStringLiteral("POST /items")};

// `seconds` of traffic ending at the clock's second: each second i, GET /items gets 2 + i % 5 requests
// (every 7th second one 5XX, every 3rd one 4XX) served by "list", POST /items 1 served by "create"
// (every 11th second a throttle), with seeded random latencies.
void simulate(MetricsStore &store, ManualClock &clock, int seconds) {
    QRandomGenerator random(7);
    for (int i = 0; i < seconds; ++i) {
        const int gets = 2 + i % 5;
        for (int k = 0; k < gets; ++k) {
            const qint64 micros = 2000 + random.bounded(40000);
            store.recordInvocationStarted(u"list");
            const int status = k == 0 && i % 7 == 0 ? 502 : k == 1 && i % 3 == 0 ? 404 : 200;
            store.recordInvocationFinished({.function = u"list",
                                            .error = status == 502,
                                            .coldStart = i == 0 && k == 0,
                                            .durationMicros = micros,
                                            .initDurationMicros = i == 0 && k == 0 ? 150000 : -1});
            store.recordRequest({.api = u"shop",
                                 .stage = u"$default",
                                 .route = u"GET /items",
                                 .status = status,
                                 .latencyMicros = micros + 800,
                                 .integrationLatencyMicros = micros});
        }
        store.recordInvocationStarted(u"create");
        store.recordInvocationFinished({.function = u"create", .durationMicros = 120000});
        store.recordRequest({.api = u"shop",
                             .stage = u"$default",
                             .route = u"POST /items",
                             .status = 201,
                             .latencyMicros = 121000,
                             .integrationLatencyMicros = 120000});
        if (i % 11 == 0) store.recordThrottle(u"create");
        if (i + 1 < seconds) clock.advance(1000);
    }
}

int selectorIndex(const QComboBox *selector, const QString &text) {
    for (int i = 0; i < selector->count(); ++i)
        if (selector->itemText(i).contains(text)) return i;
    return -1;
}

QString cell(const QTableWidget *table, int row, int column) {
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

int rowOf(const QTableWidget *table, const QString &firstTwoColumns) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (cell(table, row, 0) + QLatin1Char(' ') + cell(table, row, 1) == firstTwoColumns) return row;
    return -1;
}

// The quantity of one line ("Lambda", "duration (x86_64)") of a breakdown; -1 when absent.
double quantityOf(const CostBreakdown &breakdown, const QString &service, const QString &item) {
    for (const CostLine &line : breakdown.lines)
        if (line.service == service && line.item == item) return line.quantity;
    return -1;
}

bool cents(double actual, double expected) {
    return std::fabs(actual - expected) <= 0.01;
}

int get(const QString &url) {
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

// The first stage URL of the API named `api` in CloudRunner::endpoints().
QString stageUrl(const QJsonObject &endpoints, const QString &api) {
    for (const QJsonValue &value : endpoints.value(QStringLiteral("apis")).toArray())
        if (value.toObject().value(QStringLiteral("name")).toString() == api)
            return value.toObject()
                .value(QStringLiteral("stages"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("url"))
                .toString();
    return {};
}

} // namespace

class TestObserve : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }

    void withoutARunTheMetricsSayHowToGetThem() {
        MetricsView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.emptyLabel()->isVisible());
        QCOMPARE(view.emptyLabel()->text(), QStringLiteral("Run the project to see metrics"));
        QVERIFY(!view.isPolling());
        ManualClock clock;
        MetricsStore store(clock.clock());
        view.setMetricsStore(&store);
        QVERIFY(view.isPolling());
        QVERIFY(view.emptyLabel()->isVisible()); // running, nothing recorded yet
        store.recordInvocationFinished({.function = u"list", .durationMicros = 1000});
        view.refresh();
        QVERIFY(!view.emptyLabel()->isVisible());
        QVERIFY(view.requestsChart()->isVisible());
        // Hidden (a closed dock, another tab): no polling; shown again: polling.
        view.hide();
        QVERIFY(!view.isPolling());
        view.show();
        QVERIFY(view.isPolling());
        view.setMetricsStore(nullptr);
        QVERIFY(!view.isPolling());
        QCOMPARE(view.requestsChart()->line(0)->count(), 300); // what was shown stays
    }

    void projectChartsSumTheRoutesAndFunctions() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        simulate(store, clock, 120);
        MetricsView view;
        view.resize(1200, 600);
        view.show();
        view.setMetricsStore(&store);
        view.refresh();

        // 1 + 2 routes + 2 functions to pick from.
        QCOMPARE(view.selector()->count(), 5);
        QCOMPARE(view.selection().kind, MetricsSelection::Kind::Project);
        const RouteWindow gets = store.routeWindow(kGetItems, MetricResolution::Second, 300);
        const RouteWindow posts = store.routeWindow(kPostItems, MetricResolution::Second, 300);
        const FunctionWindow list =
            store.functionWindow(QStringLiteral("list"), MetricResolution::Second, 300);
        const FunctionWindow create =
            store.functionWindow(QStringLiteral("create"), MetricResolution::Second, 300);
        QLineSeries *requests = view.requestsChart()->line(0);
        QCOMPARE(requests->count(), 300);
        QLineSeries *clientErrors = view.errorsChart()->line(0);
        QLineSeries *serverErrors = view.errorsChart()->line(1);
        QLineSeries *functionErrors = view.errorsChart()->line(2);
        QLineSeries *throttles = view.errorsChart()->line(3);
        QLineSeries *concurrency = view.concurrencyChart()->line(0);
        QLineSeries *coldStarts = view.concurrencyChart()->line(1);
        double sum = 0;
        for (int i = 0; i < 300; ++i) {
            const QPointF p = requests->at(i);
            QCOMPARE(qint64(p.x()), gets.points[i].startMs);
            QCOMPARE(p.y(), double(gets.points[i].count + posts.points[i].count));
            QCOMPARE(clientErrors->at(i).y(), double(gets.points[i].clientErrors));
            QCOMPARE(serverErrors->at(i).y(), double(gets.points[i].serverErrors));
            QCOMPARE(functionErrors->at(i).y(), double(list.points[i].errors));
            QCOMPARE(throttles->at(i).y(), double(create.points[i].throttles));
            QCOMPARE(concurrency->at(i).y(),
                     double(list.points[i].concurrentExecutions + create.points[i].concurrentExecutions));
            QCOMPARE(coldStarts->at(i).y(), double(list.points[i].coldStarts));
            sum += p.y();
        }
        QVERIFY(sum > 0);
        // The last 2 minutes had traffic; the 3 before them none.
        QCOMPARE(requests->at(299).y(), double(2 + 119 % 5 + 1));
        QCOMPARE(requests->at(0).y(), 0.0);
        // Axes follow the data: x over the 5 minutes, y above the busiest second.
        QCOMPARE(view.requestsChart()->timeAxis()->min().toMSecsSinceEpoch(), gets.points.first().startMs);
        QCOMPARE(view.requestsChart()->timeAxis()->max().toMSecsSinceEpoch(),
                 gets.points.last().startMs + 1000);
        QVERIFY(view.requestsChart()->valueAxis()->max() >= 7.0);
        QVERIFY(view.requestsChart()->valueAxis()->max() < 20.0);
        // The project's latency lines: the higher of the two routes' percentiles each second.
        QLineSeries *p99 = view.latencyChart()->line(2);
        QCOMPARE(p99->at(299).y(), std::max(gets.points[299].latency.p99Ms, posts.points[299].latency.p99Ms));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("metricsNote"))->text().isEmpty());
        // The histogram holds every request since start.
        double bars = 0;
        for (int i = 0; i < view.histogramChart()->barSet()->count(); ++i)
            bars += view.histogramChart()->barSet()->at(i);
        QCOMPARE(bars, double(store.routeTotals(kGetItems).count + store.routeTotals(kPostItems).count));
        QVERIFY(view.histogramChart()->barSet()->count() <= LatencyHistogramChart::kMaxBars + 8);
    }

    void theSelectorSwitchesToARouteOrAFunction() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        simulate(store, clock, 60);
        MetricsView view;
        view.show();
        view.setMetricsStore(&store);
        view.refresh();

        // A route: its Count, 4XX/5XX and Latency; no function lines.
        const int route = selectorIndex(view.selector(), QStringLiteral("GET /items"));
        QVERIFY(route > 0);
        view.selector()->setCurrentIndex(route);
        QCOMPARE(view.selection().kind, MetricsSelection::Kind::Route);
        QCOMPARE(view.selection().route, kGetItems);
        const RouteWindow gets = store.routeWindow(kGetItems, MetricResolution::Second, 300);
        QCOMPARE(view.requestsChart()->line(0)->at(299).y(), double(gets.points[299].count));
        QCOMPARE(view.latencyChart()->line(0)->at(299).y(), gets.points[299].latency.p50Ms);
        QCOMPARE(view.latencyChart()->line(1)->at(299).y(), gets.points[299].latency.p95Ms);
        QCOMPARE(view.latencyChart()->line(2)->at(299).y(), gets.points[299].latency.p99Ms);
        QVERIFY(view.latencyChart()->line(2)->at(299).y() > 0);
        QCOMPARE(view.errorsChart()->line(2)->count(), 0); // function errors: not a route's
        QVERIFY(!view.errorsChart()->line(2)->isVisible());
        QCOMPARE(view.concurrencyChart()->line(0)->count(), 0);
        QCOMPARE(view.latencyChart()->chart()->title(), QStringLiteral("Latency"));

        // A function: its invocations, errors, throttles, Duration.
        view.selector()->setCurrentIndex(selectorIndex(view.selector(), QStringLiteral("Function: create")));
        QCOMPARE(view.selection().function, QStringLiteral("create"));
        const FunctionWindow create =
            store.functionWindow(QStringLiteral("create"), MetricResolution::Second, 300);
        QCOMPARE(view.requestsChart()->line(0)->at(299).y(), 1.0);
        QCOMPARE(view.latencyChart()->line(0)->at(299).y(), create.points[299].duration.p50Ms);
        QCOMPARE(view.latencyChart()->chart()->title(), QStringLiteral("Duration"));
        QCOMPARE(view.errorsChart()->line(0)->count(), 0); // 4XX: not a function's
        QVERIFY(view.errorsChart()->line(3)->isVisible());
        QCOMPARE(view.errorsChart()->line(3)->at(300 - 60).y(), 1.0); // the throttle of second 0
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("metricsNote"))->text().isEmpty());

        // New series appear in the selector without losing the choice.
        store.recordInvocationFinished({.function = u"audit", .durationMicros = 500});
        view.refresh();
        QCOMPARE(view.selector()->count(), 6);
        QCOMPARE(view.selection().function, QStringLiteral("create"));
    }

    // A whole hour of 1-second points reaches each line in one replace, not 3,600 appends; 24 hours of
    // minutes likewise, at per-second rates.
    void anHourOfSecondsIsReplacedInBulk() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        simulate(store, clock, 3600);
        MetricsView view;
        view.show();
        view.setMetricsStore(&store);
        view.windowChoice()->setCurrentIndex(1); // last hour
        QLineSeries *requests = view.requestsChart()->line(0);
        QSignalSpy replaced(requests, &QXYSeries::pointsReplaced);
        QSignalSpy added(requests, &QXYSeries::pointAdded);
        QSignalSpy removed(requests, &QXYSeries::pointRemoved);
        view.refresh();
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(added.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(requests->count(), 3600);
        QCOMPARE(requests->at(0).y(), double(2 + 0 + 1));
        QCOMPARE(view.requestsChart()->timeAxis()->format(), QStringLiteral("HH:mm:ss"));

        view.windowChoice()->setCurrentIndex(2); // last 24 hours, 1-minute points
        QCOMPARE(view.timeWindow().resolution, MetricResolution::Minute);
        QCOMPARE(requests->count(), 1440);
        QCOMPARE(requests->at(1).x() - requests->at(0).x(), 60000.0);
        const FunctionWindow minutes =
            store.functionWindow(QStringLiteral("create"), MetricResolution::Minute, 1440);
        const RouteWindow getMinutes = store.routeWindow(kGetItems, MetricResolution::Minute, 1440);
        QCOMPARE(minutes.points.last().invocations, quint64(60));
        QCOMPARE(requests->at(1439).y(), double(getMinutes.points.last().count + 60) / 60.0);
        QCOMPARE(view.requestsChart()->timeAxis()->format(), QStringLiteral("HH:mm"));
    }

    // AWS Lambda pricing page, Example 2: 128 MB, 30 million invocations a month of 200 ms: $11.63 with
    // the free tier ($5.83 compute + $5.80 requests), $18.50 without ($12.50 + $6.00).
    void costViewPricesTheRunAndProjectsAMonth() {
        CostMeter meter;
        for (int i = 0; i < 1000; ++i)
            meter.recordInvocation(u"example2", 128, 200);
        CostView view(nullptr);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("costEmptyLabel"))->isVisible(), true);
        view.setSources(&meter, nullptr);
        QVERIFY(view.isPolling());

        // This run: 1,000 requests ($0.0002) and 1000 × 0.2 s × 0.125 GB = 25 GB-s ($0.0004167).
        const QTableWidget *services = view.runPanel()->serviceTable();
        const int requestsRow = rowOf(services, QStringLiteral("Lambda requests"));
        const int computeRow = rowOf(services, QStringLiteral("Lambda compute (x86_64)"));
        QVERIFY(requestsRow >= 0);
        QVERIFY(computeRow >= 0);
        QCOMPARE(cell(services, requestsRow, 4), formatUsd(0.0002));
        QCOMPARE(cell(services, requestsRow, 4), QStringLiteral("$0.0002000"));
        QCOMPARE(cell(services, computeRow, 2), QStringLiteral("25"));
        QCOMPARE(cell(services, computeRow, 4), QStringLiteral("$0.0004167"));
        const QTableWidget *functions = view.runPanel()->functionTable();
        QCOMPARE(functions->rowCount(), 1);
        QCOMPARE(cell(functions, 0, 0), QStringLiteral("example2"));
        QCOMPARE(cell(functions, 0, 2), QStringLiteral("128"));
        QCOMPARE(cell(functions, 0, 5), QStringLiteral("$0.0006167"));
        QCOMPARE(view.runTotalLabel()->text(), QStringLiteral("This run so far: $0.0006167"));
        QCOMPARE(view.runPanel()->servicePie()->count(), 2);
        QCOMPARE(view.runPanel()->computeBars()->count(), 1);
        QVERIFY(std::fabs(view.runPanel()->computeBars()->at(0) - 25 * 0.0000166667) < 1e-9);

        // A month at 30 million requests, typed into the spin box.
        view.tabs()->setCurrentIndex(1);
        QDoubleSpinBox *rate = view.rateSpin();
        rate->selectAll();
        QTest::keyClicks(rate, QStringLiteral("30000000"));
        QTest::keyClick(rate, Qt::Key_Enter);
        QCOMPARE(rate->value(), 30e6);
        if (!view.freeTier()->isChecked()) QTest::mouseClick(view.freeTier(), Qt::LeftButton);
        QVERIFY(view.freeTier()->isChecked());
        const CostBreakdown &month = view.projectionPanel()->breakdown();
        QVERIFY2(cents(month.total(), 11.63), qPrintable(QString::number(month.total())));
        QCOMPARE(view.projectionTotalLabel()->text(), QStringLiteral("$11.63 a month"));
        QTest::mouseClick(view.freeTier(), Qt::LeftButton);
        QCOMPARE(view.projectionTotalLabel()->text(), QStringLiteral("$18.50 a month"));
        const QTableWidget *monthly = view.projectionPanel()->serviceTable();
        QCOMPARE(cell(monthly, rowOf(monthly, QStringLiteral("Lambda compute (x86_64)")), 2),
                 QLocale().toString(750000.0, 'f', 0));

        // The same rate per second; doubling it doubles the month.
        view.rateUnit()->setCurrentIndex(view.rateUnit()->findData(int(CostView::RateUnit::PerSecond)));
        QVERIFY(std::fabs(rate->value() - 30e6 / kSecondsPerMonth) < 0.001);
        QCOMPARE(view.projectionTotalLabel()->text(), QStringLiteral("$18.50 a month"));
        rate->setValue(2 * 30e6 / kSecondsPerMonth);
        QVERIFY2(cents(view.projectionPanel()->breakdown().total(), 37.00),
                 qPrintable(view.projectionTotalLabel()->text()));

        // The pricing sources, with their dates.
        const QString sources = view.sourcesLabel()->text();
        const Pricing &p = Pricing::bundled();
        for (const PricingSource &s : {p.lambda.source, p.apiGateway.source, p.s3.source, p.sqs.source}) {
            QVERIFY2(sources.contains(s.url), qPrintable(sources));
            QVERIFY2(sources.contains(s.retrieved), qPrintable(sources));
        }

        view.setSources(nullptr, nullptr);
        QVERIFY(!view.isPolling());
        QCOMPARE(view.runTotalLabel()->text(), QStringLiteral("This run so far: $0.0006167")); // kept
    }

    // The meter billed 150 ms invocations at 1 ms (the project's setting); classic billing re-bills
    // them from the observed durations at 200 ms each.
    void classicBillingRebillsTheObservedDurations() {
        ManualClock clock;
        MetricsStore metrics(clock.clock());
        CostMeter meter;
        for (int i = 0; i < 1000; ++i) {
            meter.recordInvocation(u"short", 128, 150);
            metrics.recordInvocationFinished({.function = u"short", .durationMicros = 149400});
        }
        CostView view(nullptr);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSources(&meter, &metrics);
        QVERIFY(!view.classicBilling()->isChecked());
        const auto gbSeconds = [&] {
            return quantityOf(view.runPanel()->breakdown(), QStringLiteral("Lambda"),
                              QStringLiteral("duration (x86_64)"));
        };
        QVERIFY2(std::fabs(gbSeconds() - 18.75) < 1e-6, qPrintable(QString::number(gbSeconds())));
        QTest::mouseClick(view.classicBilling(), Qt::LeftButton);
        QVERIFY(view.classicBilling()->isChecked());
        // 1000 × 0.2 s × 0.125 GB
        QVERIFY2(std::fabs(gbSeconds() - 25) < 1e-6, qPrintable(QString::number(gbSeconds())));
        QCOMPARE(cell(view.runPanel()->serviceTable(),
                      rowOf(view.runPanel()->serviceTable(), QStringLiteral("Lambda compute (x86_64)")), 2),
                 QStringLiteral("25"));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("costBillingNote"))->text().isEmpty());
        // The projection follows: Example 2's month again.
        view.setRate(30e6, CostView::RateUnit::PerMonth);
        QCOMPARE(view.projectionTotalLabel()->text(), QStringLiteral("$18.50 a month"));
        QTest::mouseClick(view.classicBilling(), Qt::LeftButton);
        QVERIFY(std::fabs(gbSeconds() - 18.75) < 1e-6);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("costBillingNote"))->text().isEmpty());
    }

    // The docks in the main window: a real run's request reaches the charts and the cost view.
    void theDocksShowARealRun() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        auto window = AppStartup::createMainWindow(folder);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto *metricsDock = window->findChild<QDockWidget *>(QStringLiteral("metricsDock"));
        auto *costDock = window->findChild<QDockWidget *>(QStringLiteral("costDock"));
        QVERIFY(metricsDock);
        QVERIFY(costDock);
        QVERIFY(metricsDock->widget() == window->metricsView());
        QVERIFY(costDock->widget() == window->costView());
        metricsDock->show();
        metricsDock->raise();
        QTRY_VERIFY(window->metricsView()->isVisible());
        QVERIFY(!window->metricsView()->isPolling());

        window->runProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Running, kStartTimeoutMs);
        // Run brings the Run dock forward, in the same tab group: the metrics wait behind it.
        QVERIFY(!window->metricsView()->isPolling());
        metricsDock->raise();
        QTRY_VERIFY(window->metricsView()->isPolling());
        QVERIFY(!window->costView()->isPolling()); // its tab is behind the metrics
        const QString url = stageUrl(window->runner()->endpoints(), QStringLiteral("hello-http"));
        QCOMPARE(get(url + QStringLiteral("hello")), 200);
        QTRY_VERIFY_WITH_TIMEOUT(window->metricsView()->requestsChart()->line(0)->count() > 0, 5000);
        const auto requestsSeen = [&] {
            const QLineSeries *line = window->metricsView()->requestsChart()->line(0);
            double sum = 0;
            for (int i = 0; i < line->count(); ++i)
                sum += line->at(i).y();
            return sum;
        };
        QTRY_COMPARE_WITH_TIMEOUT(requestsSeen(), 1.0, 5000);

        costDock->raise();
        QTRY_VERIFY(window->costView()->isPolling());
        QVERIFY(!window->metricsView()->isPolling());
        QTRY_COMPARE_WITH_TIMEOUT(window->costView()->runPanel()->functionTable()->rowCount(), 1, 5000);
        QCOMPARE(cell(window->costView()->runPanel()->functionTable(), 0, 0), QStringLiteral("hello"));
        QVERIFY(window->costView()->runPanel()->breakdown().total() > 0);

        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kStartTimeoutMs);
        QVERIFY(!window->costView()->isPolling());
        QCOMPARE(window->costView()->runPanel()->functionTable()->rowCount(), 1); // still shown
    }

    // Grabs both views with data, light and dark, when GATEHOUSE_SCREENSHOT_DIR is set (to look at them).
    void screenshots() {
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set GATEHOUSE_SCREENSHOT_DIR to write the screenshots");
        ManualClock clock;
        MetricsStore store(clock.clock());
        simulate(store, clock, 200);
        CostMeter meter;
        meter.recordInvocation(u"list", 256, 23);
        for (int i = 0; i < 900; ++i) {
            meter.recordInvocation(u"list", 256, 23 + i % 20);
            meter.recordInvocation(u"create", 512, 121);
            meter.recordApiRequest(ApiType::Http, 2000);
        }
        const QPalette light = QApplication::palette();
        for (const bool dark : {false, true}) {
            if (dark) QApplication::setPalette(test::darkPalette());
            const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral(".png");
            MetricsView metrics;
            metrics.resize(1200, 560);
            metrics.show();
            metrics.setMetricsStore(&store);
            metrics.refresh();
            QCoreApplication::processEvents(); // the layout requests that new texts posted
            QVERIFY(metrics.grab().save(dir + QStringLiteral("/observe-metrics") + suffix));
            CostView cost(nullptr);
            cost.resize(1200, 560);
            cost.show();
            cost.setSources(&meter, &store);
            QCoreApplication::processEvents();
            QVERIFY(cost.grab().save(dir + QStringLiteral("/observe-cost") + suffix));
            cost.tabs()->setCurrentIndex(1);
            QCoreApplication::processEvents();
            QVERIFY(cost.grab().save(dir + QStringLiteral("/observe-projection") + suffix));
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestObserve)
#include "tst_observe.moc"
