// Hostile and broken input: every importer answers with a diagnostic (line and column for syntax
// errors, a path for wrong types), never with a crash, a hang or an unbounded allocation.
#include "ExportTestSupport.h"
#include "import/ProjectImporter.h"
#include "import/SourceDocument.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace gatehouse;

namespace {

QByteArray billionLaughs() {
    QByteArray text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 10; ++i) {
        text += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [";
        for (int j = 0; j < 9; ++j)
            text += (j ? ", *a" : "*a") + QByteArray::number(i - 1);
        text += "]\n";
    }
    return "Resources:\n  X:\n    Type: AWS::S3::Bucket\n" + text;
}

QByteArray deepFlow(int depth) {
    return "Resources: " + QByteArray(depth, '[') + QByteArray(depth, ']') + "\n";
}

QByteArray deepBlock(int depth) {
    QByteArray text;
    for (int i = 0; i < depth; ++i)
        text += QByteArray(i * 2, ' ') + "k" + QByteArray::number(i) + ":\n";
    text += QByteArray(depth * 2, ' ') + "v\n";
    return text;
}

const Diagnostic *firstError(const Diagnostics &diagnostics) {
    for (const Diagnostic &d : diagnostics)
        if (d.isError()) return &d;
    return nullptr;
}

} // namespace

