// Importing AWS SAM templates: fixtures under tests/data/import mirror common public templates
// (sam init's hello world, a multi-API shop with Globals/Parameters/Conditions, the WebSocket chat
// sample, a JSON template with a DefinitionBody).
#include "ExportTestSupport.h"
#include "import/ProjectImporter.h"

#include <QtTest>

using namespace gatehouse;

namespace {

ImportResult importFixture(const QString &name, bool withSourceFolder = true) {
    ImportOptions options;
    if (withSourceFolder) options.sourceFolder = test::sourcePath(QStringLiteral("tests/data/import"));
    return importFile(test::readSource(QStringLiteral("tests/data/import/") + name), name, ImportFormat::Sam,
                      options);
}

const Route *findRoute(const Api &api, const QString &method, const QString &path) {
    for (const Route &r : api.routes)
        if (r.method == method && r.path == path) return &r;
    return nullptr;
}

const QString &envValue(const Function &f, const char *name) {
    static const QString none;
    for (const NameValue &nv : f.environment)
        if (nv.name == QLatin1String(name)) return nv.value;
    return none;
}

} // namespace

class TestImportSam : public QObject {
    Q_OBJECT
private slots:
    void helloWorldMergesGlobalsAndCreatesTheImplicitRestApi() {
        const ImportResult r = importFixture(QStringLiteral("sam-hello-world.yaml"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QCOMPARE(r.project.functions.size(), 1);
        const Function &f = r.project.functions.first();
        QCOMPARE(f.name, QStringLiteral("HelloWorldFunction"));
        QCOMPARE(f.runtime, QStringLiteral("python3.13"));
        QCOMPARE(f.handler, QStringLiteral("app.lambda_handler"));
        QCOMPARE(f.codeUri, QStringLiteral("hello_world"));
        QCOMPARE(f.timeoutSeconds, 3); // from Globals
        QCOMPARE(f.memoryMB, 128);
        QCOMPARE(r.project.apis.size(), 1);
        const Api &api = r.project.apis.first();
        QCOMPARE(api.name, QStringLiteral("ServerlessRestApi"));
        QCOMPARE(api.type, ApiType::Rest);
        QCOMPARE(api.stages.first().name, QStringLiteral("Prod"));
        QVERIFY(findRoute(api, QStringLiteral("GET"), QStringLiteral("/hello")));
        // The code beside the template is copied; LoggingConfig (from Globals) is reported once, at Globals.
        QCOMPARE(r.files.size(), 1);
        QCOMPARE(r.files.first().path, QStringLiteral("hello_world/app.py"));
        QVERIFY(!r.files.first().stub);
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("Globals.Function.LoggingConfig"),
                                    QStringLiteral("LoggingConfig")));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("Outputs"), QStringLiteral("Outputs")));
    }

    void warningsCarryLineAndColumn() {
        const ImportResult r = importFixture(QStringLiteral("sam-hello-world.yaml"));
        for (const Diagnostic &d : r.diagnostics)
            QVERIFY2(d.line > 0 && d.column > 0, qPrintable(d.toString()));
    }

    void withoutTheSourceFolderFunctionsGetStubs() {
        const ImportResult r = importFixture(QStringLiteral("sam-hello-world.yaml"), false);
        QCOMPARE(r.files.size(), 1);
        QVERIFY(r.files.first().stub);
        QCOMPARE(r.files.first().path, QStringLiteral("hello_world/app.py"));
        QVERIFY(r.files.first().bytes.contains("def lambda_handler(event, context):"));
    }

    void shopReadsBothApisWithTheirAuthAndCors() {
        const ImportResult r = importFixture(QStringLiteral("sam-shop.yaml"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        const Project &p = r.project;
        QCOMPARE(p.apis.size(), 3);
        const Api &http = p.apis[0];
        QCOMPARE(http.name, QStringLiteral("ShopHttpApi"));
        QCOMPARE(http.stages.first().name, QStringLiteral("dev")); // !Ref Stage -> its default
        QCOMPARE(http.stages.first().variables.first().value, QStringLiteral("orders"));
        QCOMPARE(http.throttling.burstLimit, std::optional<int>(200));
        QVERIFY(http.cors); // Globals.HttpApi
        QCOMPARE(http.cors->allowOrigins, QStringList{QStringLiteral("https://shop.example.com")});
        // DefaultAuthorizer applies unless the event says NONE.
        QCOMPARE(findRoute(http, QStringLiteral("GET"), QStringLiteral("/products"))->authorizer, QString());
        const Route *get = findRoute(http, QStringLiteral("GET"), QStringLiteral("/products/{id}"));
        QCOMPARE(get->authorizer, QStringLiteral("CognitoJwt"));
        QCOMPARE(get->authorizationScopes, QStringList{QStringLiteral("products/read")});
        const Route *partner = findRoute(http, QStringLiteral("GET"), QStringLiteral("/partner/products"));
        QCOMPARE(partner->authorizer, QStringLiteral("PartnerAuth"));
        QCOMPARE(partner->integration.payloadFormatVersion, QStringLiteral("1.0"));
        QCOMPARE(partner->integration.timeoutMs, std::optional<int>(4000));
        const Authorizer *jwt = p.findAuthorizer(QStringLiteral("CognitoJwt"));
        QCOMPARE(jwt->issuer, QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_abc"));
        QCOMPARE(jwt->audience, QStringList{QStringLiteral("shop-web")});
        const Authorizer *lambda = p.findAuthorizer(QStringLiteral("PartnerAuth"));
        QCOMPARE(lambda->function, QStringLiteral("PartnerAuthFunction"));
        QCOMPARE(lambda->identitySources, QStringList{QStringLiteral("$request.header.x-partner-key")});
        QCOMPARE(lambda->resultTtlSeconds, std::optional<int>(30));
        QVERIFY(lambda->enableSimpleResponses);

        const Api &rest = p.apis[1];
        QCOMPARE(rest.name, QStringLiteral("shop-admin"));
        QCOMPARE(rest.stages.first().name, QStringLiteral("staging")); // !If IsProd with Stage=dev
        QCOMPARE(rest.binaryMediaTypes, QStringList{QStringLiteral("image/png")});
        QCOMPARE(rest.throttling.rateLimit, std::optional<double>(10));
        QCOMPARE(rest.cors->allowOrigins, QStringList{QStringLiteral("*")}); // Globals.Api Cors "'*'"
        QCOMPARE(findRoute(rest, QStringLiteral("GET"), QStringLiteral("/orders"))->authorizer,
                 QStringLiteral("AdminToken"));
        // Api-level ApiKeyRequired: the route without its own auth needs a key of the usage plan.
        QCOMPARE(findRoute(rest, QStringLiteral("POST"), QStringLiteral("/orders/export"))->authorizer,
                 QStringLiteral("admin-plan"));
        const Authorizer *keys = p.findAuthorizer(QStringLiteral("admin-plan"));
        QCOMPARE(keys->type, AuthorizerType::ApiKey);
        QCOMPARE(keys->apiKeys.size(), 1);
        QCOMPARE(keys->apiKeys.first().value, QStringLiteral("back-office-key-0123456789"));
        QCOMPARE(keys->usagePlanQuota->period, QStringLiteral("MONTH"));
        const Authorizer *token = p.findAuthorizer(QStringLiteral("AdminToken"));
        QCOMPARE(token->lambdaType, QStringLiteral("TOKEN"));
        QCOMPARE(token->tokenValidationRegex, QStringLiteral("^Bearer .+"));

        // An HttpApi event without ApiId lands on SAM's implicit ServerlessHttpApi.
        QCOMPARE(p.apis[2].name, QStringLiteral("ServerlessHttpApi"));
        QVERIFY(findRoute(p.apis[2], QStringLiteral("GET"), QStringLiteral("/health")));
    }

    void shopEvaluatesIntrinsicsInFunctionsAndEnvironment() {
        const ImportResult r = importFixture(QStringLiteral("sam-shop.yaml"));
        const Project &p = r.project;
        const Function *list = p.findFunction(QStringLiteral("ListProductsFunction"));
        QCOMPARE(list->memoryMB, 256); // !FindInMap [Sizes, !Ref Stage, Memory]
        QCOMPARE(list->architecture, QStringLiteral("arm64"));
        QCOMPARE(envValue(*list, "STAGE"), QStringLiteral("dev"));
        const Function *create = p.findFunction(QStringLiteral("CreateOrderFunction"));
        QCOMPARE(create->reservedConcurrency, std::optional<int>(10));
        QCOMPARE(envValue(*create, "QUEUE_ARN"),
                 QStringLiteral("arn:aws:sqs:us-east-1:123456789012:OrdersQueue"));
        QCOMPARE(envValue(*create, "BUCKET"), QStringLiteral("receipts-bucket"));
        QCOMPARE(envValue(*create, "REGION_LABEL"), QStringLiteral("orders-us-east-1"));
        QCOMPARE(envValue(*create, "JOINED"), QStringLiteral("a-dev-c"));
        QCOMPARE(envValue(*create, "TABLE_NAME"), QStringLiteral("OrdersTable"));
        QVERIFY(test::hasDiagnostic(
            r.diagnostics,
            QStringLiteral("Resources.CreateOrderFunction.Properties.Environment.Variables.EXTERNAL"),
            QStringLiteral("ImportValue")));
        const Function *auth = p.findFunction(QStringLiteral("PartnerAuthFunction"));
        QCOMPARE(auth->codeUri, QStringLiteral("functions/PartnerAuthFunction"));
        bool inlineWritten = false;
        for (const ImportedFile &f : r.files)
            inlineWritten =
                inlineWritten || (f.path == QLatin1String("functions/PartnerAuthFunction/index.js") &&
                                  f.bytes.contains("isAuthorized"));
        QVERIFY(inlineWritten);
    }

    void shopReadsBucketsQueuesAndSchedules() {
        const ImportResult r = importFixture(QStringLiteral("sam-shop.yaml"));
        const Project &p = r.project;
        QCOMPARE(p.buckets.size(), 1);
        QCOMPARE(p.buckets.first().name, QStringLiteral("receipts-bucket"));
        QVERIFY(p.buckets.first().versioning); // VersioningConfiguration: {Status: Enabled}
        QCOMPARE(p.buckets.first().notifications.first().prefix, QStringLiteral("receipts/"));
        QCOMPARE(p.buckets.first().notifications.first().function, QStringLiteral("ProcessOrderFunction"));
        const Queue *orders = p.findQueue(QStringLiteral("OrdersQueue"));
        QCOMPARE(orders->deadLetterQueue, QStringLiteral("OrdersDlq"));
        QCOMPARE(orders->maxReceiveCount, 4);
        QCOMPARE(orders->visibilityTimeoutSeconds, 60);
        QVERIFY(orders->trigger);
        QCOMPARE(orders->trigger->batchSize, 5);
        QVERIFY(orders->trigger->reportBatchItemFailures);
        QCOMPARE(p.schedules.size(), 1);
        QCOMPARE(p.schedules.first().expression, QStringLiteral("cron(0 3 * * ? *)"));
        QVERIFY(!p.schedules.first().enabled);
        QCOMPARE(p.schedules.first().input, (OrderedJson{{"kind", "nightly"}}));
    }

    void shopNamesEverythingItLeavesOut_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("inline policies") << "Resources.ListProductsFunction.Properties.Policies"
                                         << "Policies";
        QTest::newRow("tracing from globals") << "Globals.Function.Tracing"
                                              << "Tracing";
        QTest::newRow("condition false") << "Resources.ProdOnlyFunction"
                                         << "condition 'IsProd'";
        QTest::newRow("dynamodb event") << "Resources.ProcessOrderFunction.Properties.Events.Stream"
                                        << "DynamoDB";
        QTest::newRow("table resource") << "Resources.OrdersTable"
                                        << "AWS::Serverless::SimpleTable";
        QTest::newRow("table reference from globals") << "Globals.Function.Environment.Variables.TABLE_NAME"
                                                      << "OrdersTable";
    }
    void shopNamesEverythingItLeavesOut() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ImportResult r = importFixture(QStringLiteral("sam-shop.yaml"));
        QVERIFY2(test::hasDiagnostic(r.diagnostics, path, message),
                 qPrintable(test::describe(r.diagnostics)));
    }

    void globalsWarningsAreNotRepeatedPerFunction() {
        const ImportResult r = importFixture(QStringLiteral("sam-shop.yaml"));
        int tracing = 0;
        for (const Diagnostic &d : r.diagnostics)
            tracing += d.message.contains(QLatin1String("Tracing")) ? 1 : 0;
        QCOMPARE(tracing, 1);
    }

    void websocketChatSampleBecomesAWebSocketApi() {
        const ImportResult r = importFixture(QStringLiteral("sam-websocket-chat.yaml"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QCOMPARE(r.project.apis.size(), 1);
        const Api &ws = r.project.apis.first();
        QCOMPARE(ws.type, ApiType::WebSocket);
        QCOMPARE(ws.name, QStringLiteral("SimpleChatWebSocket"));
        QCOMPARE(ws.routeSelectionExpression, QStringLiteral("$request.body.action"));
        QCOMPARE(ws.routes.size(), 3);
        QCOMPARE(ws.routes[0].routeKey, QStringLiteral("$connect"));
        QCOMPARE(ws.routes[0].integration.function, QStringLiteral("OnConnectFunction"));
        QCOMPARE(ws.routes[2].routeKey, QStringLiteral("sendmessage"));
        QCOMPARE(ws.routes[2].integration.function, QStringLiteral("SendMessageFunction"));
        QCOMPARE(ws.stages.first().name, QStringLiteral("Prod"));
        QCOMPARE(envValue(*r.project.findFunction(QStringLiteral("OnConnectFunction")), "TABLE_NAME"),
                 QStringLiteral("simplechat_connections"));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("Resources.ConnectionsTable"),
                                    QStringLiteral("AWS::DynamoDB::Table")));
        // Permissions and the deployment are wiring, read with the routes: no warning about them.
        for (const Diagnostic &d : r.diagnostics)
            QVERIFY2(!d.path.contains(QLatin1String("Permission")) &&
                         !d.path.contains(QLatin1String("Deployment")),
                     qPrintable(d.toString()));
    }

    void definitionBodyRoutesMergeWithEvents() {
        const ImportResult r = importFixture(QStringLiteral("sam-definition-body.json"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        const Api &api = r.project.apis.first();
        QCOMPARE(api.routes.size(), 3);
        QCOMPARE(findRoute(api, QStringLiteral("GET"), QStringLiteral("/books"))->integration.function,
                 QStringLiteral("BooksFunction"));
        const Route *proxy = findRoute(api, QStringLiteral("ANY"), QStringLiteral("/upstream/{proxy+}"));
        QCOMPARE(proxy->integration.type, IntegrationType::HttpProxy);
        QCOMPARE(proxy->integration.url, QStringLiteral("https://upstream.example.com/{proxy}"));
        QVERIFY(findRoute(api, QStringLiteral("GET"), QStringLiteral("/books/search")));
        QCOMPARE(api.cors->allowOrigins, QStringList{QStringLiteral("*")});
    }

    void plainCloudFormationIsReadWithAWarning() {
        const QByteArray text =
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
            "      Handler: index.handler\n      Code:\n        ZipFile: |\n          def handler(e, c):\n"
            "            return 1\n";
        const ImportResult r = importFile(text, QStringLiteral("cfn.yaml"), ImportFormat::Sam);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("Transform"),
                                    QStringLiteral("plain CloudFormation")));
        QCOMPARE(r.project.functions.first().runtime, QStringLiteral("python3.12"));
        QCOMPARE(r.files.first().path, QStringLiteral("functions/Fn/index.py"));
    }

    void templateWithNothingImportableIsAnError() {
        const ImportResult r = importFile(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  T:\n    Type: AWS::DynamoDB::Table\n",
            QStringLiteral("t.yaml"), ImportFormat::Sam);
        QVERIFY(!r.ok());
    }
};

QTEST_GUILESS_MAIN(TestImportSam)
#include "tst_import_sam.moc"
