// The Lambda proxy events: payload 2.0 and 1.0 for HTTP APIs ("Working with AWS Lambda proxy
// integrations for HTTP APIs") and 1.0 for REST APIs ("Set up Lambda proxy integrations", input
// format), including key order, omitted vs null parts and base64 bodies.
#include "GatewayFixtures.h"
#include "gateway/BinaryMedia.h"
#include "gateway/HttpApiEventV2.h"
#include "gateway/ProxyEventV1.h"
#include "invoker/JsRuntime.h"
#include "invoker/LambdaLogFormat.h"
#include "invoker/Watchdog.h"
#include "telemetry/LogStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

using Keys = std::vector<std::string>;

Keys keysOf(const OrderedJson &object) {
    Keys keys;
    for (const auto &[key, value] : object.items())
        keys.push_back(key);
    return keys;
}

GatewayRequest docExampleRequest() {
    return request(QStringLiteral("POST"), QStringLiteral("/my/path"),
                   QStringLiteral("parameter1=value1&parameter1=value2&parameter2=value"),
                   {{QStringLiteral("Header1"), QStringLiteral("value1")},
                    {QStringLiteral("Cookie"), QStringLiteral("cookie1; cookie2")},
                    {QStringLiteral("Header2"), QStringLiteral("value1")},
                    {QStringLiteral("header2"), QStringLiteral("value2")},
                    {QStringLiteral("User-Agent"), QStringLiteral("agent")},
                    {QStringLiteral("Content-Type"), QStringLiteral("text/plain")}},
                   QByteArray("Hello from Lambda"));
}

InvocationContext docExampleContext() {
    InvocationContext context = httpContext();
    context.pathParameters = {{QStringLiteral("parameter1"), QStringLiteral("value1")}};
    context.stageVariables = {{QStringLiteral("stageVariable1"), QStringLiteral("value1")}};
    return context;
}

// What an embedded JavaScript handler sees of an event: JSON.stringify of it, as the invocation's result.
class EventEcho {
public:
    EventEcho() {
        QFile handler(m_code.filePath(QStringLiteral("index.js")));
        if (handler.open(QIODevice::WriteOnly))
            handler.write("exports.handler = (event) => JSON.stringify(event);\n");
        Function fn;
        fn.name = QStringLiteral("echo");
        fn.runtime = QStringLiteral("javascript");
        fn.handler = QStringLiteral("index.handler");
        EnvironmentSpec spec;
        spec.function = fn;
        spec.codeDir = m_code.path();
        spec.watchdog = &m_watchdog;
        spec.logs = &m_logs;
        spec.logStreamName = lambdalog::newLogStreamName(QDateTime::currentDateTimeUtc());
        m_runtime = std::make_unique<JsRuntime>(spec);
    }
    QByteArray seen(const QByteArray &payload, std::shared_ptr<const PrebuiltEvent> prebuilt = {}) {
        InvocationRequest request{QStringLiteral("r-%1").arg(++m_count), payload, {}, 1, std::move(prebuilt)};
        return m_runtime->run(request).payload;
    }

private:
    QTemporaryDir m_code;
    Watchdog m_watchdog;
    LogStore m_logs{1000};
    std::unique_ptr<JsRuntime> m_runtime;
    int m_count = 0;
};

} // namespace

Q_DECLARE_METATYPE(gatehouse::GatewayRequest)
Q_DECLARE_METATYPE(gatehouse::InvocationContext)

class LambdaEventsTest : public QObject {
    Q_OBJECT

private slots:
    void payloadV2KeysFollowTheDocExampleOrder() {
        const OrderedJson event = json(httpApiEventV2(docExampleRequest(), docExampleContext()));
        QCOMPARE(keysOf(event), (Keys{"version", "routeKey", "rawPath", "rawQueryString", "cookies",
                                      "headers", "queryStringParameters", "requestContext", "body",
                                      "pathParameters", "isBase64Encoded", "stageVariables"}));
        QCOMPARE(keysOf(event["requestContext"]),
                 (Keys{"accountId", "apiId", "domainName", "domainPrefix", "http", "requestId", "routeKey",
                       "stage", "time", "timeEpoch"}));
        QCOMPARE(keysOf(event["requestContext"]["http"]),
                 (Keys{"method", "path", "protocol", "sourceIp", "userAgent"}));
    }

