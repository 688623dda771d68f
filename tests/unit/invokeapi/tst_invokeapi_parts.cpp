// The Invoke API's parts without a server (Lambda API reference, "Invoke"): how FunctionName and
// Qualifier are read, the header parameters, the payload check, the response headers and error shapes.
#include "invokeapi/FunctionReference.h"
#include "invokeapi/InvokeApiErrors.h"
#include "invokeapi/InvokeParameters.h"
#include "invokeapi/InvokeResponse.h"
#include "invokeapi/LambdaInvokeApi.h"
#include "invoker/LambdaErrors.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::invokeapi;

class TestInvokeApiParts : public QObject {
    Q_OBJECT
private slots:
    void functionNameFormatsOfTheApiReference_data() {
        QTest::addColumn<QString>("functionName");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("qualifier");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("account");
        QTest::newRow("name") << "my-function"
                              << "my-function"
                              << ""
                              << ""
                              << "";
        QTest::newRow("name with alias") << "my-function:v1"
                                         << "my-function"
                                         << "v1"
                                         << ""
                                         << "";
        QTest::newRow("name:$LATEST") << "my-function:$LATEST"
                                      << "my-function"
                                      << "$LATEST"
                                      << ""
                                      << "";
        QTest::newRow("partial ARN") << "123456789012:function:my-function"
                                     << "my-function"
                                     << ""
                                     << ""
                                     << "123456789012";
        QTest::newRow("full ARN") << "arn:aws:lambda:us-west-2:123456789012:function:my-function"
                                  << "my-function"
                                  << ""
                                  << "us-west-2"
                                  << "123456789012";
        QTest::newRow("full ARN with version")
            << "arn:aws:lambda:us-west-2:123456789012:function:my-function:7"
            << "my-function"
            << "7"
            << "us-west-2"
            << "123456789012";
        QTest::newRow("GovCloud partition") << "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f"
                                            << "f"
                                            << ""
                                            << "us-gov-west-1"
                                            << "123456789012";
        QTest::newRow("dots are allowed by Invoke's pattern") << "a.b"
                                                              << "a.b"
                                                              << ""
                                                              << ""
                                                              << "";
    }
    void functionNameFormatsOfTheApiReference() {
        QFETCH(QString, functionName);
        QFETCH(QString, name);
        QFETCH(QString, qualifier);
        QFETCH(QString, region);
        QFETCH(QString, account);
        const auto parsed = parseFunctionReference(functionName, {}, false);
        QVERIFY(std::holds_alternative<FunctionReference>(parsed));
        const FunctionReference &reference = std::get<FunctionReference>(parsed);
        QCOMPARE(reference.name, name);
        QCOMPARE(reference.qualifier, qualifier);
        QCOMPARE(reference.region, region);
        QCOMPARE(reference.accountId, account);
    }

    void qualifierParameterFillsInOrMustAgree() {
        auto parsed = parseFunctionReference(QStringLiteral("f"), QStringLiteral("prod"), true);
        QCOMPARE(std::get<FunctionReference>(parsed).qualifier, QStringLiteral("prod"));
        parsed = parseFunctionReference(QStringLiteral("f:prod"), QStringLiteral("prod"), true);
        QCOMPARE(std::get<FunctionReference>(parsed).qualifier, QStringLiteral("prod"));
        parsed = parseFunctionReference(QStringLiteral("f:prod"), QStringLiteral("dev"), true);
        QCOMPARE(std::get<ApiError>(parsed).type, QStringLiteral("InvalidParameterValueException"));
        parsed = parseFunctionReference(QStringLiteral("f"), QString(), true); // ?Qualifier= (empty)
        QCOMPARE(std::get<ApiError>(parsed).type, QStringLiteral("ValidationException"));
        parsed = parseFunctionReference(QStringLiteral("f"), QString(129, u'q'), true);
        QCOMPARE(std::get<ApiError>(parsed).type, QStringLiteral("ValidationException"));
    }

    void referenceArnFillsInTheProjectsRegionAndAccount() {
        const auto parsed = parseFunctionReference(QStringLiteral("f:live"), {}, false);
        const FunctionReference &reference = std::get<FunctionReference>(parsed);
        QCOMPARE(reference.arn(QStringLiteral("eu-west-1"), QStringLiteral("111122223333")),
                 QStringLiteral("arn:aws:lambda:eu-west-1:111122223333:function:f:live"));
        QCOMPARE(reference.arn(QStringLiteral("eu-west-1"), QStringLiteral("111122223333"), false),
                 QStringLiteral("arn:aws:lambda:eu-west-1:111122223333:function:f"));
    }

