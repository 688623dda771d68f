// The gatehouse.json format: load -> save -> load is lossless, unknown keys survive, errors have paths.
#include "TestSupport.h"
#include "io/ProjectFile.h"
#include "io/ProjectJson.h"

#include <QtTest>

using namespace gatehouse;

namespace {

// A project with every field away from its default, so a field the writer forgets shows up.
Project everyFieldSet() {
    Project p;
    p.name = QStringLiteral("edge");
    p.description = QStringLiteral("Ünïcødé — 한국어 \"quotes\" \\ back\nslash");
    p.settings.region = QStringLiteral("eu-west-1");
    p.settings.accountId = QStringLiteral("000000000000");
    p.settings.billingGranularity = QStringLiteral("100ms");
    p.settings.concurrencyLimit = 100;
    p.settings.idleEnvironmentSeconds = 5;
    p.settings.asyncRetryDelaySeconds = 2;
    p.settings.credentials = LocalCredentials();
    p.settings.credentials->accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    p.settings.credentials->secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    p.settings.unknown.values["futureSetting"] = 1;

    Function f;
    f.name = QStringLiteral("fn");
    f.description = QStringLiteral("d");
    f.runtime = QStringLiteral("python3.11");
    f.handler = QStringLiteral("app.handler");
    f.codeUri = QStringLiteral("src/fn");
    f.memoryMB = 10240;
    f.timeoutSeconds = 900;
    f.architecture = QStringLiteral("arm64");
    f.reservedConcurrency = 0;
    f.environment = {{QStringLiteral("B"), QStringLiteral("2")}, {QStringLiteral("A"), QString()}};
    f.deadLetterQueue = QStringLiteral("plain");
    f.asyncInvoke.maximumRetryAttempts = 0;
    f.asyncInvoke.maximumEventAgeSeconds = 60;
    f.asyncInvoke.onSuccess.queue = QStringLiteral("plain");
    f.asyncInvoke.onFailure.function = QStringLiteral("fn");
    f.asyncInvoke.onFailure.unknown.values["futureKey"] = true;
    f.position = CanvasPoint{-40, 1200};
    f.unknown.values["layers"] = {"arn:1", "arn:2"};
    p.functions = {f};

    Api api;
    api.name = QStringLiteral("api");
    api.type = ApiType::Rest;
    api.port = 8080;
    api.binaryMediaTypes = {QStringLiteral("image/png")};
    Route r;
    r.method = QStringLiteral("ANY");
    r.path = QStringLiteral("/{proxy+}");
    r.integration.type = IntegrationType::HttpProxy;
    r.integration.url = QStringLiteral("https://example.org/{proxy}");
    r.integration.httpMethod = QStringLiteral("POST");
    r.integration.function = QStringLiteral("kept-even-if-unused");
    r.integration.timeoutMs = 1000;
    r.integration.requestParameters = {
        {QStringLiteral("overwrite:header.x"), QStringLiteral("$request.header.y")}};
    r.authorizer = QStringLiteral("auth");
    r.authorizationScopes = {QStringLiteral("read")};
    r.throttling.rateLimit = 1.5;
    r.throttling.burstLimit = 3;
    r.position = CanvasPoint{300, 20};
    Route mock;
    mock.method = QStringLiteral("POST");
    mock.path = QStringLiteral("$default");
    mock.integration.type = IntegrationType::Mock;
    mock.integration.mockStatusCode = 201;
    mock.integration.mockBody = QStringLiteral("{}");
    mock.integration.mockHeaders = {{QStringLiteral("x-a"), QStringLiteral("b")}};
    api.routes = {r, mock};
    Stage st;
    st.name = QStringLiteral("prod");
    st.variables = {{QStringLiteral("backend"), QStringLiteral("example.com")}};
    st.throttling.burstLimit = 10;
    st.accessLogFormat = QStringLiteral("$context.requestId");
    api.stages = {st};
    Cors cors;
    cors.allowOrigins = {QStringLiteral("*")};
    cors.maxAgeSeconds = 0;
    cors.allowCredentials = true;
    api.cors = cors;
    api.throttling.rateLimit = 100;
    api.customDomains = {{QStringLiteral("api.example.com"), {{QString(), QStringLiteral("prod"), {}}}, {}}};
    Api ws;
    ws.name = QStringLiteral("ws");
    ws.type = ApiType::WebSocket;
    ws.routeSelectionExpression = QStringLiteral("$request.body.type");
    Route connect;
    connect.routeKey = QStringLiteral("$connect");
    connect.routeResponse = true;
    connect.integration.function = QStringLiteral("fn");
    connect.integration.payloadFormatVersion = QStringLiteral("1.0");
    ws.routes = {connect};
    ws.position = CanvasPoint{0, 0};
    p.apis = {api, ws};

    Authorizer jwt;
    jwt.name = QStringLiteral("jwt");
    jwt.issuer = QStringLiteral("https://issuer");
    jwt.audience = {QStringLiteral("aud")};
    jwt.jwksUri = QStringLiteral("jwks.json");
    jwt.resultTtlSeconds = 0;
    Authorizer lambda;
    lambda.name = QStringLiteral("auth");
    lambda.type = AuthorizerType::Lambda;
    lambda.function = QStringLiteral("fn");
    lambda.lambdaType = QStringLiteral("TOKEN");
    lambda.identitySources = {QStringLiteral("$request.header.Auth")};
    lambda.enableSimpleResponses = true;
    lambda.tokenValidationRegex = QStringLiteral("^Bearer .+$");
    Authorizer keys;
    keys.name = QStringLiteral("keys");
    keys.type = AuthorizerType::ApiKey;
    keys.apiKeys = {{QStringLiteral("k"), QStringLiteral("0123456789abcdefghij"), {}}};
    keys.usagePlanThrottling.rateLimit = 2;
    keys.usagePlanQuota = Quota{5, QStringLiteral("MONTH"), {}};
    keys.position = CanvasPoint{1, 2};
    p.authorizers = {jwt, lambda, keys};

    Bucket b;
    b.name = QStringLiteral("bucket");
    b.versioning = true;
    BucketNotification none;
    none.events = {};
    none.function = QStringLiteral("fn");
    b.notifications = {none};
    b.position = CanvasPoint{3, 4};
    p.buckets = {b};

    Schedule s;
    s.name = QStringLiteral("s");
    s.expression = QStringLiteral("cron(0 18 ? * MON-FRI *)");
    s.function = QStringLiteral("fn");
    s.enabled = false;
    s.timezone = QStringLiteral("Asia/Seoul");
    s.input = OrderedJson{{"z", 1}, {"a", {1, 2}}};
    s.position = CanvasPoint{5, 6};
    p.schedules = {s};

    Queue q;
    q.name = QStringLiteral("q.fifo");
    q.fifo = true;
    q.visibilityTimeoutSeconds = 0;
    q.deadLetterQueue = QStringLiteral("dlq.fifo");
    q.maxReceiveCount = 1;
    q.trigger = QueueTrigger{QStringLiteral("fn"), 10, 300, true, false, {}};
    Queue plain;
    plain.name = QStringLiteral("plain");
    plain.maxReceiveCount = 7;
    plain.position = CanvasPoint{7, 8};
    p.queues = {q, plain};

    SavedRequest req;
    req.name = QStringLiteral("r");
    req.method = QStringLiteral("PUT");
    req.url = QStringLiteral("{{base}}/x");
    req.headers = {{QStringLiteral("Set"), QStringLiteral("1")},
                   {QStringLiteral("Set"), QStringLiteral("2")}};
    req.body = QStringLiteral("body");
    req.assertions = {
        {QStringLiteral("time"), QString(), QStringLiteral("below"), QStringLiteral("200"), {}}};
    p.requests = {req};
    p.environments = {{QStringLiteral("local"), {{QStringLiteral("base"), QStringLiteral("http://x")}}, {}}};
    p.unknown.values["layout"] = {{"fn", {{"x", 1}, {"y", 2}}}};
    return p;
}

ProjectReadResult reread(const Project &p) {
    return projectFromJsonText(projectToJsonText(p), QStringLiteral("t.json"));
}

} // namespace

