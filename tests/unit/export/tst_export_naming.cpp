// Logical IDs, the names an import derives from them, and the YAML quoting that keeps strings strings.
#include "export/LogicalIds.h"
#include "export/YamlWriter.h"
#include "import/SourceDocument.h"

#include <QtTest>

using namespace gatehouse;

class TestExportNaming : public QObject {
    Q_OBJECT
private slots:
    void pascalCaseIds_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::newRow("kebab") << "hello-http"
                               << "HelloHttp";
        QTest::newRow("camel") << "getItem"
                               << "GetItem";
        QTest::newRow("dots and spaces") << "Every Hour!"
                                         << "EveryHour";
        QTest::newRow("fifo queue") << "orders.fifo"
                                    << "OrdersFifo";
        QTest::newRow("non-ascii dropped") << "café-api"
                                           << "CafApi";
        QTest::newRow("already an id") << "HelloWorldFunction"
                                       << "HelloWorldFunction";
    }
    void pascalCaseIds() {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QCOMPARE(pascalCaseId(name), id);
    }

    void allocatorAddsTheSuffixOnceAndNumbersCollisions() {
        LogicalIdAllocator ids;
        QCOMPARE(ids.allocate(QStringLiteral("hello"), QStringLiteral("Function")),
                 QStringLiteral("HelloFunction"));
        QCOMPARE(ids.allocate(QStringLiteral("HelloFunction"), QStringLiteral("Function")),
                 QStringLiteral("HelloFunction2"));
        QCOMPARE(ids.allocate(QStringLiteral("hello_"), QStringLiteral("Function")),
                 QStringLiteral("HelloFunction3"));
        QCOMPARE(ids.allocate(QString(), QStringLiteral("Bucket")), QStringLiteral("Bucket"));
        QVERIFY(!ids.reserve(QStringLiteral("Bucket")));
    }

    // An imported template's IDs must map back to themselves, so a second export writes them unchanged.
    void importedIdsExportToThemselves() {
        for (const char *id : {"HelloWorldFunction", "ServerlessHttpApi", "MyAuthorizer", "OrdersQueue"}) {
            LogicalIdAllocator ids;
            const QString name = defaultNameForId(NamedKind::Function, QString::fromLatin1(id));
            QCOMPARE(ids.allocate(name, QString()), QString::fromLatin1(id));
        }
        QCOMPARE(defaultNameForId(NamedKind::Bucket, QStringLiteral("UploadBucket")),
                 QStringLiteral("upload-bucket"));
        QCOMPARE(pascalCaseId(QStringLiteral("upload-bucket")), QStringLiteral("UploadBucket"));
    }

    void ambiguousScalarsAreQuoted_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ambiguous");
        for (const char *t : {"",     "yes",  "No",   "on",         "OFF",   "y",     "true",   "False",
                              "null", "~",    "123",  "-4",         "0x1F",  "0o17",  "1.0",    ".5",
                              "1e3",  ".inf", ".NaN", "2024-01-01", "12:30", " lead", "trail ", "<<"})
            QTest::newRow(t[0] ? t : "empty") << QString::fromUtf8(t) << true;
        for (const char *t :
             {"hello", "1.0.0", "v1", "arn:aws:s3:::b", "$default", "rate(1 minute)", "GET /x", "x-api-key"})
            QTest::newRow(t) << QString::fromUtf8(t) << false;
    }
    void ambiguousScalarsAreQuoted() {
        QFETCH(QString, text);
        QFETCH(bool, ambiguous);
        QCOMPARE(yamlPlainScalarIsAmbiguous(text), ambiguous);
    }

    void yamlWriterRoundTripsValuesThroughTheReader() {
        OrderedJson doc = OrderedJson::object();
        doc["strings"] =
            OrderedJson::array({"yes", "1.0", "", "a: b", "#x", "!Ref X", "*a", "&a", "- x", "[1]", "{a}",
                                "line\nbreak", "tab\there", "'q'", "\"dq\"", "%x", "@x", "`x`", "ünï"});
        doc["numbers"] = OrderedJson::array({1, -2, 0.1, 10.0, 1e21});
        doc["booleans"] = OrderedJson::array({true, false});
        doc["null"] = nullptr;
        doc["empty"] = OrderedJson::object();
        doc["emptyList"] = OrderedJson::array();
        doc["intrinsics"] = OrderedJson{
            {"a", {{"Ref", "X"}}},
            {"b", {{"Fn::GetAtt", OrderedJson::array({"F", "Arn"})}}},
            {"c", {{"Fn::Sub", "${X}-y"}}},
            {"d", {{"Fn::Join", OrderedJson::array({"/", OrderedJson::array({"a", {{"Ref", "B"}}})})}}}};
        const QByteArray yaml = toYaml(doc);
        QVERIFY(yaml.contains("a: !Ref X"));
        QVERIFY(yaml.contains("b: !GetAtt F.Arn"));
        Diagnostics diagnostics;
        const auto back = parseSourceDocument(yaml, QStringLiteral("x.yaml"), diagnostics);
        QVERIFY2(back, diagnostics.isEmpty() ? "" : qPrintable(diagnostics.first().toString()));
        QCOMPARE(back->root, doc);
    }
};

QTEST_GUILESS_MAIN(TestExportNaming)
#include "tst_export_naming.moc"