    void payloadV2JoinsRepeatedHeadersAndQueryValuesWithCommas() {
        const OrderedJson event = json(httpApiEventV2(docExampleRequest(), docExampleContext()));
        QCOMPARE(str(event["headers"]["header2"]), QStringLiteral("value1,value2"));
        QCOMPARE(str(event["queryStringParameters"]["parameter1"]), QStringLiteral("value1,value2"));
        QCOMPARE(str(event["queryStringParameters"]["parameter2"]), QStringLiteral("value"));
        QCOMPARE(str(event["rawQueryString"]),
                 QStringLiteral("parameter1=value1&parameter1=value2&parameter2=value"));
    }

    void payloadV2LowerCasesHeaderNamesAndMovesCookiesOut() {
        const OrderedJson event = json(httpApiEventV2(docExampleRequest(), docExampleContext()));
        QVERIFY(event["headers"].contains("header1"));
        QVERIFY(!event["headers"].contains("Header1"));
        QVERIFY(!event["headers"].contains("cookie"));
        QCOMPARE(event["cookies"].dump(), std::string(R"(["cookie1","cookie2"])"));
    }

    void payloadV2RequestContextCarriesTimeInClfAndEpochMilliseconds() {
        const OrderedJson context =
            json(httpApiEventV2(docExampleRequest(), docExampleContext()))["requestContext"];
        QCOMPARE(str(context["time"]), QStringLiteral("12/Mar/2020:19:03:58 +0000"));
        QCOMPARE(context["timeEpoch"].get<qint64>(), Q_INT64_C(1584039838390));
        QCOMPARE(str(context["http"]["userAgent"]), QStringLiteral("agent"));
        QCOMPARE(str(context["domainName"]), QStringLiteral("localhost:3000"));
        QCOMPARE(str(context["domainPrefix"]), QStringLiteral("localhost"));
    }

    void payloadV2OmitsEmptyPartsInsteadOfSendingNull() {
        const OrderedJson event =
            json(httpApiEventV2(request(QStringLiteral("GET"), QStringLiteral("/")), httpContext()));
        for (const char *key :
             {"cookies", "queryStringParameters", "body", "pathParameters", "stageVariables"})
            QVERIFY2(!event.contains(key), key);
        QCOMPARE(event["isBase64Encoded"].get<bool>(), false);
        QVERIFY(!event["requestContext"].contains("authorizer"));
    }

    void payloadV2RawPathKeepsANamedStage() {
        InvocationContext context = httpContext();
        context.stage = QStringLiteral("prod");
        const OrderedJson event =
            json(httpApiEventV2(request(QStringLiteral("GET"), QStringLiteral("/prod/a%20b")), context));
        QCOMPARE(str(event["rawPath"]), QStringLiteral("/prod/a b"));
        QCOMPARE(str(event["requestContext"]["http"]["path"]), QStringLiteral("/prod/a b"));
        QCOMPARE(str(event["requestContext"]["stage"]), QStringLiteral("prod"));
    }

    void payloadV2CarriesTheAuthorizerBetweenApiIdAndDomainName() {
        InvocationContext context = httpContext();
        context.authorizer = OrderedJson{{"lambda", {{"user", "u1"}}}};
        const OrderedJson event =
            json(httpApiEventV2(request(QStringLiteral("GET"), QStringLiteral("/")), context));
        const Keys keys = keysOf(event["requestContext"]);
        QCOMPARE(Keys(keys.begin(), keys.begin() + 4),
                 (Keys{"accountId", "apiId", "authorizer", "domainName"}));
        QCOMPARE(str(event["requestContext"]["authorizer"]["lambda"]["user"]), QStringLiteral("u1"));
    }