class TestProjectJson : public QObject {
    Q_OBJECT
private slots:
    void sampleLoadsWithoutDiagnostics() {
        const auto loaded = ProjectFile::load(test::samplePath());
        QVERIFY(loaded.readable);
        QVERIFY2(loaded.diagnostics.isEmpty(), qPrintable(loaded.diagnostics.value(0).toString()));
        QCOMPARE(loaded.project.functions.size(), 8);
        QCOMPARE(loaded.project.apis.size(), 3);
        QCOMPARE(loaded.project.apis[0].routes.size(), 4);
    }

    void sampleRoundTripIsLossless() {
        const auto loaded = ProjectFile::load(test::samplePath());
        const auto again = reread(loaded.project);
        QVERIFY(again.readable);
        QVERIFY(again.diagnostics.isEmpty());
        QVERIFY(again.project == loaded.project);
    }

    void savedTextIsStableAcrossRoundTrips() {
        const QByteArray first = projectToJsonText(ProjectFile::load(test::samplePath()).project);
        const QByteArray second = projectToJsonText(projectFromJsonText(first, QStringLiteral("t")).project);
        QCOMPARE(second, first);
        QVERIFY(first.endsWith('\n'));
    }

    void everyFieldRoundTrips() {
        const Project p = everyFieldSet();
        const auto again = reread(p);
        QVERIFY(again.readable);
        // Unknown keys produce warnings; nothing else may be reported.
        for (const Diagnostic &d : again.diagnostics)
            QVERIFY2(!d.isError(), qPrintable(d.toString()));
        QVERIFY(again.project.functions == p.functions);
        QVERIFY(again.project.apis == p.apis);
        QVERIFY(again.project.authorizers == p.authorizers);
        QVERIFY(again.project.buckets == p.buckets);
        QVERIFY(again.project.schedules == p.schedules);
        QVERIFY(again.project.queues == p.queues);
        QVERIFY(again.project.requests == p.requests);
        QVERIFY(again.project.settings == p.settings);
        QVERIFY(again.project == p);
    }

