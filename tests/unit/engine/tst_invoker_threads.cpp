// The Invoker called from many threads at once, as the gateway's HTTP workers call it: warm environments
// are started straight from the caller's thread, yet every callback runs once on its context's thread,
// the concurrency caps hold, throttles answer 429, and a hot reload or the Invoker's end in the middle is
// safe.
#include "InvokerFixture.h"

#include <QHash>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

using namespace gatehouse;

namespace {

// Resolves on the next timer tick with the variable V: long enough for callers to pile up behind the
// reserved concurrency, and it tells the code generation apart.
const QByteArray kTick =
    "exports.handler = () => new Promise((ok) => setTimeout(() => ok(process.env.V), 1));";

// What the callers observed, shared by all of their threads.
struct Tally {
    std::mutex mutex;
    QHash<QString, int> callbacks; // request id → callbacks received
    QSet<QString> issued;          // request ids invoke() returned
    QHash<QByteArray, int> payloads;
    std::atomic<int> done{0};
    std::atomic<int> succeeded{0};
    std::atomic<int> throttled{0};
    std::atomic<int> unexpected{0}; // any other outcome, or a throttle of the wrong shape
    std::atomic<int> wrongThread{0};
};

// Lives on a thread of its own and keeps `window` calls of `function` outstanding until it has made
// `total`, like an HTTP worker with several connections.
class Caller : public QObject {
public:
    Caller(Invoker *invoker, Tally *tally, int total, int window)
        : m_invoker(invoker)
        , m_tally(tally)
        , m_left(total)
        , m_window(window) {}

    void begin() {
        for (int i = 0; i < m_window; ++i)
            next();
    }

private:
    void next() {
        if (m_left == 0) return;
        --m_left;
        const QString id = m_invoker->invoke(QStringLiteral("f"), "{}", {}, this,
                                             [this](const InvocationResult &r) { onResult(r); });
        const std::lock_guard lock(m_tally->mutex);
        m_tally->issued.insert(id);
    }

    void onResult(const InvocationResult &r) {
        if (QThread::currentThread() != thread()) ++m_tally->wrongThread;
        if (r.succeeded()) {
            ++m_tally->succeeded;
        } else if (r.statusCode == 429 && r.errorType == QLatin1String("TooManyRequestsException") &&
                   r.errorReason == QLatin1String("ReservedFunctionConcurrentInvocationLimitExceeded")) {
            ++m_tally->throttled;
        } else {
            ++m_tally->unexpected;
        }
        {
            const std::lock_guard lock(m_tally->mutex);
            ++m_tally->callbacks[r.requestId];
            if (r.succeeded()) ++m_tally->payloads[r.payload];
        }
        ++m_tally->done;
        next();
    }

    Invoker *m_invoker;
    Tally *m_tally;
    int m_left;
    int m_window;
};

// Threads with a Caller each; stopped and joined on destruction.
class Callers {
public:
    Callers(Invoker *invoker, Tally *tally, int threads, int callsEach, int window) {
        for (int i = 0; i < threads; ++i) {
            auto thread = std::make_unique<QThread>();
            auto *caller = new Caller(invoker, tally, callsEach, window);
            caller->moveToThread(thread.get());
            QObject::connect(thread.get(), &QThread::finished, caller, &QObject::deleteLater);
            thread->start();
            QMetaObject::invokeMethod(
                caller, [caller] { caller->begin(); }, Qt::QueuedConnection);
            m_threads.push_back(std::move(thread));
        }
    }
    ~Callers() {
        for (const auto &thread : m_threads) {
            thread->quit();
            thread->wait();
        }
    }

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace

class TestInvokerThreads : public QObject {
    Q_OBJECT
private slots:
    void manyThreadsKeepTheCapsAndGetEveryResultOnceOnTheirThread() {
        test::InvokerFixture f;
        Function &fn = f.addFunction(QStringLiteral("f"), {{"index.js", kTick}});
        fn.reservedConcurrency = 2;
        fn.environment = {{QStringLiteral("V"), QStringLiteral("old")}};
        Invoker &invoker = f.start();
        // The signals come in the order of the invoker's bookkeeping, so counting them shows how many
        // invocations were in flight.
        int inFlight = 0;
        int maxInFlight = 0;
        int throttleSignals = 0;
        connect(&invoker, &Invoker::invocationStarted, this,
                [&] { maxInFlight = std::max(maxInFlight, ++inFlight); });
        connect(&invoker, &Invoker::invocationFinished, this, [&] { --inFlight; });
        connect(&invoker, &Invoker::invocationThrottled, this, [&] { ++throttleSignals; });
        QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), "{}").succeeded()); // one warm environment

