// Importing Postman collections (v2.1) and environments: folders flattened, variables as environments,
// test scripts back to assertions, and warnings for what saved requests cannot hold.
#include "ExportTestSupport.h"
#include "export/ProjectExporter.h"
#include "import/ProjectImporter.h"
#include "import/postman/PostmanScriptParser.h"

#include <QtTest>

using namespace gatehouse;

class TestImportPostman : public QObject {
    Q_OBJECT
private slots:
    void collectionAndEnvironmentMergeIntoOneProject() {
        const QList<ImportSource> sources = {
            {QStringLiteral("postman-store.postman_collection.json"),
             test::readSource(QStringLiteral("tests/data/import/postman-store.postman_collection.json"))},
            {QStringLiteral("postman-store.staging.postman_environment.json"),
             test::readSource(
                 QStringLiteral("tests/data/import/postman-store.staging.postman_environment.json"))}};
        const ImportResult r = importFiles(sources, ImportFormat::Postman);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        const Project &p = r.project;
        QCOMPARE(p.name, QStringLiteral("Store API"));
        QCOMPARE(p.description, QStringLiteral("Requests for the store"));
        QCOMPARE(p.requests.size(), 6);
        const SavedRequest &list = p.requests[0];
        QCOMPARE(list.name, QStringLiteral("Products / List products"));
        QCOMPARE(list.url, QStringLiteral("{{baseUrl}}/products?limit=10"));
        QCOMPARE(list.headers.size(), 1); // the disabled one is left out
        QCOMPARE(list.assertions.size(), 4);
        QCOMPARE(list.assertions[1].kind, QStringLiteral("jsonPath"));
        QCOMPARE(list.assertions[1].target, QStringLiteral("$.items[0].name"));
        QCOMPARE(list.assertions[1].expected, QStringLiteral("apple"));
        QCOMPARE(list.assertions[2].kind, QStringLiteral("time"));
        const SavedRequest &create = p.requests[1];
        QCOMPARE(create.name, QStringLiteral("Products / Admin / Create product"));
        QCOMPARE(create.url, QStringLiteral("{{baseUrl}}/products"));
        QVERIFY(create.body.contains("kiwi"));
        QCOMPARE(create.headers.last().value, QStringLiteral("Bearer {{adminToken}}"));
        QCOMPARE(p.requests[2].body, QStringLiteral("user=ann&pass=s%26cret"));
        QCOMPARE(p.requests[4].body,
                 QStringLiteral("{\"query\":\"{ products { name } }\",\"variables\":{\"n\":1}}"));
        QCOMPARE(p.requests[5].url, QStringLiteral("{{baseUrl}}/ping"));
        QCOMPARE(p.environments.size(), 2);
        QCOMPARE(p.environments[0].name, QStringLiteral("Store API variables"));
        QCOMPARE(p.environments[1].name, QStringLiteral("staging"));
        QCOMPARE(p.environments[1].variables.size(), 1);
    }

    void whatRequestsCannotHoldIsNamed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("folder prerequest") << "item[0].event[0]"
                                           << "pre-request script";
        QTest::newRow("disabled header") << "item[0].item[0].request.header[1]"
                                         << "X-Debug";
        QTest::newRow("snapshot test") << "item[0].item[0].event[0]"
                                       << "matchSnapshot";
        QTest::newRow("form data") << "item[2].request.body"
                                   << "formdata";
        QTest::newRow("aws auth") << "item[2].request.auth"
                                  << "awsv4";
    }
    void whatRequestsCannotHoldIsNamed() {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const ImportResult r = importFile(
            test::readSource(QStringLiteral("tests/data/import/postman-store.postman_collection.json")),
            QStringLiteral("c.json"), ImportFormat::Postman);
        QVERIFY2(test::hasDiagnostic(r.diagnostics, path, message),
                 qPrintable(test::describe(r.diagnostics)));
    }

    void generatedScriptsParseBackToTheSameAssertions() {
        const Project edge = test::edgeProject();
        const ExportResult exported = exportProject(edge, ExportFormat::Postman);
        const ImportResult back =
            importFile(exported.files.first().bytes, exported.files.first().path, ImportFormat::Postman);
        QVERIFY2(back.ok(), qPrintable(test::describe(back.diagnostics)));
        QCOMPARE(back.project.requests.size(), edge.requests.size());
        QCOMPARE(back.project.requests[0].name, edge.requests[0].name);
        QList<RequestAssertion> expected = edge.requests[0].assertions;
        expected.removeLast(); // "body matches" has no Postman form (a warning on export)
        QCOMPARE(back.project.requests[0].assertions, expected);
        QCOMPARE(back.project.requests[1].assertions, edge.requests[1].assertions);
    }

    void handWrittenSnippetsAreRecognised() {
        const ParsedScript parsed = parsePostmanTestScript(
            {QStringLiteral("pm.test('ok', () => pm.expect(pm.response.code).to.equal(201));"),
             QStringLiteral("const responseJson = pm.response.json();"),
             QStringLiteral("pm.expect(responseJson.user['first name']).to.include('Ann');"),
             QStringLiteral("pm.expect(pm.response.headers.get('Content-Type')).to.eql('application/json');"),
             QStringLiteral("tests['legacy'] = responseCode.code === 200;")});
        QCOMPARE(parsed.assertions.size(), 3);
        QCOMPARE(parsed.assertions[0].expected, QStringLiteral("201"));
        QCOMPARE(parsed.assertions[1].target, QStringLiteral("$.user['first name']"));
        QCOMPARE(parsed.assertions[1].op, QStringLiteral("contains"));
        QCOMPARE(parsed.assertions[2].target, QStringLiteral("Content-Type"));
        QCOMPARE(parsed.unrecognised.size(), 1);
    }

    void neitherCollectionNorEnvironmentIsAnError() {
        const ImportResult r = importFile("{\"hello\": 1}", QStringLiteral("x.json"), ImportFormat::Postman);
        QVERIFY(!r.ok());
    }
};

QTEST_GUILESS_MAIN(TestImportPostman)
#include "tst_import_postman.moc"
