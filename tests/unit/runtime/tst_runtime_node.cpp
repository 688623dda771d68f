// The nodejs* runtimes through the Invoker: a real Node.js process running Gatehouse's bootstrap against
// the Runtime API. Handlers, context, logs and faults as Lambda's Node.js runtime has them
// (nodejs-handler.md, nodejs-context.md, nodejs-logging.md, nodejs-exceptions.md). Skipped without node.
#include "RuntimeFixture.h"
#include "invoker/Billing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;

namespace {

using Files = QMap<QString, QByteArray>;

const QString kRuntime = QStringLiteral("nodejs20.x");

// fails when the event says so ({"fail": true}) and returns "ok" otherwise.
QByteArray switchable(const QByteArray &failure) {
    return "exports.handler = async (e) => { if (e.fail) { " + failure + " } return 'ok'; };";
}

void expectRecovery(Invoker &invoker, const QString &function) {
    const InvocationResult next = invoker.invokeAndWait(function, "{}");
    QVERIFY2(next.succeeded(), next.payload.constData());
    QCOMPARE(next.payload, QByteArray(R"("ok")"));
}

} // namespace

class TestRuntimeNode : public QObject {
    Q_OBJECT
private slots:
    void init() {
        if (const QString why = test::runtimeUnavailable(kRuntime); !why.isEmpty()) QSKIP(qPrintable(why));
    }

