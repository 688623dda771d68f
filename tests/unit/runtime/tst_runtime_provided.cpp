// The provided* runtimes through the Invoker: the function's own `bootstrap` speaks the Runtime API
// (Lambda guide, "Building a custom runtime", runtimes-custom.md / runtimes-walkthrough.md), including
// the official Node.js runtime interface client (aws-lambda-ric) running an unmodified handler.
#include "RuntimeFixture.h"
#include "TestSupport.h"
#include "runtimeapi/RuntimeApiServer.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;

namespace {

const QString kRuntime = QStringLiteral("provided.al2023");

// The shell bootstrap of AWS's custom runtime tutorial, answering {"got": <event>}.
const QByteArray kCurlBootstrap = R"sh(#!/bin/sh
set -eu
echo "bootstrap starting"
while true; do
  HEADERS="$(mktemp)"
  EVENT_DATA=$(curl -sS -LD "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")
  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  rm -f "$HEADERS"
  if [ "$(echo "$EVENT_DATA" | grep -c fail || true)" != "0" ]; then
    curl -sS -o /dev/null -H "Lambda-Runtime-Function-Error-Type: Custom.Failure" \
      "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/error" -d "not json at all"
    continue
  fi
  if [ "$(echo "$EVENT_DATA" | grep -c quit || true)" != "0" ]; then exit 7; fi
  echo "handling $REQUEST_ID"
  curl -sS -o /dev/null "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" \
    -d "{\"got\":$EVENT_DATA}"
done
)sh";

void makeExecutable(const QString &path) {
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeUser);
}

Function &addProvided(test::InvokerFixture &f, const QString &name, const QByteArray &bootstrap,
                      const QString &handler = QStringLiteral("function.handler"), bool executable = true) {
    Function &fn = test::addRuntimeFunction(f, name, kRuntime, {{"bootstrap", bootstrap}}, handler);
    if (executable)
        makeExecutable(f.folder() + QStringLiteral("/functions/") + name + QStringLiteral("/bootstrap"));
    return fn;
}

// A bootstrap that execs aws-lambda-ric on the shared fixture handlers (../shared/validate/fixtures/handler).
void addRicFunction(test::InvokerFixture &f, const QString &name, const QString &handler) {
    QFile fixture(test::sharedPath(QStringLiteral("validate/fixtures/handler/index.js")));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray bootstrap = "#!/bin/sh\nexec node " + test::ricEntry().toUtf8() + " \"$_HANDLER\"\n";
    test::addRuntimeFunction(f, name, kRuntime, {{"bootstrap", bootstrap}, {"index.js", fixture.readAll()}},
                             handler);
    makeExecutable(f.folder() + QStringLiteral("/functions/") + name + QStringLiteral("/bootstrap"));
}

} // namespace

class TestRuntimeProvided : public QObject {
    Q_OBJECT
private slots:
    void shellBootstrapWithCurlServesInvocations() {
        if (!QFile::exists(QStringLiteral("/usr/bin/curl"))) QSKIP("curl is not installed");
        test::InvokerFixture f;
        addProvided(f, QStringLiteral("sh"), kCurlBootstrap);
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("sh"), R"({"n":1})");
        QVERIFY2(r.succeeded(), r.payload.constData());
        QCOMPARE(test::compactJson(r.payload), QByteArray(R"({"got":{"n":1}})"));
        QVERIFY(r.coldStart);
        QCOMPARE(r.logLines.first(), QStringLiteral("bootstrap starting"));
        QVERIFY(r.logLines.contains(QStringLiteral("handling ") + r.requestId));
        QVERIFY(test::reportLinePattern(r.requestId).match(r.logLines.last()).hasMatch());
        const InvocationResult warm = invoker.invokeAndWait(QStringLiteral("sh"), R"({"n":2})");
        QCOMPARE(test::compactJson(warm.payload), QByteArray(R"({"got":{"n":2}})"));
        QVERIFY(!warm.coldStart);

