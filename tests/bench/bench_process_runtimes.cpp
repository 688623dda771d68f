// Benchmark of the process runtimes (nodejs*, python3.*): cold start (process start to first result)
// next to the bare interpreter's own start, and the warm invoke overhead over the Runtime API next to a
// bare stdin/stdout round trip through the same Node.js process model. Prints figures; never fails.
#include "invoker/ExecutionEnvironment.h"
#include "invoker/Invoker.h"
#include "invoker/LambdaLogFormat.h"
#include "invoker/ProcessEnvironment.h"
#include "invoker/RuntimeLaunch.h"
#include "invoker/Watchdog.h"
#include "telemetry/LogStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace gatehouse;

namespace {

void print(const char *what, double value, const char *unit, const char *note = "") {
    std::printf("  %-66s %10.1f %-4s %s\n", what, value, unit, note);
    std::fflush(stdout);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

void write(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) file.write(content);
}

Function makeFunction(const QString &runtime, const QString &handler) {
    Function fn;
    fn.name = QStringLiteral("noop");
    fn.runtime = runtime;
    fn.handler = handler;
    fn.codeUri = QStringLiteral("functions/noop");
    fn.memoryMB = 512;
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

// The interpreter's own start and exit, started the same way (QProcess) as the runtimes are.
std::vector<double> bareStartMs(const QString &program, const QStringList &arguments,
                                const QProcessEnvironment &environment, int runs) {
    std::vector<double> out;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        process.start(program, arguments);
        process.waitForFinished(10000);
        out.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return out;
}

// The interpreter's start up to the first byte it writes: what a cold start is made of, without the
// exit (Node.js spends ~20 ms tearing down at exit, which a Lambda cold start never pays).
std::vector<double> bareFirstOutputMs(const QString &program, const QStringList &arguments,
                                      const QProcessEnvironment &environment, int runs) {
    std::vector<double> out;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        process.start(program, arguments);
        process.waitForReadyRead(10000);
        out.push_back(double(clock.nsecsElapsed()) / 1e6);
        process.waitForFinished(10000);
    }
    return out;
}

// A new environment's first invocation: process start, bootstrap, handler load, first result.
std::vector<double> coldStartMs(const EnvironmentSpec &spec, int runs, std::vector<double> *initMs) {
    std::vector<double> out;
    for (int i = 0; i < runs; ++i) {
        ProcessEnvironment environment(spec);
        QEventLoop loop;
        InvocationResult result;
        QObject::connect(&environment, &ExecutionEnvironment::finished, &loop,
                         [&](const InvocationResult &r) {
                             result = r;
                             loop.quit();
                         });
        QElapsedTimer clock;
        clock.start();
        environment.invoke({lambdalog::newRequestId(), "{}", {}, 1});
        loop.exec();
        out.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (initMs) initMs->push_back(result.initDurationMs);
        if (!result.succeeded()) std::printf("  (cold start failed: %s)\n", result.payload.constData());
    }
    return out;
}

// Sequential warm invocations on one environment: invoke() to `finished`, in microseconds. The next
// invocation starts from inside the previous one's `finished`, as the Invoker's queue does.
std::vector<double> warmRoundTripsUs(const EnvironmentSpec &spec, int runs) {
    ProcessEnvironment environment(spec);
    std::vector<double> out;
    out.reserve(size_t(runs));
    QEventLoop loop;
    QElapsedTimer clock;
    int remaining = runs + 50; // the first 50 (cold start, JIT warm-up) are not counted
    const auto next = [&] {
        clock.start();
        environment.invoke({lambdalog::newRequestId(), R"({"n":1})", {}, 1});
    };
    QObject::connect(&environment, &ExecutionEnvironment::finished, &loop, [&](const InvocationResult &r) {
        if (!r.succeeded()) std::printf("  (invocation failed: %s)\n", r.payload.constData());
        if (remaining-- <= runs) out.push_back(double(clock.nsecsElapsed()) / 1e3);
        if (remaining > 0)
            next();
        else
            loop.quit();
    });
    next();
    loop.exec();
    return out;
}

// The same through the Invoker facade (request id, pool bookkeeping, queued callback).
std::vector<double> invokerRoundTripsUs(const Function &fn, const QString &folder, LogStore *logs, int runs) {
    Project project;
    project.functions = {fn};
    InvokerOptions options;
    options.watchCode = false;
    Invoker invoker(project, folder, logs, options);
    std::vector<double> out;
    QEventLoop loop;
    QElapsedTimer clock;
    int remaining = runs + 50;
    std::function<void()> next = [&] {
        clock.start();
        invoker.invoke(fn.name, R"({"n":1})", {}, &loop, [&](const InvocationResult &) {
            if (remaining-- <= runs) out.push_back(double(clock.nsecsElapsed()) / 1e3);
            if (remaining > 0)
                next();
            else
                loop.quit();
        });
    };
    next();
    loop.exec();
    return out;
}

// The peer: one line to a Node.js process and back over stdin/stdout, the least a cross-process
// round trip through Node's event loop costs.
std::vector<double> nodePipeRoundTripsUs(const QString &node, int runs) {
    QProcess process;
    process.start(node, {QStringLiteral("-e"),
                         QStringLiteral("process.stdin.on('data', d => process.stdout.write(d));")});
    process.waitForStarted();
    std::vector<double> out;
    QElapsedTimer clock;
    for (int i = 0; i < runs + 50; ++i) {
        clock.start();
        process.write("ping\n");
        QByteArray got;
        while (!got.endsWith('\n') && process.waitForReadyRead(5000))
            got += process.readAllStandardOutput();
        if (i >= 50) out.push_back(double(clock.nsecsElapsed()) / 1e3);
    }
    process.closeWriteChannel();
    process.waitForFinished(5000);
    return out;
}

void coldSection(const char *name, const QString &runtime, const QString &handler, const QString &codeDir,
                 const QStringList &bareArguments, const QStringList &printArguments, Watchdog *watchdog,
                 LogStore *logs, int runs) {
    const Function fn = makeFunction(runtime, handler);
    const EnvironmentSpec spec = makeSpec(fn, codeDir, watchdog, logs);
    const runtimelaunch::Plan plan = runtimelaunch::plan(spec);
    if (!plan.ok()) {
        std::printf("%s: skipped (%s)\n", name, qPrintable(plan.problem));
        return;
    }
    std::printf("%s cold start, medians (%s, %d runs, interleaved)\n", name, qPrintable(plan.program), runs);
    // The runtimes get a clean environment; the app's own may slow an interpreter down (here
    // NODE_EXTRA_CA_CERTS costs Node.js ~40 ms of certificate loading at every start).
    QProcessEnvironment clean;
    clean.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
    const QProcessEnvironment inherited = QProcessEnvironment::systemEnvironment();
    // One of each per round, so that the machine's load drifts over all of them alike.
    std::vector<double> inheritedExit, bareExit, bareOutput, coldMs, init;
    for (int i = 0; i < runs; ++i) {
        inheritedExit.push_back(bareStartMs(plan.program, bareArguments, inherited, 1).front());
        bareExit.push_back(bareStartMs(plan.program, bareArguments, clean, 1).front());
        bareOutput.push_back(bareFirstOutputMs(plan.program, printArguments, clean, 1).front());
        coldMs.push_back(coldStartMs(spec, 1, &init).front());
    }
    const double bare = percentile(bareExit, 0.5);
    const double cold = percentile(coldMs, 0.5);
    const double firstOutput = percentile(bareOutput, 0.5);
    QStringList shown;
    for (const QString &argument : bareArguments)
        shown.append(argument.isEmpty() ? QStringLiteral("''") : argument);
    const QByteArray command =
        QFileInfo(plan.program).fileName().toUtf8() + ' ' + shown.join(QLatin1Char(' ')).toUtf8();
    print(("bare `" + command + "`, start to exit, Gatehouse's environment").constData(),
          percentile(inheritedExit, 0.5), "ms");
    print(("bare `" + command + "`, start to exit, clean environment").constData(), bare, "ms");
    print("bare interpreter, start to its first output, clean environment", firstOutput, "ms");
    print("new environment to first result", cold, "ms");
    print("  of which Init Duration (start to first `next`)", percentile(init, 0.5), "ms");
    print("  beyond the bare interpreter (start to exit, clean)", cold - bare, "ms", "target <= 20 ms");
    print("  beyond the bare interpreter (start to first output, clean)", cold - firstOutput, "ms");
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // bench_process_runtimes [SCALE] [SECTION]: SCALE multiplies the iteration counts; SECTION (cold,
    // warm) runs one part only.
    const int scale = argc > 1 ? std::max(1, atoi(argv[1])) : 1;
    const QByteArray only = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    const auto runs = [&](const char *section) { return only.isEmpty() || only == section; };
    QTemporaryDir dir;
    const QString codeDir = dir.filePath(QStringLiteral("functions/noop"));
    write(codeDir + QStringLiteral("/index.js"), "exports.handler = async () => 1;\n");
    write(codeDir + QStringLiteral("/app.py"), "def handler(event, context):\n    return 1\n");
    Watchdog watchdog;
    LogStore logs(100000);

    std::printf("bench_process_runtimes: no-op handlers over the Lambda Runtime API\n");
    if (runs("cold")) {
        coldSection("Node.js", QStringLiteral("nodejs20.x"), QStringLiteral("index.handler"), codeDir,
                    {QStringLiteral("-e"), QString()},
                    {QStringLiteral("-e"), QStringLiteral("process.stdout.write('x')")}, &watchdog, &logs,
                    15 * scale);
        coldSection(
            "Python", QStringLiteral("python3.12"), QStringLiteral("app.handler"), codeDir,
            {QStringLiteral("-c"), QString()},
            {QStringLiteral("-c"), QStringLiteral("import sys; sys.stdout.write('x'); sys.stdout.flush()")},
            &watchdog, &logs, 15 * scale);
    }
    if (runs("warm")) {
        const Function node = makeFunction(QStringLiteral("nodejs20.x"), QStringLiteral("index.handler"));
        const EnvironmentSpec spec = makeSpec(node, codeDir, &watchdog, &logs);
        const runtimelaunch::Plan plan = runtimelaunch::plan(spec);
        if (!plan.ok()) {
            std::printf("warm: skipped (%s)\n", qPrintable(plan.problem));
            return 0;
        }
        const int n = 3000 * scale;
        std::printf("Node.js warm invoke, %d sequential invocations of a no-op handler\n", n);
        const std::vector<double> peer = nodePipeRoundTripsUs(plan.program, n);
        print("peer: a line through node's stdin/stdout and back, median", percentile(peer, 0.5), "us");
        const std::vector<double> warm = warmRoundTripsUs(spec, n);
        print("ProcessEnvironment::invoke to finished, median", percentile(warm, 0.5), "us",
              "target <= 150 us beyond the handler");
        print("  p90", percentile(warm, 0.90), "us");
        print("  p99", percentile(warm, 0.99), "us", "(2 shared cores: preemption shows here)");
        const std::vector<double> facade = invokerRoundTripsUs(node, dir.path(), &logs, n);
        print("through the Invoker facade (invoke + callback), median", percentile(facade, 0.5), "us");
        print("  p99", percentile(facade, 0.99), "us");
        const Function python = makeFunction(QStringLiteral("python3.12"), QStringLiteral("app.handler"));
        if (runtimelaunch::plan(makeSpec(python, codeDir, &watchdog, &logs)).ok()) {
            const std::vector<double> py = warmRoundTripsUs(makeSpec(python, codeDir, &watchdog, &logs), n);
            print("Python, ProcessEnvironment::invoke to finished, median", percentile(py, 0.5), "us");
            print("  p99", percentile(py, 0.99), "us");
        }
    }
    return 0;
}
