// Reading hostile or broken bytes as JSON: clear errors with line and column, never a crash.
#include "TestSupport.h"
#include "io/JsonText.h"
#include "io/ProjectFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestJsonText : public QObject {
    Q_OBJECT
private slots:
    void syntaxErrorReportsLineAndColumn_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        // The column points at the last character of the offending token ("b" ends at column 5).
        QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 5;
        QTest::newRow("trailing comma") << QByteArray("{\"a\": [1, 2, ]}") << 1 << 14;
        QTest::newRow("truncated") << QByteArray("{\"formatVersion\": 1, \"functions\": [") << 1 << 36;
        QTest::newRow("column counts characters") << QByteArray("{\"한국어\": x}") << 1 << 9;
    }
    void syntaxErrorReportsLineAndColumn() {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        Diagnostics d;
        QVERIFY(!parseJsonText(text, QStringLiteral("gatehouse.json"), d));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].line, line);
        QCOMPARE(d[0].column, column);
        QVERIFY(d[0].message.startsWith(QStringLiteral("invalid JSON")));
        QVERIFY(d[0].toString().startsWith(QStringLiteral("gatehouse.json:%1:%2: ").arg(line).arg(column)));
    }

    void binaryDataIsRejected() {
        QByteArray bytes;
        for (int i = 0; i < 4096; ++i)
            bytes.append(char((i * 131) % 256));
        Diagnostics d;
        QVERIFY(!parseJsonText(bytes, QStringLiteral("x"), d));
        QCOMPARE(d.size(), 1);
    }

    void invalidUtf8InStringIsRejected() {
        Diagnostics d;
        QVERIFY(!parseJsonText(QByteArray("{\"a\": \"\xff\xfe\"}"), QStringLiteral("x"), d));
        QCOMPARE(d.size(), 1);
    }

    void deepNestingIsRejectedBeforeParsing() {
        const QByteArray text = QByteArray(100000, '[') + QByteArray(100000, ']');
        Diagnostics d;
        QVERIFY(!parseJsonText(text, QStringLiteral("x"), d));
        QVERIFY(d[0].message.contains(QStringLiteral("nests deeper")));
        QCOMPARE(d[0].line, 1);
        QCOMPARE(d[0].column, 65);
    }

    void bracketsInsideStringsDoNotCountAsNesting() {
        const QByteArray text = "{\"a\": \"" + QByteArray(1000, '[') + "\\\"\"}";
        Diagnostics d;
        QVERIFY(parseJsonText(text, QStringLiteral("x"), d));
    }

    void emptyFileIsAClearError() {
        Diagnostics d;
        QVERIFY(!parseJsonText("  \n", QStringLiteral("x"), d));
        QCOMPARE(d[0].message, QStringLiteral("file is empty"));
    }

    void utf8ByteOrderMarkIsAccepted() {
        Diagnostics d;
        QVERIFY(parseJsonText("\xEF\xBB\xBF{\"formatVersion\":1}", QStringLiteral("x"), d));
    }

    void hugeFileIsRefusedWithoutReadingIt() {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("gatehouse.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(100LL * 1024 * 1024)); // sparse: costs no disk
        file.close();
        const auto loaded = ProjectFile::load(dir.path());
        QVERIFY(!loaded.readable);
        QVERIFY(loaded.diagnostics[0].message.contains(QStringLiteral("too large")));
    }

    void truncatedSampleIsAClearError() {
        QFile sample(test::samplePath() + QStringLiteral("/gatehouse.json"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QByteArray full = sample.readAll();
        for (qsizetype cut : {qsizetype(1), full.size() / 3, full.size() / 2, full.size() - 2}) {
            Diagnostics d;
            QVERIFY(!parseJsonText(full.left(cut), QStringLiteral("gatehouse.json"), d));
            QCOMPARE(d.size(), 1);
            QVERIFY(d[0].line >= 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