        // An error posted with only the header naming its type, and a body that is not JSON.
        const InvocationResult failed = invoker.invokeAndWait(QStringLiteral("sh"), R"({"fail":1})");
        QCOMPARE(failed.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(failed.errorType, QStringLiteral("Custom.Failure"));
        QCOMPARE(failed.errorMessage, QStringLiteral("not json at all"));
        QVERIFY(invoker.invokeAndWait(QStringLiteral("sh"), "{}").succeeded());

        const InvocationResult quit = invoker.invokeAndWait(QStringLiteral("sh"), R"({"quit":1})");
        QCOMPARE(quit.errorType, QStringLiteral("Runtime.ExitError"));
        QVERIFY(quit.errorMessage.endsWith(QLatin1String("Runtime exited with error: exit status 7")));
        QVERIFY(invoker.invokeAndWait(QStringLiteral("sh"), "{}").succeeded());
    }

    void missingBootstrapIsInvalidEntrypoint() {
        test::InvokerFixture f;
        test::addRuntimeFunction(f, QStringLiteral("none"), kRuntime, {{"main.sh", "echo"}},
                                 QStringLiteral("function.handler"));
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("none"), "{}");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("Runtime.InvalidEntrypoint"));
        QVERIFY2(r.errorMessage.contains(QLatin1String("Couldn't find valid bootstrap(s): [")),
                 qPrintable(r.errorMessage));
        QVERIFY(!r.environmentReusable);
    }

    void bootstrapThatCannotRunIsInvalidEntrypoint() {
        test::InvokerFixture f;
        addProvided(f, QStringLiteral("noexec"), "#!/bin/sh\necho hi\n", QStringLiteral("x"), false);
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("noexec"), "{}");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.InvalidEntrypoint"));
        QVERIFY2(r.errorMessage.contains(QLatin1String("fork/exec ")), qPrintable(r.errorMessage));
    }

    void bootstrapExitingBeforeItsFirstNextIsExitError() {
        test::InvokerFixture f;
        addProvided(f, QStringLiteral("quits"), "#!/bin/sh\necho 'config missing' >&2\nexit 3\n");
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("quits"), "{}");
        QCOMPARE(r.errorType, QStringLiteral("Runtime.ExitError"));
        QCOMPARE(
            r.errorMessage,
            QStringLiteral("RequestId: %1 Error: Runtime exited with error: exit status 3").arg(r.requestId));
        QCOMPARE(r.logLines.first(), QStringLiteral("config missing"));
        QVERIFY(r.logLines.contains(QStringLiteral("START RequestId: %1 Version: $LATEST").arg(r.requestId)));
    }

    void officialNodeRuntimeClientRunsAHandlerUnmodified() {
        if (test::ricEntry().isEmpty())
            QSKIP("aws-lambda-ric is not installed (run ../shared/validate/install.sh)");
        if (!test::runtimeUnavailable(QStringLiteral("nodejs20.x")).isEmpty()) QSKIP("node is not installed");
        test::InvokerFixture f;
        addRicFunction(f, QStringLiteral("ric"), QStringLiteral("index.handler"));
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("ric"), R"({"hello":"ric"})");
        QVERIFY2(r.succeeded(), r.payload.constData());
        const QJsonObject o = test::jsonObject(r.payload);
        QCOMPARE(o.value(QStringLiteral("statusCode")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("echo")).toObject().value(QStringLiteral("hello")).toString(),
                 QStringLiteral("ric"));
        QCOMPARE(o.value(QStringLiteral("requestId")).toString(), r.requestId);
        QVERIFY(r.coldStart);
        QVERIFY(r.maxMemoryUsedMB > 10);
        const InvocationResult warm = invoker.invokeAndWait(QStringLiteral("ric"), R"({"n":2})");
        QVERIFY(warm.succeeded());
        QVERIFY(!warm.coldStart);
    }

    void officialNodeRuntimeClientReportsErrors() {
        if (test::ricEntry().isEmpty())
            QSKIP("aws-lambda-ric is not installed (run ../shared/validate/install.sh)");
        test::InvokerFixture f;
        addRicFunction(f, QStringLiteral("fails"), QStringLiteral("index.fails"));
        addRicFunction(f, QStringLiteral("nosuch"), QStringLiteral("index.nosuch"));
        Invoker &invoker = f.start();
        // Handler error: the RIC posts /invocation/{id}/error without Lambda-Runtime-Function-Error-Type.
        const InvocationResult failed = invoker.invokeAndWait(QStringLiteral("fails"), "{}");
        QCOMPARE(failed.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(failed.errorType, QStringLiteral("MyCustomError"));
        QCOMPARE(failed.errorMessage, QStringLiteral("boom from handler"));
        QVERIFY(failed.environmentReusable);
        QVERIFY(invoker.invokeAndWait(QStringLiteral("fails"), "{}").isFunctionError());

        // Init error: /init/error, then the RIC exits.
        const InvocationResult missing = invoker.invokeAndWait(QStringLiteral("nosuch"), "{}");
        QCOMPARE(missing.errorType, QStringLiteral("Runtime.HandlerNotFound"));
        QCOMPARE(missing.errorMessage, QStringLiteral("index.nosuch is undefined or not exported"));
        QVERIFY(!missing.environmentReusable);
    }

    void officialNodeRuntimeClientResponseOverSixMegabytes() {
        if (test::ricEntry().isEmpty())
            QSKIP("aws-lambda-ric is not installed (run ../shared/validate/install.sh)");
        test::InvokerFixture f;
        addRicFunction(f, QStringLiteral("big"), QStringLiteral("big.handler"));
        f.write(QStringLiteral("functions/big/big.js"),
                "exports.handler = async (e) => (e.big ? 'x'.repeat(7 * 1024 * 1024) : 'ok');");
        Invoker &invoker = f.start();
        const InvocationResult r = invoker.invokeAndWait(QStringLiteral("big"), R"({"big":true})");
        QCOMPARE(r.errorType, QStringLiteral("Function.ResponseSizeTooLarge"));
        const InvocationResult next = invoker.invokeAndWait(QStringLiteral("big"), "{}");
        QVERIFY2(next.succeeded(), next.payload.constData());
        QCOMPARE(next.payload, QByteArray(R"("ok")"));
    }

    void validateScriptRunsTheOfficialClientAgainstOurServer() {
        // ../shared/validate/runtime-api.sh: aws-lambda-ric against HOST:PORT, stopped after N seconds.
        if (test::ricEntry().isEmpty())
            QSKIP("aws-lambda-ric is not installed (run ../shared/validate/install.sh)");
        runtimeapi::RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        QSignalSpy initialized(&server, &runtimeapi::RuntimeApiServer::initialized);
        QSignalSpy responded(&server, &runtimeapi::RuntimeApiServer::responded);
        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(QStringLiteral("bash"),
                     {test::sharedPath(QStringLiteral("validate/runtime-api.sh")), server.endpoint(),
                      test::sharedPath(QStringLiteral("validate/fixtures/handler")),
                      QStringLiteral("index.handler"), QStringLiteral("3")});
        QVERIFY(initialized.wait(10000));
        runtimeapi::Event event;
        event.requestId = QStringLiteral("validate-1");
        event.payload = R"({"via":"runtime-api.sh"})";
        event.deadlineEpochMs = QDateTime::currentMSecsSinceEpoch() + 3000;
        event.functionArn = QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:hello");
        event.traceId = runtimeapi::newTraceId(QDateTime::currentMSecsSinceEpoch());
        server.deliver(event);
        QVERIFY(responded.wait(10000));
        QCOMPARE(responded.first().at(0).toString(), QStringLiteral("validate-1"));
        QCOMPARE(test::jsonObject(responded.first().at(1).toByteArray())
                     .value(QStringLiteral("requestId"))
                     .toString(),
                 QStringLiteral("validate-1"));
        QVERIFY(test::waitFor([&] { return script.state() == QProcess::NotRunning; }, 15000));
        QVERIFY2(script.exitCode() == 0, script.readAll().constData());
    }
};

QTEST_GUILESS_MAIN(TestRuntimeProvided)
#include "tst_runtime_provided.moc"
