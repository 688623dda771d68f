// Benchmark of the embedded `javascript` invoker: warm invokes/s (one and two environments, with and
// without the Invoker's thread hops), cold start to first result, and resident memory per warm
// environment. Prints figures next to a bare-QJSEngine peer and the targets; never fails on time.
#include "gateway/HttpApiEventV2.h"
#include "invoker/Invoker.h"
#include "invoker/JsEnvironment.h"
#include "invoker/JsRuntime.h"
#include "invoker/LambdaLogFormat.h"
#include "invoker/MemoryProbe.h"
#include "invoker/Watchdog.h"
#include "telemetry/LogStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJSEngine>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace gatehouse;

namespace {

const QByteArray kHandler =
    "exports.handler = function (event, context) { return { ok: true, n: event.n }; };";
const QByteArray kEvent = R"({"n": 1, "path": "/hello", "headers": {"accept": "application/json"}})";

void print(const char *what, double value, const char *unit, const char *note = "") {
    std::printf("  %-58s %12.1f %-8s %s\n", what, value, unit, note);
    std::fflush(stdout);
}

Function makeFunction(const QString &dir) {
    QDir().mkpath(dir);
    QFile file(dir + QStringLiteral("/index.js"));
    if (file.open(QIODevice::WriteOnly)) file.write(kHandler);
    Function fn;
    fn.name = QStringLiteral("hello");
    fn.codeUri = QStringLiteral("functions/hello");
    return fn;
}

EnvironmentSpec makeSpec(const Function &fn, const QString &codeDir, Watchdog *watchdog, LogStore *logs) {
    EnvironmentSpec spec;
    spec.function = fn;
    spec.codeDir = codeDir;
    spec.watchdog = watchdog;
    spec.logs = logs;
    spec.logStreamName = lambdalog::newLogStreamName(QDateTime::currentDateTimeUtc());
    return spec;
}

// The peer: what QJSEngine alone costs for the same work (parse the event, call, stringify).
double bareEngineRate(int n) {
    QJSEngine engine;
    QJSValue run = engine.evaluate(
        QStringLiteral("(function (h, text) { return JSON.stringify(h(JSON.parse(text), {})); })"));
    QJSValue handler =
        engine.evaluate(QStringLiteral("(function (event, context) { return { ok: true, n: event.n }; })"));
    const QString event = QString::fromUtf8(kEvent);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        run.call({handler, event});
    return n / (t.nsecsElapsed() / 1e9);
}

// JsRuntime::run on the calling thread: the environment's own cost, logs and watchdog included.
// An HTTP API payload 2.0 event as the gateway sends for `curl http://127.0.0.1:PORT/hello` (what
// `gatehouse generate-event apigateway http` prints, compact): the per-request JavaScript floor of
// tests/bench/gateway_wrk.sh.
const QByteArray kGatewayEvent =
    R"({"version":"2.0","routeKey":"GET /hello","rawPath":"/hello","rawQueryString":"","headers":{"host":)"
    R"("127.0.0.1:18080","user-agent":"curl/7.88.1","accept":"*/*","x-forwarded-for":"127.0.0.1","x-forwarded-port":)"
    R"("18080","x-forwarded-proto":"http"},"requestContext":{"accountId":"123456789012","apiId":"3o5r3ljtfp",)"
    R"("domainName":"127.0.0.1","domainPrefix":"127","http":{"method":"GET","path":"/hello","protocol":)"
    R"("HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"curl/7.88.1"},"requestId":"wXupZXjXX9fN47I=","routeKey":)"
    R"("GET /hello","stage":"$default","time":"27/Nov/2026:08:26:54 +0000","timeEpoch":1795768014083},)"
    R"("isBase64Encoded":false})";

// The same request as the gateway sees it, for httpApiEventV2WithPrebuilt.
HttpApiEventV2 gatewayEvent() {
    GatewayRequest request;
    request.method = QStringLiteral("GET");
    request.rawPath = QStringLiteral("/hello");
    request.headers = {{QStringLiteral("Host"), QStringLiteral("127.0.0.1:18080")},
                       {QStringLiteral("User-Agent"), QStringLiteral("curl/7.88.1")},
                       {QStringLiteral("Accept"), QStringLiteral("*/*")}};
    request.sourceIp = QStringLiteral("127.0.0.1");
    request.host = QStringLiteral("127.0.0.1:18080");
    request.requestTime = QDateTime::currentDateTimeUtc();
    InvocationContext context;
    context.apiId = QStringLiteral("3o5r3ljtfp");
    context.stage = QStringLiteral("$default");
    context.routeKey = QStringLiteral("GET /hello");
    context.requestId = QStringLiteral("wXupZXjXX9fN47I=");
    return httpApiEventV2WithPrebuilt(request, context);
}

