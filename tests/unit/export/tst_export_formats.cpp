// The OpenAPI, serverless.yml and Postman exporters: document shapes, API Gateway extensions, and the
// warnings each format gives for what it cannot represent.
#include "ExportTestSupport.h"
#include "export/ProjectExporter.h"
#include "export/serverless/ServerlessExport.h"
#include "import/SourceDocument.h"

#include <QtTest>

using namespace gatehouse;

namespace {

OrderedJson parsed(const ExportedFile &file) {
    Diagnostics diagnostics;
    const auto doc = parseSourceDocument(file.bytes, file.path, diagnostics);
    return doc ? doc->root : OrderedJson();
}

} // namespace

class TestExportFormats : public QObject {
    Q_OBJECT
private slots:
    // --- OpenAPI ---
    void openApiWritesOneDocumentPerHttpOrRestApi() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::OpenApi);
        QVERIFY(r.ok());
        QCOMPARE(r.files.size(), 2);
        QCOMPARE(r.files[0].path, QStringLiteral("hello-http.openapi.yaml"));
        QCOMPARE(r.files[1].path, QStringLiteral("pets-rest.openapi.yaml"));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("apis[2]"),
                                    QStringLiteral("WebSocket API 'chat-ws'")));
    }

    void openApiLambdaIntegrationUsesTheFnSubArnForm() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::OpenApi);
        const OrderedJson doc = parsed(r.files[0]);
        const OrderedJson &op = doc.at("paths").at("/items/{id}").at("get");
        const OrderedJson &integration = op.at("x-amazon-apigateway-integration");
        QCOMPARE(integration.at("type"), "aws_proxy");
        QCOMPARE(integration.at("httpMethod"), "POST");
        QCOMPARE(integration.at("payloadFormatVersion"), "2.0");
        QCOMPARE(integration.at("uri").at("Fn::Sub"),
                 "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                 "${GetItemFunction.Arn}/invocations");
        QCOMPARE(op.at("parameters").at(0).at("name"), "id");
        QCOMPARE(op.at("parameters").at(0).at("in"), "path");
        QCOMPARE(op.at("parameters").at(0).at("required"), true);
        QVERIFY(doc.at("paths").at("/$default").contains("x-amazon-apigateway-any-method"));
        QCOMPARE(doc.at("x-amazon-apigateway-cors").at("maxAge"), 600);
        // Fn::Sub stays a mapping in OpenAPI files: generic YAML tools cannot read !Sub.
        QVERIFY(!r.files[0].bytes.contains("!Sub"));
    }

    void openApiSecuritySchemesCarryTheAuthorizerExtension() {
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::OpenApi);
        const OrderedJson http = parsed(r.files[0]);
        const OrderedJson &schemes = http.at("components").at("securitySchemes");
        QCOMPARE(schemes.at("jwt-auth").at("x-amazon-apigateway-authorizer").at("type"), "jwt");
        QCOMPARE(schemes.at("lambda-auth").at("x-amazon-apigateway-authorizer").at("identitySource"),
                 "$request.header.Authorization, $request.querystring.token");
        QCOMPARE(http.at("paths").at("/items/{id}").at("get").at("security").at(0).at("jwt-auth"),
                 OrderedJson::array({"items:read", "openid"}));
        QCOMPARE(http.at("paths").at("/proxy").at("get").at("x-amazon-apigateway-integration").at("type"),
                 "http_proxy");
        QCOMPARE(http.at("paths")
                     .at("/orders")
                     .at("post")
                     .at("x-amazon-apigateway-integration")
                     .at("requestParameters")
                     .at("overwrite:header.x-source"),
                 "gatehouse");
        const OrderedJson rest = parsed(r.files[1]);
        QCOMPARE(rest.at("x-amazon-apigateway-api-key-source"), "HEADER");
        QCOMPARE(rest.at("x-amazon-apigateway-binary-media-types").at(0), "image/png");
        const OrderedJson &token = rest.at("components").at("securitySchemes").at("token-auth");
        QCOMPARE(token.at("x-amazon-apigateway-authtype"), "custom");
        QCOMPARE(token.at("x-amazon-apigateway-authorizer").at("identitySource"),
                 "method.request.header.X-Token");
        QCOMPARE(token.at("x-amazon-apigateway-authorizer").at("identityValidationExpression"),
                 "^Bearer .+$");
        const OrderedJson &mock = rest.at("paths").at("/reports/{id}").at("delete");
        QCOMPARE(mock.at("x-amazon-apigateway-integration").at("type"), "mock");
        QVERIFY(mock.at("responses").contains("202"));
    }

    void openApiWarnsAboutStagesThrottlingAndKeys_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("stage variables") << "apis[0].stages[0].variables"
                                         << "stage variables";
        QTest::newRow("stage throttling") << "apis[0].stages[0].throttling"
                                          << "throttling";
        QTest::newRow("route throttling") << "apis[0].routes[1].throttling"
                                          << "ANY /{proxy+}";
        QTest::newRow("http mock") << "apis[0].routes[4].integration"
                                   << "no mock integrations";
        QTest::newRow("api keys") << "authorizers[3]"
                                  << "keys and usage plan";
        QTest::newRow("rest cors") << "apis[1].cors"
                                   << "REST API CORS";
        QTest::newRow("websocket") << "apis[2]"
                                   << "WebSocket API 'events-ws'";
    }
    void openApiWarnsAboutStagesThrottlingAndKeys() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::OpenApi);
        QVERIFY2(test::hasDiagnostic(r.diagnostics, path, message),
                 qPrintable(test::describe(r.diagnostics)));
    }

    void openApiJsonOption() {
        ExportOptions options;
        options.openApiJson = true;
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::OpenApi, options);
        QCOMPARE(r.files[0].path, QStringLiteral("hello-http.openapi.json"));
        QVERIFY(r.files[0].bytes.startsWith("{"));
    }

    void openApiWithoutHttpOrRestApiIsAnError() {
        Project p = test::sampleProject();
        p.apis.removeIf([](const Api &a) { return a.type != ApiType::WebSocket; });
        QVERIFY(!exportProject(p, ExportFormat::OpenApi).ok());
    }

    // --- serverless.yml ---
    void serverlessDeclaresFunctionsEventsAndProvider() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Serverless);
        QVERIFY(r.ok());
        QCOMPARE(r.files[0].path, QStringLiteral("serverless.yml"));
        const OrderedJson doc = parsed(r.files[0]);
        QCOMPARE(doc.at("frameworkVersion"), "3");
        QCOMPARE(doc.at("provider").at("httpApi").at("cors").at("allowedOrigins").at(0),
                 "http://localhost:3000");
        QCOMPARE(doc.at("provider").at("apiGateway").at("apiKeys").at(0).at("name"), "sample-client");
        QCOMPARE(doc.at("provider").at("apiGateway").at("usagePlan").at("quota").at("limit"), 1000);
        const OrderedJson &functions = doc.at("functions");
        QCOMPARE(functions.at("hello").at("handler"), "functions/hello/gatehouse-handler.handler");
        QCOMPARE(functions.at("hello").at("events").at(0).at("httpApi").at("path"), "/hello");
        QCOMPARE(functions.at("fallback").at("events").at(0).at("httpApi"), "*");
        QCOMPARE(functions.at("listPets").at("events").at(0).at("http").at("private"), true);
        QCOMPARE(functions.at("onUpload").at("events").at(0).at("s3").at("rules").at(0).at("prefix"),
                 "uploads/");
        QCOMPARE(functions.at("tick").at("events").at(0).at("schedule").at("rate").at(0), "rate(1 minute)");
        QCOMPARE(functions.at("chat").at("events").at(0).at("websocket").at("route"), "$connect");
    }

    void serverlessQueuesAreResourcesWithRedriveAndSqsEvents() {
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::Serverless);
        const OrderedJson doc = parsed(r.files[0]);
        const OrderedJson &queue = doc.at("resources").at("Resources").at("OrdersFifoQueue");
        QCOMPARE(queue.at("Properties").at("RedrivePolicy").at("maxReceiveCount"), 3);
        const OrderedJson &events = doc.at("functions").at("worker").at("events");
        bool sqs = false;
        for (const OrderedJson &e : events)
            if (e.contains("sqs")) {
                sqs = true;
                QCOMPARE(e.at("sqs").at("functionResponseType"), "ReportBatchItemFailures");
                QCOMPARE(e.at("sqs").at("arn"),
                         (OrderedJson{{"Fn::GetAtt", OrderedJson::array({"OrdersFifoQueue", "Arn"})}}));
            }
        QVERIFY(sqs);
        QCOMPARE(
            doc.at("resources").at("Resources").at("EdgeArchiveBucket").at("Properties").at("BucketName"),
            "edge-archive");
        QVERIFY(r.files[0].bytes.contains("arn: !GetAtt OrdersFifoQueue.Arn"));
    }

    void serverlessExistingBucketsOption() {
        ServerlessOptions options;
        options.existingBuckets = true;
        const ExportResult r = exportServerless(test::sampleProject(), {}, options);
        const OrderedJson doc = parsed(r.files[0]);
        QCOMPARE(doc.at("functions").at("onUpload").at("events").at(0).at("s3").at("existing"), true);
    }

    void serverlessWarnsAboutThrottlingStagesAndIntegrations_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("api throttling") << "apis[0].throttling"
                                        << "throttling";
        QTest::newRow("route throttling") << "apis[0].routes[1].throttling"
                                          << "per-route throttling";
        QTest::newRow("stage variables") << "apis[0].stages[0].variables"
                                         << "stage variables";
        QTest::newRow("mock") << "apis[0].routes[4].integration"
                              << "mock integration";
        QTest::newRow("payload 1.0") << "apis[0].routes[0].integration.payloadFormatVersion"
                                     << "payload format 1.0";
        QTest::newRow("renamed function") << "functions[1]"
                                          << "my_authorizer";
        QTest::newRow("second stage") << "apis[2].stages[0]"
                                      << "one stage at a time";
    }
    void serverlessWarnsAboutThrottlingStagesAndIntegrations() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::Serverless);
        QVERIFY2(test::hasDiagnostic(r.diagnostics, path, message),
                 qPrintable(test::describe(r.diagnostics)));
    }

    void serverlessMergesASecondApiOfTheSameKindWithAWarning() {
        Project p = test::sampleProject();
        Api second = p.apis[0];
        second.name = QStringLiteral("second-http");
        p.apis.append(second);
        const ExportResult r = exportProject(p, ExportFormat::Serverless);
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("apis[3]"),
                                    QStringLiteral("merged into 'hello-http'")));
    }

    // --- Postman ---
    void postmanCollectionIsV21WithTestScripts() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Postman);
        QVERIFY(r.ok());
        QCOMPARE(r.files[0].path, QStringLiteral("hello-api.postman_collection.json"));
        QCOMPARE(r.files[1].path, QStringLiteral("hello-api.local.postman_environment.json"));
        const OrderedJson c = OrderedJson::parse(r.files[0].bytes.toStdString());
        QCOMPARE(c.at("info").at("schema"),
                 "https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
        const OrderedJson &echo = c.at("item").at(1);
        QCOMPARE(echo.at("request").at("url"), "{{helloHttp}}/echo");
        QCOMPARE(echo.at("request").at("body").at("raw"), "{\"ping\": \"pong\"}");
        QCOMPARE(echo.at("request").at("body").at("options").at("raw").at("language"), "json");
        const std::string script = echo.at("event").at(0).at("script").at("exec").dump();
        QVERIFY(script.find("pm.response.to.have.status(200)") != std::string::npos);
        QVERIFY(script.find("gatehouse.jsonPath(gatehouse.json(), \\\"$.ping\\\")") != std::string::npos);
        const OrderedJson env = OrderedJson::parse(r.files[1].bytes.toStdString());
        QCOMPARE(env.at("values").at(0).at("key"), "helloHttp");
        QCOMPARE(env.at("_postman_variable_scope"), "environment");
    }

    void postmanFoldersComeFromSlashSeparatedNames() {
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::Postman);
        const OrderedJson c = OrderedJson::parse(r.files[0].bytes.toStdString());
        QCOMPARE(c.at("item").at(0).at("name"), "Items");
        QCOMPARE(c.at("item").at(0).at("item").at(0).at("name"), "Get one");
        QCOMPARE(c.at("item").at(0).at("item").at(1).at("name"), "Admin");
        QCOMPARE(c.at("item").at(0).at("item").at(1).at("item").at(0).at("name"), "Create");
        QCOMPARE(c.at("item").at(1).at("name"), "Plain text");
        QCOMPARE(r.files.size(), 3); // collection + two environments
    }

    void postmanWarnsAboutAssertionsItCannotExpress() {
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::Postman);
        QVERIFY2(test::hasDiagnostic(r.diagnostics, QStringLiteral("requests[0].assertions[6]"),
                                     QStringLiteral("body matches")),
                 qPrintable(test::describe(r.diagnostics)));
    }
};

QTEST_GUILESS_MAIN(TestExportFormats)
#include "tst_export_formats.moc"