    void malformedFunctionNamesFailValidation_data() {
        QTest::addColumn<QString>("functionName");
        QTest::newRow("empty") << "";
        QTest::newRow("space") << "my function";
        QTest::newRow("slash") << "a/b";
        QTest::newRow("empty qualifier") << "f:";
        QTest::newRow("not a lambda ARN") << "arn:aws:s3:::bucket";
        QTest::newRow("171 characters") << QString(171, u'a');
    }
    void malformedFunctionNamesFailValidation() {
        QFETCH(QString, functionName);
        const auto parsed = parseFunctionReference(functionName, {}, false);
        QVERIFY(std::holds_alternative<ApiError>(parsed));
        const ApiError &error = std::get<ApiError>(parsed);
        QCOMPARE(error.status, 400);
        QCOMPARE(error.type, QStringLiteral("ValidationException"));
        QVERIFY(error.body.startsWith("{\"message\":\"1 validation error detected: Value '"));
    }

    void invocationHeadersBecomeInvokeOptions() {
        auto options = readInvokeOptions({});
        QCOMPARE(std::get<InvokeOptions>(options).type, InvokeOptions::Type::RequestResponse);
        QVERIFY(!std::get<InvokeOptions>(options).logTail);

        const QByteArray context = QByteArray(R"({"custom":{"a":1}})").toBase64();
        options = readInvokeOptions({{"x-amz-invocation-type", "RequestResponse"},
                                     {"x-amz-log-type", "Tail"},
                                     {"x-amz-client-context", context}});
        QVERIFY(std::get<InvokeOptions>(options).logTail);
        QCOMPARE(std::get<InvokeOptions>(options).clientContext, QByteArray(R"({"custom":{"a":1}})"));

        // "Applies to synchronously invoked functions only" / "for synchronous invocations only".
        for (const QByteArray &type : {QByteArray("Event"), QByteArray("DryRun")}) {
            options = readInvokeOptions({{"X-Amz-Invocation-Type", type},
                                         {"X-Amz-Log-Type", "Tail"},
                                         {"X-Amz-Client-Context", context}});
            QVERIFY(!std::get<InvokeOptions>(options).logTail);
            QVERIFY(std::get<InvokeOptions>(options).clientContext.isEmpty());
        }
        QCOMPARE(std::get<InvokeOptions>(readInvokeOptions({{"X-Amz-Invocation-Type", "Event"}})).type,
                 InvokeOptions::Type::Event);
        QCOMPARE(std::get<InvokeOptions>(readInvokeOptions({{"X-Amz-Invocation-Type", "DryRun"}})).type,
                 InvokeOptions::Type::DryRun);
        // The enum values are case-sensitive, as in the API model.
        QCOMPARE(std::get<ApiError>(readInvokeOptions({{"X-Amz-Invocation-Type", "event"}})).type,
                 QStringLiteral("ValidationException"));
        // A bad client context is refused even for Event, where it would not be passed on.
        QCOMPARE(std::get<ApiError>(
                     readInvokeOptions({{"X-Amz-Invocation-Type", "Event"}, {"X-Amz-Client-Context", "%%%"}}))
                     .type,
                 QStringLiteral("InvalidRequestContentException"));
    }

