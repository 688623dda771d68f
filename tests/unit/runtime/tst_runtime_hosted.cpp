// Process-runtime environments hosted on a caller's thread (Invoker's class comment, "Hosted
// environments"): an environment whose cold start an invokeOnThisThread() caller on another thread asked
// for moves to that thread, serves its warm invocations there without the Invoker's thread, still serves
// anyone else, and goes away with that thread or with the Invoker.
#include "RuntimeFixture.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

const QString kRuntime = QStringLiteral("nodejs20.x");

// A thread with an event loop and a context object on it, as a gateway HTTP worker has.
class CallerThread {
public:
    struct Outcome {
        QSemaphore done;
        InvocationResult result;
        QThread *callbackThread = nullptr;
    };

    CallerThread() {
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~CallerThread() { stop(); }
    void stop() {
        m_thread.quit();
        m_thread.wait();
    }
    QThread *thread() { return &m_thread; }

    // Calls invokeOnThisThread() on this thread; the outcome is released when the callback has run.
    std::shared_ptr<Outcome> invoke(Invoker &invoker, const QString &function) {
        auto outcome = std::make_shared<Outcome>();
        QObject *context = &m_context;
        QMetaObject::invokeMethod(
            context,
            [&invoker, function, outcome, context] {
                invoker.invokeOnThisThread(function, "{}", {}, context, [outcome](const InvocationResult &r) {
                    outcome->result = r;
                    outcome->callbackThread = QThread::currentThread();
                    outcome->done.release();
                });
            },
            Qt::QueuedConnection);
        return outcome;
    }

private:
    QThread m_thread;
    QObject m_context;
};

void addPidFunction(test::InvokerFixture &f) {
    test::addRuntimeFunction(f, QStringLiteral("pid"), kRuntime,
                             {{"index.js", "exports.handler = async () => ({ pid: process.pid });"}},
                             QStringLiteral("index.handler"));
}

qint64 pidOf(const InvocationResult &result) {
    return qint64(test::jsonObject(result.payload).value(QStringLiteral("pid")).toDouble());
}

// The cold start goes through the Invoker's thread (this one): its events run while we wait.
bool awaitWithEvents(CallerThread::Outcome &outcome) {
    QElapsedTimer clock;
    clock.start();
    while (!outcome.done.tryAcquire() && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return outcome.callbackThread != nullptr;
}

} // namespace

class TestRuntimeHosted : public QObject {
    Q_OBJECT
private slots:
    void init() {
        if (const QString why = test::runtimeUnavailable(kRuntime); !why.isEmpty()) QSKIP(qPrintable(why));
    }

    void warmInvocationsOnTheHostThreadNeedNotTheInvokersThread() {
        test::InvokerFixture f;
        addPidFunction(f);
        Invoker &invoker = f.start(); // lives on this thread
        CallerThread caller;
        const auto cold = caller.invoke(invoker, QStringLiteral("pid"));
        QVERIFY(awaitWithEvents(*cold));
        QVERIFY2(cold->result.succeeded(), cold->result.payload.constData());
        QVERIFY(cold->result.coldStart);
        QCOMPARE(cold->callbackThread, caller.thread());
        const qint64 pid = pidOf(cold->result);
        QVERIFY(pid > 0);

        // This thread does not process events now: the warm invocations must not need it.
        for (int i = 0; i < 3; ++i) {
            const auto warm = caller.invoke(invoker, QStringLiteral("pid"));
            QVERIFY2(warm->done.tryAcquire(1, 20000), "a warm invocation waited for the invoker's thread");
            QVERIFY2(warm->result.succeeded(), warm->result.payload.constData());
            QVERIFY(!warm->result.coldStart);
            QCOMPARE(pidOf(warm->result), pid);
            QCOMPARE(warm->callbackThread, caller.thread());
            QVERIFY(test::reportLinePattern(warm->result.requestId)
                        .match(warm->result.logLines.last())
                        .hasMatch());
        }
        QCOMPARE(invoker.stats(QStringLiteral("pid")).environments, 1);
    }

    void otherCallersStillReachAHostedEnvironment() {
        test::InvokerFixture f;
        addPidFunction(f);
        Invoker &invoker = f.start();
        CallerThread caller;
        const auto cold = caller.invoke(invoker, QStringLiteral("pid"));
        QVERIFY(awaitWithEvents(*cold));
        QVERIFY2(cold->result.succeeded(), cold->result.payload.constData());
        // From the Invoker's own thread: the request is posted to the host thread, the result comes back.
        const InvocationResult here = invoker.invokeAndWait(QStringLiteral("pid"), "{}");
        QVERIFY2(here.succeeded(), here.payload.constData());
        QVERIFY(!here.coldStart);
        QCOMPARE(pidOf(here), pidOf(cold->result));
        QCOMPARE(invoker.stats(QStringLiteral("pid")).environments, 1);
    }

    void anEndingHostThreadDiscardsItsEnvironments() {
        test::InvokerFixture f;
        addPidFunction(f);
        Invoker &invoker = f.start();
        QSignalSpy stopped(&invoker, &Invoker::environmentStopped);
        auto caller = std::make_unique<CallerThread>();
        const auto cold = caller->invoke(invoker, QStringLiteral("pid"));
        QVERIFY(awaitWithEvents(*cold));
        const qint64 pid = pidOf(cold->result);
        QVERIFY(pid > 0);

        caller.reset();                  // the thread ends
        QVERIFY(test::processGone(pid)); // killed and reaped on the ending thread, before it ended
        QCOMPARE(invoker.stats(QStringLiteral("pid")).environments, 0);
        QTRY_COMPARE(stopped.count(), 1);
        QCOMPARE(stopped.first().at(0).toString(), QStringLiteral("pid"));
        QCOMPARE(stopped.first().at(1).toString(), QStringLiteral("discarded"));

        // The function goes on with a new environment.
        const InvocationResult next = invoker.invokeAndWait(QStringLiteral("pid"), "{}");
        QVERIFY2(next.succeeded(), next.payload.constData());
        QVERIFY(next.coldStart);
        QVERIFY(pidOf(next) != pid);
    }

    void destroyingTheInvokerStopsHostedEnvironments() {
        test::InvokerFixture f;
        addPidFunction(f);
        CallerThread caller;
        qint64 pid = 0;
        {
            Invoker invoker(f.project, f.folder(), &f.logs, test::InvokerFixture::fastOptions());
            const auto cold = caller.invoke(invoker, QStringLiteral("pid"));
            QVERIFY(awaitWithEvents(*cold));
            pid = pidOf(cold->result);
            QVERIFY(pid > 0);
        } // returns once the host thread has deleted the environment
        // Killed, and reaped by the host thread's event loop.
        QTRY_VERIFY_WITH_TIMEOUT(test::processGone(pid), 10000);
    }
};

QTEST_GUILESS_MAIN(TestRuntimeHosted)
#include "tst_runtime_hosted.moc"
