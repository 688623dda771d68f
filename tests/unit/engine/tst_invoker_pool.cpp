// Execution environment pools as Lambda runs them: warm reuse, concurrency caps and throttling, the
// asynchronous queue with retries, idle reaping, and recycling on code or configuration changes.
#include "InvokerFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;

namespace {
// Resolves after e.ms milliseconds (default 150) with e.tag.
const QByteArray kSlow =
    "exports.handler = (e) => new Promise((ok) => setTimeout(() => ok(e.tag === undefined ? 'done' : e.tag), "
    "e.ms === undefined ? 150 : e.ms));";

QList<LogRecord> startLines(const LogStore &logs, const QString &requestId) {
    QList<LogRecord> out;
    for (const LogRecord &r : logs.forRequest(requestId))
        if (r.message.startsWith(QLatin1String("START "))) out.append(r);
    return out;
}
} // namespace

class TestInvokerPool : public QObject {
    Q_OBJECT
private slots:
    void sequentialCallsReuseOneWarmEnvironment() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => 1;"}});
        Invoker &invoker = f.start();
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        for (int i = 0; i < 5; ++i)
            QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), "{}").succeeded());
        QCOMPARE(invoker.stats(QStringLiteral("f")).environments, 1);
        QCOMPARE(started.size(), 5);
        QCOMPARE(started.at(0).at(2).toBool(), true);  // cold
        QCOMPARE(started.at(4).at(2).toBool(), false); // warm
    }

    void reservedConcurrencyThrottlesTheSecondSyncCall() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("slow"), {{"index.js", kSlow}}).reservedConcurrency = 1;
        Invoker &invoker = f.start();
        QSignalSpy throttled(&invoker, &Invoker::invocationThrottled);
        QList<InvocationResult> results;
        auto collect = [&](const InvocationResult &r) { results.append(r); };
        invoker.invoke(QStringLiteral("slow"), R"({"tag": "first"})", {}, this, collect);
        invoker.invoke(QStringLiteral("slow"), R"({"tag": "second"})", {}, this, collect);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 10000);
        QCOMPARE(results.at(0).statusCode, 429); // the throttle answers at once
        QCOMPARE(results.at(0).errorType, QStringLiteral("TooManyRequestsException"));
        QCOMPARE(results.at(0).errorMessage, QStringLiteral("Rate Exceeded."));
        QCOMPARE(results.at(0).errorReason,
                 QStringLiteral("ReservedFunctionConcurrentInvocationLimitExceeded"));
        QCOMPARE(results.at(1).payload, QByteArray(R"("first")"));
        QCOMPARE(throttled.size(), 1);
        QCOMPARE(invoker.stats(QStringLiteral("slow")).environments, 1);
        QVERIFY(
            invoker.invokeAndWait(QStringLiteral("slow"), R"({"ms": 1})").succeeded()); // capacity is back
    }

    void projectConcurrencyLimitThrottlesAcrossFunctions() {
        test::InvokerFixture f;
        f.project.settings.concurrencyLimit = 2;
        f.addFunction(QStringLiteral("a"), {{"index.js", kSlow}});
        f.addFunction(QStringLiteral("b"), {{"index.js", kSlow}});
        Invoker &invoker = f.start();
        QList<InvocationResult> results;
        for (const char *fn : {"a", "b", "a"})
            invoker.invoke(QString::fromLatin1(fn), "{}", {}, this,
                           [&](const InvocationResult &r) { results.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 10000);
        QCOMPARE(results.at(0).statusCode, 429);
        QCOMPARE(results.at(0).errorReason, QStringLiteral("ConcurrentInvocationLimitExceeded"));
        QVERIFY(results.at(1).succeeded() && results.at(2).succeeded());
    }

    void liveEnvironmentsStayWithinTheProjectCapByEvictingIdleOnes() {
        test::InvokerFixture f;
        f.project.settings.concurrencyLimit = 1;
        f.addFunction(QStringLiteral("a"), {{"index.js", "exports.handler = () => 'a';"}});
        f.addFunction(QStringLiteral("b"), {{"index.js", "exports.handler = () => 'b';"}});
        Invoker &invoker = f.start();
        QSignalSpy stopped(&invoker, &Invoker::environmentStopped);
        QVERIFY(invoker.invokeAndWait(QStringLiteral("a"), "{}").succeeded());
        QVERIFY(invoker.invokeAndWait(QStringLiteral("b"), "{}").succeeded());
        QCOMPARE(invoker.environmentCount(), 1);
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(stopped.first().at(0).toString(), QStringLiteral("a"));
        QCOMPARE(stopped.first().at(1).toString(), QStringLiteral("evicted"));
    }

    void aSlowHandlerDoesNotBlockOtherEnvironments() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("stuck"),
                      {{"index.js", "exports.handler = () => { const end = Date.now() + 400; while "
                                    "(Date.now() < end) {} return 'stuck'; };"}});
        f.addFunction(QStringLiteral("fast"), {{"index.js", "exports.handler = () => 'fast';"}});
        Invoker &invoker = f.start();
        QStringList order;
        invoker.invoke(QStringLiteral("stuck"), "{}", {}, this,
                       [&](const InvocationResult &r) { order.append(QString::fromUtf8(r.payload)); });
        invoker.invoke(QStringLiteral("fast"), "{}", {}, this,
                       [&](const InvocationResult &r) { order.append(QString::fromUtf8(r.payload)); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 10000);
        QCOMPARE(order, (QStringList{QStringLiteral("\"fast\""), QStringLiteral("\"stuck\"")}));
    }

    void eventInvocationsAreAcceptedAndQueuedBehindTheCap() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("slow"), {{"index.js", kSlow}}).reservedConcurrency = 1;
        Invoker &invoker = f.start();
        QSignalSpy completed(&invoker, &Invoker::asyncInvocationCompleted);
        InvokeOptions event;
        event.type = InvokeOptions::Type::Event;
        QList<InvocationResult> accepted;
        for (int i = 0; i < 3; ++i)
            invoker.invoke(QStringLiteral("slow"),
                           QByteArray(R"({"ms": 30, "tag": )") + QByteArray::number(i) + '}', event, this,
                           [&](const InvocationResult &r) { accepted.append(r); });
        QTRY_COMPARE(accepted.size(), 3);
        for (const InvocationResult &r : accepted)
            QCOMPARE(r.statusCode, 202);
        QCOMPARE(invoker.stats(QStringLiteral("slow")).queued, 2);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 3, 10000);
        for (int i = 0; i < 3; ++i) {
            const auto r = completed.at(i).at(0).value<InvocationResult>();
            QVERIFY(r.succeeded());
            QVERIFY(r.asynchronous);
            QCOMPARE(r.payload, QByteArray::number(i)); // first in, first out
        }
        QCOMPARE(invoker.stats(QStringLiteral("slow")).environments, 1);
    }

    void failedEventIsRetriedTwiceWithTheConfiguredDelays() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("bad"),
                      {{"index.js", "exports.handler = () => { throw new Error('always'); };"}});
        Invoker &invoker = f.start();
        QSignalSpy completed(&invoker, &Invoker::asyncInvocationCompleted);
        QSignalSpy finished(&invoker, &Invoker::invocationFinished);
        InvokeOptions event;
        event.type = InvokeOptions::Type::Event;
        const QString id = invoker.invoke(QStringLiteral("bad"), "{}", event, nullptr, {});
        QVERIFY(completed.wait(10000));
        const auto last = completed.first().at(0).value<InvocationResult>();
        QCOMPARE(last.requestId, id);
        QCOMPARE(last.attempt, 3);
        QCOMPARE(last.errorMessage, QStringLiteral("always"));
        QCOMPARE(finished.size(), 3);
        QCOMPARE(startLines(f.logs, id).size(), 3); // every attempt is logged under the same request id
    }

    void eventRetrySucceedsOnALaterAttempt() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("flaky"),
            {{"index.js",
              "let n = 0;\nexports.handler = () => { if (++n < 2) throw new Error('flaky'); return n; };"}});
        Invoker &invoker = f.start();
        QSignalSpy completed(&invoker, &Invoker::asyncInvocationCompleted);
        InvokeOptions event;
        event.type = InvokeOptions::Type::Event;
        invoker.invoke(QStringLiteral("flaky"), "{}", event, nullptr, {});
        QVERIFY(completed.wait(10000));
        const auto r = completed.first().at(0).value<InvocationResult>();
        QVERIFY(r.succeeded());
        QCOMPARE(r.attempt, 2);
        QCOMPARE(r.payload, QByteArray("2"));
    }

    void dryRunValidatesOnly() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => 1;"}});
        Invoker &invoker = f.start();
        InvokeOptions dry;
        dry.type = InvokeOptions::Type::DryRun;
        QCOMPARE(invoker.invokeAndWait(QStringLiteral("f"), "{}", dry).statusCode, 204);
        QCOMPARE(invoker.environmentCount(), 0);
        QCOMPARE(invoker.invokeAndWait(QStringLiteral("missing"), "{}", dry).statusCode, 404);
    }

    void idleEnvironmentsAreReaped() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => 1;"}});
        InvokerOptions options = test::InvokerFixture::fastOptions();
        options.idleTimeout = std::chrono::milliseconds(50);
        Invoker &invoker = f.start(options);
        QSignalSpy stopped(&invoker, &Invoker::environmentStopped);
        QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), "{}").succeeded());
        QCOMPARE(invoker.environmentCount(), 1);
        QVERIFY(stopped.wait(5000));
        QCOMPARE(stopped.first().at(1).toString(), QStringLiteral("idle"));
        QCOMPARE(invoker.environmentCount(), 0);
        QVERIFY(
            invoker.invokeAndWait(QStringLiteral("f"), "{}").coldStart); // scale to zero, then a cold start
    }

    void configurationChangeRecyclesTheFunction() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => process.env.COLOUR;"}})
            .environment = {{QStringLiteral("COLOUR"), QStringLiteral("red")}};
        f.addFunction(QStringLiteral("other"), {{"index.js", "exports.handler = () => 'other';"}});
        Invoker &invoker = f.start();
        QCOMPARE(invoker.invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray(R"("red")"));
        QVERIFY(invoker.invokeAndWait(QStringLiteral("other"), "{}").succeeded());
        QSignalSpy recycled(&invoker, &Invoker::functionRecycled);
        f.project.functions[0].environment = {{QStringLiteral("COLOUR"), QStringLiteral("blue")}};
        invoker.updateProject(f.project, f.folder());
        QCOMPARE(recycled.size(), 1);
        QCOMPARE(recycled.first().at(0).toString(), QStringLiteral("f"));
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.payload, QByteArray(R"("blue")"));
        QVERIFY(r.coldStart);
        QVERIFY(!invoker.invokeAndWait(QStringLiteral("other"), "{}").coldStart); // untouched

        f.project.functions.removeFirst();
        invoker.updateProject(f.project, f.folder());
        QCOMPARE(invoker.invokeAndWait(QStringLiteral("f"), "{}").errorType,
                 QStringLiteral("ResourceNotFoundException"));
    }

    // Moving the node on the canvas or changing the asynchronous configuration is no change an
    // environment sees: the warm one stays.
    void changesNoEnvironmentSeesKeepItWarm() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => 'ok';"}});
        Invoker &invoker = f.start();
        QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), "{}").coldStart);
        QSignalSpy recycled(&invoker, &Invoker::functionRecycled);
        f.project.functions[0].position = CanvasPoint{300, 40};
        f.project.functions[0].description = QStringLiteral("moved");
        f.project.functions[0].asyncInvoke.maximumRetryAttempts = 0;
        invoker.updateProject(f.project, f.folder());
        QCOMPARE(recycled.size(), 0);
        QVERIFY(!invoker.invokeAndWait(QStringLiteral("f"), "{}").coldStart);
    }

    void codeEditRecyclesWhileTheInFlightCallFinishesOnOldCode() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"index.js", "const v = 'old';\n" +
                              QByteArray(kSlow).replace("e.tag === undefined ? 'done' : e.tag", "v")}});
        Invoker &invoker = f.start();
        QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), R"({"ms": 1})").succeeded()); // warm
        QList<InvocationResult> results;
        invoker.invoke(QStringLiteral("f"), R"({"ms": 300})", {}, this,
                       [&](const InvocationResult &r) { results.append(r); });
        QSignalSpy recycled(&invoker, &Invoker::functionRecycled);
        f.write(QStringLiteral("functions/f/index.js"), "exports.handler = () => 'new';");
        QVERIFY(recycled.wait(5000));
        const InvocationResult fresh = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(fresh.payload, QByteArray(R"("new")"));
        QVERIFY(fresh.coldStart);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
        QCOMPARE(results.first().payload, QByteArray(R"("old")"));
        QTRY_COMPARE(invoker.stats(QStringLiteral("f")).environments,
                     1); // the old one is gone after its call
    }

    void invokeFromAnotherThreadDeliversOnTheCallersContext() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => 'x';"}});
        Invoker &invoker = f.start();
        InvocationResult result;
        QThread *worker = QThread::create([&] { result = invoker.invokeAndWait(QStringLiteral("f"), "{}"); });
        worker->start();
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 10000);
        delete worker;
        QCOMPARE(result.payload, QByteArray(R"("x")"));
    }
};

QTEST_GUILESS_MAIN(TestInvokerPool)
#include "tst_invoker_pool.moc"
