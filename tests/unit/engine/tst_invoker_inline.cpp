// Warm embedded-JavaScript invocations on the caller's thread (JsEnvironment::claimInline/runInline):
// when an environment allows it, and that what such an invocation leaves behind (a Promise, timers,
// reactions) still runs, on the environment's own thread, and that it can be stopped.
#include "InvokerFixture.h"
#include "gateway/HttpApiEventV2.h"
#include "invoker/JsEnvironment.h"
#include "invoker/JsRuntime.h"
#include "invoker/Watchdog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace gatehouse;

namespace {

// One JsEnvironment over a function of an InvokerFixture's project, driven directly.
class Environment {
public:
    explicit Environment(const QByteArray &code, int timeoutSeconds = 30) {
        Function &fn = m_fixture.addFunction(QStringLiteral("f"), {{"index.js", code}});
        fn.timeoutSeconds = timeoutSeconds;
        m_env = std::make_unique<JsEnvironment>(
            EnvironmentSpec::create(fn, m_fixture.folder() + QStringLiteral("/functions/f"),
                                    m_fixture.project.settings, &logs(), &m_watchdog));
    }
    JsEnvironment &env() { return *m_env; }
    LogStore &logs() { return m_fixture.logs; }
    void destroy() { m_env.reset(); }

    // An invocation on the environment's own thread, awaited through `finished` (emitted there; a
    // queued connection brings it here: QSignalSpy::wait misses a signal from another thread that
    // comes before the wait begins).
    InvocationResult invokeOwnThread(const QByteArray &event) {
        return awaitFinished([&] { m_env->invoke({newId(), event, {}, 1}); });
    }
    // Runs `start`, then waits for the next `finished`.
    InvocationResult awaitFinished(const std::function<void()> &start) {
        InvocationResult out;
        QEventLoop loop;
        const auto connection = QObject::connect(
            m_env.get(), &ExecutionEnvironment::finished, &loop,
            [&](const InvocationResult &r) {
                out = r;
                loop.quit();
            },
            Qt::QueuedConnection);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        start();
        loop.exec();
        QObject::disconnect(connection);
        return out;
    }
    // Own-thread invocations until the environment may run inline (bounded). True: it is claimed, and
    // runInline() must follow.
    bool warmUntilInlineAllowed(const QByteArray &event = "{}") {
        for (int i = 0; i < 20; ++i) {
            if (m_env->claimInline()) return true;
            invokeOwnThread(event);
        }
        return false;
    }
    QString newId() { return QStringLiteral("req-%1").arg(++m_sequence); }
    bool logsContain(const QString &text) {
        const QList<LogRecord> lines = logs().since(0);
        return std::any_of(lines.begin(), lines.end(),
                           [&](const LogRecord &r) { return r.message.contains(text); });
    }

private:
    test::InvokerFixture m_fixture;
    Watchdog m_watchdog;
    std::unique_ptr<JsEnvironment> m_env;
    int m_sequence = 0;
};

QJsonObject object(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestInvokerInline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<InvocationResult>(); }

    void aWarmQuickHandlerRunsOnTheCallersThread() {
        Environment e(
            "exports.handler = (event) => { console.log('inline', event.n); return { n: event.n }; };");
        QVERIFY(!e.env().claimInline()); // cold: the own thread starts it
        QVERIFY(e.warmUntilInlineAllowed());
        InvocationResult r;
        QSignalSpy finished(&e.env(), &ExecutionEnvironment::finished);
        QVERIFY(e.env().runInline({QStringLiteral("inline-1"), R"({"n": 5})", {}, 1}, r));
        QVERIFY2(r.succeeded(), r.payload.constData());
        QCOMPARE(r.payload, QByteArray(R"({"n":5})"));
        QVERIFY(!r.coldStart);
        // The same CloudWatch lines as on the own thread.
        QVERIFY(r.logLines.size() >= 4);
        QCOMPARE(r.logLines.first(), QStringLiteral("START RequestId: inline-1 Version: $LATEST"));
        QVERIFY(r.logLines.at(1).contains(QStringLiteral("\tinline-1\tINFO\tinline 5")));
        QVERIFY(r.logLines.last().startsWith(QStringLiteral("REPORT RequestId: inline-1\tDuration: ")));
        QCOMPARE(finished.size(), 0);   // the result came back here, not through the signal
        QVERIFY(e.env().claimInline()); // and it may go on like this
        QVERIFY(e.env().runInline({QStringLiteral("inline-2"), R"({"n": 6})", {}, 1}, r));
        QCOMPARE(r.payload, QByteArray(R"({"n":6})"));
    }