    // httpApiEventV2() writes its text directly, for speed: it must be exactly the compact JSON nlohmann
    // writes for the same document (its escapes, key order, UTF-8 kept raw), whatever the request holds.
    void payloadV2TextIsTheJsonDocumentByteForByte_data() {
        QTest::addColumn<GatewayRequest>("request");
        QTest::addColumn<InvocationContext>("context");
        QTest::newRow("doc example") << docExampleRequest() << docExampleContext();
        QTest::newRow("bare GET") << request(QStringLiteral("GET"), QStringLiteral("")) << httpContext();
        InvocationContext withAuthorizer = docExampleContext();
        withAuthorizer.authorizer =
            OrderedJson{{"jwt", {{"claims", {{"sub", "u\"1"}}}, {"scopes", nullptr}}}};
        withAuthorizer.addForwardedHeaders = true;
        withAuthorizer.pathParameters.append({QStringLiteral("parameter1"), QStringLiteral("last wins")});
        QTest::newRow("authorizer, forwarded, repeated path parameter")
            << docExampleRequest() << withAuthorizer;
        const QString awkward = QStringLiteral("tab\there \"quoted\" back\\slash \x01\x1f\x7f é 한국어 😀") +
                                QChar(0xD800) + QStringLiteral("lone");
        QTest::newRow("escapes and unicode")
            << request(QStringLiteral("PUT"), QStringLiteral("/a%20b/%E2%9C%93"),
                       QStringLiteral("q=%22x%22&q=2&empty=&%C3%A9=1"),
                       {{QStringLiteral("X-Awkward"), awkward},
                        {QStringLiteral("cookie"), QStringLiteral(" a=1 ;; b=\"2\" ")},
                        {QStringLiteral("COOKIE"), QStringLiteral("c=3")},
                        {QStringLiteral("X-Awkward"), QStringLiteral("second")},
                        {QStringLiteral("Content-Type"), QStringLiteral("application/json")}},
                       QByteArray("{\"k\":\"line\nbreak\"}"))
            << httpContext();
        QTest::newRow("binary body") << request(QStringLiteral("POST"), QStringLiteral("/up"), {}, {},
                                                QByteArray("\x00\xff\x10"
                                                           "binary",
                                                           9))
                                     << httpContext();
    }
    void payloadV2TextIsTheJsonDocumentByteForByte() {
        QFETCH(GatewayRequest, request);
        QFETCH(InvocationContext, context);
        const QByteArray text = httpApiEventV2(request, context);
        const std::optional<OrderedJson> document = parseJson(text);
        QVERIFY(document);
        QCOMPARE(QString::fromUtf8(text), QString::fromUtf8(jsonBytes(*document)));
        // The awkward header reads back as sent (a lone surrogate as '?', as QString::toUtf8 writes it).
        const QString awkward = firstHeaderValue(request.headers, u"X-Awkward").value_or(QString());
        if (!awkward.isEmpty())
            QCOMPARE(str((*document)["headers"]["x-awkward"]),
                     QString(awkward).replace(QChar(0xD800), QLatin1Char('?')) + QStringLiteral(",second"));
    }

    // The embedded runtime builds the common event from arguments instead of parsing its text
    // (PrebuiltEvent): the handler must see the very object JSON.parse makes of the text — members,
    // order (JavaScript's: integer-like names first), repeated names, "__proto__" as a plain member,
    // escapes, absent parts.
    void payloadV2BuiltInTheEngineIsTheParsedText_data() {
        payloadV2TextIsTheJsonDocumentByteForByte_data();
        InvocationContext context = docExampleContext();
        context.pathParameters = {{QStringLiteral("__proto__"), QStringLiteral("p")},
                                  {QStringLiteral("10"), QStringLiteral("ten")},
                                  {QStringLiteral("id"), QStringLiteral("1")},
                                  {QStringLiteral("id"), QStringLiteral("2")}};
        context.stageVariables = {{QStringLiteral("__proto__"), QStringLiteral("s")}};
        context.authorizer = OrderedJson{{"lambda", {{"2", 2}, {"user", "u1"}, {"__proto__", {{"x", 1}}}}}};
        QTest::newRow("special member names")
            << request(QStringLiteral("GET"), QStringLiteral("/x"),
                       QStringLiteral("__proto__=1&b=1&10=ten&2=two&b=3&constructor=c"),
                       {{QStringLiteral("__proto__"), QStringLiteral("h")},
                        {QStringLiteral("42"), QStringLiteral("n")},
                        {QStringLiteral("Cookie"), QStringLiteral("only=1")}})
            << context;
    }
    void payloadV2BuiltInTheEngineIsTheParsedText() {
        QFETCH(GatewayRequest, request);
        QFETCH(InvocationContext, context);
        const HttpApiEventV2 both = httpApiEventV2WithPrebuilt(request, context);
        QCOMPARE(both.json, httpApiEventV2(request, context));
        QVERIFY(both.prebuilt);
        EventEcho echo;
        const QByteArray parsed = echo.seen(both.json);
        QVERIFY2(parsed.startsWith("\"{"), parsed.constData());
        QCOMPARE(QString::fromUtf8(echo.seen(both.json, both.prebuilt)), QString::fromUtf8(parsed));
    }

