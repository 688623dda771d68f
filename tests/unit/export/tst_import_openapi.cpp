// Importing OpenAPI 3.0/3.1 (JSON and YAML): routes, API Gateway extensions, function stubs named from
// ARNs, authorizers from security schemes, and mock routes (with warnings) when there is no extension.
#include "ExportTestSupport.h"
#include "import/ProjectImporter.h"

#include <QtTest>

using namespace gatehouse;

namespace {
ImportResult importFixture(const QString &name) {
    return importFile(test::readSource(QStringLiteral("tests/data/import/") + name), name,
                      ImportFormat::OpenApi);
}
} // namespace

class TestImportOpenApi : public QObject {
    Q_OBJECT
private slots:
    void awsHttpApiExportBecomesAnHttpApiWithFunctionsNamedFromTheirArns() {
        const ImportResult r = importFixture(QStringLiteral("openapi-aws-http.json"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        const Project &p = r.project;
        QCOMPARE(p.name, QStringLiteral("orders-http"));
        const Api &api = p.apis.first();
        QCOMPARE(api.type, ApiType::Http);
        QCOMPARE(api.routes.size(), 2);
        QCOMPARE(api.routes[0].path, QStringLiteral("/orders/{orderId}"));
        QCOMPARE(api.routes[0].integration.function, QStringLiteral("get-order"));
        QCOMPARE(api.routes[0].integration.timeoutMs, std::optional<int>(12000));
        QCOMPARE(api.routes[0].authorizer, QStringLiteral("jwt-authorizer"));
        QCOMPARE(api.routes[0].authorizationScopes, QStringList{QStringLiteral("orders/read")});
        QCOMPARE(api.routes[1].path, QStringLiteral("$default"));
        QCOMPARE(api.routes[1].integration.function, QStringLiteral("fallback")); // ":live" alias dropped
        QCOMPARE(api.routes[1].integration.payloadFormatVersion, QStringLiteral("1.0"));
        QCOMPARE(api.cors->maxAgeSeconds, std::optional<int>(3600));
        const Authorizer *lambda = p.findAuthorizer(QStringLiteral("partner-lambda"));
        QCOMPARE(lambda->function, QStringLiteral("partner-auth"));
        QCOMPARE(lambda->identitySources, QStringList{QStringLiteral("$request.header.x-partner")});
        QVERIFY(lambda->enableSimpleResponses);
        QCOMPARE(p.findAuthorizer(QStringLiteral("jwt-authorizer"))->issuer,
                 QStringLiteral("https://auth.example.com"));
        // A stub per function, so the imported project runs at once.
        QCOMPARE(p.functions.size(), 3);
        QCOMPARE(r.files.size(), 3);
        for (const ImportedFile &f : r.files) {
            QVERIFY(f.stub);
            QVERIFY(f.bytes.contains("statusCode: 501"));
        }
        QCOMPARE(p.findFunction(QStringLiteral("get-order"))->runtime, QStringLiteral("javascript"));
    }

    void restDocumentIn31WithTokenAuthorizerKeysAndMock() {
        const ImportResult r = importFixture(QStringLiteral("openapi-rest-3.1.yaml"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        const Api &api = r.project.apis.first();
        QCOMPARE(api.type, ApiType::Rest);
        QCOMPARE(api.stages.first().name, QStringLiteral("dev"));
        QCOMPARE(api.binaryMediaTypes,
                 (QStringList{QStringLiteral("image/png"), QStringLiteral("image/jpeg")}));
        QCOMPARE(api.routes[0].integration.function,
                 QStringLiteral("ImagesFunction")); // from ${ImagesFunction.Arn}
        QCOMPARE(api.routes[0].authorizer, QStringLiteral("token"));
        const Integration &mock = api.routes[1].integration;
        QCOMPARE(mock.type, IntegrationType::Mock);
        QCOMPARE(mock.mockStatusCode, 200);
        QCOMPARE(mock.mockBody, QStringLiteral("{\"ok\": true}"));
        QCOMPARE(mock.mockHeaders.first().name, QStringLiteral("x-mode"));
        QCOMPARE(mock.mockHeaders.first().value, QStringLiteral("mock"));
        const Authorizer *token = r.project.findAuthorizer(QStringLiteral("token"));
        QCOMPARE(token->lambdaType, QStringLiteral("TOKEN"));
        QCOMPARE(token->identitySources, QStringList{QStringLiteral("$request.header.Authorization")});
        QCOMPARE(token->tokenValidationRegex, QStringLiteral("^Bearer .+"));
        QCOMPARE(r.project.findAuthorizer(QStringLiteral("keys"))->type, AuthorizerType::ApiKey);
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("components.securitySchemes.keys"),
                                    QStringLiteral("without keys")));
    }

    void plainOpenApiGetsMockRoutesAndAWarningEach() {
        const ImportResult r = importFixture(QStringLiteral("openapi-petstore.yaml"));
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        const Api &api = r.project.apis.first();
        QCOMPARE(api.name, QStringLiteral("Swagger Petstore"));
        QCOMPARE(api.routes.size(), 3);
        QCOMPARE(api.routes[0].integration.type, IntegrationType::Mock);
        QCOMPARE(api.routes[0].integration.mockBody, QStringLiteral("[{\"id\":1,\"name\":\"Rex\"}]"));
        QCOMPARE(api.routes[1].integration.mockStatusCode, 201);
        QCOMPARE(api.routes[1].authorizer, QStringLiteral("petstore_auth"));
        QCOMPARE(api.routes[2].path, QStringLiteral("/pets/{petId}"));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("paths./pets.get"),
                                    QStringLiteral("mock integration answering 200")));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("paths./pets.post"),
                                    QStringLiteral("answering 201")));
        const Authorizer *oidc = r.project.findAuthorizer(QStringLiteral("petstore_auth"));
        QCOMPARE(oidc->type, AuthorizerType::Jwt);
        QCOMPARE(oidc->issuer, QStringLiteral("https://auth.example.com"));
        // YAML positions point at the operation.
        for (const Diagnostic &d : r.diagnostics)
            QVERIFY2(d.line > 0, qPrintable(d.toString()));
    }

    void swaggerTwoIsRefusedWithAHint() {
        const ImportResult r = importFile("{\"swagger\": \"2.0\", \"paths\": {}}", QStringLiteral("s.json"),
                                          ImportFormat::OpenApi);
        QVERIFY(!r.ok());
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("swagger"), QStringLiteral("Swagger 2.0"),
                                    Diagnostic::Severity::Error));
    }

    void referenceCyclesEndWithAWarning() {
        const QByteArray text =
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: '#/paths/~1b'\n"
            "  /b:\n    $ref: '#/paths/~1a'\n";
        const ImportResult r = importFile(text, QStringLiteral("cycle.yaml"), ImportFormat::OpenApi);
        QVERIFY(r.ok());
        QVERIFY(r.project.apis.first().routes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportOpenApi)
#include "tst_import_openapi.moc"