    void aHandlerThatKeepsComputingStaysOnItsOwnThread() {
        // About 3 ms per call, above JsRuntime::kInlineBudgetMs on average.
        Environment e(
            "exports.handler = () => { var t = Date.now(); while (Date.now() - t < 3) {} return 1; };");
        for (int i = 0; i < 8; ++i) {
            QVERIFY(e.invokeOwnThread("{}").succeeded());
            QVERIFY2(!e.env().claimInline(), qPrintable(QString::number(i)));
        }
    }

    void aPromiseReturnedInlineSettlesOnTheOwnThread() {
        Environment e(
            "exports.handler = (e) => e.later ? new Promise(r => setTimeout(() => r('late'), 5)) : 'now';");
        QVERIFY(e.warmUntilInlineAllowed());
        InvocationResult r;
        bool overAtOnce = true;
        const InvocationResult late = e.awaitFinished([&] {
            overAtOnce = e.env().runInline({QStringLiteral("promise"), R"({"later": true})", {}, 1}, r);
        });
        QVERIFY(!overAtOnce); // it went on waiting on the own thread
        QCOMPARE(late.requestId, QStringLiteral("promise"));
        QCOMPARE(late.payload, QByteArray(R"("late")"));
        QVERIFY(late.durationMs >= 4.0); // measured across both threads
        QVERIFY(late.logLines.last().startsWith(QStringLiteral("REPORT RequestId: promise\t")));
        QCOMPARE(e.invokeOwnThread("{}").payload, QByteArray(R"("now")"));
    }

    // Promise.resolve(value) and Promise.reject(reason) are settled when created (JsPrelude.mjs): a
    // handler returning one is over when it returns, so it may run inline like a plain return.
    void aPromiseSettledAtBirthIsOverWhenTheHandlerReturns() {
        Environment e("exports.handler = (e) => e.fail ? Promise.reject(new TypeError('nope'))\n"
                      "  : e.chain ? Promise.resolve(e.n).then((n) => ({ n: n + 1 }))\n"
                      "  : Promise.resolve({ n: e.n });");
        QVERIFY(e.warmUntilInlineAllowed()); // never, if each call waited for its Promise
        InvocationResult r;
        QVERIFY(e.env().runInline({QStringLiteral("resolved"), R"({"n": 7})", {}, 1}, r));
        QCOMPARE(r.payload, QByteArray(R"({"n":7})"));

        QVERIFY(e.env().claimInline());
        QVERIFY(e.env().runInline({QStringLiteral("rejected"), R"({"fail": true})", {}, 1}, r));
        QVERIFY(r.isFunctionError());
        QCOMPARE(r.errorType, QStringLiteral("TypeError"));
        QCOMPARE(object(r.payload).value(QStringLiteral("errorMessage")).toString(), QStringLiteral("nope"));
        QVERIFY(r.environmentReusable); // a rejected Promise is an ordinary function error
        QVERIFY(std::any_of(r.logLines.begin(), r.logLines.end(), [](const QString &line) {
            return line.contains(QStringLiteral("\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\""));
        }));

        // A reaction still pending when the handler returns: the Promise is waited for, as before.
        QVERIFY(e.warmUntilInlineAllowed());
        bool overAtOnce = true;
        const InvocationResult chained = e.awaitFinished([&] {
            overAtOnce =
                e.env().runInline({QStringLiteral("chained"), R"({"chain": true, "n": 1})", {}, 1}, r);
        });
        QVERIFY(!overAtOnce);
        QCOMPARE(chained.payload, QByteArray(R"({"n":2})"));
    }

