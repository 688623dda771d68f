// The python3.* runtimes through the Invoker: a real Python process running Gatehouse's bootstrap against
// the Runtime API. Handlers, context, logging and faults as Lambda's Python runtime has them
// (python-handler.md, python-context.md, python-logging.md, python-exceptions.md). Skipped without python3.
#include "RuntimeFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace gatehouse;

namespace {

using Files = QMap<QString, QByteArray>;

const QString kRuntime = QStringLiteral("python3.12");

QByteArray switchable(const QByteArray &failure) {
    return "def lambda_handler(event, context):\n    if event.get('fail'):\n        " + failure +
           "\n    return 'ok'\n";
}

void expectRecovery(Invoker &invoker, const QString &function) {
    const InvocationResult next = invoker.invokeAndWait(function, "{}");
    QVERIFY2(next.succeeded(), next.payload.constData());
    QCOMPARE(next.payload, QByteArray(R"("ok")"));
}

} // namespace

class TestRuntimePython : public QObject {
    Q_OBJECT
private slots:
    void init() {
        if (const QString why = test::runtimeUnavailable(kRuntime); !why.isEmpty()) QSKIP(qPrintable(why));
    }

    void handlerGetsTheEventAndLambdaContext() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("ctx"), kRuntime, {{"app.py", R"(import os
def lambda_handler(event, context):
    return {
        "echo": event,
        "function_name": context.function_name, "function_version": context.function_version,
        "aws_request_id": context.aws_request_id, "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb, "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name, "remaining": context.get_remaining_time_in_millis(),
        "custom": context.client_context.custom if context.client_context else None,
        "task_root": os.environ["LAMBDA_TASK_ROOT"], "cwd": os.getcwd(),
    }
)"}},
                                 QStringLiteral("app.lambda_handler"));
        InvokeOptions options;
        options.clientContext = R"({"custom": {"app": "test"}})";
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("ctx"), R"({"a": 1})", options);
        QVERIFY2(r.succeeded(), r.payload.constData());
        const QJsonObject o = test::jsonObject(r.payload);
        QCOMPARE(o.value(QStringLiteral("echo")).toObject().value(QStringLiteral("a")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("function_name")).toString(), QStringLiteral("ctx"));
        QCOMPARE(o.value(QStringLiteral("function_version")).toString(), QStringLiteral("$LATEST"));
        QCOMPARE(o.value(QStringLiteral("aws_request_id")).toString(), r.requestId);
        QCOMPARE(o.value(QStringLiteral("invoked_function_arn")).toString(),
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:ctx"));
        QCOMPARE(o.value(QStringLiteral("memory_limit_in_mb")).toString(), QStringLiteral("128"));
        QCOMPARE(o.value(QStringLiteral("log_group_name")).toString(), QStringLiteral("/aws/lambda/ctx"));
        QCOMPARE(o.value(QStringLiteral("log_stream_name")).toString(), r.logStreamName);
        const int remaining = o.value(QStringLiteral("remaining")).toInt();
        QVERIFY(remaining > 2000 && remaining <= 3000);
        QCOMPARE(o.value(QStringLiteral("custom")).toObject().value(QStringLiteral("app")).toString(),
                 QStringLiteral("test"));
        QCOMPARE(o.value(QStringLiteral("cwd")).toString(), o.value(QStringLiteral("task_root")).toString());
        QVERIFY(r.coldStart);
    }

    void handlerPathsAsThePythonRuntimeResolvesThem_data() {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("package module")
            << Files{{"pkg/__init__.py", ""}, {"pkg/handlers.py", "def main(e, c):\n    return 'pkg'\n"}}
            << "pkg.handlers.main" << QByteArray(R"("pkg")");
        QTest::newRow("folder path") << Files{{"src/api.py", "def main(e, c):\n    return 'src'\n"}}
                                     << "src/api.main" << QByteArray(R"("src")");
        QTest::newRow("sibling import and Decimal")
            << Files{{"app.py",
                      "from decimal import Decimal\nfrom helper import twice\n"
                      "def handler(e, c):\n    return {'n': twice(e['n']), 'price': Decimal('1.5')}\n"},
                     {"helper.py", "def twice(n):\n    return n * 2\n"}}
            << "app.handler" << QByteArray(R"({"n": 14, "price": 1.5})");
    }
    void handlerPathsAsThePythonRuntimeResolvesThem() {
        QFETCH(Files, files);
        QFETCH(QString, handler);
        QFETCH(QByteArray, expected);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("h"), kRuntime, files, handler);
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("h"), R"({"n": 7})");
        QVERIFY2(r.succeeded(), r.payload.constData());
        QCOMPARE(r.payload, expected);
    }

    void printAndLoggingLinesAsLambdaWritesThem() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("logs"), kRuntime, {{"app.py", R"(import logging
logger = logging.getLogger()
logger.setLevel(logging.INFO)
print("loading")
def lambda_handler(event, context):
    print("hello from print")
    logger.info("info %s", 42)
    logger.warning("two\nlines")
    return 1
)"}},
                                 QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("logs"), "{}");
        QVERIFY2(r.succeeded(), r.payload.constData());
        const QStringList &lines = r.logLines;
        QVERIFY2(lines.size() == 7, qPrintable(lines.join(u'\n')));
        QCOMPARE(lines[0], QStringLiteral("loading"));
        QCOMPARE(lines[1], QStringLiteral("START RequestId: %1 Version: $LATEST").arg(r.requestId));
        QCOMPARE(lines[2], QStringLiteral("hello from print"));
        const QString ts = QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        QVERIFY2(QRegularExpression(QStringLiteral("^\\[INFO\\]\\t%1\\t%2\\tinfo 42$").arg(ts, r.requestId))
                     .match(lines[3])
                     .hasMatch(),
                 qPrintable(lines[3]));
        QVERIFY2(lines[4].startsWith(QLatin1String("[WARNING]\t")) &&
                     lines[4].endsWith(QLatin1String("\ttwo\nlines")),
                 qPrintable(lines[4]));
        QCOMPARE(lines[5], QStringLiteral("END RequestId: %1").arg(r.requestId));
        const QRegularExpressionMatch report = test::reportLinePattern(r.requestId).match(lines[6]);
        QVERIFY2(report.hasMatch(), qPrintable(lines[6]));
        QVERIFY(!report.captured(5).isEmpty());
        const int used = report.captured(4).toInt();
        QVERIFY2(used >= 5 && used < 128, qPrintable(lines[6]));
        QCOMPARE(f.logs.forRequest(r.requestId).at(4).level, LogRecord::Level::Warn);
    }

    void exceptionHasThePythonRuntimeShape() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime,
                                 {{"app.py", switchable("raise ValueError('boom')")}},
                                 QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("ValueError"));
        QCOMPARE(r.errorMessage, QStringLiteral("boom"));
        // {errorMessage, errorType, requestId, stackTrace} in that order, as Lambda's runtime sends it.
        QVERIFY2(r.payload.startsWith(
                     "{\"errorMessage\": \"boom\", \"errorType\": \"ValueError\", \"requestId\": \""),
                 r.payload.constData());
        const QJsonObject payload = test::jsonObject(r.payload);
        QCOMPARE(payload.value(QStringLiteral("requestId")).toString(), r.requestId);
        const QJsonArray stack = payload.value(QStringLiteral("stackTrace")).toArray();
        QCOMPARE(stack.size(), 1); // the bootstrap's own frames are left out
        QVERIFY2(stack.first().toString().contains(QLatin1String("app.py\", line 3, in lambda_handler")),
                 qPrintable(stack.first().toString()));
        const QString errorLine = r.logLines.at(1);
        QVERIFY2(errorLine.startsWith(
                     QLatin1String("[ERROR] ValueError: boom\nTraceback (most recent call last):\n")),
                 qPrintable(errorLine));
        QVERIFY(r.environmentReusable);
        const InvocationResult next = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QVERIFY(next.succeeded());
        QVERIFY(!next.coldStart);
        // No __pycache__ in the code folder (it would look like an edit and recycle the environment).
        QVERIFY(!QFileInfo::exists(f.folder() + QStringLiteral("/functions/f/__pycache__")));
    }

    void unserialisableResultIsMarshalError() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime,
                                 {{"app.py", switchable("return object()")}},
                                 QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.MarshalError"));
        QVERIFY2(r.errorMessage.startsWith(QLatin1String("Unable to marshal response: ")),
                 qPrintable(r.errorMessage));
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void initFailuresUseThePythonRuntimeErrorTypes_data() {
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing module")
            << "nothere.lambda_handler" << QByteArray("x = 1\n") << "Runtime.ImportModuleError"
            << "Unable to import module 'nothere': No module named 'nothere'";
        QTest::newRow("missing dependency")
            << "app.lambda_handler" << QByteArray("import requests_not_here\n") << "Runtime.ImportModuleError"
            << "Unable to import module 'app': No module named 'requests_not_here'";
        QTest::newRow("syntax error")
            << "app.lambda_handler" << QByteArray("def lambda_handler(e, c)\n    return 1\n")
            << "Runtime.UserCodeSyntaxError"
            << "Syntax error in module 'app': ";
        QTest::newRow("malformed handler")
            << "app" << QByteArray("x = 1\n") << "Runtime.MalformedHandlerName"
            << "Bad handler 'app': not enough values to unpack (expected 2, got 1)";
        QTest::newRow("raise at import")
            << "app.lambda_handler" << QByteArray("raise KeyError('cfg')\n") << "KeyError"
            << "'cfg'";
    }
    void initFailuresUseThePythonRuntimeErrorTypes() {
        QFETCH(QString, handler);
        QFETCH(QByteArray, source);
        QFETCH(QString, errorType);
        QFETCH(QString, message);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"app.py", source}}, handler);
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, errorType);
        QVERIFY2(r.errorMessage.startsWith(message), qPrintable(r.errorMessage));
        QVERIFY(!r.environmentReusable);
        QVERIFY2(r.logLines.first().startsWith(QStringLiteral("[ERROR] ") + errorType),
                 qPrintable(r.logLines.first()));
        QVERIFY(r.logLines.last().contains(QLatin1String("Init Duration")));

        f.write(QStringLiteral("functions/f/app.py"), switchable("pass"));
        f.project.functions.first().handler = QStringLiteral("app.lambda_handler");
        invoker.updateProject(f.project, f.folder());
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void missingHandlerIsReportedWhenCalled() {
        // The Python runtime imports the module at init and reports a missing function per invocation.
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime,
                                 {{"app.py", "def other(e, c):\n    return 1\n"}},
                                 QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.HandlerNotFound"));
        QCOMPARE(r.errorMessage, QStringLiteral("Handler 'lambda_handler' missing on module 'app'"));
        QVERIFY(r.environmentReusable);
    }

    void timeoutKillsTheProcess() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("slow"), kRuntime,
                                 {{"app.py", switchable("import time\n        time.sleep(30)")}},
                                 QStringLiteral("app.lambda_handler"))
            .timeoutSeconds = 1;
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("slow"), R"({"fail": true})");
        QCOMPARE(r.errorType, QStringLiteral("Sandbox.Timedout"));
        QCOMPARE(r.errorMessage,
                 QStringLiteral("RequestId: %1 Error: Task timed out after 1.00 seconds").arg(r.requestId));
        QVERIFY(!r.environmentReusable);
        expectRecovery(invoker, QStringLiteral("slow"));
    }

    void exitMidCallIsRuntimeExitError_data() {
        QTest::addColumn<QByteArray>("failure");
        QTest::addColumn<QString>("description");
        QTest::newRow("sys.exit(4)") << QByteArray("import sys\n        sys.exit(4)") << "exit status 4";
        QTest::newRow("os._exit(5)") << QByteArray("import os\n        os._exit(5)") << "exit status 5";
        QTest::newRow("segfault") << QByteArray("import ctypes\n        ctypes.string_at(0)")
                                  << "signal: segmentation fault";
    }
    void exitMidCallIsRuntimeExitError() {
        QFETCH(QByteArray, failure);
        QFETCH(QString, description);
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"app.py", switchable(failure)}},
                                 QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
        QCOMPARE(r.errorMessage, QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2")
                                     .arg(r.requestId, description));
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void memoryOverTheFunctionsSizeIsKilled() {
        test::InvokerFixture f;
        test::addRuntimeFunction(
            f, QStringLiteral("hog"), kRuntime,
            {{"app.py", switchable("import time\n        keep = []\n        for i in range(40):\n"
                                   "            keep.append(bytearray(16 * 1024 * 1024))\n"
                                   "            time.sleep(0.005)\n        return len(keep)")}},
            QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("hog"), R"({"fail": true})");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.OutOfMemory"));
        QVERIFY(r.errorMessage.endsWith(QLatin1String("Runtime exited with error: signal: killed")));
        QCOMPARE(r.maxMemoryUsedMB, 128);
        expectRecovery(invoker, QStringLiteral("hog"));
    }

    void responseOverSixMegabytesIsAFunctionError() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("big"), kRuntime,
                                 {{"app.py", switchable("return 'A' * 7000000")}},
                                 QStringLiteral("app.lambda_handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("big"), R"({"fail": true})");
        QCOMPARE(r.errorType, QStringLiteral("Function.ResponseSizeTooLarge"));
        QVERIFY(r.environmentReusable);
        expectRecovery(invoker, QStringLiteral("big"));
    }

    void missingInterpreterIsAClearErrorNotACrash() {
        qputenv("GATEHOUSE_PYTHON", "/nonexistent/python3");
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("f"), kRuntime, {{"app.py", switchable("pass")}},
                                 QStringLiteral("app.lambda_handler"));
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        qunsetenv("GATEHOUSE_PYTHON");
        QCOMPARE(r.statusCode, 502);
        QCOMPARE(r.errorType, QStringLiteral("InvalidRuntimeException"));
        QVERIFY2(r.errorMessage.contains(QLatin1String("GATEHOUSE_PYTHON")), qPrintable(r.errorMessage));
    }
};

QTEST_GUILESS_MAIN(TestRuntimePython)
#include "tst_runtime_python.moc"
