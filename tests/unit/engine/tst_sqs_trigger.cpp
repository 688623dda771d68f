// The event source mapping and the async dead-letter queue against real invocations of embedded
// JavaScript functions, with the queues on an injected clock (visibility timeouts pass by moving it):
// a batch with one failed item (ReportBatchItemFailures) is retried alone and lands in the dead-letter
// queue after maxReceiveCount (issue #9, point 8); an asynchronous invocation that fails every attempt
// reaches the function's dead-letter queue with Lambda's attributes
// (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
#include "InvokerFixture.h"
#include "sources/sqs/LocalQueues.h"
#include "sources/sqs/QueueTriggerPoller.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::sqs;

namespace {

// Fails the records whose body is "bad"; logs the bodies it was given.
const QByteArray kConsumer = R"(
exports.handler = (event) => {
  console.log('bodies ' + JSON.stringify(event.Records.map(r => r.body)));
  return { batchItemFailures: event.Records.filter(r => r.body === 'bad').map(r => ({ itemIdentifier: r.messageId })) };
};
)";

const QByteArray kFailing = R"(
exports.handler = () => { throw new Error('boom'); };
)";

Message bodyOnly(const QByteArray &body) {
    Message message;
    message.body = body;
    return message;
}

bool logsContain(const LogStore &logs, const QString &requestId, const QString &text) {
    for (const LogRecord &record : logs.forRequest(requestId))
        if (record.message.contains(text)) return true;
    return false;
}

} // namespace

class TestSqsTrigger : public QObject {
    Q_OBJECT

    qint64 m_now = 1700000000000;

private Q_SLOTS:
    void aFailedItemIsRetriedAloneThenDeadLettered() {
        test::InvokerFixture fixture;
        fixture.addFunction(QStringLiteral("consumer"), {{QStringLiteral("index.js"), kConsumer}});
        Queue work;
        work.name = QStringLiteral("work");
        work.visibilityTimeoutSeconds = 30;
        work.deadLetterQueue = QStringLiteral("dead");
        work.maxReceiveCount = 2;
        QueueTrigger trigger;
        trigger.function = QStringLiteral("consumer");
        trigger.batchSize = 10;
        trigger.reportBatchItemFailures = true;
        work.trigger = trigger;
        Queue dead;
        dead.name = QStringLiteral("dead");
        fixture.project.queues = {work, dead};
        Invoker &invoker = fixture.start();

        LocalQueuesOptions options;
        options.clock = [this] { return m_now; };
        LocalQueues queues(&invoker, &fixture.logs, options);
        QVERIFY(queues.start(fixture.project).isEmpty());
        SqsBroker &broker = *queues.broker();
        QString badId;
        QVERIFY(broker.send(QStringLiteral("work"), bodyOnly("a")));
        QVERIFY(broker.send(QStringLiteral("work"), bodyOnly("bad"), std::nullopt, &badId));
        QVERIFY(broker.send(QStringLiteral("work"), bodyOnly("c")));

        QueueTriggerPoller *poller = queues.poller(QStringLiteral("work"));
        QVERIFY(poller);
        QSignalSpy batches(poller, &QueueTriggerPoller::batchFinished);
        queues.tick();
        QVERIFY(batches.wait(10000));
        QCOMPARE(batches.last().at(1).toInt(), 3); // messages
        QCOMPARE(batches.last().at(2).toInt(), 1); // retried
        const QString first = batches.last().at(0).toString();
        QVERIFY(logsContain(fixture.logs, first, QStringLiteral(R"(bodies ["a","bad","c"])")));
        QCOMPARE(broker.counts(QStringLiteral("work"))->inFlight, 1);
        QCOMPARE(broker.counts(QStringLiteral("work"))->visible, 0);

        // Still hidden: nothing to do until the visibility timeout ends.
        m_now += 29000;
        queues.tick();
        QCOMPARE(batches.size(), 1);
        m_now += 1000;
        queues.tick();
        QVERIFY(batches.wait(10000));
        QCOMPARE(batches.last().at(1).toInt(), 1);
        QCOMPARE(batches.last().at(2).toInt(), 1);
        QVERIFY(
            logsContain(fixture.logs, batches.last().at(0).toString(), QStringLiteral(R"(bodies ["bad"])")));

        // Received twice = maxReceiveCount: the next receive moves it to the dead-letter queue instead.
        m_now += 30000;
        queues.tick();
        QCOMPARE(broker.counts(QStringLiteral("work"))->visible +
                     broker.counts(QStringLiteral("work"))->inFlight,
                 0);
        const auto deadLettered = broker.receive(QStringLiteral("dead"), 10);
        QCOMPARE(deadLettered->size(), 1);
        QCOMPARE(deadLettered->first().messageId, badId);
        QCOMPARE(deadLettered->first().body, QByteArray("bad"));
        QVERIFY(!poller->batchInFlight());
        QCOMPARE(batches.size(), 2);
    }

