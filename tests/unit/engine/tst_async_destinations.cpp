// A function's asynchronous-invocation configuration against real invocations of embedded JavaScript
// functions: maximumRetryAttempts, the maximum event age, the project's retry delay, and the on-success
// and on-failure destinations that receive Lambda's invocation record (Lambda Developer Guide,
// "Capturing records of Lambda asynchronous invocations",
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html, and
// "How Lambda handles errors and retries with asynchronous invocation").
#include "InvokerFixture.h"
#include "sources/destinations/AsyncDestinations.h"
#include "sources/sqs/LocalQueues.h"

#include <QSignalSpy>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace gatehouse;
using namespace gatehouse::sqs;
using Json = nlohmann::json;

namespace {

const QByteArray kFailing = R"(
exports.handler = () => { throw new Error('boom'); };
)";
const QByteArray kAnswering = R"(
exports.handler = (event) => ({ seen: event.order });
)";
// Returns the record it is given, so the test can read it from invocationFinished.
const QByteArray kEcho = R"(
exports.handler = (event) => event;
)";

Json parsed(const QByteArray &text) {
    return Json::parse(text.toStdString(), nullptr, false);
}

// The value at a JSON pointer: a string as itself, anything else as compact JSON; "<missing>" if absent.
QString valueAt(const Json &json, const char *pointer) {
    const Json::json_pointer at(pointer);
    if (!json.contains(at)) return QStringLiteral("<missing>");
    const Json &value = json.at(at);
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

Queue queueNamed(const QString &name) {
    Queue queue;
    queue.name = name;
    return queue;
}

InvokeOptions eventType() {
    InvokeOptions options;
    options.type = InvokeOptions::Type::Event;
    return options;
}

// The cloud's pieces that deliver records: the queues (with their broker) and the destinations.
struct Delivery {
    Delivery(Invoker &invoker, test::InvokerFixture &fixture)
        : queues(&invoker, &fixture.logs)
        , destinations(&invoker, queues.broker(), &fixture.logs) {
        started = queues.start(fixture.project).isEmpty();
        destinations.update(fixture.project);
    }
    LocalQueues queues;
    AsyncDestinations destinations;
    bool started = false;
};

} // namespace

class TestAsyncDestinations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void failedEventsRecordGoesToTheOnFailureQueueAfterTheConfiguredRetries() {
        test::InvokerFixture fixture;
        Function &failing =
            fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        failing.asyncInvoke.maximumRetryAttempts = 1;
        failing.asyncInvoke.onFailure.queue = QStringLiteral("failures");
        fixture.project.queues = {queueNamed(QStringLiteral("failures"))};
        Invoker &invoker = fixture.start();
        Delivery delivery(invoker, fixture);
        QVERIFY(delivery.started);
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        QSignalSpy delivered(&delivery.destinations, &AsyncDestinations::recordDelivered);
        const QString requestId = invoker.invoke(QStringLiteral("failing"), R"({"order":42})", eventType(),
                                                 nullptr, [](const InvocationResult &) {});
        QVERIFY(delivered.wait(10000));
        QCOMPARE(started.size(), 2); // the first attempt and the one retry configured
        const auto messages = delivery.queues.broker()->receive(QStringLiteral("failures"), 10);
        QCOMPARE(messages->size(), 1);
        const Json record = parsed(messages->first().body);
        QCOMPARE(valueAt(record, "/version"), QStringLiteral("1.0"));
        QCOMPARE(valueAt(record, "/requestContext/requestId"), requestId);
        QCOMPARE(valueAt(record, "/requestContext/functionArn"),
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:failing:$LATEST"));
        QCOMPARE(valueAt(record, "/requestContext/condition"), QStringLiteral("RetriesExhausted"));
        QCOMPARE(valueAt(record, "/requestContext/approximateInvokeCount"), QString::number(2));
        QCOMPARE(valueAt(record, "/requestPayload"), QString::fromStdString(Json({{"order", 42}}).dump()));
        QCOMPARE(valueAt(record, "/responseContext/statusCode"), QString::number(200));
        QCOMPARE(valueAt(record, "/responseContext/executedVersion"), QStringLiteral("$LATEST"));
        QCOMPARE(valueAt(record, "/responseContext/functionError"), QStringLiteral("Unhandled"));
        QCOMPARE(valueAt(record, "/responsePayload/errorMessage"), QStringLiteral("boom"));
        QVERIFY(valueAt(record, "/timestamp").endsWith(QLatin1Char('Z')));
    }

    void noRetriesMeansOneAttempt() {
        test::InvokerFixture fixture;
        Function &failing =
            fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        failing.asyncInvoke.maximumRetryAttempts = 0;
        Invoker &invoker = fixture.start();
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        QSignalSpy discarded(&invoker, &Invoker::asyncEventDiscarded);
        invoker.invoke(QStringLiteral("failing"), "{}", eventType(), nullptr,
                       [](const InvocationResult &) {});
        QVERIFY(discarded.wait(10000));
        QCOMPARE(started.size(), 1);
        QCOMPARE(discarded.first().at(2).toString(), QStringLiteral("RetriesExhausted"));
    }