double runtimeRate(const EnvironmentSpec &spec, int n, const QByteArray &event = kEvent,
                   std::shared_ptr<const PrebuiltEvent> prebuilt = {}) {
    JsRuntime runtime(spec);
    InvocationRequest request{QStringLiteral("warm-up"), event, {}, 1, std::move(prebuilt)};
    runtime.run(request);
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        request.requestId = QString::number(i);
        runtime.run(request);
    }
    return n / (t.nsecsElapsed() / 1e9);
}

double twoThreadRuntimeRate(const EnvironmentSpec &spec, int nEach) {
    std::atomic<int> ready{0};
    QElapsedTimer t;
    auto body = [&] {
        JsRuntime runtime(spec);
        InvocationRequest request{QStringLiteral("warm-up"), kEvent, {}, 1};
        runtime.run(request);
        ++ready;
        while (ready < 3)
            QThread::yieldCurrentThread();
        for (int i = 0; i < nEach; ++i)
            runtime.run(request);
    };
    QThread *a = QThread::create(body);
    QThread *b = QThread::create(body);
    a->start();
    b->start();
    while (ready < 2)
        QThread::yieldCurrentThread();
    t.start();
    ready = 3;
    a->wait();
    b->wait();
    const double rate = 2.0 * nEach / (t.nsecsElapsed() / 1e9);
    delete a;
    delete b;
    return rate;
}

double invokerSequentialRate(Invoker &invoker, int n, double *medianUs, double *p99Us) {
    invoker.invokeAndWait(QStringLiteral("hello"), kEvent);
    std::vector<double> latencies;
    latencies.reserve(size_t(n));
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        const qint64 start = t.nsecsElapsed();
        invoker.invokeAndWait(QStringLiteral("hello"), kEvent);
        latencies.push_back((t.nsecsElapsed() - start) / 1e3);
    }
    const double rate = n / (t.nsecsElapsed() / 1e9);
    std::sort(latencies.begin(), latencies.end());
    *medianUs = latencies[latencies.size() / 2];
    *p99Us = latencies[latencies.size() * 99 / 100];
    return rate;
}

// Two callers' threads, each calling invokeAndWait in a loop: with two environments each call can run
// inline on its caller's thread, so the rate should about double on two cores. The invoker's thread
// (this one) keeps its event loop running for the bookkeeping that follows each call.
double invokerTwoCallersRate(Invoker &invoker, int nEach) {
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    QEventLoop loop;
    std::atomic<int> finished{0};
    auto body = [&] {
        for (int i = 0; i < 100; ++i) // both environments warm and past their first invocations
            invoker.invokeAndWait(QStringLiteral("hello"), kEvent);
        ++ready;
        while (!go)
            QThread::yieldCurrentThread();
        for (int i = 0; i < nEach; ++i)
            invoker.invokeAndWait(QStringLiteral("hello"), kEvent);
        if (++finished == 2) QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    };
    QThread *a = QThread::create(body);
    QThread *b = QThread::create(body);
    a->start();
    b->start();
    while (ready < 2)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QElapsedTimer t;
    t.start();
    go = true;
    loop.exec();
    const double rate = 2.0 * nEach / (t.nsecsElapsed() / 1e9);
    a->wait();
    b->wait();
    delete a;
    delete b;
    return rate;
}