    void aFunctionErrorLeavesTheWholeBatch() {
        test::InvokerFixture fixture;
        fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        Queue work;
        work.name = QStringLiteral("work");
        work.visibilityTimeoutSeconds = 5;
        QueueTrigger trigger;
        trigger.function = QStringLiteral("failing");
        work.trigger = trigger;
        fixture.project.queues = {work};
        Invoker &invoker = fixture.start();
        LocalQueuesOptions options;
        options.clock = [this] { return m_now; };
        LocalQueues queues(&invoker, &fixture.logs, options);
        QVERIFY(queues.start(fixture.project).isEmpty());
        queues.broker()->send(QStringLiteral("work"), bodyOnly("1"));
        queues.broker()->send(QStringLiteral("work"), bodyOnly("2"));
        QSignalSpy batches(queues.poller(QStringLiteral("work")), &QueueTriggerPoller::batchFinished);
        queues.tick();
        QVERIFY(batches.wait(10000));
        QCOMPARE(batches.last().at(2).toInt(), 2);
        QVERIFY(logsContain(fixture.logs, batches.last().at(0).toString(),
                            QStringLiteral("becomes visible again")));
        m_now += 5000;
        queues.tick();
        QVERIFY(batches.wait(10000));
        QCOMPARE(batches.size(), 2);
    }

    void anAsyncInvocationThatFailsEveryAttemptReachesTheDeadLetterQueue() {
        test::InvokerFixture fixture;
        Function &failing =
            fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        failing.deadLetterQueue = QStringLiteral("failed-events");
        Queue dlq;
        dlq.name = QStringLiteral("failed-events");
        fixture.project.queues = {dlq};
        Invoker &invoker = fixture.start(); // retries after 10 and 20 ms
        LocalQueues queues(&invoker, &fixture.logs);
        QVERIFY(queues.start(fixture.project).isEmpty());
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        QSignalSpy deadLettered(&queues, &LocalQueues::deadLettered);
        InvokeOptions event;
        event.type = InvokeOptions::Type::Event;
        const QString requestId = invoker.invoke(QStringLiteral("failing"), R"({"order":42})", event, nullptr,
                                                 [](const InvocationResult &) {});
        QVERIFY(deadLettered.wait(10000));
        QCOMPARE(started.size(), 3); // the first attempt and Lambda's two retries
        QCOMPARE(deadLettered.first().at(2).toString(), requestId);
        const auto messages = queues.broker()->receive(QStringLiteral("failed-events"), 10);
        QCOMPARE(messages->size(), 1);
        const Message &message = messages->first();
        QCOMPARE(message.body, QByteArray(R"({"order":42})"));
        QCOMPARE(message.attributes.at(QStringLiteral("RequestID")).stringValue, requestId.toUtf8());
        QCOMPARE(message.attributes.at(QStringLiteral("ErrorCode")).dataType, QStringLiteral("Number"));
        QCOMPARE(message.attributes.at(QStringLiteral("ErrorCode")).stringValue, QByteArray("200"));
        QCOMPARE(message.attributes.at(QStringLiteral("ErrorMessage")).stringValue, QByteArray("boom"));
        // Every attempt is in the log under the request id.
        QVERIFY(logsContain(fixture.logs, requestId, QStringLiteral("attempt 1 of 3")));
        QVERIFY(logsContain(fixture.logs, requestId, QStringLiteral("attempt 2 of 3")));
        QVERIFY(logsContain(fixture.logs, requestId, QStringLiteral("attempt 3 of 3")));
        QVERIFY(logsContain(fixture.logs, requestId, QStringLiteral("dead-letter queue failed-events")));
    }

    void anEventOlderThanTheMaximumEventAgeIsNotRetried() {
        test::InvokerFixture fixture;
        Function &failing =
            fixture.addFunction(QStringLiteral("failing"), {{QStringLiteral("index.js"), kFailing}});
        failing.deadLetterQueue = QStringLiteral("failed-events");
        Queue dlq;
        dlq.name = QStringLiteral("failed-events");
        fixture.project.queues = {dlq};
        InvokerOptions options = test::InvokerFixture::fastOptions();
        // The first attempt starts at once (well within 5 ms of being accepted); the retry 10 ms later would
        // be older than that.
        options.maximumEventAge = std::chrono::milliseconds(5);
        Invoker &invoker = fixture.start(options);
        LocalQueues queues(&invoker, &fixture.logs);
        QVERIFY(queues.start(fixture.project).isEmpty());
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        QSignalSpy completed(&invoker, &Invoker::asyncInvocationCompleted);
        InvokeOptions event;
        event.type = InvokeOptions::Type::Event;
        const QString requestId =
            invoker.invoke(QStringLiteral("failing"), "{}", event, nullptr, [](const InvocationResult &) {});
        QVERIFY(completed.wait(10000));
        QCOMPARE(started.size(), 1);
        QVERIFY(logsContain(fixture.logs, requestId, QStringLiteral("maximum event age")));
        QCOMPARE(queues.broker()->counts(QStringLiteral("failed-events"))->visible, 1);
    }
};

QTEST_GUILESS_MAIN(TestSqsTrigger)
#include "tst_sqs_trigger.moc"