    // requestContext.domainPrefix: the first label of the host, without the port
    // ("Working with AWS Lambda proxy integrations for HTTP APIs": "domainPrefix": "id").
    void domainPrefixIsTheHostsFirstLabel_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("api id") << "id.execute-api.us-east-1.amazonaws.com"
                                << "id";
        QTest::newRow("with port") << "api.example.com:8443"
                                   << "api";
        QTest::newRow("localhost") << "localhost:3000"
                                   << "localhost";
        QTest::newRow("IPv4") << "127.0.0.1:18080"
                              << "127";
        QTest::newRow("IPv6") << "[::1]:3000"
                              << "[::1]";
        QTest::newRow("empty") << ""
                               << "";
    }
    void domainPrefixIsTheHostsFirstLabel() {
        QFETCH(QString, host);
        QFETCH(QString, prefix);
        QCOMPARE(domainPrefixOf(host), prefix);
    }

    void forwardedHeadersAreAddedLikeApiGatewayDoes() {
        InvocationContext context = httpContext();
        context.addForwardedHeaders = true;
        const GatewayRequest r =
            request(QStringLiteral("GET"), QStringLiteral("/"), {},
                    {{QStringLiteral("X-Forwarded-For"), QStringLiteral("203.0.113.9")}});
        const OrderedJson headers = json(httpApiEventV2(r, context))["headers"];
        QCOMPARE(str(headers["x-forwarded-for"]), QStringLiteral("203.0.113.9, 192.0.2.1"));
        QCOMPARE(str(headers["x-forwarded-port"]), QStringLiteral("3000"));
        QCOMPARE(str(headers["x-forwarded-proto"]), QStringLiteral("http"));
    }

    void httpApiBase64EncodesBodiesThatAreNotText_data() {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<bool>("base64");
        QTest::newRow("text/plain") << "text/plain; charset=utf-8" << false;
        QTest::newRow("text/html") << "text/html" << false;
        QTest::newRow("application/json") << "Application/JSON" << false;
        QTest::newRow("application/xml") << "application/xml" << false;
        QTest::newRow("application/javascript") << "application/javascript" << false;
        QTest::newRow("octet-stream") << "application/octet-stream" << true;
        QTest::newRow("image/png") << "image/png" << true;
        QTest::newRow("form-urlencoded") << "application/x-www-form-urlencoded" << true;
        QTest::newRow("no content type") << "" << true;
    }
    void httpApiBase64EncodesBodiesThatAreNotText() {
        QFETCH(QString, contentType);
        QFETCH(bool, base64);
        HeaderFields headers;
        if (!contentType.isEmpty()) headers.append({QStringLiteral("Content-Type"), contentType});
        const OrderedJson event = json(httpApiEventV2(
            request(QStringLiteral("POST"), QStringLiteral("/"), {}, headers, "a=b"), httpContext()));
        QCOMPARE(event["isBase64Encoded"].get<bool>(), base64);
        QCOMPARE(str(event["body"]), base64 ? QStringLiteral("YT1i") : QStringLiteral("a=b"));
    }

    void restApiBase64EncodesOnlyBinaryMediaTypes_data() {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QStringList>("binaryMediaTypes");
        QTest::addColumn<bool>("base64");
        QTest::newRow("no binary types") << "image/png" << QStringList() << false;
        QTest::newRow("exact") << "image/png" << QStringList{QStringLiteral("image/png")} << true;
        QTest::newRow("type wildcard") << "image/jpeg" << QStringList{QStringLiteral("image/*")} << true;
        QTest::newRow("everything") << "application/json" << QStringList{QStringLiteral("*/*")} << true;
        QTest::newRow("other type") << "text/plain" << QStringList{QStringLiteral("image/*")} << false;
    }
    void restApiBase64EncodesOnlyBinaryMediaTypes() {
        QFETCH(QString, contentType);
        QFETCH(QStringList, binaryMediaTypes);
        QFETCH(bool, base64);
        const EncodedBody body = restApiRequestBody("\x89PNG", contentType, binaryMediaTypes);
        QCOMPARE(body.isBase64Encoded, base64);
    }

    void restEventKeysFollowTheDocExampleOrder() {
        InvocationContext context = docExampleContext();
        context.stage = QStringLiteral("testStage");
        context.resourcePath = QStringLiteral("/{proxy+}");
        context.extendedRequestId = QStringLiteral("ext=");
        const GatewayRequest r =
            request(QStringLiteral("POST"), QStringLiteral("/testStage/hello/world"),
                    QStringLiteral("name=me&multivalueName=you&multivalueName=me"),
                    {{QStringLiteral("headerName"), QStringLiteral("headerValue")}}, "{\"a\": 1}");
        const OrderedJson event = json(restApiEvent(r, context, {}));
        QCOMPARE(keysOf(event),
                 (Keys{"resource", "path", "httpMethod", "headers", "multiValueHeaders",
                       "queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
                       "stageVariables", "requestContext", "body", "isBase64Encoded"}));
        QCOMPARE(str(event["resource"]), QStringLiteral("/{proxy+}"));
        QCOMPARE(str(event["path"]), QStringLiteral("/hello/world"));
        QCOMPARE(str(event["requestContext"]["path"]), QStringLiteral("/testStage/hello/world"));
        QCOMPARE(str(event["requestContext"]["resourcePath"]), QStringLiteral("/{proxy+}"));
        QCOMPARE(str(event["requestContext"]["extendedRequestId"]), QStringLiteral("ext="));
        QVERIFY(event["requestContext"]["identity"]["apiKey"].is_null());
        QVERIFY(!event["requestContext"].contains("authorizer"));
    }

    void restEventKeepsTheLastValueInSingleValueMaps() {
        const GatewayRequest r = request(QStringLiteral("GET"), QStringLiteral("/dev/x"),
                                         QStringLiteral("multivalueName=you&multivalueName=me"),
                                         {{QStringLiteral("greeter"), QStringLiteral("a")},
                                          {QStringLiteral("greeter"), QStringLiteral("b")}});
        InvocationContext context = httpContext();
        context.stage = QStringLiteral("dev");
        const OrderedJson event = json(restApiEvent(r, context, {}));
        QCOMPARE(str(event["queryStringParameters"]["multivalueName"]), QStringLiteral("me"));
        QCOMPARE(event["multiValueQueryStringParameters"]["multivalueName"].dump(),
                 std::string(R"(["you","me"])"));
        QCOMPARE(str(event["headers"]["greeter"]), QStringLiteral("b"));
        QCOMPARE(event["multiValueHeaders"]["greeter"].dump(), std::string(R"(["a","b"])"));
    }

    void restEventUsesNullForAbsentParts() {
        InvocationContext context = httpContext();
        context.stage = QStringLiteral("dev");
        const OrderedJson event =
            json(restApiEvent(request(QStringLiteral("GET"), QStringLiteral("/dev/")), context, {}));
        for (const char *key :
             {"headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
              "pathParameters", "stageVariables", "body"})
            QVERIFY2(event[key].is_null(), key);
        QCOMPARE(event["isBase64Encoded"].get<bool>(), false);
        QCOMPARE(str(event["path"]), QStringLiteral("/"));
    }

    void restEventPathStaysPercentEncoded() {
        // Captured on AWS (localstack PR #7728): "/user/test%2Balias@gmail.com" arrives as sent.
        InvocationContext context = httpContext();
        context.stage = QStringLiteral("dev");
        const OrderedJson event = json(restApiEvent(
            request(QStringLiteral("GET"), QStringLiteral("/dev/user/test%2Balias@gmail.com")), context, {}));
        QCOMPARE(str(event["path"]), QStringLiteral("/user/test%2Balias@gmail.com"));
    }

    void httpApiV1EventStartsWithVersionAndFollowsItsExample() {
        InvocationContext context = docExampleContext();
        context.routeKey = QStringLiteral("GET /my/path");
        context.resourcePath = QStringLiteral("/my/path");
        const OrderedJson event = json(httpApiEventV1(docExampleRequest(), context));
        QCOMPARE(keysOf(event),
                 (Keys{"version", "resource", "path", "httpMethod", "headers", "multiValueHeaders",
                       "queryStringParameters", "multiValueQueryStringParameters", "requestContext",
                       "pathParameters", "stageVariables", "body", "isBase64Encoded"}));
        QCOMPARE(str(event["version"]), QStringLiteral("1.0"));
        QVERIFY(event["requestContext"]["authorizer"]["claims"].is_null());
        QVERIFY(event["requestContext"]["resourceId"].is_null());
        QCOMPARE(str(event["requestContext"]["extendedRequestId"]), QStringLiteral("JKJaXmPLvHcESHA="));
        QVERIFY(!event["requestContext"]["identity"].contains("apiKey"));
    }

    void httpApiV1EventForDefaultRouteUsesThePathAsResource() {
        const OrderedJson event =
            json(httpApiEventV1(request(QStringLiteral("GET"), QStringLiteral("/my/path")), httpContext()));
        QCOMPARE(str(event["resource"]), QStringLiteral("/my/path"));
        QCOMPARE(str(event["requestContext"]["resourcePath"]), QStringLiteral("/my/path"));
    }
};

QTEST_GUILESS_MAIN(LambdaEventsTest)
#include "tst_lambdaevents.moc"