    void successRecordInvokesTheOnSuccessFunction() {
        test::InvokerFixture fixture;
        Function &source =
            fixture.addFunction(QStringLiteral("source"), {{QStringLiteral("index.js"), kAnswering}});
        source.asyncInvoke.onSuccess.function = QStringLiteral("audit");
        fixture.addFunction(QStringLiteral("audit"), {{QStringLiteral("index.js"), kEcho}});
        Invoker &invoker = fixture.start();
        Delivery delivery(invoker, fixture);
        QList<InvocationResult> audited;
        connect(&invoker, &Invoker::invocationFinished, this, [&](const InvocationResult &result) {
            if (result.functionName == QLatin1String("audit")) audited.append(result);
        });
        const QString requestId = invoker.invoke(QStringLiteral("source"), R"({"order":7})", eventType(),
                                                 nullptr, [](const InvocationResult &) {});
        QTRY_COMPARE_WITH_TIMEOUT(audited.size(), 1, 10000);
        QVERIFY(audited.first().asynchronous); // destinations are invoked asynchronously
        const Json record = parsed(audited.first().payload);
        QCOMPARE(valueAt(record, "/requestContext/condition"), QStringLiteral("Success"));
        QCOMPARE(valueAt(record, "/requestContext/requestId"), requestId);
        QCOMPARE(valueAt(record, "/requestContext/approximateInvokeCount"), QString::number(1));
        QCOMPARE(valueAt(record, "/requestPayload"), QString::fromStdString(Json({{"order", 7}}).dump()));
        QCOMPARE(valueAt(record, "/responseContext/functionError"), QStringLiteral("<missing>"));
        QCOMPARE(valueAt(record, "/responsePayload"), QString::fromStdString(Json({{"seen", 7}}).dump()));
    }

    void aSuccessWithoutOnSuccessDestinationSendsNothing() {
        test::InvokerFixture fixture;
        Function &source =
            fixture.addFunction(QStringLiteral("source"), {{QStringLiteral("index.js"), kAnswering}});
        source.asyncInvoke.onFailure.queue = QStringLiteral("failures");
        fixture.project.queues = {queueNamed(QStringLiteral("failures"))};
        Invoker &invoker = fixture.start();
        Delivery delivery(invoker, fixture);
        QSignalSpy completed(&invoker, &Invoker::asyncInvocationCompleted);
        QSignalSpy delivered(&delivery.destinations, &AsyncDestinations::recordDelivered);
        invoker.invoke(QStringLiteral("source"), "{}", eventType(), nullptr, [](const InvocationResult &) {});
        QVERIFY(completed.wait(10000));
        QCOMPARE(delivered.size(), 0);
        QCOMPARE(delivery.queues.broker()->counts(QStringLiteral("failures"))->visible, 0);
    }

    void anEventTooOldForItsRetryIsRecordedAsEventAgeExceeded() {
        test::InvokerFixture fixture;
        Function &failing =
            fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        failing.asyncInvoke.onFailure.queue = QStringLiteral("failures");
        fixture.project.queues = {queueNamed(QStringLiteral("failures"))};
        InvokerOptions options = test::InvokerFixture::fastOptions();
        options.maximumEventAge = std::chrono::milliseconds(5); // the 10 ms retry would be too late
        Invoker &invoker = fixture.start(options);
        Delivery delivery(invoker, fixture);
        QSignalSpy delivered(&delivery.destinations, &AsyncDestinations::recordDelivered);
        invoker.invoke(QStringLiteral("failing"), "{}", eventType(), nullptr,
                       [](const InvocationResult &) {});
        QVERIFY(delivered.wait(10000));
        const auto messages = delivery.queues.broker()->receive(QStringLiteral("failures"), 10);
        const Json record = parsed(messages->first().body);
        QCOMPARE(valueAt(record, "/requestContext/condition"), QStringLiteral("EventAgeExceeded"));
        QCOMPARE(valueAt(record, "/requestContext/approximateInvokeCount"), QString::number(1));
        QCOMPARE(valueAt(record, "/responseContext/functionError"), QStringLiteral("Unhandled"));
    }

    // settings.asyncRetryDelaySeconds scales Lambda's 1 then 2 minutes: 0 retries at once.
    void theProjectsRetryDelayReplacesLambdasMinutes() {
        test::InvokerFixture fixture;
        fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        fixture.project.settings.asyncRetryDelaySeconds = 0;
        Invoker &invoker = fixture.start(InvokerOptions{});
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        QSignalSpy discarded(&invoker, &Invoker::asyncEventDiscarded);
        const QString requestId = invoker.invoke(QStringLiteral("failing"), "{}", eventType(), nullptr,
                                                 [](const InvocationResult &) {});
        QVERIFY(discarded.wait(10000));
        QCOMPARE(started.size(), 3);
        bool loggedZeroDelay = false;
        for (const LogRecord &record : fixture.logs.forRequest(requestId))
            loggedZeroDelay |= record.message.contains(QStringLiteral("retrying in 0 ms"));
        QVERIFY(loggedZeroDelay);
    }

    void aMissingDestinationQueueIsReportedNotFatal() {
        test::InvokerFixture fixture;
        Function &failing =
            fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        failing.asyncInvoke.maximumRetryAttempts = 0;
        failing.asyncInvoke.onFailure.queue = QStringLiteral("gone");
        Invoker &invoker = fixture.start();
        Delivery delivery(invoker, fixture);
        QSignalSpy failed(&delivery.destinations, &AsyncDestinations::deliveryFailed);
        const QString requestId = invoker.invoke(QStringLiteral("failing"), "{}", eventType(), nullptr,
                                                 [](const InvocationResult &) {});
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(2).toString().contains(QStringLiteral("gone")));
        bool logged = false;
        for (const LogRecord &record : fixture.logs.forRequest(requestId))
            logged |= record.message.contains(QStringLiteral("not delivered"));
        QVERIFY(logged);
    }
};

QTEST_GUILESS_MAIN(TestAsyncDestinations)
#include "tst_async_destinations.moc"