class TestImportHostile : public QObject {
    Q_OBJECT
private slots:
    void malformedInputGivesAnErrorWithLineAndColumn_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("unclosed flow sequence")
            << int(ImportFormat::Sam) << QByteArray("Resources:\n  A: [1, 2\n") << 3;
        QTest::newRow("bad indentation")
            << int(ImportFormat::Sam) << QByteArray("Resources:\n  A:\n    Type: x\n   B: y\n") << 4;
        QTest::newRow("tab indentation") << int(ImportFormat::Sam) << QByteArray("Resources:\n\tA: 1\n") << 2;
        // (yaml-cpp 0.7 reads an unterminated quote up to the end of the file instead of failing.)
        QTest::newRow("illegal map value")
            << int(ImportFormat::OpenApi) << QByteArray("openapi: 3.0.0\ninfo: a: b\n") << 2;
        QTest::newRow("json syntax") << int(ImportFormat::OpenApi)
                                     << QByteArray("{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,}\n}") << 3;
        QTest::newRow("json postman")
            << int(ImportFormat::Postman) << QByteArray("{\"info\": {}, \"item\": [}") << 1;
    }
    void malformedInputGivesAnErrorWithLineAndColumn() {
        QFETCH(int, format);
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const ImportResult r = importFile(text, QStringLiteral("broken"), ImportFormat(format));
        QVERIFY(!r.ok());
        const Diagnostic *d = firstError(r.diagnostics);
        QVERIFY(d);
        QCOMPARE(d->file, QStringLiteral("broken"));
        QVERIFY2(d->line == line && d->column > 0, qPrintable(d->toString()));
    }

    void yamlAliasBombStopsAtTheNodeBudget() {
        QElapsedTimer timer;
        timer.start();
        const ImportResult r = importFile(billionLaughs(), QStringLiteral("bomb.yaml"), ImportFormat::Sam);
        QVERIFY(!r.ok());
        QVERIFY2(firstError(r.diagnostics)->message.contains(QLatin1String("alias bomb")),
                 qPrintable(test::describe(r.diagnostics)));
        QVERIFY(firstError(r.diagnostics)->line > 0);
        QVERIFY2(timer.elapsed() < 10000, "the budget must stop the expansion early");
    }

    void deepNestingIsRefused_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("flow 100000") << deepFlow(100000);
        QTest::newRow("block 200") << deepBlock(200);
        QTest::newRow("json 100000") << QByteArray("{\"a\":" + QByteArray(100000, '[') +
                                                   QByteArray(100000, ']') + "}");
    }
    void deepNestingIsRefused() {
        QFETCH(QByteArray, text);
        for (ImportFormat format : {ImportFormat::Sam, ImportFormat::OpenApi, ImportFormat::Postman}) {
            const ImportResult r = importFile(text, QStringLiteral("deep"), format);
            QVERIFY(!r.ok());
            QVERIFY(firstError(r.diagnostics)->line > 0);
        }
    }

    void wrongTypesAreWarningsAtTheirPath_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("path");
        const QByteArray head =
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n";
        QTest::newRow("memory as words")
            << head +
                   "    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      MemorySize: lots\n"
            << "Resources.Fn.Properties.MemorySize";
        QTest::newRow("properties as a string") << head + "    Properties: nope\n"
                                                << "Resources.Fn.Properties";
        QTest::newRow("path as a mapping")
            << head + "    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      Events:\n       "
                      " E:\n          Type: Api\n"
                      "          Properties:\n            Path: {a: 1}\n            Method: get\n"
            << "Resources.Fn.Properties.Events.E.Properties.Path";
        QTest::newRow("timeout as a list")
            << head + "    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      Timeout: [1]\n"
            << "Resources.Fn.Properties.Timeout";
    }
    void wrongTypesAreWarningsAtTheirPath() {
        QFETCH(QByteArray, text);
        QFETCH(QString, path);
        const ImportResult r = importFile(text, QStringLiteral("t.yaml"), ImportFormat::Sam);
        bool found = false;
        for (const Diagnostic &d : r.diagnostics)
            found = found || (d.path == path && d.line > 0);
        QVERIFY2(found, qPrintable(test::describe(r.diagnostics)));
    }

    void structurallyWrongDocumentsAreErrors_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("sam scalar") << int(ImportFormat::Sam) << QByteArray("just text\n");
        QTest::newRow("sam list") << int(ImportFormat::Sam) << QByteArray("- a\n- b\n");
        QTest::newRow("sam resources list") << int(ImportFormat::Sam) << QByteArray("Resources: [1, 2]\n");
        QTest::newRow("empty") << int(ImportFormat::Sam) << QByteArray("  \n\n");
        QTest::newRow("binary junk") << int(ImportFormat::Sam) << QByteArray("\x00\x01\x02\xff\xfe{{{", 9);
        QTest::newRow("openapi list") << int(ImportFormat::OpenApi) << QByteArray("[1, 2]");
        QTest::newRow("openapi no version") << int(ImportFormat::OpenApi) << QByteArray("paths: {}\n");
        QTest::newRow("postman array") << int(ImportFormat::Postman) << QByteArray("[]");
        QTest::newRow("unknown alias") << int(ImportFormat::Sam) << QByteArray("Resources: *nothing\n");
    }
    void structurallyWrongDocumentsAreErrors() {
        QFETCH(int, format);
        QFETCH(QByteArray, text);
        const ImportResult r = importFile(text, QStringLiteral("x"), ImportFormat(format));
        QVERIFY2(!r.ok(), qPrintable(test::describe(r.diagnostics)));
    }

    void oversizedFileIsRefusedBeforeParsing() {
        ImportOptions options;
        options.maxBytes = 1024;
        const ImportResult r =
            importFile(QByteArray(4096, '#'), QStringLiteral("big.yaml"), ImportFormat::Sam, options);
        QVERIFY(!r.ok());
        QVERIFY(firstError(r.diagnostics)->message.contains(QLatin1String("too large")));
    }

    void duplicateKeysAndExtraDocumentsAreWarnings() {
        Diagnostics diagnostics;
        const auto doc =
            parseSourceDocument("a: 1\na: 2\n---\nb: 3\n", QStringLiteral("d.yaml"), diagnostics);
        QVERIFY(doc);
        QCOMPARE(doc->root.at("a"), 2);
        QCOMPARE(diagnostics.size(), 2);
        QVERIFY(!hasErrors(diagnostics));
    }

    void conditionCyclesAndSelfReferencesTerminate() {
        const QByteArray text =
            "Transform: AWS::Serverless-2016-10-31\nConditions:\n  A: !Condition B\n  B: !Condition A\n"
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Condition: A\n    Properties:\n"
            "      Runtime: python3.12\n      Handler: a.b\n      Environment:\n        Variables:\n"
            "          X: !If [A, !Sub '${Fn.Arn}', b]\n";
        const ImportResult r = importFile(text, QStringLiteral("c.yaml"), ImportFormat::Sam);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QCOMPARE(r.project.functions.first().environment.first().value,
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:Fn"));
    }

    void codePathsCannotEscapeTheProjectFolder() {
        const QByteArray text =
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
            "    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      CodeUri: ../../etc\n"
            "  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefinitionUri: "
            "../../etc/passwd\n";
        ImportOptions options;
        options.sourceFolder = test::sourcePath(QStringLiteral("tests/data/import"));
        const ImportResult r = importFile(text, QStringLiteral("escape.yaml"), ImportFormat::Sam, options);
        QCOMPARE(r.project.functions.first().codeUri, QStringLiteral("functions/Fn"));
        for (const ImportedFile &f : r.files)
            QVERIFY2(!f.path.contains(QLatin1String("..")), qPrintable(f.path));
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("Resources.Api.Properties.DefinitionUri"),
                                    QStringLiteral("not beside the template")));
    }

    void deepPostmanFoldersStop() {
        QByteArray text = "{\"info\": {\"name\": \"deep\", \"schema\": \"v2.1.0\"}, \"item\": ";
        for (int i = 0; i < 50; ++i)
            text += "[{\"name\": \"f\", \"item\": ";
        text += "[]";
        for (int i = 0; i < 50; ++i)
            text += "}]";
        text += "}";
        const ImportResult r = importFile(text, QStringLiteral("deep.json"), ImportFormat::Postman);
        QVERIFY(!r.ok()); // 100+ levels exceed the reader's nesting cap before the folder cap
    }
};

QTEST_GUILESS_MAIN(TestImportHostile)
#include "tst_import_hostile.moc"