    // As in Node.js, reactions the handler queued before returning a settled Promise run before the
    // invocation ends: their lines belong to it.
    void reactionsQueuedBeforeTheReturnRunFirst() {
        Environment e("exports.handler = () => {\n"
                      "  Promise.resolve().then(() => console.log('queued first'));\n"
                      "  return Promise.resolve('value');\n"
                      "};");
        for (int i = 0; i < 3; ++i) {
            const InvocationResult r = e.invokeOwnThread("{}");
            QCOMPARE(r.payload, QByteArray(R"("value")"));
            const auto line = std::find_if(r.logLines.begin(), r.logLines.end(), [](const QString &l) {
                return l.endsWith(QStringLiteral("\tINFO\tqueued first"));
            });
            QVERIFY2(line != r.logLines.end(), qPrintable(r.logLines.join(QLatin1Char('\n'))));
            const qsizetype logged = line - r.logLines.begin();
            QVERIFY(r.logLines.at(logged + 1).startsWith(QStringLiteral("END RequestId: ")));
        }
    }

    // QJSEngine posts the release of an engine value held by a QJSValue that dies on another thread to
    // the engine's thread; an inline invocation must leave none (they piled up while the own thread was
    // parked: 3 per call, and the process grew by ~100 MB under the gateway benchmark).
    // The same with the gateway's prebuilt events (PrebuiltEvent: dozens of arguments per call).
    void inlineInvocationsLeaveNothingForTheOwnThread_data() {
        QTest::addColumn<bool>("prebuilt");
        QTest::newRow("event text") << false;
        QTest::newRow("prebuilt event") << true;
    }
    void inlineInvocationsLeaveNothingForTheOwnThread() {
        QFETCH(bool, prebuilt);
        Environment e("exports.handler = (e) => ({ echo: e.queryStringParameters === undefined ? e.text\n"
                      "                                                 : e.queryStringParameters.text });");
        QVERIFY(e.warmUntilInlineAllowed());
        InvocationResult r;
        QVERIFY(e.env().runInline({QStringLiteral("first"), R"({"text": "a"})", {}, 1}, r));
        QVERIFY(e.invokeOwnThread("{}").succeeded()); // whatever was queued so far is delivered
        GatewayRequest get;
        get.method = QStringLiteral("GET");
        get.rawPath = QStringLiteral("/echo");
        get.rawQueryString = QStringLiteral("text=inline");
        get.requestTime = QDateTime::currentDateTimeUtc();
        const HttpApiEventV2 event = httpApiEventV2WithPrebuilt(get, InvocationContext());
        const quint64 before = e.env().engineCallsReceived();
        for (int i = 0; i < 200; ++i) {
            QVERIFY(e.env().claimInline());
            if (prebuilt)
                QVERIFY(e.env().runInline({e.newId(), event.json, {}, 1, event.prebuilt}, r));
            else
                QVERIFY(e.env().runInline({e.newId(), R"({"text": "inline"})", {}, 1}, r));
            QCOMPARE(r.payload, QByteArray(R"({"echo":"inline"})"));
        }
        QVERIFY(e.invokeOwnThread("{}").succeeded()); // the own thread works: queued calls arrive now
        QCOMPARE(e.env().engineCallsReceived() - before, quint64(0));
    }

    void timersAndReactionsLeftBehindRunOnTheOwnThread() {
        Environment e("var fired = 0, reacted = 0;\n"
                      "exports.handler = (e) => {\n"
                      "  if (e.arm) {\n"
                      "    setTimeout(() => { fired++; }, 1);\n"
                      "    Promise.resolve().then(() => { reacted++; console.log('reaction ran'); });\n"
                      "  }\n"
                      "  return { fired: fired, reacted: reacted };\n"
                      "};");
        QVERIFY(e.warmUntilInlineAllowed());
        InvocationResult r;
        QVERIFY(e.env().runInline({QStringLiteral("arm"), R"({"arm": true})", {}, 1}, r));
        QCOMPARE(object(r.payload).value(QStringLiteral("reacted")).toInt(), 0);
        // The reaction runs on the own thread right after, as in an idle environment's event loop.
        QTRY_VERIFY(e.logsContain(QStringLiteral("reaction ran")));
        // The timer waits for the next invocations (the sandbox is frozen between them), which run on
        // the own thread while it is pending.
        QVERIFY(!e.env().claimInline());
        int fired = 0;
        for (int i = 0; i < 50 && fired == 0; ++i) {
            const InvocationResult next = e.invokeOwnThread("{}");
            QVERIFY(next.succeeded());
            QCOMPARE(object(next.payload).value(QStringLiteral("reacted")).toInt(), 1);
            fired = object(next.payload).value(QStringLiteral("fired")).toInt();
            if (fired == 0) QTest::qWait(5);
        }
        QCOMPARE(fired, 1);
        QVERIFY(e.warmUntilInlineAllowed()); // nothing pending any more: inline again
        QVERIFY(e.env().runInline({QStringLiteral("again"), "{}", {}, 1}, r));
        QCOMPARE(r.payload, QByteArray(R"({"fired":1,"reacted":1})"));
    }