    void emptyProjectRoundTrips() {
        Project p;
        const auto again = reread(p);
        QVERIFY(again.readable);
        QVERIFY(again.diagnostics.isEmpty());
        QVERIFY(again.project == p);
    }

    void unknownKeysAreKeptAtEveryLevelAndReported() {
        const QByteArray text = R"({"formatVersion":1,"x-root":{"deep":[1,2]},
            "functions":[{"name":"f","runtime":"javascript","handler":"index.handler","x-fn":true}],
            "apis":[{"name":"a","type":"http","x-api":1,
                     "routes":[{"method":"GET","path":"/","x-route":"r","integration":{"type":"lambda","function":"f","x-int":2}}],
                     "stages":[{"name":"$default","x-stage":3}]}]})";
        const auto read = projectFromJsonText(text, QStringLiteral("gatehouse.json"));
        QVERIFY(read.readable);
        QStringList warned;
        for (const Diagnostic &d : read.diagnostics) {
            QVERIFY(!d.isError());
            warned << d.path;
        }
        QCOMPARE(warned, (QStringList{QStringLiteral("functions[0].x-fn"),
                                      QStringLiteral("apis[0].routes[0].integration.x-int"),
                                      QStringLiteral("apis[0].routes[0].x-route"),
                                      QStringLiteral("apis[0].stages[0].x-stage"),
                                      QStringLiteral("apis[0].x-api"), QStringLiteral("x-root")}));
        const OrderedJson written = projectToJson(read.project);
        QCOMPARE(written["x-root"]["deep"][1].get<int>(), 2);
        QCOMPARE(written["functions"][0]["x-fn"].get<bool>(), true);
        QCOMPARE(written["apis"][0]["x-api"].get<int>(), 1);
        QCOMPARE(written["apis"][0]["routes"][0]["x-route"].get<std::string>(), std::string("r"));
        QCOMPARE(written["apis"][0]["routes"][0]["integration"]["x-int"].get<int>(), 2);
        QCOMPARE(written["apis"][0]["stages"][0]["x-stage"].get<int>(), 3);
    }

    void wrongTypesAreReportedWithPaths_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("memory as string")
            << QByteArray(
                   R"({"formatVersion":1,"functions":[{"name":"f","runtime":"javascript","handler":"i.h","memoryMB":"big"}]})")
            << "functions[0].memoryMB"
            << "expected an integer, found a string";
        QTest::newRow("fractional timeout")
            << QByteArray(
                   R"({"formatVersion":1,"functions":[{"name":"f","runtime":"javascript","handler":"i.h","timeoutSeconds":1.5}]})")
            << "functions[0].timeoutSeconds"
            << "expected an integer, found a number";
        QTest::newRow("functions not an array")
            << QByteArray(R"({"formatVersion":1,"functions":{}})") << "functions"
            << "expected an array, found an object";
        QTest::newRow("route not an object")
            << QByteArray(R"({"formatVersion":1,"apis":[{"name":"a","type":"http","routes":[3]}]})")
            << "apis[0].routes[0]"
            << "expected an object, found an integer";
        QTest::newRow("unknown api type")
            << QByteArray(R"({"formatVersion":1,"apis":[{"name":"a","type":"graphql"}]})") << "apis[0].type"
            << "unknown value \"graphql\"";
        QTest::newRow("env value not a string")
            << QByteArray(
                   R"({"formatVersion":1,"functions":[{"name":"f","runtime":"javascript","handler":"i.h","environment":{"N":1}}]})")
            << "functions[0].environment.N"
            << "expected a string, found an integer";
        QTest::newRow("missing handler")
            << QByteArray(R"({"formatVersion":1,"functions":[{"name":"f","runtime":"javascript"}]})")
            << "functions[0].handler"
            << "required field is missing";
        QTest::newRow("huge integer")
            << QByteArray(R"({"formatVersion":1,"settings":{"concurrencyLimit":1e12}})")
            << "settings.concurrencyLimit"
            << "out of range";
    }
    void wrongTypesAreReportedWithPaths() {
        QFETCH(QByteArray, text);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto read = projectFromJsonText(text, QStringLiteral("gatehouse.json"));
        QVERIFY(read.readable);
        bool found = false;
        for (const Diagnostic &d : read.diagnostics)
            found = found || (d.isError() && d.path == path && d.message.contains(message));
        QVERIFY2(found, qPrintable(read.diagnostics.isEmpty() ? QStringLiteral("none")
                                                              : read.diagnostics.first().toString()));
    }

    void newerFormatVersionIsRefused() {
        const auto read =
            projectFromJsonText(R"({"formatVersion":2,"functions":[]})", QStringLiteral("gatehouse.json"));
        QVERIFY(!read.readable);
        QCOMPARE(read.diagnostics.size(), 1);
        QCOMPARE(read.diagnostics[0].path, QStringLiteral("formatVersion"));
        QVERIFY(read.diagnostics[0].hint.contains(QStringLiteral("newer Gatehouse")));
    }

    void topLevelMustBeAnObject() {
        const auto read = projectFromJsonText("[1,2]", QStringLiteral("gatehouse.json"));
        QVERIFY(!read.readable);
        QVERIFY(read.diagnostics[0].message.contains(QStringLiteral("JSON object")));
    }
};

QTEST_GUILESS_MAIN(TestProjectJson)
#include "tst_projectjson.moc"
