// The Lambda Invoke API over real HTTP (Lambda API reference, "Invoke",
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html): an HttpServer on a loopback port with
// LambdaInvokeApi in front of an Invoker running embedded-JavaScript functions, checked with
// QNetworkAccessManager. Test names say which part of the reference they hold to.
#include "InvokeApiFixture.h"
#include "invoker/LambdaErrors.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;
using test::ApiReply;
using test::errorMessage;
using test::errorType;

namespace {
using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString kArn = QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:");

bool isUuid(const QByteArray &text) {
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return uuid.match(QString::fromLatin1(text)).hasMatch();
}

QByteArray base64Json(const QByteArray &json) {
    return json.toBase64();
}
} // namespace

class TestInvokeApiHttp : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_api = std::make_unique<test::InvokeApiFixture>();
        QVERIFY(m_api->ok());
    }
    void cleanup() { m_api.reset(); }

    // --- RequestResponse ----------------------------------------------------------------------------

    void invokeRequestResponseAnswers200WithPayloadAndExecutedVersion() {
        const ApiReply r = m_api->invoke("echo", R"({"a":1})");
        QVERIFY(r.finished);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"a":1})"));
        QCOMPARE(r.header("X-Amz-Executed-Version"), QByteArray("$LATEST"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY2(isUuid(r.header("x-amzn-RequestId")), r.header("x-amzn-RequestId").constData());
        QVERIFY(!r.hasHeader("X-Amz-Function-Error"));
        QVERIFY(!r.hasHeader("X-Amz-Log-Result")); // only with LogType Tail
    }

    void invokeExplicitRequestResponseTypeIsTheDefault() {
        const ApiReply r = m_api->invoke("echo", "[1,2]", {{"X-Amz-Invocation-Type", "RequestResponse"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("[1,2]"));
    }

    void invokeAcceptsAnyJsonValueAsEvent_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("number") << QByteArray("42") << QByteArray("42");
        QTest::newRow("string") << QByteArray(R"("text")") << QByteArray(R"("text")");
        QTest::newRow("null") << QByteArray("null") << QByteArray("null");
        QTest::newRow("array") << QByteArray("[1, 2]") << QByteArray("[1,2]");
        QTest::newRow("empty body is {}") << QByteArray() << QByteArray("{}");
    }
    void invokeAcceptsAnyJsonValueAsEvent() {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, expected);
        const ApiReply r = m_api->invoke("echo", payload);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, expected);
    }

    void invokeFunctionNameFormatsFromTheApiReference_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("name") << QByteArray("echo") << QByteArray();
        QTest::newRow("name:$LATEST") << QByteArray("echo:$LATEST") << QByteArray();
        QTest::newRow("?Qualifier=$LATEST") << QByteArray("echo") << QByteArray("Qualifier=%24LATEST");
        QTest::newRow("partial ARN") << QByteArray("123456789012:function:echo") << QByteArray();
        QTest::newRow("full ARN") << QByteArray("arn:aws:lambda:us-east-1:123456789012:function:echo")
                                  << QByteArray();
        QTest::newRow("full ARN, percent-encoded as the CLI sends it")
            << QByteArray("arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aecho") << QByteArray();
        QTest::newRow("full ARN with $LATEST")
            << QByteArray("arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aecho%3A%24LATEST")
            << QByteArray("Qualifier=%24LATEST");
    }
    void invokeFunctionNameFormatsFromTheApiReference() {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, query);
        const ApiReply r = m_api->invoke(name, R"({"n":1})", {}, query);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"n":1})"));
    }

    void invokePassesTheClientContextToTheFunction() {
        const ApiReply r =
            m_api->invoke("context", "{}", {{"X-Amz-Client-Context", base64Json(R"({"custom":{"k":"v"}})")}});
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(
            body.value(QStringLiteral("clientContext")).toObject().value(QStringLiteral("custom")).toObject(),
            QJsonObject({{QStringLiteral("k"), QStringLiteral("v")}}));
        QCOMPARE(body.value(QStringLiteral("arn")).toString(), kArn + QStringLiteral("context"));
    }

    void invokeFunctionErrorIsUnhandledWithStatus200() {
        const ApiReply r = m_api->invoke("fails");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Amz-Function-Error"), QByteArray("Unhandled"));
        QCOMPARE(r.header("X-Amz-Executed-Version"), QByteArray("$LATEST"));
        QCOMPARE(r.json().value(QStringLiteral("errorType")).toString(), QStringLiteral("TypeError"));
        QCOMPARE(r.json().value(QStringLiteral("errorMessage")).toString(),
                 QStringLiteral("boom from handler"));
    }

    // --- LogType Tail ---------------------------------------------------------------------------------

    void invokeLogTypeTailReturnsTheWholeShortLogBase64() {
        const ApiReply r = m_api->invoke("echo", "{}", {{"X-Amz-Log-Type", "Tail"}});
        QCOMPARE(r.status, 200);
        const QByteArray id = r.header("x-amzn-RequestId");
        const QString log = QString::fromUtf8(QByteArray::fromBase64(r.header("X-Amz-Log-Result")));
        QVERIFY2(log.startsWith(
                     QStringLiteral("START RequestId: %1 Version: $LATEST\n").arg(QString::fromLatin1(id))),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("\nEND RequestId: %1\n").arg(QString::fromLatin1(id))),
                 qPrintable(log));
        static const QRegularExpression report(QStringLiteral(
            "\nREPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\t"
            "Memory Size: 128 MB\tMax Memory Used: \\d+ MB(\tInit Duration: \\d+\\.\\d\\d ms)?\n$"));
        QVERIFY2(report.match(log).hasMatch(), qPrintable(log));
    }

    void invokeLogTypeTailKeepsTheLastFourKilobytes() {
        const ApiReply r = m_api->invoke("chatty", "{}", {{"X-Amz-Log-Type", "Tail"}});
        QCOMPARE(r.status, 200);
        const QByteArray log = QByteArray::fromBase64(r.header("X-Amz-Log-Result"));
        QCOMPARE(log.size(), 4096);                  // "the last 4 KB of the execution log"
        QVERIFY(!log.contains("chatty line 1000 ")); // the head was cut off
        QVERIFY(log.contains("chatty line 1199 of the tail"));
        QVERIFY(log.contains("END RequestId: " + r.header("x-amzn-RequestId")));
        QVERIFY(log.contains("\nREPORT RequestId: "));
        QVERIFY(log.endsWith('\n'));
    }

    void invokeLogTypeNoneOmitsTheLog() {
        const ApiReply r = m_api->invoke("echo", "{}", {{"X-Amz-Log-Type", "None"}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.hasHeader("X-Amz-Log-Result"));
    }

    void invokeLogTypeTailIsForSynchronousInvocationsOnly() {
        // "Set to Tail to include the execution log in the response. Applies to synchronously invoked
        // functions only": an Event is accepted without a log.
        const ApiReply r =
            m_api->invoke("echo", "{}", {{"X-Amz-Invocation-Type", "Event"}, {"X-Amz-Log-Type", "Tail"}});
        QCOMPARE(r.status, 202);
        QVERIFY(!r.hasHeader("X-Amz-Log-Result"));
    }

    // --- Event and DryRun -----------------------------------------------------------------------------

    void invokeEventAnswers202AndRunsTheFunctionLater() {
        QSignalSpy completed(&m_api->invoker(), &Invoker::asyncInvocationCompleted);
        const ApiReply r = m_api->invoke("echo", R"({"async":true})", {{"X-Amz-Invocation-Type", "Event"}});
        QCOMPARE(r.status, 202);
        QVERIFY(r.body.isEmpty());
        QVERIFY(!r.hasHeader("X-Amz-Executed-Version"));
        const QByteArray id = r.header("x-amzn-RequestId");
        QVERIFY(isUuid(id));
        QVERIFY(completed.size() == 1 || completed.wait(10000));
        const auto result = completed.at(0).at(0).value<InvocationResult>();
        QCOMPARE(result.requestId.toLatin1(), id);
        QVERIFY(result.succeeded());
        QCOMPARE(result.payload, QByteArray(R"({"async":true})"));
    }

    void invokeEventDoesNotPassTheClientContext() {
        // "Lambda passes the ClientContext object to your function for synchronous invocations only."
        QSignalSpy completed(&m_api->invoker(), &Invoker::asyncInvocationCompleted);
        const ApiReply r = m_api->invoke("context", "{}",
                                         {{"X-Amz-Invocation-Type", "Event"},
                                          {"X-Amz-Client-Context", base64Json(R"({"custom":{"k":"v"}})")}});
        QCOMPARE(r.status, 202);
        QVERIFY(completed.size() == 1 || completed.wait(10000));
        const auto result = completed.at(0).at(0).value<InvocationResult>();
        QCOMPARE(QJsonDocument::fromJson(result.payload).object().value(QStringLiteral("clientContext")),
                 QJsonValue(QJsonValue::Null));
    }

    void invokeDryRunAnswers204WithoutRunningTheFunction() {
        QSignalSpy started(&m_api->invoker(), &Invoker::invocationStarted);
        const ApiReply r = m_api->invoke("echo", "{}", {{"X-Amz-Invocation-Type", "DryRun"}});
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QVERIFY(isUuid(r.header("x-amzn-RequestId")));
        QCOMPARE(started.size(), 0);
    }

    void invokeDryRunOfAnUnknownFunctionIsNotFound() {
        const ApiReply r = m_api->invoke("nope", "{}", {{"X-Amz-Invocation-Type", "DryRun"}});
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("ResourceNotFoundException"));
    }

    // --- Errors, in the shape botocore and SDK v3 parse -------------------------------------------------

    void invokeUnknownFunctionIsResourceNotFoundInAwsShape() {
        const ApiReply r = m_api->invoke("nope");
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(isUuid(r.header("x-amzn-RequestId")));
        QCOMPARE(r.body, QByteArray("{\"Type\":\"User\",\"message\":\"Function not found: ") + kArn.toUtf8() +
                             QByteArray("nope\"}"));
    }

    void invokeUnknownQualifierIsResourceNotFound_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("arn");
        QTest::newRow("?Qualifier=prod")
            << QByteArray("echo") << QByteArray("Qualifier=prod") << kArn + QStringLiteral("echo:prod");
        QTest::newRow("version in the name")
            << QByteArray("echo:1") << QByteArray() << kArn + QStringLiteral("echo:1");
        QTest::newRow("alias in an ARN")
            << QByteArray("arn:aws:lambda:us-east-1:123456789012:function:echo:live") << QByteArray()
            << kArn + QStringLiteral("echo:live");
        QTest::newRow("another account")
            << QByteArray("210987654321:function:echo") << QByteArray()
            << QStringLiteral("arn:aws:lambda:us-east-1:210987654321:function:echo");
    }
    void invokeUnknownQualifierIsResourceNotFound() {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, query);
        QFETCH(QString, arn);
        const ApiReply r = m_api->invoke(name, "{}", {}, query);
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(errorMessage(r), QStringLiteral("Function not found: ") + arn);
    }

    void invokeArnOfAnotherRegionIsNotReachable() {
        const ApiReply r = m_api->invoke("arn:aws:lambda:eu-west-1:123456789012:function:echo");
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(errorMessage(r),
                 QStringLiteral("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')"));
    }

    void invokeQualifierInNameAndQueryMustAgree() {
        const ApiReply r = m_api->invoke("echo:live", "{}", {}, "Qualifier=prod");
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QStringLiteral("InvalidParameterValueException"));
        QCOMPARE(errorMessage(r),
                 QStringLiteral(
                     "The derived qualifier from the function name does not match the specified qualifier."));
    }

    void invokeMalformedNamesFailValidation_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("message");
        QTest::newRow("space and !")
            << QByteArray("bad%20name!") << QByteArray()
            << QStringLiteral("1 validation error detected: Value 'bad name!' at 'functionName' "
                              "failed to satisfy constraint: Member must satisfy regular "
                              "expression pattern: ");
        QTest::newRow("171 characters")
            << QByteArray(171, 'a') << QByteArray()
            << QStringLiteral("1 validation error detected: Value '%1' at 'functionName' "
                              "failed to satisfy constraint: Member must have length less "
                              "than or equal to 170")
                   .arg(QString(171, u'a'));
        QTest::newRow("qualifier with a dot")
            << QByteArray("echo") << QByteArray("Qualifier=v1.2")
            << QStringLiteral("1 validation error detected: Value 'v1.2' at "
                              "'qualifier' failed to satisfy constraint: Member must "
                              "satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
    }
    void invokeMalformedNamesFailValidation() {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, query);
        QFETCH(QString, message);
        const ApiReply r = m_api->invoke(name, "{}", {}, query);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QStringLiteral("ValidationException"));
        QVERIFY2(errorMessage(r).startsWith(message), qPrintable(errorMessage(r)));
        QVERIFY(!r.json().contains(QStringLiteral("Type")));
    }

    void invokeHeaderValuesOutsideTheEnumsFailValidation_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("InvocationType")
            << QByteArray("X-Amz-Invocation-Type") << QByteArray("Later")
            << QStringLiteral("1 validation error detected: Value 'Later' at "
                              "'invocationType' failed to satisfy constraint: Member must "
                              "satisfy enum value set: [Event, RequestResponse, DryRun]");
        QTest::newRow("LogType")
            << QByteArray("X-Amz-Log-Type") << QByteArray("All")
            << QStringLiteral("1 validation error detected: Value 'All' at 'logType' failed to "
                              "satisfy constraint: Member must satisfy enum value set: [None, Tail]");
    }
    void invokeHeaderValuesOutsideTheEnumsFailValidation() {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QString, message);
        const ApiReply r = m_api->invoke("echo", "{}", {{header, value}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QStringLiteral("ValidationException"));
        QCOMPARE(errorMessage(r), message);
    }

    void invokeClientContextMustBeBase64Json_data() {
        QTest::addColumn<QByteArray>("context");
        QTest::newRow("not base64") << QByteArray("not base64!");
        QTest::newRow("base64 of text") << QByteArray("hello").toBase64();
        QTest::newRow("base64 of an array") << QByteArray("[1]").toBase64();
    }
    void invokeClientContextMustBeBase64Json() {
        QFETCH(QByteArray, context);
        const ApiReply r = m_api->invoke("echo", "{}", {{"X-Amz-Client-Context", context}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QStringLiteral("InvalidRequestContentException"));
        QCOMPARE(errorMessage(r),
                 QStringLiteral("Client context must be a valid Base64-encoded JSON object."));
    }

    void invokeClientContextIsLimitedTo3583Base64Bytes() {
        // "Up to 3,583 bytes of base64-encoded data about the invoking client".
        const auto contextOfSize = [](qsizetype encodedSize) {
            const QByteArray prefix = "{\"custom\":{\"pad\":\"", suffix = "\"}}";
            const qsizetype jsonSize = encodedSize / 4 * 3;
            return (prefix + QByteArray(jsonSize - prefix.size() - suffix.size(), 'x') + suffix).toBase64();
        };
        const QByteArray fits = contextOfSize(3580), tooLong = contextOfSize(3584);
        QVERIFY(fits.size() <= 3583 && tooLong.size() > 3583);
        QCOMPARE(m_api->invoke("echo", "{}", {{"X-Amz-Client-Context", fits}}).status, 200);
        const ApiReply r = m_api->invoke("echo", "{}", {{"X-Amz-Client-Context", tooLong}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QStringLiteral("InvalidRequestContentException"));
    }

    void invokeInvalidJsonPayloadIsInvalidRequestContent_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("unclosed") << QByteArray("{") << QByteArray("RequestResponse");
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << QByteArray("RequestResponse");
        QTest::newRow("two values") << QByteArray("1,2") << QByteArray("RequestResponse");
        QTest::newRow("whitespace only") << QByteArray("  ") << QByteArray("RequestResponse");
        QTest::newRow("base64 instead of JSON (boto3#2153)")
            << QByteArray("e30=") << QByteArray("RequestResponse");
        QTest::newRow("Event") << QByteArray("{") << QByteArray("Event");
        QTest::newRow("Event, two values") << QByteArray("1,2") << QByteArray("Event");
    }
    void invokeInvalidJsonPayloadIsInvalidRequestContent() {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, type);
        QSignalSpy started(&m_api->invoker(), &Invoker::invocationStarted);
        const ApiReply r = m_api->invoke("echo", payload, {{"X-Amz-Invocation-Type", type}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QStringLiteral("InvalidRequestContentException"));
        QVERIFY2(errorMessage(r).startsWith(QStringLiteral("Could not parse request body into json: ")),
                 qPrintable(errorMessage(r)));
        QCOMPARE(r.json().value(QStringLiteral("Type")).toString(), QStringLiteral("User"));
        QCOMPARE(started.size(), 0);
    }

    void invokeInvalidJsonForAnUnknownFunctionIsStillNotFound() {
        const ApiReply r = m_api->invoke("nope", "{");
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("ResourceNotFoundException"));
    }

    void invokePayloadOverSixMegabytesIsRequestEntityTooLarge() {
        // Lambda quotas: 6 MB request payload for synchronous invocations (6291456 bytes).
        const QByteArray payload = '"' + QByteArray(lambdaerrors::kMaxSyncRequestBytes - 1, 'x') + '"';
        const ApiReply r = m_api->invoke("echo", payload);
        QCOMPARE(r.status, 413);
        QCOMPARE(errorType(r), QStringLiteral("RequestEntityTooLargeException"));
        QCOMPARE(
            errorMessage(r),
            QStringLiteral("Request must be smaller than 6291456 bytes for the InvokeFunction operation"));
    }

    void invokeEventPayloadOverOneMegabyteIsRequestEntityTooLarge() {
        // Invoke API reference: "For asynchronous invocations, the maximum payload size is 1 MB"
        // (256 KB before 2025; see ../shared/reference/aws-behaviour.md, Lambda limits).
        const QByteArray fits = '"' + QByteArray(lambdaerrors::kMaxAsyncRequestBytes - 2, 'x') + '"';
        QCOMPARE(m_api->invoke("echo", fits, {{"X-Amz-Invocation-Type", "DryRun"}}).status, 204);
        QCOMPARE(m_api->invoke("echo", fits, {{"X-Amz-Invocation-Type", "Event"}}).status, 202);
        const QByteArray payload = fits + ' ';
        const ApiReply r = m_api->invoke("echo", payload, {{"X-Amz-Invocation-Type", "Event"}});
        QCOMPARE(r.status, 413);
        QCOMPARE(errorType(r), QStringLiteral("RequestEntityTooLargeException"));
        QCOMPARE(errorMessage(r),
                 QStringLiteral("1048577 byte payload is too large for the Event invocation type "
                                "(limit 1048576 bytes)"));
    }

    void invokeThrottledCallIs429WithReason() {
        QSignalSpy started(&m_api->invoker(), &Invoker::invocationStarted);
        QNetworkReply *first =
            m_api->start("POST", "/2015-03-31/functions/slow/invocations", R"({"ms": 1500})");
        QVERIFY(started.wait(10000)); // the only environment `slow` may have is busy now
        const ApiReply second = m_api->invoke("slow", R"({"ms": 1})");
        QCOMPARE(second.status, 429);
        QCOMPARE(errorType(second), QStringLiteral("TooManyRequestsException"));
        QCOMPARE(second.body, QByteArray(R"({"Type":"User","message":"Rate Exceeded.","Reason":)"
                                         R"("ReservedFunctionConcurrentInvocationLimitExceeded"})"));
        const ApiReply done = test::InvokeApiFixture::wait(first);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.body, QByteArray(R"("slow done")"));
    }

    void invokeWaitingForAFunctionNeverHoldsTheWorkerThread() {
        // The fixture's server has one worker thread: the echo call on another connection is answered
        // while `slow` is still running.
        QSignalSpy started(&m_api->invoker(), &Invoker::invocationStarted);
        QNetworkReply *slow =
            m_api->start("POST", "/2015-03-31/functions/slow/invocations", R"({"ms": 1500})");
        QVERIFY(started.wait(10000));
        const ApiReply echo = m_api->invoke("echo", R"("quick")");
        QCOMPARE(echo.status, 200);
        QVERIFY(!slow->isFinished());
        QCOMPARE(test::InvokeApiFixture::wait(slow).status, 200);
    }

    // --- Operations other than Invoke ------------------------------------------------------------------

    void otherMethodsAndPathsAreUnknownOperations_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("GET invocations")
            << QByteArray("GET") << QByteArray("/2015-03-31/functions/echo/invocations");
        QTest::newRow("PUT invocations")
            << QByteArray("PUT") << QByteArray("/2015-03-31/functions/echo/invocations");
        QTest::newRow("trailing slash")
            << QByteArray("POST") << QByteArray("/2015-03-31/functions/echo/invocations/");
        QTest::newRow("unimplemented operation")
            << QByteArray("GET") << QByteArray("/2015-03-31/functions/echo/policy");
        QTest::newRow("DELETE function") << QByteArray("DELETE") << QByteArray("/2015-03-31/functions/echo");
        QTest::newRow("POST functions") << QByteArray("POST") << QByteArray("/2015-03-31/functions");
    }
    void otherMethodsAndPathsAreUnknownOperations() {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        const ApiReply r = m_api->send(method, target, "{}");
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("UnknownOperationException"));
        QCOMPARE(r.body, QByteArray("<UnknownOperationException/>\n"));
        QVERIFY(isUuid(r.header("x-amzn-RequestId")));
    }

    void getFunctionDescribesLatest() {
        const ApiReply r = m_api->send("GET", "/2015-03-31/functions/slow");
        QCOMPARE(r.status, 200);
        const QJsonObject configuration = r.json().value(QStringLiteral("Configuration")).toObject();
        QCOMPARE(configuration.value(QStringLiteral("FunctionName")).toString(), QStringLiteral("slow"));
        QCOMPARE(configuration.value(QStringLiteral("FunctionArn")).toString(),
                 kArn + QStringLiteral("slow"));
        QCOMPARE(configuration.value(QStringLiteral("Version")).toString(), QStringLiteral("$LATEST"));
        QCOMPARE(configuration.value(QStringLiteral("Handler")).toString(), QStringLiteral("index.handler"));
        QCOMPARE(configuration.value(QStringLiteral("Timeout")).toInt(), 10);
        QCOMPARE(configuration.value(QStringLiteral("MemorySize")).toInt(), 128);
        QCOMPARE(r.json()
                     .value(QStringLiteral("Concurrency"))
                     .toObject()
                     .value(QStringLiteral("ReservedConcurrentExecutions"))
                     .toInt(),
                 1);
    }

    void getFunctionConfigurationIsTheConfigurationAlone() {
        const ApiReply r = m_api->send("GET", "/2015-03-31/functions/echo/configuration");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("FunctionArn")).toString(), kArn + QStringLiteral("echo"));
        QCOMPARE(r.json().value(QStringLiteral("Runtime")).toString(), QStringLiteral("javascript"));
        QCOMPARE(m_api->send("GET", "/2015-03-31/functions/echo/configuration?Qualifier=prod").status, 404);
    }

    void getFunctionOfAnUnknownFunctionIsNotFound() {
        const ApiReply r = m_api->send("GET", "/2015-03-31/functions/nope");
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(errorMessage(r), QStringLiteral("Function not found: ") + kArn + QStringLiteral("nope"));
    }

    void listFunctionsPagesWithMaxItemsAndNextMarker() {
        const ApiReply all = m_api->send("GET", "/2015-03-31/functions/");
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QStringLiteral("Functions")).toArray().size(), 5);
        QVERIFY(!all.json().contains(QStringLiteral("NextMarker")));

        const ApiReply first = m_api->send("GET", "/2015-03-31/functions?MaxItems=2");
        QCOMPARE(first.json().value(QStringLiteral("Functions")).toArray().size(), 2);
        const QString marker = first.json().value(QStringLiteral("NextMarker")).toString();
        QVERIFY(!marker.isEmpty());
        const ApiReply rest =
            m_api->send("GET", "/2015-03-31/functions?MaxItems=10&Marker=" + QUrl::toPercentEncoding(marker));
        const QJsonArray functions = rest.json().value(QStringLiteral("Functions")).toArray();
        QCOMPARE(functions.size(), 3);
        QCOMPARE(functions.last().toObject().value(QStringLiteral("FunctionName")).toString(),
                 QStringLiteral("slow"));

        const ApiReply invalid = m_api->send("GET", "/2015-03-31/functions?MaxItems=0");
        QCOMPARE(invalid.status, 400);
        QCOMPARE(errorType(invalid), QStringLiteral("ValidationException"));
    }

private:
    std::unique_ptr<test::InvokeApiFixture> m_api;
};

QTEST_GUILESS_MAIN(TestInvokeApiHttp)
#include "tst_invokeapi_http.moc"