double invokerPipelinedRate(Invoker &invoker, int n) {
    int done = 0;
    QEventLoop loop;
    const auto connection = QObject::connect(&invoker, &Invoker::asyncInvocationCompleted, [&] {
        if (++done == n) loop.quit();
    });
    InvokeOptions event;
    event.type = InvokeOptions::Type::Event;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        invoker.invoke(QStringLiteral("hello"), kEvent, event, nullptr, {});
    loop.exec();
    QObject::disconnect(connection);
    return n / (t.nsecsElapsed() / 1e9);
}

InvocationResult invokeOnce(ExecutionEnvironment &env, const QString &requestId) {
    InvocationResult out;
    QEventLoop loop;
    QObject::connect(&env, &ExecutionEnvironment::finished, &loop, [&](const InvocationResult &r) {
        out = r;
        loop.quit();
    });
    env.invoke({requestId, kEvent, {}, 1});
    loop.exec();
    return out;
}

// The floor under every figure with thread hops: two threads handing a token back and forth with
// semaphores, the median round trip (two wake-ups). On an idle VM a sleeping core takes tens of
// microseconds to wake; with the cores busy it is a few. Printed so that the Invoker's figures can be
// read against the machine they ran on.
double threadRoundTripMedianUs(int n) {
    QSemaphore ping, pong;
    std::atomic<bool> stop{false};
    QThread *echo = QThread::create([&] {
        for (;;) {
            ping.acquire();
            if (stop) return;
            pong.release();
        }
    });
    echo->start();
    std::vector<double> trips;
    trips.reserve(size_t(n));
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        const qint64 start = t.nsecsElapsed();
        ping.release();
        pong.acquire();
        trips.push_back((t.nsecsElapsed() - start) / 1e3);
    }
    stop = true;
    ping.release();
    echo->wait();
    delete echo;
    std::sort(trips.begin(), trips.end());
    return trips[trips.size() / 2];
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // bench_invoker [SCALE] [SECTION]: SCALE multiplies the iteration counts; SECTION (warm, invoker,
    // sequential (the invokeAndWait part of invoker), cold, memory) runs one part only.
    const int scale = argc > 1 ? std::max(1, atoi(argv[1])) : 1;
    const QByteArray only = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    const auto runs = [&](const char *section) { return only.isEmpty() || only == section; };
    QTemporaryDir dir;
    const QString codeDir = dir.filePath(QStringLiteral("functions/hello"));
    const Function fn = makeFunction(codeDir);
    Watchdog watchdog;
    LogStore logs(100000);

    std::printf("bench_invoker: embedded javascript, handler returns a small object (%d threads available)\n",
                QThread::idealThreadCount());
    if (runs("warm")) {
        std::printf("warm throughput\n");
        const double peer = bareEngineRate(200000 * scale);
        print("bare QJSEngine peer: parse + call + stringify", peer, "calls/s");
        print("one environment, JsRuntime::run (logs, watchdog, RSS probe)",
              runtimeRate(makeSpec(fn, codeDir, &watchdog, &logs), 100000 * scale), "inv/s",
              "target >= 50,000");
        print("two environments, JsRuntime::run on two threads",
              twoThreadRuntimeRate(makeSpec(fn, codeDir, &watchdog, &logs), 100000 * scale), "inv/s");
        // The gateway benchmark's handler (tests/bench/gateway/handler.js) with its real event: what one
        // request costs in JavaScript before any HTTP or gateway work.
        Function gatewayFn = fn;
        gatewayFn.handler = QStringLiteral("handler.hello");
        const QString gatewayDir = dir.filePath(QStringLiteral("functions/gateway"));
        QDir().mkpath(gatewayDir);
        QFile::copy(QStringLiteral(BENCH_GATEWAY_HANDLER), gatewayDir + QStringLiteral("/handler.js"));
        const double gatewayRate =
            runtimeRate(makeSpec(gatewayFn, gatewayDir, &watchdog, &logs), 50000 * scale, kGatewayEvent);
        print("JsRuntime::run, gateway bench handler + 2.0 event (685 B)", gatewayRate, "inv/s");
        print("  per invocation", 1e6 / gatewayRate, "us", "(the JavaScript floor of one GET /hello)");
        // The same event as the gateway hands it over: built from arguments (PrebuiltEvent).
        const HttpApiEventV2 prebuilt = gatewayEvent();
        const double prebuiltRate = runtimeRate(makeSpec(gatewayFn, gatewayDir, &watchdog, &logs),
                                                50000 * scale, prebuilt.json, prebuilt.prebuilt);
        print("  the event prebuilt (PrebuiltEvent) instead of parsed", 1e6 / prebuiltRate, "us");
    }
    Project project;
    project.functions = {fn};
    project.settings.concurrencyLimit = 100;
    if (runs("invoker") || runs("sequential")) {
        std::printf("through the Invoker\n");
        if (runs("invoker"))
            print("bare thread round trip (two wake-ups), median", threadRoundTripMedianUs(5000 * scale),
                  "us", "(this machine's floor for two hops)");
        project.functions[0].reservedConcurrency = 1;
        Invoker invoker(project, dir.path(), &logs);
        double medianUs = 0, p99Us = 0;
        print("Invoker, one environment, sequential invokeAndWait",
              invokerSequentialRate(invoker, 20000 * scale, &medianUs, &p99Us), "inv/s",
              "target >= 50,000 (warm: inline, no thread hop)");
        print("  latency median", medianUs, "us");
        print("  latency p99", p99Us, "us");
        if (runs("invoker"))
            print("Invoker, one environment, pipelined Event queue",
                  invokerPipelinedRate(invoker, 50000 * scale), "inv/s");
    }
    if (runs("invoker") || runs("sequential")) {
        project.functions[0].reservedConcurrency = 2;
        Invoker invoker(project, dir.path(), &logs);
        print("Invoker, two environments, invokeAndWait from two threads",
              invokerTwoCallersRate(invoker, 50000 * scale), "inv/s", "(scaling with environments)");
    }
    if (runs("invoker")) {
        project.functions[0].reservedConcurrency = 2;
        Invoker invoker(project, dir.path(), &logs);
        invoker.invokeAndWait(QStringLiteral("hello"), kEvent);
        print("Invoker, two environments, pipelined Event queue",
              invokerPipelinedRate(invoker, 50000 * scale), "inv/s");
    }

    std::vector<double> wall, init;
    if (runs("cold")) std::printf("cold start (new environment → first result), 50 runs\n");
    for (int i = 0; i < 50 && runs("cold"); ++i) {
        QElapsedTimer t;
        t.start();
        JsEnvironment env(makeSpec(fn, codeDir, &watchdog, &logs));
        const InvocationResult r = invokeOnce(env, QString::number(i));
        wall.push_back(t.nsecsElapsed() / 1e6);
        init.push_back(r.initDurationMs);
    }
    if (runs("cold"))
        print("median, construction to result (thread start included)", median(wall), "ms", "target <= 3 ms");
    if (runs("cold")) print("median Init Duration (engine + prelude + code)", median(init), "ms");

    if (runs("memory")) {
        std::printf("memory, 50 warm environments\n");
        const qint64 before = memoryprobe::residentBytes();
        std::vector<std::unique_ptr<JsEnvironment>> envs;
        for (int i = 0; i < 50; ++i) {
            envs.push_back(std::make_unique<JsEnvironment>(makeSpec(fn, codeDir, &watchdog, nullptr)));
            invokeOnce(*envs.back(), QString::number(i));
        }
        for (int round = 0; round < 3; ++round)
            for (auto &e : envs)
                invokeOnce(*e, QStringLiteral("again"));
        const qint64 after = memoryprobe::residentBytes();
        print("RSS growth per warm environment", (after - before) / 50.0 / 1024.0, "KiB",
              "target <= 2048 KiB");
    }
    return 0;
}
