// Faults in Lambda's documented shapes, each followed by a successful invocation: thrown errors,
// timeouts, init failures, payload limits, unserialisable results, runaway memory.
#include "InvokerFixture.h"
#include "invoker/Billing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace gatehouse;

namespace {
QJsonObject object(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

// A handler that fails when the event says so and succeeds otherwise.
const QByteArray kSwitchable = "exports.handler = (e) => { if (e.fail) { %1 } return 'ok'; };";

QByteArray switchable(const char *failure) {
    return QString::fromLatin1(kSwitchable).arg(QLatin1String(failure)).toUtf8();
}

void expectRecovery(Invoker &invoker, const QString &function) {
    const InvocationResult next = invoker.invokeAndWait(function, "{}");
    QVERIFY2(next.succeeded(), next.payload.constData());
    QCOMPARE(next.payload, QByteArray(R"("ok")"));
}
} // namespace

class TestInvokerFaults : public QObject {
    Q_OBJECT
private slots:
    void thrownErrorIsUnhandledWithTheNodeRuntimeShape() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", switchable("throw new Error('boom');")}});
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.statusCode, 200);
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        const QJsonObject payload = object(r.payload);
        QCOMPARE(payload.value(QStringLiteral("errorType")).toString(), QStringLiteral("Error"));
        QCOMPARE(payload.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("boom"));
        const QJsonArray trace = payload.value(QStringLiteral("trace")).toArray();
        QCOMPARE(trace.first().toString(), QStringLiteral("Error: boom"));
        QVERIFY2(trace.at(1).toString().startsWith(QLatin1String("    at ")),
                 qPrintable(trace.at(1).toString()));
        QVERIFY(trace.at(1).toString().contains(QLatin1String("index.js:1")));
        // The Node.js runtime logs "Invoke Error" with the error as JSON.
        const QString log = r.logLines.join(u'\n');
        QVERIFY2(log.contains(QLatin1String(
                     "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"boom\"")),
                 qPrintable(log));
        QVERIFY(r.environmentReusable);
        expectRecovery(invoker, QStringLiteral("f"));
        QCOMPARE(invoker.stats(QStringLiteral("f")).environments, 1); // a thrown error keeps the environment
    }

    void thrownNonErrorValueUsesItsType() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = () => { throw 'plain'; };"}});
        const QJsonObject payload = object(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload);
        QCOMPARE(payload.value(QStringLiteral("errorType")).toString(), QStringLiteral("string"));
        QCOMPARE(payload.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("plain"));
    }

    void timeoutIsSandboxTimedoutAndDiscardsTheEnvironment_data() {
        QTest::addColumn<QByteArray>("failure");
        QTest::newRow("endless loop") << QByteArray("while (true) {}");
        QTest::newRow("endless loop inside try/catch")
            << QByteArray("for (;;) { try { while (true) {} } catch (x) {} }");
        QTest::newRow("promise never settles") << QByteArray("return new Promise(() => {});");
        QTest::newRow("endless loop in a timer")
            << QByteArray("return new Promise(() => setTimeout(() => { while (true) {} }, 5));");
    }
    void timeoutIsSandboxTimedoutAndDiscardsTheEnvironment() {
        QFETCH(QByteArray, failure);
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", switchable(failure.constData())}}).timeoutSeconds =
            1;
        Invoker &invoker = f.start();
        QSignalSpy stopped(&invoker, &Invoker::environmentStopped);
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.payload, QByteArray(R"({"errorType":"Sandbox.Timedout","errorMessage":"RequestId: )") +
                                r.requestId.toUtf8() + " Error: Task timed out after 1.00 seconds\"}");
        QVERIFY(r.durationMs >= 1000 && r.durationMs < 2500);
        QCOMPARE(r.billedDurationMs,
                 billedDurationMs(1000.0, r.initDurationMs, BillingGranularity::Millisecond));
        const QRegularExpression timeoutLine(
            QStringLiteral(
                R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z %1 Task timed out after 1\.00 seconds$)")
                .arg(r.requestId));
        QVERIFY2(timeoutLine.match(r.logLines.last()).hasMatch(), qPrintable(r.logLines.last()));
        QVERIFY(r.logLines.at(r.logLines.size() - 2).startsWith(QLatin1String("REPORT ")));
        QVERIFY(!r.environmentReusable);
        QTRY_COMPARE(stopped.size(), 1);
        QCOMPARE(stopped.first().at(1).toString(), QStringLiteral("discarded"));
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void initFailuresUseTheNodeRuntimeErrorTypes_data() {
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("syntax error")
            << "index.handler"
            << "index.js" << QByteArray("exports.handler = function ( {") << "Runtime.UserCodeSyntaxError"
            << "SyntaxError: ";
        QTest::newRow("syntax error in a required module")
            << "index.handler"
            << "index.js" << QByteArray("require('./broken');\nexports.handler = () => 'ok';")
            << "Runtime.UserCodeSyntaxError"
            << "(broken.js:2)";
        QTest::newRow("missing handler export")
            << "index.handler"
            << "index.js" << QByteArray("exports.other = () => 1;") << "Runtime.HandlerNotFound"
            << "index.handler is undefined or not exported";
        QTest::newRow("handler is not a function")
            << "index.handler"
            << "index.js" << QByteArray("exports.handler = 42;") << "Runtime.HandlerNotFound"
            << "index.handler is not a function";
        QTest::newRow("missing module file")
            << "app.handler"
            << "index.js" << QByteArray("exports.handler = () => 1;") << "Runtime.ImportModuleError"
            << "Error: Cannot find module 'app'";
        QTest::newRow("require of a missing file")
            << "index.handler"
            << "index.js" << QByteArray("const x = require('./nope');\nexports.handler = () => 1;")
            << "Runtime.ImportModuleError"
            << "Error: Cannot find module './nope'";
        QTest::newRow("require of a Node.js built-in")
            << "index.handler"
            << "index.js" << QByteArray("const fs = require('fs');\nexports.handler = () => 1;")
            << "Runtime.ImportModuleError"
            << "nodejs20.x";
        QTest::newRow("throw at load")
            << "index.handler"
            << "index.js" << QByteArray("throw new RangeError('bad config');\nexports.handler = () => 1;")
            << "RangeError"
            << "bad config";
        QTest::newRow("ES module throw at load")
            << "index.handler"
            << "index.mjs" << QByteArray("throw new Error('esm load');\nexport const handler = () => 1;")
            << "Error"
            << "esm load";
        QTest::newRow("ES module importing a missing file")
            << "index.handler"
            << "index.mjs" << QByteArray("import { x } from './gone.mjs';\nexport const handler = () => x;")
            << "Runtime.ImportModuleError"
            << "gone.mjs";
        QTest::newRow("malformed handler")
            << "index"
            << "index.js" << QByteArray("exports.handler = () => 1;") << "Runtime.MalformedHandlerName"
            << "Bad handler";
    }
    void initFailuresUseTheNodeRuntimeErrorTypes() {
        QFETCH(QString, handler);
        QFETCH(QString, file);
        QFETCH(QByteArray, source);
        QFETCH(QString, errorType);
        QFETCH(QString, messagePart);
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{file, source}, {QStringLiteral("broken.js"), "// fine so far\nvar = ;"}}, handler);
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, errorType);
        QVERIFY2(r.errorMessage.contains(messagePart), qPrintable(r.errorMessage));
        QVERIFY(object(r.payload).value(QStringLiteral("trace")).isArray());
        QVERIFY(!r.environmentReusable);
        const QString log = r.logLines.join(u'\n');
        QVERIFY2(log.contains(QLatin1String("\tundefined\tERROR\tUncaught Exception \t{\"errorType\":\"") +
                              errorType),
                 qPrintable(log));
        QVERIFY(r.logLines.last().contains(QLatin1String("Init Duration")));

        // Fixed code: the next invocation starts a new environment and works.
        f.write(QStringLiteral("functions/f/") + file, file.endsWith(QLatin1String(".mjs"))
                                                           ? "export const handler = () => 'ok';"
                                                           : "exports.handler = () => 'ok';");
        Function fixed = f.project.functions.first();
        fixed.handler = QStringLiteral("index.handler");
        f.project.functions.first() = fixed;
        invoker.updateProject(f.project, f.folder());
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void unsupportedSyntaxNamesTheConstructAndSuggestsNode() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"index.js", "// modern code\nexports.handler = async (event) => {\n  return 1;\n};"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.UserCodeSyntaxError"));
        QVERIFY2(r.errorMessage.contains(QLatin1String("async functions (async/await) (line 2)")),
                 qPrintable(r.errorMessage));
        QVERIFY(r.errorMessage.contains(QLatin1String("nodejs20.x")));
    }

    void requestOverSixMegabytesIsRejectedBeforeRunning() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", switchable("")}});
        Invoker &invoker = f.start();
        QSignalSpy started(&invoker, &Invoker::invocationStarted);
        const QByteArray big = '"' + QByteArray(6291456 - 1, 'a') + '"';
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), big);
        QCOMPARE(r.statusCode, 413);
        QCOMPARE(r.errorType, QStringLiteral("RequestEntityTooLargeException"));
        QVERIFY(r.errorMessage.contains(QLatin1String("6291456 bytes")));
        QCOMPARE(started.size(), 0);
        QVERIFY(r.logLines.isEmpty());
        const QByteArray limit = '"' + QByteArray(6291456 - 2, 'a') + '"';
        QVERIFY(invoker.invokeAndWait(QStringLiteral("f"), limit).succeeded());
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void responseOverTheLimitIsAFunctionError() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", switchable("return 'A'.repeat(e.size);")}});
        Invoker &invoker = f.start();
        // 6291556 bytes is the limit for the serialised payload: the JSON string adds two quotes.
        const InvocationResult tooBig =
            invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true, "size": 6291555})");
        QCOMPARE(tooBig.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(
            tooBig.payload,
            QByteArray(R"({"errorType":"Function.ResponseSizeTooLarge","errorMessage":)"
                       R"("Response payload size exceeded maximum allowed payload size (6291556 bytes)."})"));
        const InvocationResult fits =
            invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true, "size": 6291554})");
        QVERIFY(fits.succeeded());
        QCOMPARE(fits.payload.size(), 6291556);
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void cyclicResultCannotBeSerialised() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", switchable("const o = {}; o.self = o; return o;")}});
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("TypeError"));
        QVERIFY2(r.errorMessage.contains(QLatin1String("circular"), Qt::CaseInsensitive),
                 qPrintable(r.errorMessage));
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void unboundedAllocationIsStopped() {
        // QJSEngine has no heap limit: the watchdog samples the process's resident memory and stops a
        // handler that grows it by more than the function's memory size (else the timeout would).
        test::InvokerFixture f;
        f.addFunction(
             QStringLiteral("f"),
             {{"index.js",
               switchable("const keep = []; for (;;) keep.push(new Array(100000).fill(Math.random()));")}})
            .timeoutSeconds = 10;
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("Runtime.OutOfMemory"));
        QVERIFY(r.durationMs < 10000);
        QVERIFY(r.logLines.last().contains(QLatin1String("Max Memory Used: 128 MB")));
        QVERIFY(!r.environmentReusable);
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void exceptionEscapingATimerEndsTheInvocationAndTheEnvironment() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"index.js",
              switchable("return new Promise(() => setTimeout(() => { throw new Error('late'); }, 5));")}});
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"fail": true})");
        QCOMPARE(r.errorMessage, QStringLiteral("late"));
        QVERIFY(r.logLines.join(u'\n').contains(
            QLatin1String("\tERROR\tUncaught Exception \t{\"errorType\":\"Error\"")));
        QVERIFY(!r.environmentReusable);
        expectRecovery(invoker, QStringLiteral("f"));
    }

    void platformErrors() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", switchable("")}});
        f.addFunction(QStringLiteral("java"), {}).runtime = QStringLiteral("java21");
        Invoker &invoker = f.start();
        const InvocationResult unknown = invoker.invokeAndWait(QStringLiteral("nope"), "{}");
        QCOMPARE(unknown.statusCode, 404);
        QCOMPARE(unknown.errorType, QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(unknown.errorMessage,
                 QStringLiteral("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"));
        const InvocationResult notJson = invoker.invokeAndWait(QStringLiteral("f"), "{oops");
        QCOMPARE(notJson.statusCode, 400);
        QCOMPARE(notJson.errorType, QStringLiteral("InvalidRequestContentException"));
        QVERIFY(!notJson.logLines.join(u'\n').contains(QLatin1String("START")));
        const InvocationResult java = invoker.invokeAndWait(QStringLiteral("java"), "{}");
        QCOMPARE(java.errorType, QStringLiteral("InvalidRuntimeException"));
        QCOMPARE(java.errorMessage, QStringLiteral("runtime 'java21' is not supported by this build yet"));
        expectRecovery(invoker, QStringLiteral("f"));
    }
};

QTEST_GUILESS_MAIN(TestInvokerFaults)
#include "tst_invoker_faults.moc"