        constexpr int kThreads = 4;
        constexpr int kCallsEach = 500;
        constexpr int kTotal = kThreads * kCallsEach;
        Tally tally;
        {
            Callers callers(&invoker, &tally, kThreads, kCallsEach, 2);
            QTRY_VERIFY_WITH_TIMEOUT(tally.done >= kTotal / 3, 60000);
            // A hot reload while callers on other threads are taking warm environments.
            f.project.functions[0].environment = {{QStringLiteral("V"), QStringLiteral("new")}};
            invoker.updateProject(f.project, f.folder());
            QTRY_COMPARE_WITH_TIMEOUT(tally.done.load(), kTotal, 60000);
        }
        QTRY_COMPARE(inFlight, 0); // every invocationFinished has been emitted

        QCOMPARE(tally.wrongThread.load(), 0);
        QCOMPARE(tally.unexpected.load(), 0);
        QCOMPARE(tally.succeeded + tally.throttled, kTotal);
        QVERIFY(tally.succeeded > 0);
        QVERIFY(tally.throttled > 0); // eight callers' calls against two environments
        QTRY_COMPARE(throttleSignals, tally.throttled.load());
        QVERIFY2(maxInFlight <= 2, qPrintable(QString::number(maxInFlight)));
        QCOMPARE(tally.issued.size(), kTotal);
        QCOMPARE(tally.callbacks.size(), kTotal);
        for (auto it = tally.callbacks.cbegin(); it != tally.callbacks.cend(); ++it) {
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
            QVERIFY(tally.issued.contains(it.key()));
        }
        // Only the two generations' answers.
        for (auto it = tally.payloads.cbegin(); it != tally.payloads.cend(); ++it)
            QVERIFY2(it.key() == R"("old")" || it.key() == R"("new")", it.key().constData());

