// Naming the syntax QJSEngine 6.4 cannot parse, so a SyntaxError can say what to change.
#include "invoker/JsSyntaxCheck.h"

#include <QtTest>

using namespace gatehouse;

class TestJsSyntax : public QObject {
    Q_OBJECT
private slots:
    void findsUnsupportedConstruct_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("construct");
        QTest::addColumn<int>("line");
        QTest::newRow("async function") << "// x\nasync function f() {}"
                                        << "async functions" << 2;
        QTest::newRow("async arrow") << "exports.handler = async (event) => event;"
                                     << "async functions" << 1;
        QTest::newRow("async single-parameter arrow") << "const f = async e => e;"
                                                      << "async functions" << 1;
        QTest::newRow("async method") << "const o = {\n  async go() {}\n};"
                                      << "async functions" << 2;
        QTest::newRow("top-level await") << "const x = await load();"
                                         << "top-level await" << 1;
        QTest::newRow("object spread") << "const o = { a: 1,\n ...rest };"
                                       << "object spread/rest" << 2;
        QTest::newRow("object rest") << "const { a, ...others } = o;"
                                     << "object spread/rest" << 1;
        QTest::newRow("class field") << "class A {\n  count = 0;\n  inc() {}\n}"
                                     << "class fields" << 2;
        QTest::newRow("static class field") << "class A { static x = 1 }"
                                            << "class fields" << 1;
        QTest::newRow("private member") << "class A { #secret = 1; get() { return this.#secret; } }"
                                        << "#private class members" << 1;
        QTest::newRow("optional catch binding") << "try { f(); } catch {\n}"
                                                << "optional catch binding" << 1;
        QTest::newRow("logical assignment") << "a.b ?\?= 3;"
                                            << "logical assignment" << 1;
        QTest::newRow("or assignment") << "x ||= y;"
                                       << "logical assignment" << 1;
        QTest::newRow("numeric separator") << "const n = 1_000_000;"
                                           << "numeric separators" << 1;
        QTest::newRow("BigInt") << "const n = 10n;"
                                << "BigInt literals" << 1;
        QTest::newRow("dynamic import") << "const m = import('./m.mjs');"
                                        << "dynamic import()" << 1;
        QTest::newRow("regex dotAll") << "const r = /a.b/s;"
                                      << "regular expression s (dotAll)" << 1;
    }
    void findsUnsupportedConstruct() {
        QFETCH(QString, source);
        QFETCH(QString, construct);
        QFETCH(int, line);
        const QList<UnsupportedSyntax> found = findUnsupportedSyntax(source);
        QVERIFY2(!found.isEmpty(), qPrintable(source));
        QVERIFY2(found.first().construct.contains(construct), qPrintable(found.first().construct));
        QCOMPARE(found.first().line, line);
    }

    void supportedCodeIsNotReported_data() {
        QTest::addColumn<QString>("source");
        QTest::newRow("ES2016 handler")
            << "'use strict';\nconst f = (a, ...rest) => [...rest, a];\n"
               "class A extends B { constructor() { super(); } get x() { return 1; } static y() {} }\n"
               "exports.handler = function (event, context, callback) { return a ** 2; };";
        QTest::newRow("words in strings and comments")
            << "// async function f() {} { ...o }\n/* catch {} */ const s = 'async () => {...x}';\n"
               "const t = `await ${a} {...b}`;";
        QTest::newRow("regex with braces") << "const re = /\\{\\.\\.\\.[a-z]+\\}/g; const d = a / b / c;";
        QTest::newRow("optional chaining and nullish") << "const v = a?.b ?? c;";
        QTest::newRow("hex and exponent literals") << "const n = 0x1f + 1e3 + 0.5;";
        QTest::newRow("array spread in object value") << "const o = { list: [...a], call: f(...b) };";
        QTest::newRow("class with methods only") << "class A {\n  run() { return 1; }\n  stop() {}\n}";
        QTest::newRow("await as a property") << "function f() { return o.await; }";
    }
    void supportedCodeIsNotReported() {
        QFETCH(QString, source);
        const QList<UnsupportedSyntax> found = findUnsupportedSyntax(source);
        QVERIFY2(found.isEmpty(), qPrintable(found.value(0).construct));
    }

    void adviceNamesConstructsAndTheNodeRuntime() {
        const QString advice =
            unsupportedSyntaxAdvice(findUnsupportedSyntax(QStringLiteral("async function f() {}")));
        QVERIFY(advice.contains(QLatin1String("async functions (async/await) (line 1)")));
        QVERIFY(advice.contains(QLatin1String("nodejs20.x")));
        QVERIFY(unsupportedSyntaxAdvice({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsSyntax)
#include "tst_engine_jssyntax.moc"