    void anInlineRunThatTimesOutIsReportedAndDiscarded() {
        Environment e("exports.handler = (e) => { if (e.spin) { while (true) {} } return 1; };", 1);
        QVERIFY(e.warmUntilInlineAllowed());
        InvocationResult r;
        QVERIFY(e.env().runInline({QStringLiteral("spin"), R"({"spin": true})", {}, 1}, r));
        QVERIFY(r.isFunctionError());
        QVERIFY2(r.payload.contains("Task timed out after 1.00 seconds"), r.payload.constData());
        QVERIFY(!r.environmentReusable);
        QVERIFY(!e.env().claimInline());
    }

    void destroyingTheEnvironmentStopsAnInlineRun() {
        Environment e("exports.handler = (e) => { if (e.spin) { while (true) {} } return 1; };");
        QVERIFY(e.warmUntilInlineAllowed());
        InvocationResult r;
        bool over = false;
        // Claimed: the destructor cannot finish before runInline() has handed the engine back.
        JsEnvironment *env = &e.env();
        QThread *caller = QThread::create([&] {
            over = env->runInline({QStringLiteral("spin"), R"({"spin": true})", {}, 1}, r);
        });
        caller->start();
        QElapsedTimer clock;
        clock.start();
        e.destroy(); // interrupts the engine, waits for the inline run, then for the own thread
        QVERIFY(caller->wait(10000));
        delete caller;
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(over);
        QVERIFY(!r.succeeded());
        QVERIFY(!r.environmentReusable);
    }

    // Through the Invoker, with the invoker on a thread of its own (as in the GUI, where it lives on the
    // cloud's thread): a warm call from another thread runs inline there, so invoke() returns with the
    // invocation over; a call from the application's main thread (the GUI's, which only draws) never
    // does, so invoke() returns while a handler that turned slow still runs.
    void theApplicationsMainThreadNeverRunsAHandlerInline() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "exports.handler = (e) => { if (e.slow) { var t = Date.now();"
                                    " while (Date.now() - t < 300) {} } return 'done'; };"}})
            .reservedConcurrency = 1;
        QThread cloud;
        cloud.start();
        QObject anchor;
        anchor.moveToThread(&cloud);
        Invoker *invoker = nullptr;
        QMetaObject::invokeMethod(
            &anchor, [&] { invoker = new Invoker(f.project, f.folder(), &f.logs); },
            Qt::BlockingQueuedConnection);
        const auto cleanup = qScopeGuard([&] { // also when a check fails
            QMetaObject::invokeMethod(
                &anchor, [&] { delete invoker; }, Qt::BlockingQueuedConnection);
            cloud.quit();
            cloud.wait();
        });
        for (int i = 0; i < 6; ++i) // cold, then a fast streak
            QCOMPARE(invoker->invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray(R"("done")"));

        // Another thread: inline, over when invoke() returns.
        int busyAfterOtherThread = -1;
        QThread *caller = QThread::create([&] {
            QEventLoop loop;
            QObject context;
            invoker->invoke(QStringLiteral("f"), "{}", {}, &context,
                            [&](const InvocationResult &) { loop.quit(); });
            busyAfterOtherThread = invoker->stats(QStringLiteral("f")).busy;
            loop.exec();
        });
        caller->start();
        QVERIFY(caller->wait(10000));
        delete caller;
        QCOMPARE(busyAfterOtherThread, 0);

        // The main thread: handed to the environment's own thread, still running when invoke() returns.
        InvocationResult slow;
        QEventLoop loop;
        invoker->invoke(QStringLiteral("f"), R"({"slow": true})", {}, this, [&](const InvocationResult &r) {
            slow = r;
            loop.quit();
        });
        QCOMPARE(invoker->stats(QStringLiteral("f")).busy, 1);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(slow.payload, QByteArray(R"("done")"));
    }
};

QTEST_GUILESS_MAIN(TestInvokerInline)
#include "tst_invoker_inline.moc"
