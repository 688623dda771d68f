// Telling an import's format from the file: the keys each format requires decide, and a file that
// does not parse or is none of them says why (with line and column for syntax errors).
#include "ExportTestSupport.h"
#include "import/ImportFormatDetection.h"

#include <QtTest>

using namespace gatehouse;

Q_DECLARE_METATYPE(gatehouse::ImportFormat)

class TestImportDetection : public QObject {
    Q_OBJECT
private slots:
    void fixturesAreRecognised_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<ImportFormat>("format");
        QTest::newRow("sam yaml") << "sam-shop.yaml" << ImportFormat::Sam;
        QTest::newRow("sam hello world") << "sam-hello-world.yaml" << ImportFormat::Sam;
        QTest::newRow("sam json") << "sam-definition-body.json" << ImportFormat::Sam;
        QTest::newRow("openapi json") << "openapi-aws-http.json" << ImportFormat::OpenApi;
        QTest::newRow("openapi 3.1 yaml") << "openapi-rest-3.1.yaml" << ImportFormat::OpenApi;
        QTest::newRow("postman collection")
            << "postman-store.postman_collection.json" << ImportFormat::Postman;
        QTest::newRow("postman environment")
            << "postman-store.staging.postman_environment.json" << ImportFormat::Postman;
    }
    void fixturesAreRecognised() {
        QFETCH(QString, fixture);
        QFETCH(ImportFormat, format);
        const DetectedImportFormat detected =
            detectImportFormat(test::readSource(QStringLiteral("tests/data/import/") + fixture), fixture);
        QCOMPARE(detected.format, std::optional(format));
        QVERIFY(detected.diagnostics.isEmpty());
    }

    void swaggerAndBareCollectionsAreRecognised() {
        QCOMPARE(detectImportFormat("swagger: '2.0'\ninfo: {title: x}\n", QStringLiteral("a.yaml")).format,
                 std::optional(ImportFormat::OpenApi));
        QCOMPARE(detectImportFormat("{\"info\": {\"name\": \"x\"}, \"item\": []}", QStringLiteral("c.json"))
                     .format,
                 std::optional(ImportFormat::Postman));
    }

    void brokenYamlGivesItsLineAndColumn() {
        const DetectedImportFormat detected =
            detectImportFormat("Resources:\n  Fn:\n    Type: [x\n", QStringLiteral("template.yaml"));
        QVERIFY(!detected.format);
        QCOMPARE(detected.diagnostics.size(), 1);
        QVERIFY(detected.diagnostics.first().isError());
        QCOMPARE(detected.diagnostics.first().file, QStringLiteral("template.yaml"));
        QVERIFY(detected.diagnostics.first().line > 0);
    }

    void otherFilesAreNamedAsNoneOfTheFormats() {
        const DetectedImportFormat detected =
            detectImportFormat("{\"name\": \"app\", \"version\": \"1.0.0\"}", QStringLiteral("package.json"));
        QVERIFY(!detected.format);
        QCOMPARE(detected.diagnostics.size(), 1);
        QVERIFY(detected.diagnostics.first().message.contains(QStringLiteral("not an AWS SAM template")));
        QVERIFY(!detectImportFormat("", QStringLiteral("empty.yaml")).diagnostics.isEmpty());
        QVERIFY(!detectImportFormat("- a\n- b\n", QStringLiteral("list.yaml")).format);
    }
};

QTEST_GUILESS_MAIN(TestImportDetection)
#include "tst_import_detection.moc"