    void payloadMustBeOneJsonValue_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("object") << QByteArray(R"({"a":[1,{"b":null}]})") << true;
        QTest::newRow("string") << QByteArray(R"("x")") << true;
        QTest::newRow("number with spaces") << QByteArray(" 42 ") << true;
        QTest::newRow("true") << QByteArray("true") << true;
        QTest::newRow("two values") << QByteArray("1,2") << false;
        QTest::newRow("closing bracket smuggled in") << QByteArray("1],[2") << false;
        QTest::newRow("trailing garbage") << QByteArray("{} x") << false;
        QTest::newRow("whitespace only") << QByteArray(" ") << false;
        QTest::newRow("invalid UTF-8") << QByteArray("\"\xff\"") << false;
    }
    void payloadMustBeOneJsonValue() {
        QFETCH(QByteArray, payload);
        QFETCH(bool, valid);
        const auto error = checkJsonPayload(payload);
        QCOMPARE(!error.has_value(), valid);
        if (error) {
            QCOMPARE(error->type, QStringLiteral("InvalidRequestContentException"));
            QVERIFY(error->body.startsWith(
                "{\"Type\":\"User\",\"message\":\"Could not parse request body into json: "));
        }
    }

    void responseHeadersOfASuccessfulInvoke() {
        InvocationResult result;
        result.requestId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        result.payload = R"({"ok":true})";
        result.logResult = QByteArray("START ...\n").toBase64();
        const http::HttpResponse response = invokeResponse(result);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, result.payload);
        QCOMPARE(response.headers.value("x-amzn-RequestId"), result.requestId.toUtf8());
        QCOMPARE(response.headers.value("X-Amz-Executed-Version"), QByteArray("$LATEST"));
        QCOMPARE(response.headers.value("X-Amz-Log-Result"), result.logResult);
        QVERIFY(!response.headers.contains("X-Amz-Function-Error"));
    }

    void responseOfAFunctionErrorKeepsStatus200() {
        InvocationResult result;
        lambdaerrors::setFunctionError(
            result, lambdaerrors::functionErrorPayload(QStringLiteral("Error"), QStringLiteral("bad")));
        const http::HttpResponse response = invokeResponse(result);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.headers.value("X-Amz-Function-Error"), QByteArray("Unhandled"));
    }

    void responsesOfEventAndDryRunHaveNoBody() {
        for (const int status : {202, 204}) {
            InvocationResult result;
            result.statusCode = status;
            result.requestId = QStringLiteral("id");
            const http::HttpResponse response = invokeResponse(result);
            QCOMPARE(response.status, status);
            QVERIFY(response.body.isEmpty());
            QCOMPARE(response.headers.value("x-amzn-RequestId"), QByteArray("id"));
            QVERIFY(!response.headers.contains("X-Amz-Executed-Version"));
        }
    }

    void platformErrorsCarryTheErrorTypeHeaderBotocoreReads() {
        const InvocationResult throttled =
            lambdaerrors::tooManyRequests(QStringLiteral("ConcurrentInvocationLimitExceeded"));
        http::HttpResponse response = invokeResponse(throttled);
        QCOMPARE(response.status, 429);
        QCOMPARE(response.headers.value("x-amzn-ErrorType"), QByteArray("TooManyRequestsException"));
        QCOMPARE(response.headers.value("Content-Type"), QByteArray("application/json"));
        QCOMPARE(response.body, QByteArray(R"({"Type":"User","message":"Rate Exceeded.","Reason":)"
                                           R"("ConcurrentInvocationLimitExceeded"})"));

        // A ServiceException comes without a body from the invoker: one is made, Type "Service".
        response = invokeResponse(lambdaerrors::serviceError(QStringLiteral("environment lost")));
        QCOMPARE(response.status, 500);
        QCOMPARE(response.headers.value("x-amzn-ErrorType"), QByteArray("ServiceException"));
        QCOMPARE(response.body, QByteArray(R"({"Type":"Service","message":"environment lost"})"));
    }

    void unknownOperationIsTheFrontEndsXmlBody() {
        const http::HttpResponse response = errorResponse(unknownOperation(), QStringLiteral("id"));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.headers.value("x-amzn-ErrorType"), QByteArray("UnknownOperationException"));
        QCOMPARE(response.body, QByteArray("<UnknownOperationException/>\n"));
    }

    void bodiesOverTheServersLimitAreRequestEntityTooLarge() {
        const http::HttpResponse response = LambdaInvokeApi::protocolErrorResponse(413, "body too large");
        QCOMPARE(response.status, 413);
        QCOMPARE(response.headers.value("x-amzn-ErrorType"), QByteArray("RequestEntityTooLargeException"));
        QCOMPARE(response.body,
                 QByteArray("{\"Type\":\"User\",\"message\":\"Request must be smaller than 6291456 bytes "
                            "for the InvokeFunction operation\"}"));
        QVERIFY(!response.headers.value("x-amzn-RequestId").isEmpty());
        const http::HttpResponse timeout = LambdaInvokeApi::protocolErrorResponse(408, "request timeout");
        QCOMPARE(timeout.status, 408);
        QCOMPARE(timeout.body, QByteArray(R"({"message":"request timeout"})"));
        QVERIFY(!timeout.headers.contains("x-amzn-ErrorType"));
    }

    void handlesTheFunctionsResourceOnly_data() {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("handled");
        QTest::newRow("invocations") << QByteArray("/2015-03-31/functions/f/invocations") << true;
        QTest::newRow("ListFunctions (CLI)") << QByteArray("/2015-03-31/functions/") << true;
        QTest::newRow("ListFunctions (SDK v3)") << QByteArray("/2015-03-31/functions") << true;
        QTest::newRow("GetFunction") << QByteArray("/2015-03-31/functions/f") << true;
        QTest::newRow("runtime API") << QByteArray("/2018-06-01/runtime/invocation/next") << false;
        QTest::newRow("lookalike prefix") << QByteArray("/2015-03-31/functionsX") << false;
        QTest::newRow("other API version") << QByteArray("/2014-11-13/functions/f/invoke-async/") << false;
        QTest::newRow("gateway route") << QByteArray("/hello") << false;
    }
    void handlesTheFunctionsResourceOnly() {
        QFETCH(QByteArray, path);
        QFETCH(bool, handled);
        http::HttpRequest request;
        request.method = "POST";
        request.path = path;
        QCOMPARE(LambdaInvokeApi::handles(request), handled);
    }
};

QTEST_GUILESS_MAIN(TestInvokeApiParts)
#include "tst_invokeapi_parts.moc"
