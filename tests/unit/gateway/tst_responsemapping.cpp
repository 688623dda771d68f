// How a function's output becomes the HTTP response: payload 2.0 inference and custom form, and the
// strict 1.0 format ("Working with AWS Lambda proxy integrations for HTTP APIs", response formats;
// REST "Set up Lambda proxy integrations", output format; knowledge center malformed-502-api-gateway).
#include "gateway/LambdaResponseMapping.h"

#include <QtTest>

using namespace gatehouse;

class ResponseMappingTest : public QObject {
    Q_OBJECT

private slots:
    void payloadV2OutputWithoutStatusCodeIsA200JsonResponse_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QByteArray>("body");
        // The doc's two examples, then other JSON values.
        QTest::newRow("string becomes its text")
            << QByteArray(R"("Hello from Lambda!")") << QByteArray("Hello from Lambda!");
        QTest::newRow("object goes out as written") << QByteArray(R"({ "message": "Hello from Lambda!" })")
                                                    << QByteArray(R"({ "message": "Hello from Lambda!" })");
        QTest::newRow("number") << QByteArray("42") << QByteArray("42");
        QTest::newRow("null") << QByteArray("null") << QByteArray("null");
        QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("[1,2]");
    }
    void payloadV2OutputWithoutStatusCodeIsA200JsonResponse() {
        QFETCH(QByteArray, output);
        QFETCH(QByteArray, body);
        const MappedResponse mapped = mapPayloadV2Response(output);
        QVERIFY(mapped.ok());
        QCOMPARE(mapped.response->status, 200);
        QCOMPARE(mapped.response->header(u"content-type"), QStringLiteral("application/json"));
        QCOMPARE(mapped.response->body, body);
    }

    void payloadV2CustomResponseTurnsCookiesIntoSetCookieHeaders() {
        const MappedResponse mapped = mapPayloadV2Response(
            R"({"cookies":["a=1; Path=/","b=2"],"isBase64Encoded":false,"statusCode":201,)"
            R"("headers":{"x-custom":"v","x-number":5},"body":"created"})");
        QVERIFY(mapped.ok());
        QCOMPARE(mapped.response->status, 201);
        QCOMPARE(headerValues(mapped.response->headers, u"set-cookie"),
                 (QStringList{QStringLiteral("a=1; Path=/"), QStringLiteral("b=2")}));
        QCOMPARE(mapped.response->header(u"X-Custom"), QStringLiteral("v"));
        QCOMPARE(mapped.response->header(u"x-number"), QStringLiteral("5"));
        QCOMPARE(mapped.response->body, QByteArray("created"));
    }

    void payloadV2DecodesBase64BodiesWithoutBinaryMediaTypes() {
        const MappedResponse mapped =
            mapPayloadV2Response(R"({"statusCode":200,"isBase64Encoded":true,"body":"iVBORw=="})");
        QVERIFY(mapped.ok());
        QCOMPARE(mapped.response->body, QByteArray::fromBase64("iVBORw=="));
    }

    void payloadV2RejectsUnusableOutput_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("statusCode is text") << QByteArray(R"({"statusCode":"200"})");
        QTest::newRow("statusCode out of range") << QByteArray(R"({"statusCode":0})");
        QTest::newRow("body is an object") << QByteArray(R"({"statusCode":200,"body":{"a":1}})");
        QTest::newRow("cookies not a list") << QByteArray(R"({"statusCode":200,"cookies":"a=1"})");
        QTest::newRow("bad base64") << QByteArray(
            R"({"statusCode":200,"isBase64Encoded":true,"body":"***"})");
    }
    void payloadV2RejectsUnusableOutput() {
        QFETCH(QByteArray, output);
        const MappedResponse mapped = mapPayloadV2Response(output);
        QVERIFY(!mapped.ok());
        QVERIFY(!mapped.problem.isEmpty());
    }

    void payloadV1MergesHeadersWithMultiValueHeadersWinning() {
        const MappedResponse mapped = mapPayloadV1Response(
            R"({"statusCode":200,"headers":{"X-A":"single","X-B":"only"},)"
            R"("multiValueHeaders":{"x-a":["m1","m2"],"Set-Cookie":["a=1","b=2"]},"body":"ok"})",
            {});
        QVERIFY(mapped.ok());
        QCOMPARE(headerValues(mapped.response->headers, u"x-a"),
                 (QStringList{QStringLiteral("m1"), QStringLiteral("m2")}));
        QCOMPARE(mapped.response->header(u"x-b"), QStringLiteral("only"));
        QCOMPARE(headerValues(mapped.response->headers, u"set-cookie").size(), 2);
    }

    void payloadV1IsStrict_data() {
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("plain string") << QByteArray(R"("hello")");
        QTest::newRow("no statusCode") << QByteArray(R"({"body":"x"})");
        QTest::newRow("unknown key") << QByteArray(R"({"statusCode":200,"cookies":["a=1"]})");
        QTest::newRow("body not a string") << QByteArray(R"({"statusCode":200,"body":{"a":1}})");
        QTest::newRow("multiValueHeaders value not a list")
            << QByteArray(R"({"statusCode":200,"multiValueHeaders":{"a":"b"}})");
    }
    void payloadV1IsStrict() {
        QFETCH(QByteArray, output);
        const MappedResponse mapped = mapPayloadV1Response(output, {});
        QVERIFY(!mapped.ok());
        QVERIFY(mapped.problem.startsWith(QLatin1String("Malformed Lambda proxy response")));
    }

    void restDecodesBase64OnlyWhenTheFirstAcceptTypeIsBinary_data() {
        QTest::addColumn<QString>("accept");
        QTest::addColumn<bool>("decoded");
        QTest::newRow("binary accept") << "image/png, text/html" << true;
        QTest::newRow("binary later in accept") << "text/html, image/png" << false;
        QTest::newRow("no accept") << "" << false;
    }
    void restDecodesBase64OnlyWhenTheFirstAcceptTypeIsBinary() {
        QFETCH(QString, accept);
        QFETCH(bool, decoded);
        PayloadV1Options options;
        options.binaryMediaTypes = {QStringLiteral("image/*")};
        options.acceptHeader = accept;
        const MappedResponse mapped =
            mapPayloadV1Response(R"({"statusCode":200,"isBase64Encoded":true,"body":"aGk="})", options);
        QVERIFY(mapped.ok());
        QCOMPARE(mapped.response->body, decoded ? QByteArray("hi") : QByteArray("aGk="));
    }

    void httpApiPayloadV1AlwaysDecodesBase64() {
        PayloadV1Options options;
        options.restApi = false;
        const MappedResponse mapped =
            mapPayloadV1Response(R"({"statusCode":200,"isBase64Encoded":true,"body":"aGk="})", options);
        QVERIFY(mapped.ok());
        QCOMPARE(mapped.response->body, QByteArray("hi"));
    }
};

QTEST_GUILESS_MAIN(ResponseMappingTest)
#include "tst_responsemapping.moc"