    void asyncHandlerGetsTheEventAndLambdaContext() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("ctx"), kRuntime,
                                 {{"index.js", R"(exports.handler = async (event, context) => ({
  echo: event,
  functionName: context.functionName, functionVersion: context.functionVersion,
  awsRequestId: context.awsRequestId, invokedFunctionArn: context.invokedFunctionArn,
  memoryLimitInMB: context.memoryLimitInMB, logGroupName: context.logGroupName,
  logStreamName: context.logStreamName, remaining: context.getRemainingTimeInMillis(),
  waits: context.callbackWaitsForEmptyEventLoop, clientContext: context.clientContext || null,
  trace: process.env._X_AMZN_TRACE_ID });)"}},
                                 QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        InvokeOptions options;
        options.clientContext = R"({"custom": {"app": "test"}})";
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("ctx"), R"({"a": [1, 2]})", options);
        QVERIFY2(r.succeeded(), r.payload.constData());
        const QJsonObject o = test::jsonObject(r.payload);
        QCOMPARE(o.value(QStringLiteral("echo")).toObject().value(QStringLiteral("a")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("functionName")).toString(), QStringLiteral("ctx"));
        QCOMPARE(o.value(QStringLiteral("functionVersion")).toString(), QStringLiteral("$LATEST"));
        QCOMPARE(o.value(QStringLiteral("awsRequestId")).toString(), r.requestId);
        QCOMPARE(o.value(QStringLiteral("invokedFunctionArn")).toString(),
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:ctx"));
        QCOMPARE(o.value(QStringLiteral("memoryLimitInMB")).toString(), QStringLiteral("128"));
        QCOMPARE(o.value(QStringLiteral("logGroupName")).toString(), QStringLiteral("/aws/lambda/ctx"));
        QCOMPARE(o.value(QStringLiteral("logStreamName")).toString(), r.logStreamName);
        const int remaining = o.value(QStringLiteral("remaining")).toInt();
        QVERIFY2(remaining > 2000 && remaining <= 3000, qPrintable(QString::number(remaining)));
        QCOMPARE(o.value(QStringLiteral("waits")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("clientContext"))
                     .toObject()
                     .value(QStringLiteral("custom"))
                     .toObject()
                     .value(QStringLiteral("app"))
                     .toString(),
                 QStringLiteral("test"));
        QVERIFY(o.value(QStringLiteral("trace")).toString().startsWith(QLatin1String("Root=1-")));
        QVERIFY(r.coldStart);
        QVERIFY(r.initDurationMs > 0);
    }

    void warmInvocationsReuseTheProcess() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("count"), kRuntime,
            {{"index.js", "let n = 0; exports.handler = async () => ({ n: ++n, pid: process.pid });"}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult first = invoker.invokeAndWait(QStringLiteral("count"), "{}");
        const InvocationResult second = invoker.invokeAndWait(QStringLiteral("count"), "{}");
        QVERIFY(first.coldStart);
        QVERIFY(!second.coldStart);
        QCOMPARE(second.initDurationMs, 0.0);
        QCOMPARE(test::jsonObject(second.payload).value(QStringLiteral("n")).toInt(), 2);
        QCOMPARE(test::jsonObject(second.payload).value(QStringLiteral("pid")).toInt(),
                 test::jsonObject(first.payload).value(QStringLiteral("pid")).toInt());
        QCOMPARE(invoker.stats(QStringLiteral("count")).environments, 1);
    }

    void handlerStylesAsTheNodeRuntimeSupportsThem_data() {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("callback") << Files{{"index.js",
                                            "exports.handler = (e, c, cb) => cb(null, { via: 'callback' });"}}
                                  << "index.handler" << QByteArray(R"({"via":"callback"})");
        QTest::newRow("callback waits for the event loop to empty")
            << Files{{"index.js", "let late = 0; exports.handler = (e, c, cb) => { const out = { late: 0 }; "
                                  "setTimeout(() => { out.late = 1; }, 30); cb(null, out); };"}}
            << "index.handler" << QByteArray(R"({"late":1})");
        QTest::newRow("callbackWaitsForEmptyEventLoop = false answers at once")
            << Files{{"index.js",
                      "exports.handler = (e, c, cb) => { c.callbackWaitsForEmptyEventLoop = false; "
                      "const out = { late: 0 }; setTimeout(() => { out.late = 1; }, 200); cb(null, out); };"}}
            << "index.handler" << QByteArray(R"({"late":0})");
        QTest::newRow("promise without async")
            << Files{{"index.js", "exports.handler = () => new Promise(r => setTimeout(() => r(42), 10));"}}
            << "index.handler" << QByteArray("42");
        QTest::newRow("sync handler without callback returns null")
            << Files{{"index.js", "exports.handler = function (e, c, cb) { return 'ignored'; };"}}
            << "index.handler" << QByteArray("null");
        QTest::newRow("undefined result is null") << Files{{"index.js", "exports.handler = async () => {};"}}
                                                  << "index.handler" << QByteArray("null");
        QTest::newRow("ES module .mjs")
            << Files{{"index.mjs", "export const handler = async (e) => ({ esm: true, n: e.n });"}}
            << "index.handler" << QByteArray(R"({"esm":true,"n":7})");
        QTest::newRow("type: module package")
            << Files{{"package.json", R"({"type": "module"})"},
                     {"app.js", "import { join } from 'node:path';\nexport async function main() { return "
                                "join('a', 'b'); }"}}
            << "app.main" << QByteArray(R"("a/b")");
        QTest::newRow("nested path and sub-folder")
            << Files{{"src/lib/api.js", "exports.handlers = { get: async () => 'nested' };"}}
            << "src/lib/api.handlers.get" << QByteArray(R"("nested")");
        QTest::newRow("require of a sibling module and a built-in")
            << Files{{"index.js", "const { twice } = require('./util'); const os = require('os');\n"
                                  "exports.handler = async (e) => twice(e.n) + (os.EOL.length - 1);"},
                     {"util.js", "exports.twice = (n) => n * 2;"}}
            << "index.handler" << QByteArray("14");
    }
    void handlerStylesAsTheNodeRuntimeSupportsThem() {
        QFETCH(Files, files);
        QFETCH(QString, handler);
        QFETCH(QByteArray, expected);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("h"), kRuntime, files, handler);
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("h"), R"({"n": 7})");
        QVERIFY2(r.succeeded(), r.payload.constData());
        QCOMPARE(r.payload, expected);
    }

    void logsAreConsoleLinesBetweenStartAndReport() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("logs"), kRuntime,
            {{"index.js", "console.log('loading');\n"
                          "exports.handler = async () => { console.log('hello', { a: 1 }); "
                          "console.warn('careful'); console.error('two\\nlines'); return 1; };"}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("logs"), "{}");
        QVERIFY(r.succeeded());
        const QStringList &lines = r.logLines;
        QVERIFY2(lines.size() == 7, qPrintable(lines.join(u'\n')));
        const QString ts = QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        // Init lines (module load) come first, with the request id "undefined", as in Lambda.
        QVERIFY2(QRegularExpression(QStringLiteral("^%1\\tundefined\\tINFO\\tloading$").arg(ts))
                     .match(lines[0])
                     .hasMatch(),
                 qPrintable(lines[0]));
        QCOMPARE(lines[1], QStringLiteral("START RequestId: %1 Version: $LATEST").arg(r.requestId));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^%1\\t%2\\tINFO\\thello \\{ a: 1 \\}$").arg(ts, r.requestId))
                .match(lines[2])
                .hasMatch(),
            qPrintable(lines[2]));
        QVERIFY(lines[3].endsWith(QStringLiteral("\t%1\tWARN\tcareful").arg(r.requestId)));
        // One console call with a line break is one record.
        QVERIFY2(lines[4].endsWith(QStringLiteral("\t%1\tERROR\ttwo\nlines").arg(r.requestId)),
                 qPrintable(lines[4]));
        QCOMPARE(lines[5], QStringLiteral("END RequestId: %1").arg(r.requestId));
        const QRegularExpressionMatch report = test::reportLinePattern(r.requestId).match(lines[6]);
        QVERIFY2(report.hasMatch(), qPrintable(lines[6]));
        QCOMPARE(report.captured(3), QStringLiteral("128"));
        const int used = report.captured(4).toInt();
        QVERIFY2(used >= 20 && used <= 128, qPrintable(lines[6])); // measured peak RSS of node
        QCOMPARE(used, r.maxMemoryUsedMB);
        QVERIFY(!report.captured(5).isEmpty()); // Init Duration on the cold start
        QCOMPARE(report.captured(2).toLongLong(),
                 billedDurationMs(r.durationMs, r.initDurationMs, BillingGranularity::Millisecond));

        // The LogStore has them too, tagged with the request.
        const QList<LogRecord> stored = f.logs.forRequest(r.requestId);
        QCOMPARE(stored.size(), 7);
        QCOMPARE(stored[3].level, LogRecord::Level::Warn);
        QVERIFY(stored[1].platform);

        const InvocationResult warm = invoker.invokeAndWait(QStringLiteral("logs"), "{}");
        const QRegularExpressionMatch warmReport =
            test::reportLinePattern(warm.requestId).match(warm.logLines.last());
        QVERIFY2(warmReport.hasMatch(), qPrintable(warm.logLines.last()));
        QVERIFY(warmReport.captured(5).isEmpty()); // no Init Duration when warm
        QCOMPARE(warm.logLines.first(),
                 QStringLiteral("START RequestId: %1 Version: $LATEST").arg(warm.requestId));
    }

    void environmentIsLambdasAndNothingLeaksFromTheApp() {
        qputenv("GATEHOUSE_TEST_SECRET", "leak");
        test::InvokerFixture f;
        Function &fn = test::addRuntimeFunction(
            f, QStringLiteral("env"), kRuntime,
            {{"index.js", "exports.handler = async () => ({ env: process.env, cwd: process.cwd() });"}},
            QStringLiteral("index.handler"));
        fn.environment = {{QStringLiteral("STAGE"), QStringLiteral("test")},
                          {QStringLiteral("AWS_REGION"), QStringLiteral("ignored")}};
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("env"), "{}");
        qunsetenv("GATEHOUSE_TEST_SECRET");
        QVERIFY2(r.succeeded(), r.payload.constData());
        const QJsonObject env = test::jsonObject(r.payload).value(QStringLiteral("env")).toObject();
        QVERIFY(!env.contains(QStringLiteral("GATEHOUSE_TEST_SECRET")));
        QVERIFY(!env.contains(QStringLiteral("HOME")));
        QCOMPARE(env.value(QStringLiteral("STAGE")).toString(), QStringLiteral("test"));
        QCOMPARE(env.value(QStringLiteral("AWS_REGION")).toString(), QStringLiteral("us-east-1"));
        QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME")).toString(), QStringLiteral("env"));
        QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")).toString(),
                 QStringLiteral("128"));
        QCOMPARE(env.value(QStringLiteral("_HANDLER")).toString(), QStringLiteral("index.handler"));
        QCOMPARE(env.value(QStringLiteral("AWS_EXECUTION_ENV")).toString(),
                 QStringLiteral("AWS_Lambda_nodejs20.x"));
        QCOMPARE(env.value(QStringLiteral("TZ")).toString(), QStringLiteral(":UTC"));
        QVERIFY(env.value(QStringLiteral("AWS_LAMBDA_RUNTIME_API"))
                    .toString()
                    .startsWith(QLatin1String("127.0.0.1:")));
        QVERIFY(env.value(QStringLiteral("PATH")).toString().contains(QLatin1String("/usr/bin")));
        const QString taskRoot = env.value(QStringLiteral("LAMBDA_TASK_ROOT")).toString();
        QVERIFY(taskRoot.endsWith(QLatin1String("functions/env")));
        QCOMPARE(test::jsonObject(r.payload).value(QStringLiteral("cwd")).toString(), taskRoot);
    }

    void thrownErrorIsUnhandledWithTheNodeShapeAndKeepsTheProcess() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("f"), kRuntime,
            {{"index.js", switchable("const e = new Error('boom'); e.name = 'MyCustomError'; throw e;")}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.statusCode, 200);
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("MyCustomError"));
        const QJsonObject payload = test::jsonObject(r.payload);
        QCOMPARE(payload.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("boom"));
        const QJsonArray trace = payload.value(QStringLiteral("trace")).toArray();
        QCOMPARE(trace.first().toString(), QStringLiteral("MyCustomError: boom"));
        QVERIFY2(trace.at(1).toString().contains(QLatin1String("index.js:1")),
                 qPrintable(trace.at(1).toString()));
        const QString log = r.logLines.join(u'\n');
        QVERIFY2(log.contains(QLatin1String(
                     "\tERROR\tInvoke Error \t{\"errorType\":\"MyCustomError\",\"errorMessage\":\"boom\"")),
                 qPrintable(log));
        QVERIFY(r.environmentReusable);
        const InvocationResult next = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QVERIFY(next.succeeded());
        QVERIFY(!next.coldStart);
    }

    void errorValuesAsTheNodeRuntimeReportsThem_data() {
        QTest::addColumn<QByteArray>("failure");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("errorMessage");
        QTest::newRow("thrown string") << QByteArray("throw 'plain';") << "string"
                                       << "plain";
        QTest::newRow("callback error")
            << QByteArray("return await new Promise((res, rej) => rej(new TypeError('bad type')));")
            << "TypeError"
            << "bad type";
        QTest::newRow("unserialisable result") << QByteArray("const o = {}; o.self = o; return o;") << "Error"
                                               << "Unable to stringify response body";
    }
    void errorValuesAsTheNodeRuntimeReportsThem() {
        QFETCH(QByteArray, failure);
        QFETCH(QString, errorType);
        QFETCH(QString, errorMessage);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", switchable(failure)}},
                                 QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.errorType, errorType);
        QCOMPARE(r.errorMessage, errorMessage);
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void timeoutKillsTheProcessAndTheNextCallStartsAFreshOne() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("slow"), kRuntime,
                                 {{"index.js", switchable("while (true) {}")}},
                                 QStringLiteral("index.handler"))
            .timeoutSeconds = 1;
        Invoker &invoker = f.start();
        QVERIFY(invoker.invokeAndWait(QStringLiteral("slow"), "{}").succeeded());
        QSignalSpy stopped(&invoker, &Invoker::environmentStopped);
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("slow"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.payload, QByteArray(R"({"errorType":"Sandbox.Timedout","errorMessage":"RequestId: )") +
                                r.requestId.toUtf8() + " Error: Task timed out after 1.00 seconds\"}");
        QVERIFY(r.durationMs >= 1000 && r.durationMs < 2000);
        QCOMPARE(r.billedDurationMs, 1000);
        QVERIFY(!r.environmentReusable);
        QVERIFY(r.logLines.at(r.logLines.size() - 2).startsWith(QLatin1String("REPORT ")));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^\\S+Z %1 Task timed out after 1\\.00 seconds$").arg(r.requestId))
                     .match(r.logLines.last())
                     .hasMatch(),
                 qPrintable(r.logLines.last()));
        QTRY_COMPARE(stopped.size(), 1);
        QCOMPARE(stopped.first().at(1).toString(), QStringLiteral("discarded"));
        const InvocationResult next = invoker.invokeAndWait(QStringLiteral("slow"), "{}");
        QVERIFY(next.succeeded());
        QVERIFY(next.coldStart);
    }

    void processEndingMidCallIsRuntimeExitError_data() {
        QTest::addColumn<QByteArray>("failure");
        QTest::addColumn<QString>("description");
        QTest::newRow("process.exit(3)") << QByteArray("process.exit(3);") << "exit status 3";
        QTest::newRow("killed by a signal")
            << QByteArray("process.kill(process.pid, 'SIGKILL');") << "signal: killed";
        QTest::newRow("abort") << QByteArray("process.abort();") << "signal: aborted";
    }
    void processEndingMidCallIsRuntimeExitError() {
        QFETCH(QByteArray, failure);
        QFETCH(QString, description);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", switchable(failure)}},
                                 QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
        QCOMPARE(r.errorMessage, QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2")
                                     .arg(r.requestId, description));
        QVERIFY(!r.environmentReusable);
        QCOMPARE(r.logLines.last(),
                 QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2\nRuntime.ExitError")
                     .arg(r.requestId, description));
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void uncaughtErrorsOutsideTheHandlerEndTheProcess_data() {
        QTest::addColumn<QByteArray>("failure");
        QTest::addColumn<QString>("errorType");
        QTest::newRow("exception in a timer")
            << QByteArray("return new Promise(() => setTimeout(() => { throw new RangeError('late'); }, 5));")
            << "RangeError";
        QTest::newRow("unhandled rejection") << QByteArray("Promise.reject(new Error('nobody catches')); "
                                                           "return new Promise(r => setTimeout(r, 200));")
                                             << "Runtime.UnhandledPromiseRejection";
    }
    void uncaughtErrorsOutsideTheHandlerEndTheProcess() {
        QFETCH(QByteArray, failure);
        QFETCH(QString, errorType);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", switchable(failure)}},
                                 QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, errorType);
        expectRecovery(invoker, QStringLiteral("f")); // on a new process: the old one exited (129/128)
    }

    void initFailuresUseTheNodeRuntimeErrorTypes_data() {
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("syntax error") << "index.handler" << QByteArray("exports.handler = function ( {")
                                      << "Runtime.UserCodeSyntaxError"
                                      << "SyntaxError: ";
        QTest::newRow("missing module")
            << "app.handler" << QByteArray("exports.handler = () => 1;") << "Runtime.ImportModuleError"
            << "Cannot find module 'app'";
        QTest::newRow("require of a missing package")
            << "index.handler"
            << QByteArray("require('left-pad-that-is-not-here');\nexports.handler = () => 1;")
            << "Runtime.ImportModuleError"
            << "left-pad-that-is-not-here";
        QTest::newRow("handler not exported")
            << "index.handler" << QByteArray("exports.other = () => 1;") << "Runtime.HandlerNotFound"
            << "index.handler is undefined or not exported";
        QTest::newRow("malformed handler")
            << "index" << QByteArray("exports.handler = () => 1;") << "Runtime.MalformedHandlerName"
            << "Bad handler";
        QTest::newRow("throw at load")
            << "index.handler" << QByteArray("throw new RangeError('bad config');") << "RangeError"
            << "bad config";
    }
    void initFailuresUseTheNodeRuntimeErrorTypes() {
        QFETCH(QString, handler);
        QFETCH(QByteArray, source);
        QFETCH(QString, errorType);
        QFETCH(QString, messagePart);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", source}}, handler);
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, errorType);
        QVERIFY2(r.errorMessage.contains(messagePart), qPrintable(r.errorMessage));
        QVERIFY(test::jsonObject(r.payload).value(QStringLiteral("trace")).isArray());
        QVERIFY(!r.environmentReusable);
        const QString log = r.logLines.join(u'\n');
        QVERIFY2(log.contains(QLatin1String("\tundefined\tERROR\tUncaught Exception \t{\"errorType\":\"") +
                              errorType),
                 qPrintable(log));
        QVERIFY(r.logLines.last().contains(QLatin1String("Init Duration")));

        // Fixed code (hot reload through updateProject): the next invocation works.
        f.write(QStringLiteral("functions/f/index.js"), "exports.handler = async () => 'ok';");
        f.project.functions.first().handler = QStringLiteral("index.handler");
        invoker.updateProject(f.project, f.folder());
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void exitDuringInitIsRuntimeExitError() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", "process.exit(2);"}},
                                 QStringLiteral("index.handler"));
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
        QVERIFY2(r.errorMessage.endsWith(QLatin1String("Runtime exited with error: exit status 2")),
                 qPrintable(r.errorMessage));
        QVERIFY(r.coldStart);
        QCOMPARE(r.logLines.first(), QStringLiteral("START RequestId: %1 Version: $LATEST").arg(r.requestId));
    }

    void memoryOverTheFunctionsSizeIsKilled() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("hog"), kRuntime,
            {{"index.js", switchable("const keep = []; for (let i = 0; i < 40; ++i) { "
                                     "keep.push(Buffer.alloc(16 * 1024 * 1024, 1)); "
                                     "await new Promise(r => setTimeout(r, 5)); } return keep.length;")}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("hog"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("Runtime.OutOfMemory"));
        QCOMPARE(r.errorMessage,
                 QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed")
                     .arg(r.requestId));
        QCOMPARE(r.maxMemoryUsedMB, 128);
        QVERIFY(!r.environmentReusable);
        QVERIFY(r.logLines.at(r.logLines.size() - 2).contains(QLatin1String("Max Memory Used: 128 MB")));
        QCOMPARE(r.logLines.last(),
                 QStringLiteral(
                     "RequestId: %1 Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory")
                     .arg(r.requestId));
        expectRecovery(invoker, QStringLiteral("hog"));
    }

    void responseOverSixMegabytesIsAFunctionErrorAndKeepsTheProcess() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("big"), kRuntime,
            {{"index.js", "exports.handler = async (e) => e.size ? 'A'.repeat(e.size) : 'ok';"}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult tooBig = invoker.invokeAndWait(QStringLiteral("big"), R"({"size": 6291555})");
        QCOMPARE(tooBig.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(
            tooBig.payload,
            QByteArray(R"({"errorType":"Function.ResponseSizeTooLarge","errorMessage":)"
                       R"("Response payload size exceeded maximum allowed payload size (6291556 bytes)."})"));
        QVERIFY(tooBig.environmentReusable);
        const InvocationResult fits = invoker.invokeAndWait(QStringLiteral("big"), R"({"size": 6291554})");
        QVERIFY(fits.succeeded());
        QCOMPARE(fits.payload.size(), 6291556);
        QVERIFY(!fits.coldStart);
        expectRecovery(invoker, QStringLiteral("big"));
    }

    void requestOverSixMegabytesOrNotJsonIsRejectedBeforeRunning() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", switchable("")}},
                                 QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult big =
            invoker.invokeAndWait(QStringLiteral("f"), '"' + QByteArray(6291456, 'a') + '"');
        QCOMPARE(big.statusCode, 413);
        QCOMPARE(big.errorType, QStringLiteral("RequestEntityTooLargeException"));
        const InvocationResult notJson = invoker.invokeAndWait(QStringLiteral("f"), "{not json");
        QCOMPARE(notJson.statusCode, 400);
        QCOMPARE(notJson.errorType, QStringLiteral("InvalidRequestContentException"));
        QVERIFY(notJson.logLines.isEmpty());
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void codeChangeRecyclesTheProcess() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("v"), kRuntime,
                                 {{"index.js", "exports.handler = async () => 'v1';"}},
                                 QStringLiteral("index.handler"));
        InvokerOptions options = test::InvokerFixture::fastOptions();
        options.watchCode = false; // updateProject drives the reload here
        Invoker &invoker = f.start(options);
        QCOMPARE(invoker.invokeAndWait(QStringLiteral("v"), "{}").payload, QByteArray(R"("v1")"));
        f.write(QStringLiteral("functions/v/other.js"), "exports.run = async () => 'v2';");
        f.project.functions.first().handler = QStringLiteral("other.run");
        invoker.updateProject(f.project, f.folder());
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("v"), "{}");
        QCOMPARE(r.payload, QByteArray(R"("v2")"));
        QVERIFY(r.coldStart);
    }

    void concurrentInvocationsRunInSeparateProcesses() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("par"), kRuntime,
            {{"index.js",
              "exports.handler = () => new Promise(r => setTimeout(() => r(process.pid), 300));"}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        QList<InvocationResult> results;
        for (int i = 0; i < 3; ++i)
            invoker.invoke(QStringLiteral("par"), "{}", {}, nullptr,
                           [&](const InvocationResult &r) { results.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 10000);
        QSet<QByteArray> pids;
        for (const InvocationResult &r : results) {
            QVERIFY2(r.succeeded(), r.payload.constData());
            pids.insert(r.payload);
        }
        QCOMPARE(pids.size(), 3);
        QCOMPARE(invoker.stats(QStringLiteral("par")).environments, 3);
    }

    void stoppingTheInvokerLeavesNoProcessBehind() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("p"), kRuntime,
            {{"index.js",
              "const { spawn } = require('child_process');\n"
              "exports.handler = async () => ({ pid: process.pid, child: spawn('sleep', ['60']).pid });"}},
            QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("p"), "{}");
        QVERIFY2(r.succeeded(), r.payload.constData());
        const qint64 pid = test::jsonObject(r.payload).value(QStringLiteral("pid")).toInteger();
        const qint64 child = test::jsonObject(r.payload).value(QStringLiteral("child")).toInteger();
        QVERIFY(!test::processGone(pid));
        f.start();                              // a new Invoker replaces (and destroys) the old one
        QTRY_VERIFY(test::processGone(pid));    // killed and reaped: no zombie
        QTRY_VERIFY(test::processEnded(child)); // what the runtime started goes with it (its process group)
    }

    void missingInterpreterIsAClearErrorNotACrash() {
        qputenv("GATEHOUSE_NODE", "/nonexistent/node");
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"index.js", switchable("")}},
                                 QStringLiteral("index.handler"));
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        qunsetenv("GATEHOUSE_NODE");
        QCOMPARE(r.statusCode, 502);
        QCOMPARE(r.errorType, QStringLiteral("InvalidRuntimeException"));
        QVERIFY2(r.errorMessage.contains(QLatin1String("GATEHOUSE_NODE")), qPrintable(r.errorMessage));
        QVERIFY(r.errorMessage.contains(QLatin1String("/nonexistent/node")));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeNode)
#include "tst_runtime_node.moc"
