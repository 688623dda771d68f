// The AWS SAM exporter: what the template holds for the sample and the edge-case project, the
// generated wrappers, and the named warnings for everything SAM cannot represent.
#include "ExportTestSupport.h"
#include "export/JavaScriptWrapper.h"
#include "export/ProjectExporter.h"
#include "import/ProjectImporter.h"
#include "import/SourceDocument.h"

#include <QtTest>

using namespace gatehouse;

namespace {

OrderedJson parsedTemplate(const ExportResult &result) {
    Diagnostics diagnostics;
    const auto doc =
        parseSourceDocument(result.files.first().bytes, QStringLiteral("template.yaml"), diagnostics);
    return doc ? doc->root : OrderedJson();
}

const OrderedJson &resource(const OrderedJson &doc, const char *id) {
    return doc.at("Resources").at(id);
}

} // namespace

class TestExportSam : public QObject {
    Q_OBJECT
private slots:
    void sampleExportsTemplateFirstThenOneWrapperPerEmbeddedFunction() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Sam);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QCOMPARE(r.files.first().path, QStringLiteral("template.yaml"));
        QStringList wrappers;
        for (const ExportedFile &f : r.files)
            if (f.kind == ExportedFile::Kind::Generated) wrappers.append(f.path);
        QCOMPARE(wrappers, (QStringList{QStringLiteral("functions/hello/gatehouse-handler.cjs"),
                                        QStringLiteral("functions/items/gatehouse-handler.cjs"),
                                        QStringLiteral("functions/fallback/gatehouse-handler.cjs"),
                                        QStringLiteral("functions/tick/gatehouse-handler.cjs")}));
        QVERIFY(r.files.size() == 5); // no code copies without a project folder
    }

    void embeddedFunctionRunsAsNode20WithTheWrapperAndKeepsItsHandlerInMetadata() {
        const OrderedJson doc = parsedTemplate(exportProject(test::sampleProject(), ExportFormat::Sam));
        const OrderedJson &hello = resource(doc, "HelloFunction").at("Properties");
        QCOMPARE(hello.at("Runtime"), "nodejs20.x");
        QCOMPARE(hello.at("Handler"), "gatehouse-handler.handler");
        QCOMPARE(hello.at("CodeUri"), "functions/hello");
        QCOMPARE(hello.at("Architectures"), OrderedJson::array({"arm64"}));
        QCOMPARE(hello.at("Environment").at("Variables").at("GREETING"), "hello");
        QCOMPARE(doc.at("Metadata").at("Gatehouse").at("EmbeddedJavaScript").at("HelloFunction"),
                 "index.handler");
        QCOMPARE(doc.at("Metadata").at("Gatehouse").at("Names").at("HelloFunction"), "hello");
        QCOMPARE(resource(doc, "EchoFunction").at("Properties").at("Runtime"), "nodejs20.x");
        QCOMPARE(resource(doc, "EchoFunction").at("Properties").at("Handler"), "index.handler");
        QCOMPARE(resource(doc, "OnUploadFunction").at("Properties").at("ReservedConcurrentExecutions"), 2);
    }

    void routesBecomeHttpApiAndApiEventsWithShortFormReferences() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Sam);
        const QByteArray yaml = r.files.first().bytes;
        QVERIFY(yaml.contains("ApiId: !Ref HelloHttpApi"));
        QVERIFY(yaml.contains("RestApiId: !Ref PetsRestApi"));
        QVERIFY(yaml.contains("Queue: !GetAtt") == false); // the sample has no queue
        const OrderedJson doc = parsedTemplate(r);
        const OrderedJson &events = resource(doc, "GetItemFunction").at("Properties").at("Events");
        QCOMPARE(events.at("GetItemsId").at("Type"), "HttpApi");
        QCOMPARE(events.at("GetItemsId").at("Properties").at("Path"), "/items/{id}");
        // The $default route is an HttpApi event without Path and Method (SAM spec).
        const OrderedJson &fallback =
            resource(doc, "FallbackFunction").at("Properties").at("Events").at("Default");
        QVERIFY(!fallback.at("Properties").contains("Path"));
        const OrderedJson &pets =
            resource(doc, "ListPetsFunction").at("Properties").at("Events").at("GetPets");
        QCOMPARE(pets.at("Type"), "Api");
        QCOMPARE(pets.at("Properties").at("Auth").at("ApiKeyRequired"), true);
    }

    void apiKeysAndUsagePlanUseSamsGeneratedPlan() {
        const OrderedJson doc = parsedTemplate(exportProject(test::sampleProject(), ExportFormat::Sam));
        const OrderedJson &plan = resource(doc, "PetsRestApi").at("Properties").at("Auth").at("UsagePlan");
        QCOMPARE(plan.at("CreateUsagePlan"), "PER_API");
        QCOMPARE(plan.at("UsagePlanName"), "pets-keys");
        QCOMPARE(plan.at("Quota").at("Limit"), 1000);
        QCOMPARE(resource(doc, "PetsKeysSampleClientApiKey").at("Properties").at("Value"),
                 "gatehouse-sample-key-0123456789");
        const OrderedJson &link = resource(doc, "PetsRestApiSampleClientUsagePlanKey").at("Properties");
        QCOMPARE(link.at("UsagePlanId"), (OrderedJson{{"Ref", "PetsRestApiUsagePlan"}}));
    }

    void webSocketApiIsPlainApiGatewayV2WithPermissionAndStage() {
        const OrderedJson doc = parsedTemplate(exportProject(test::sampleProject(), ExportFormat::Sam));
        QCOMPARE(resource(doc, "ChatWsApi").at("Properties").at("ProtocolType"), "WEBSOCKET");
        const OrderedJson &route = resource(doc, "ChatWsApiConnectRoute").at("Properties");
        QCOMPARE(route.at("RouteKey"), "$connect");
        QCOMPARE(route.at("Target").at("Fn::Join").at(1).at(1),
                 (OrderedJson{{"Ref", "ChatWsApiConnectIntegration"}}));
        const OrderedJson &integration = resource(doc, "ChatWsApiConnectIntegration").at("Properties");
        QCOMPARE(integration.at("IntegrationUri").at("Fn::Sub"),
                 "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                 "${ChatFunction.Arn}/invocations");
        QCOMPARE(resource(doc, "ChatWsApiChatFunctionPermission").at("Type"), "AWS::Lambda::Permission");
        QCOMPARE(resource(doc, "ChatWsApiDevStage").at("Properties").at("StageName"), "dev");
        QCOMPARE(resource(doc, "ChatWsApiDeployment").at("DependsOn").size(), 3u);
    }

    void outputsNameEveryEndpointWithSub() {
        const OrderedJson doc = parsedTemplate(exportProject(test::sampleProject(), ExportFormat::Sam));
        QCOMPARE(doc.at("Outputs").at("HelloHttpApiUrl").at("Value").at("Fn::Sub"),
                 "https://${HelloHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/");
        QCOMPARE(doc.at("Outputs").at("PetsRestApiUrl").at("Value").at("Fn::Sub"),
                 "https://${PetsRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev");
        QCOMPARE(doc.at("Outputs").at("ChatWsApiDevUrl").at("Value").at("Fn::Sub"),
                 "wss://${ChatWsApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev");
    }

    void sampleWarningsNameTheEmbeddedRuntimeAndTheSavedRequests() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Sam);
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("functions[0].runtime"),
                                    QStringLiteral("nodejs20.x")));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("functions[0].runtime"),
                                    QStringLiteral("AWS SAM")));
        QVERIFY(
            test::hasDiagnostic(r.diagnostics, QStringLiteral("requests"), QStringLiteral("saved request")));
        QVERIFY(
            test::hasDiagnostic(r.diagnostics, QStringLiteral("environments"), QStringLiteral("AWS SAM")));
        for (const Diagnostic &d : r.diagnostics)
            QCOMPARE(d.file, QStringLiteral("gatehouse.json"));
    }

    void edgeProjectWarnsAboutEachFeatureSamCannotHold_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("mock route") << "apis[0].routes[4].integration"
                                    << "mock integration of route 'GET /health'";
        QTest::newRow("http proxy route") << "apis[0].routes[3].integration"
                                          << "HTTP proxy integration";
        QTest::newRow("rest mock route") << "apis[1].routes[2].integration"
                                         << "mock integration";
        QTest::newRow("second stage") << "apis[0].stages[1]"
                                      << "stage 'beta' is not exported";
        QTest::newRow("access log") << "apis[0].stages[0].accessLogFormat"
                                    << "access logging";
        QTest::newRow("custom domain") << "apis[0].customDomains[0]"
                                       << "api.example.com";
        QTest::newRow("api throttling replaced") << "apis[0].throttling"
                                                 << "API-wide throttling";
        QTest::newRow("jwks uri") << "authorizers[0].jwksUri"
                                  << "jwksUri";
        QTest::newRow("unused authorizer") << "authorizers[4]"
                                           << "used by no route";
        QTest::newRow("parameter mapping") << "apis[0].routes[2].integration.requestParameters"
                                           << "parameter mappings";
        QTest::newRow("websocket mock") << "apis[2].routes[3].integration"
                                        << "WebSocket route 'ping'";
        QTest::newRow("unknown field") << ""
                                       << "futureField";
        QTest::newRow("embedded runtime") << "functions[0].runtime"
                                          << "gatehouse-handler.cjs";
    }
    void edgeProjectWarnsAboutEachFeatureSamCannotHold() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::Sam);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QVERIFY2(test::hasDiagnostic(r.diagnostics, path, message),
                 qPrintable(test::describe(r.diagnostics)));
    }

    void edgeProjectKeepsWhatSamCanHold() {
        const OrderedJson doc = parsedTemplate(exportProject(test::edgeProject(), ExportFormat::Sam));
        const OrderedJson &http = resource(doc, "PublicHttpApi").at("Properties");
        QCOMPARE(
            http.at("Auth").at("Authorizers").at("JwtAuthAuthorizer").at("JwtConfiguration").at("issuer"),
            "https://issuer.example.com/");
        QCOMPARE(
            http.at("Auth").at("Authorizers").at("LambdaAuthAuthorizer").at("Identity").at("QueryStrings"),
            OrderedJson::array({"token"}));
        QCOMPARE(http.at("CorsConfiguration").at("AllowCredentials"), true);
        QCOMPARE(http.at("DefaultRouteSettings").at("ThrottlingBurstLimit"), 50);
        const OrderedJson &rest = resource(doc, "AdminRestApi").at("Properties");
        QCOMPARE(rest.at("BinaryMediaTypes").at(0), "image~1png");
        QCOMPARE(rest.at("Cors").at("AllowOrigin"), "'https://admin.example'");
        QCOMPARE(rest.at("Auth").at("Authorizers").at("TokenAuthAuthorizer").at("Identity").at("Header"),
                 "X-Token");
        QCOMPARE(rest.at("MethodSettings").at(1).at("ResourcePath"), "/reports~1{id}~1export");
        const OrderedJson &queue = resource(doc, "OrdersFifoQueue").at("Properties");
        QCOMPARE(queue.at("RedrivePolicy").at("deadLetterTargetArn"),
                 (OrderedJson{{"Fn::GetAtt", OrderedJson::array({"OrdersDlqFifoQueue", "Arn"})}}));
        QCOMPARE(
            resource(doc, "WorkerFunction").at("Properties").at("DeadLetterQueue"),
            (OrderedJson{{"Type", "SQS"},
                         {"TargetArn", {{"Fn::GetAtt", OrderedJson::array({"FailedEventsQueue", "Arn"})}}}}));
        // EventInvokeConfig (sam-property-function-eventinvokeconfiguration.html).
        const OrderedJson &invokeConfig =
            resource(doc, "WorkerFunction").at("Properties").at("EventInvokeConfig");
        QCOMPARE(invokeConfig.at("MaximumRetryAttempts"), 1);
        QCOMPARE(invokeConfig.at("MaximumEventAgeInSeconds"), 3600);
        QCOMPARE(
            invokeConfig.at("DestinationConfig").at("OnSuccess"),
            (OrderedJson{{"Type", "Lambda"},
                         {"Destination", {{"Fn::GetAtt", OrderedJson::array({"CustomFunction", "Arn"})}}}}));
        QCOMPARE(invokeConfig.at("DestinationConfig").at("OnFailure"),
                 (OrderedJson{
                     {"Type", "SQS"},
                     {"Destination", {{"Fn::GetAtt", OrderedJson::array({"FailedEventsQueue", "Arn"})}}}}));
        const OrderedJson &worker = resource(doc, "WorkerFunction").at("Properties").at("Events");
        QCOMPARE(worker.at("NightlyReportSchedule").at("Type"), "ScheduleV2");
        QCOMPARE(worker.at("NightlyReportSchedule").at("Properties").at("ScheduleExpressionTimezone"),
                 "Europe/Berlin");
        QCOMPARE(worker.at("OrdersFifoQueueMessages").at("Properties").at("Enabled"), false);
        QCOMPARE(resource(doc, "ApiHandlerFunction").at("Properties").at("CodeUri"), ".");
        QCOMPARE(resource(doc, "EventsWsApiConnectRoute").at("Properties").at("AuthorizationType"), "CUSTOM");
        QCOMPARE(resource(doc, "EventsWsApiDefaultRouteResponse").at("Properties").at("RouteResponseKey"),
                 "$default");
        QCOMPARE(doc.at("Metadata").at("Gatehouse").at("Names").at("EveryHourSchedule"), "Every Hour!");
    }

    // Strings YAML would read as numbers, booleans, dates or tags stay strings.
    void environmentValuesSurviveYamlAsTheExactStrings() {
        const Project project = test::edgeProject();
        const OrderedJson doc = parsedTemplate(exportProject(project, ExportFormat::Sam));
        const OrderedJson &variables =
            resource(doc, "ApiHandlerFunction").at("Properties").at("Environment").at("Variables");
        for (const NameValue &nv : project.functions.first().environment) {
            const OrderedJson &value = variables.at(nv.name.toStdString());
            QVERIFY2(value.is_string(), qPrintable(nv.name));
            QCOMPARE(QString::fromStdString(value.get<std::string>()), nv.value);
        }
    }

    void exportIsDeterministic() {
        const Project project = test::edgeProject();
        QCOMPARE(exportProject(project, ExportFormat::Sam).files.first().bytes,
                 exportProject(project, ExportFormat::Sam).files.first().bytes);
    }

    void projectFolderAddsTheCodeNextToTheTemplate() {
        ExportOptions options;
        options.projectFolder = test::samplePath();
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Sam, options);
        const ExportedFile *code = r.file(QStringLiteral("functions/pets/app.py"));
        QVERIFY(code);
        QCOMPARE(code->kind, ExportedFile::Kind::Code);
        QVERIFY(code->bytes.contains("def lambda_handler"));
    }

    void missingCodeFolderIsAWarningNotAFailure() {
        Project p;
        p.name = QStringLiteral("p");
        Function f;
        f.name = QStringLiteral("f");
        f.runtime = QStringLiteral("nodejs20.x");
        f.codeUri = QStringLiteral("nowhere");
        p.functions.append(f);
        QTemporaryDir dir;
        ExportOptions options;
        options.projectFolder = dir.path();
        const ExportResult r = exportProject(p, ExportFormat::Sam, options);
        QVERIFY(r.ok());
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("functions[0].codeUri"),
                                    QStringLiteral("not copied")));
    }

    void emptyProjectIsAnError() {
        Project p;
        p.name = QStringLiteral("empty");
        const ExportResult r = exportProject(p, ExportFormat::Sam);
        QVERIFY(!r.ok());
        QVERIFY(hasErrors(r.diagnostics));
    }

    void embeddedFunctionsSharingAFolderGetOneWrapperEach() {
        Project p;
        p.name = QStringLiteral("shared");
        for (const char *handler : {"index.first", "index.second", "index.first"}) {
            Function f;
            f.name = QString::fromLatin1(handler).section(QLatin1Char('.'), 1) +
                     QString::number(p.functions.size());
            f.handler = QString::fromLatin1(handler);
            f.codeUri = QStringLiteral("src");
            p.functions.append(f);
        }
        const ExportResult r = exportProject(p, ExportFormat::Sam);
        QVERIFY(
            r.file(QStringLiteral("src/gatehouse-handler.cjs"))->bytes.contains("const MEMBER = \"first\";"));
        QVERIFY(r.file(QStringLiteral("src/gatehouse-handler-2.cjs"))
                    ->bytes.contains("const MEMBER = \"second\";"));
        QCOMPARE(r.files.size(), 3); // the third function reuses the first wrapper
        const OrderedJson doc = parsedTemplate(r);
        QCOMPARE(resource(doc, "Second1Function").at("Properties").at("Handler"),
                 "gatehouse-handler-2.handler");
        QCOMPARE(resource(doc, "First2Function").at("Properties").at("Handler"), "gatehouse-handler.handler");
        const ImportResult back = importFile(r.files.first().bytes, r.files.first().path, ImportFormat::Sam);
        QCOMPARE(back.project.functions[1].runtime, QStringLiteral("javascript"));
        QCOMPARE(back.project.functions[1].handler, QStringLiteral("index.second"));
    }

    void wrapperPointsAtTheHandlersModuleAndMember() {
        const QByteArray source = javaScriptWrapperSource(QStringLiteral("src/app.handlers.main"));
        QVERIFY(source.contains("const MODULE = \"./src/app\";"));
        QVERIFY(source.contains("const MEMBER = \"handlers.main\";"));
        QVERIFY(source.contains("exports.handler = async function"));
    }
};

QTEST_GUILESS_MAIN(TestExportSam)
#include "tst_export_sam.moc"
