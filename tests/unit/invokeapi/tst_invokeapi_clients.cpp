// The real clients against the Invoke API (Lambda API reference, "Invoke"): the AWS CLI v2
// (`aws lambda invoke --endpoint-url`) and @aws-sdk/client-lambda, both through
// ../shared/validate/lambda-invoke.sh. Skipped when the CLI (/usr/bin/aws) or the validate toolkit
// (/tmp/validate-tools, see ../shared/validate/install.sh) is missing.
#include "InvokeApiFixture.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;

namespace {

QString validateHome() {
    const QString fromEnvironment = qEnvironmentVariable("VALIDATE_HOME");
    return fromEnvironment.isEmpty() ? QStringLiteral("/tmp/validate-tools") : fromEnvironment;
}

struct ClientRun {
    bool finished = false;
    int exitCode = -1;
    QString out; // the payload
    QString err; // metadata, log tail, FAIL lines
};

// A child process (the script, or the CLI); the event loop keeps turning while it runs, because the invoker
// answering it lives on this thread.
ClientRun runProcess(const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ClientRun run;
    if (!process.waitForStarted(10000)) return run;
    QSignalSpy finished(&process, &QProcess::finished);
    run.finished = finished.wait(45000);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(2000);
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

ClientRun runClient(const QStringList &arguments, const QProcessEnvironment &environment) {
    return runProcess(QStringLiteral("bash"),
                      QStringList{test::sharedPath(QStringLiteral("validate/lambda-invoke.sh"))} + arguments,
                      environment);
}

} // namespace

class TestInvokeApiClients : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!QFileInfo(test::sharedPath(QStringLiteral("validate/lambda-invoke.sh"))).exists())
            QSKIP("../shared/validate/lambda-invoke.sh is not there");
        m_fixture = std::make_unique<test::InvokeApiFixture>(2);
        QVERIFY(m_fixture->ok());
    }
    void cleanupTestCase() { m_fixture.reset(); }

    // --- AWS CLI v2 -----------------------------------------------------------------------------------

    void awsCliInvokeRequestResponse() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("echo"), QStringLiteral(R"({"a":1})")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), QStringLiteral(R"({"a":1})"));
        QVERIFY2(run.err.contains(QStringLiteral(R"("StatusCode": 200)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(R"("ExecutedVersion": "$LATEST")")), qPrintable(run.err));
    }

    void awsCliInvokeEventIs202() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("echo"), QStringLiteral("{}"),
                                   QStringLiteral("--invocation-type"), QStringLiteral("Event")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(R"("StatusCode": 202)")), qPrintable(run.err));
    }

    void awsCliInvokeDryRunIs204() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("echo"), QStringLiteral("{}"),
                                   QStringLiteral("--invocation-type"), QStringLiteral("DryRun")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(R"("StatusCode": 204)")), qPrintable(run.err));
    }

    void awsCliInvokeLogTypeTailShowsTheLog() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("chatty"), QStringLiteral("{}"),
                                   QStringLiteral("--log-type"), QStringLiteral("Tail")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("log tail:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("chatty line 1199 of the tail")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("REPORT RequestId: ")), qPrintable(run.err));
    }

    void awsCliInvokeFunctionErrorExits3() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("fails"), QStringLiteral("{}")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral(R"("FunctionError": "Unhandled")")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral(R"("errorType":"TypeError")")), qPrintable(run.out));
    }

    void awsCliInvokeUnknownFunctionIsResourceNotFound() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("nope"), QStringLiteral("{}")});
        QCOMPARE(run.exitCode, 254);
        QVERIFY2(
            run.err.contains(QStringLiteral("An error occurred (ResourceNotFoundException) when calling the "
                                            "Invoke operation: Function not found: "
                                            "arn:aws:lambda:us-east-1:123456789012:function:nope")),
            qPrintable(run.err));
    }

    void awsCliInvokeFullArnWithQualifierAndClientContext() {
        requireCli();
        const QString context = QString::fromLatin1(QByteArray(R"({"custom":{"from":"cli"}})").toBase64());
        const ClientRun run = cli({QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:context"),
                                   QStringLiteral("{}"), QStringLiteral("--qualifier"),
                                   QStringLiteral("$LATEST"), QStringLiteral("--client-context"), context});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral(R"("custom":{"from":"cli"})")), qPrintable(run.out));
    }

    void awsCliInvokeUnknownQualifierIsResourceNotFound() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("echo"), QStringLiteral("{}"),
                                   QStringLiteral("--qualifier"), QStringLiteral("prod")});
        QCOMPARE(run.exitCode, 254);
        QVERIFY2(run.err.contains(QStringLiteral("(ResourceNotFoundException)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("function:echo:prod")), qPrintable(run.err));
    }

    void awsCliInvokeInvalidJsonIsInvalidRequestContent() {
        requireCli();
        const ClientRun run = cli({QStringLiteral("echo"), QStringLiteral("{not json")});
        QCOMPARE(run.exitCode, 254);
        QVERIFY2(run.err.contains(QStringLiteral("(InvalidRequestContentException)")), qPrintable(run.err));
    }

    void awsCliGetFunctionAndListFunctions() {
        requireCli();
        ClientRun run = awsCli(
            {QStringLiteral("get-function"), QStringLiteral("--function-name"), QStringLiteral("echo")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())["Configuration"]["FunctionName"].toString(),
                 QStringLiteral("echo"));
        run = awsCli({QStringLiteral("get-function-configuration"), QStringLiteral("--function-name"),
                      QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:slow")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())["Timeout"].toInt(), 10);
        // The CLI follows NextMarker by itself: pages of 2 still list all five functions.
        run = awsCli({QStringLiteral("list-functions"), QStringLiteral("--page-size"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())["Functions"].toArray().size(), 5);
    }

    // --- @aws-sdk/client-lambda ------------------------------------------------------------------------

    void sdkInvokeRequestResponse() {
        requireSdk();
        const ClientRun run = sdk(QStringLiteral("echo"), QStringLiteral(R"({"b":2})"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), QStringLiteral(R"({"b":2})"));
        QVERIFY2(run.err.contains(QStringLiteral(R"("StatusCode":200,"ExecutedVersion":"$LATEST")")),
                 qPrintable(run.err));
    }

    void sdkInvokeEventAndDryRun() {
        requireSdk();
        ClientRun run = sdk(QStringLiteral("echo"), QStringLiteral("{}"), QStringLiteral("Event"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(R"("StatusCode":202)")), qPrintable(run.err));
        run = sdk(QStringLiteral("echo"), QStringLiteral("{}"), QStringLiteral("DryRun"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(R"("StatusCode":204)")), qPrintable(run.err));
    }

    void sdkInvokeLogTypeTail() {
        requireSdk();
        const ClientRun run = sdk(QStringLiteral("echo"), QStringLiteral("{}"), {}, QStringLiteral("Tail"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("\"LogResult\":\"START RequestId: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral(R"(\nREPORT RequestId: )")), qPrintable(run.err));
    }

    void sdkInvokeFunctionErrorExits3() {
        requireSdk();
        const ClientRun run = sdk(QStringLiteral("fails"), QStringLiteral("{}"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral(R"("FunctionError":"Unhandled")")), qPrintable(run.err));
    }

    void sdkInvokeUnknownFunctionIsResourceNotFound() {
        requireSdk();
        const ClientRun run = sdk(QStringLiteral("nope"), QStringLiteral("{}"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(
                     QStringLiteral("FAIL: SDK invoke failed: ResourceNotFoundException: Function not "
                                    "found: arn:aws:lambda:us-east-1:123456789012:function:nope "
                                    "(HTTP 404)")),
                 qPrintable(run.err));
    }

    void sdkInvokeThrottledIsTooManyRequests() {
        requireSdk();
        QSignalSpy started(&m_fixture->invoker(), &Invoker::invocationStarted);
        // Busy long enough for the SDK's node process to start and be throttled (it never retries here:
        // maxAttempts 1).
        QNetworkReply *busy =
            m_fixture->start("POST", "/2015-03-31/functions/slow/invocations", R"({"ms": 5000})");
        QVERIFY(started.wait(10000));
        const ClientRun run = sdk(QStringLiteral("slow"), QStringLiteral(R"({"ms": 1})"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("TooManyRequestsException: Rate Exceeded. (HTTP 429)")),
                 qPrintable(run.err));
        QVERIFY(!busy->isFinished()); // so the throttle was the reserved concurrency, as intended
        QCOMPARE(test::InvokeApiFixture::wait(busy).status, 200);
    }

private:
    void requireCli() {
        if (!QFileInfo(QStringLiteral("/usr/bin/aws")).isExecutable())
            QSKIP("AWS CLI v2 not installed at /usr/bin/aws (apt-get install awscli)");
    }
    void requireSdk() {
        if (!QDir(validateHome() + QStringLiteral("/node_modules/@aws-sdk/client-lambda")).exists())
            QSKIP("@aws-sdk/client-lambda not installed in the validate toolkit "
                  "(../shared/validate/install.sh)");
    }
    ClientRun cli(QStringList arguments) {
        arguments.prepend(m_fixture->endpoint().toString());
        return runClient(arguments, QProcessEnvironment::systemEnvironment());
    }
    // /usr/bin/aws directly (lambda-invoke.sh only invokes), with the script's dummy credentials and
    // settings.
    ClientRun awsCli(const QStringList &arguments) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : {std::pair{"AWS_ACCESS_KEY_ID", "test"},
                                          {"AWS_SECRET_ACCESS_KEY", "test"},
                                          {"AWS_DEFAULT_REGION", "us-east-1"},
                                          {"AWS_EC2_METADATA_DISABLED", "true"},
                                          {"AWS_PAGER", ""},
                                          {"AWS_CONFIG_FILE", "/dev/null"},
                                          {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"}})
            environment.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        environment.remove(QStringLiteral("AWS_PROFILE"));
        return runProcess(QStringLiteral("/usr/bin/aws"),
                          QStringList{QStringLiteral("lambda")} + arguments +
                              QStringList{QStringLiteral("--endpoint-url"), m_fixture->endpoint().toString(),
                                          QStringLiteral("--output"), QStringLiteral("json")},
                          environment);
    }
    ClientRun sdk(const QString &function, const QString &payload, const QString &invocationType = {},
                  const QString &logType = {}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CLIENT"), QStringLiteral("sdk"));
        environment.insert(QStringLiteral("INVOCATION_TYPE"), invocationType);
        environment.insert(QStringLiteral("LOG_TYPE"), logType);
        return runClient({m_fixture->endpoint().toString(), function, payload}, environment);
    }

    std::unique_ptr<test::InvokeApiFixture> m_fixture;
};

QTEST_GUILESS_MAIN(TestInvokeApiClients)
#include "tst_invokeapi_clients.moc"