        // The reload took: new calls meet the new code, and the old environments are gone.
        const InvocationResult after = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(after.payload, QByteArray(R"("new")"));
        QTRY_VERIFY(invoker.stats(QStringLiteral("f")).environments <= 2);
        QCOMPARE(invoker.stats(QStringLiteral("f")).busy, 0);
    }

    void warmCallsFromAnotherThreadAreAnsweredOnItsContext() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = (e) => e.n * 2;"}});
        Invoker &invoker = f.start();
        QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), R"({"n": 0})").succeeded()); // warm
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        QSignalSpy finished(&invoker, &Invoker::invocationFinished);
        Tally tally;
        {
            Callers callers(&invoker, &tally, 1, 50, 1); // one at a time: never throttled
            QTRY_COMPARE_WITH_TIMEOUT(tally.done.load(), 50, 30000);
        }
        QCOMPARE(tally.succeeded.load(), 50);
        QCOMPARE(tally.wrongThread.load(), 0);
        QTRY_COMPARE(finished.size(), 50); // the signals still come, on the invoker's thread
        QCOMPARE(started.size(), 50);
        for (const QList<QVariant> &s : started)
            QCOMPARE(s.at(2).toBool(), false); // warm, and still the one environment
        QCOMPARE(invoker.environmentCount(), 1);
    }

    // The gateway's way of calling: a warm invocation run inline on the caller's thread is answered
    // inside invokeOnThisThread() (no trip through the caller's event loop), anything else is posted to
    // the caller's context as with invoke(). The Observer hears of every invocation where it happens.
    void invokeOnThisThreadAnswersInlineCallsRightAway() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = (e) => ({ n: e.n });"}});
        Invoker &invoker = f.start();
        std::atomic<int> observedStarts{0}, observedEnds{0}, endsOnCaller{0};
        std::atomic<QThread *> callerThread{nullptr};
        invoker.setObserver({.started = [&](const QString &) { ++observedStarts; },
                             .finished =
                                 [&](const InvocationResult &r) {
                                     if (!r.requestId.isEmpty()) ++observedEnds;
                                     if (QThread::currentThread() == callerThread.load()) ++endsOnCaller;
                                 }});
        for (int i = 0; i < 5; ++i) // cold, then a fast streak: inline from now on
            QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), R"({"n": 0})").succeeded());

        bool answeredInside = false, refusalInside = true, refusalOnCaller = false;
        InvocationResult answer, refusal;
        QString returnedId;
        QThread *caller = QThread::create([&] {
            callerThread = QThread::currentThread();
            QObject context;
            bool inside = true;
            returnedId = invoker.invokeOnThisThread(QStringLiteral("f"), R"({"n": 42})", {}, &context,
                                                    [&](const InvocationResult &r) {
                                                        answer = r;
                                                        answeredInside = inside;
                                                    });
            // A refusal is decided on the invoker's thread: it comes through the event loop.
            QEventLoop loop;
            invoker.invokeOnThisThread(QStringLiteral("missing"), "{}", {}, &context,
                                       [&](const InvocationResult &r) {
                                           refusal = r;
                                           refusalInside = inside;
                                           refusalOnCaller = QThread::currentThread() == callerThread.load();
                                           loop.quit();
                                       });
            inside = false;
            QTimer::singleShot(10000, &loop, &QEventLoop::quit);
            loop.exec();
        });
        caller->start();
        QTRY_VERIFY_WITH_TIMEOUT(caller->isFinished(), 15000); // the invoker's thread (this one) works
        delete caller;
        QVERIFY(answeredInside);
        QCOMPARE(answer.payload, QByteArray(R"({"n":42})"));
        QCOMPARE(answer.requestId, returnedId);
        QCOMPARE(refusal.statusCode, 404);
        QVERIFY(!refusalInside);
        QVERIFY(refusalOnCaller);
        QTRY_COMPARE(observedEnds.load(), 6);
        QCOMPARE(observedStarts.load(), 6);
        QCOMPARE(endsOnCaller.load(), 1); // the inline one, heard on the caller's thread
    }

    void theInvokerCanGoWhileResultsAreOnTheirWay() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", kTick}}).reservedConcurrency = 2;
        Invoker *invoker = &f.start();
        QVERIFY(invoker->invokeAndWait(QStringLiteral("f"), "{}").succeeded());
        std::atomic<int> calls{0};
        QThread thread;
        auto *context = new QObject;
        context->moveToThread(&thread);
        connect(&thread, &QThread::finished, context, &QObject::deleteLater);
        thread.start();
        QMetaObject::invokeMethod(
            context,
            [&] {
                for (int i = 0; i < 20; ++i)
                    invoker->invoke(QStringLiteral("f"), "{}", {}, context,
                                    [&](const InvocationResult &) { ++calls; });
            },
            Qt::BlockingQueuedConnection);
        f.start(); // destroys the first Invoker while its environments are finishing
        thread.quit();
        thread.wait();
        QVERIFY(calls <= 20);
        QVERIFY(f.invoker().invokeAndWait(QStringLiteral("f"), "{}").succeeded());
    }
};

QTEST_GUILESS_MAIN(TestInvokerThreads)
#include "tst_invoker_threads.moc"
