// A function's handler file as the engine finds it (runtime families, handler splitting, the order in
// which files are tried, where a new one goes) and the starter code written there for each runtime.
// That the templates really run is tests/unit/runtime/tst_runtime_templates.
#include "code/HandlerFile.h"
#include "code/HandlerTemplate.h"
#include "import/CodeStubs.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

Q_DECLARE_METATYPE(gatehouse::RuntimeFamily)

namespace {

Function function(const QString &runtime, const QString &handler, const QString &codeUri = QString()) {
    Function f;
    f.name = QStringLiteral("fn");
    f.runtime = runtime;
    f.handler = handler;
    f.codeUri = codeUri;
    return f;
}

// Creates `relative` (and its folders) under `folder`.
void touch(const QString &folder, const QString &relative) {
    const QString path = QDir(folder).filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

// The code after the comments that open a JavaScript template (they name what the engine cannot parse).
QByteArray codeOf(const QByteArray &js) {
    return js.mid(js.indexOf("exports"));
}

} // namespace

class TestHandlerFile : public QObject {
    Q_OBJECT
private slots:
    void runtimeFamiliesFollowTheEngine_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<RuntimeFamily>("family");
        QTest::newRow("embedded") << "javascript" << RuntimeFamily::EmbeddedJavaScript;
        QTest::newRow("node 20") << "nodejs20.x" << RuntimeFamily::Node;
        QTest::newRow("node 22") << "nodejs22.x" << RuntimeFamily::Node;
        QTest::newRow("python") << "python3.12" << RuntimeFamily::Python;
        QTest::newRow("provided") << "provided" << RuntimeFamily::Provided;
        QTest::newRow("provided.al2023") << "provided.al2023" << RuntimeFamily::Provided;
        QTest::newRow("node without .x") << "nodejs20" << RuntimeFamily::Unknown;
        QTest::newRow("python 2") << "python2.7" << RuntimeFamily::Unknown;
        QTest::newRow("java") << "java21" << RuntimeFamily::Unknown;
    }
    void runtimeFamiliesFollowTheEngine() {
        QFETCH(QString, runtime);
        QFETCH(RuntimeFamily, family);
        QCOMPARE(runtimeFamily(runtime), family);
    }

    void splitHandlerLikeEachRuntime_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("member");
        QTest::newRow("js") << "javascript"
                            << "index.handler"
                            << "index"
                            << "handler";
        QTest::newRow("node: first dot of the file name") << "nodejs20.x"
                                                          << "src/app.handlers.main"
                                                          << "src/app"
                                                          << "handlers.main";
        QTest::newRow("node: dots in folders are kept") << "nodejs20.x"
                                                        << "v1.2/app.run"
                                                        << "v1.2/app"
                                                        << "run";
        QTest::newRow("python: last dot, dotted module") << "python3.12"
                                                         << "pkg.app.handler"
                                                         << "pkg/app"
                                                         << "handler";
        QTest::newRow("python: slash and dots") << "python3.12"
                                                << "src/pkg.app.go"
                                                << "src/pkg/app"
                                                << "go";
        QTest::newRow("no dot") << "javascript"
                                << "index"
                                << ""
                                << "";
        QTest::newRow("no module") << "nodejs20.x"
                                   << "src/.handler"
                                   << ""
                                   << "";
        QTest::newRow("no member") << "python3.12"
                                   << "app."
                                   << ""
                                   << "";
        QTest::newRow("provided has no module") << "provided.al2"
                                                << "function.handler"
                                                << ""
                                                << "";
    }
    void splitHandlerLikeEachRuntime() {
        QFETCH(QString, runtime);
        QFETCH(QString, handler);
        QFETCH(QString, module);
        QFETCH(QString, member);
        const HandlerName name = splitHandler(handler, runtimeFamily(runtime));
        QCOMPARE(name.module, module);
        QCOMPARE(name.member, member);
        QCOMPARE(name.isValid(), !module.isEmpty());
    }

    void candidatesInTheOrderTheRuntimesTryThem_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QStringList>("candidates");
        const QStringList js{"src/index", "src/index.js", "src/index.mjs", "src/index.cjs"};
        QTest::newRow("embedded") << "javascript"
                                  << "src/index.handler" << js;
        QTest::newRow("node") << "nodejs20.x"
                              << "src/index.handler" << js;
        QTest::newRow("python") << "python3.11"
                                << "pkg.app.handler" << QStringList{"pkg/app.py", "pkg/app/__init__.py"};
        QTest::newRow("provided: the handler does not matter")
            << "provided"
            << "anything at all" << QStringList{"bootstrap"};
        QTest::newRow("'..' is refused by both runtimes") << "nodejs20.x"
                                                          << "../up.handler" << QStringList{};
        QTest::newRow("malformed") << "python3.11"
                                   << "handler" << QStringList{};
        QTest::newRow("unknown runtime") << "ruby3.3"
                                         << "app.handler" << QStringList{};
    }
    void candidatesInTheOrderTheRuntimesTryThem() {
        QFETCH(QString, runtime);
        QFETCH(QString, handler);
        QFETCH(QStringList, candidates);
        QCOMPARE(handlerFileCandidates(function(runtime, handler)), candidates);
    }

    void theFirstExistingCandidateWins() {
        QTemporaryDir dir;
        const Function f = function(QStringLiteral("javascript"), QStringLiteral("index.handler"),
                                    QStringLiteral("functions/f"));
        touch(dir.path(), QStringLiteral("functions/f/index.cjs"));
        QCOMPARE(handlerFile(f, dir.path()).path, dir.filePath(QStringLiteral("functions/f/index.cjs")));
        touch(dir.path(), QStringLiteral("functions/f/index.mjs"));
        QCOMPARE(handlerFile(f, dir.path()).path, dir.filePath(QStringLiteral("functions/f/index.mjs")));
        touch(dir.path(), QStringLiteral("functions/f/index.js"));
        const HandlerFile found = handlerFile(f, dir.path());
        QCOMPARE(found.path, dir.filePath(QStringLiteral("functions/f/index.js")));
        QVERIFY(found.exists);
        QVERIFY(!found.executable);
        // A folder named like the module is not the module file.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("functions/f/index")));
        QCOMPARE(handlerFile(f, dir.path()).path, dir.filePath(QStringLiteral("functions/f/index.js")));
    }

    void pythonPackagesAreFound() {
        QTemporaryDir dir;
        touch(dir.path(), QStringLiteral("pkg/app/__init__.py"));
        const HandlerFile found = handlerFile(
            function(QStringLiteral("python3.12"), QStringLiteral("pkg.app.handler")), dir.path());
        QVERIFY(found.exists);
        QCOMPARE(found.path, dir.filePath(QStringLiteral("pkg/app/__init__.py")));
    }

    void newFilesGetTheRuntimesUsualName_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("codeUri");
        QTest::addColumn<QString>("expected"); // relative to the project folder
        QTest::newRow("embedded: CommonJS .js") << "javascript"
                                                << "index.handler"
                                                << "functions/a"
                                                << "functions/a/index.js";
        QTest::newRow("node: ES module .mjs") << "nodejs22.x"
                                              << "lib/main.handler"
                                              << "functions/b"
                                              << "functions/b/lib/main.mjs";
        QTest::newRow("python") << "python3.12"
                                << "pkg.app.lambda_handler"
                                << "functions/c"
                                << "functions/c/pkg/app.py";
        QTest::newRow("provided") << "provided.al2023"
                                  << "function.handler"
                                  << "functions/d"
                                  << "functions/d/bootstrap";
        QTest::newRow("empty codeUri is the project folder") << "javascript"
                                                             << "index.handler"
                                                             << ""
                                                             << "index.js";
        QTest::newRow("'.' parts are cleaned") << "javascript"
                                               << "./src/index.handler"
                                               << "./functions/e/"
                                               << "functions/e/src/index.js";
    }
    void newFilesGetTheRuntimesUsualName() {
        QFETCH(QString, runtime);
        QFETCH(QString, handler);
        QFETCH(QString, codeUri);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const HandlerFile file = handlerFile(function(runtime, handler, codeUri), dir.path());
        QVERIFY(!file.exists);
        QCOMPARE(file.path, dir.filePath(expected));
        QCOMPARE(file.executable, runtime.startsWith(QLatin1String("provided")));
    }

    void noFileForMalformedHandlers() {
        QTemporaryDir dir;
        QVERIFY(handlerFile(function(QStringLiteral("javascript"), QStringLiteral("index")), dir.path())
                    .path.isEmpty());
        QVERIFY(newHandlerFileName(function(QStringLiteral("javascript"), QStringLiteral("../x.handler")))
                    .isEmpty());
    }

    void templatesPerRuntime() {
        const QByteArray js =
            handlerTemplate(function(QStringLiteral("javascript"), QStringLiteral("index.handler")));
        QVERIFY2(js.contains("exports.handler = (event, context) => {"), js.constData());
        // The embedded engine (QJSEngine 6.4) cannot parse async functions or object spread.
        QVERIFY(!codeOf(js).contains("async"));
        QVERIFY(!codeOf(js).contains("..."));
        QVERIFY(js.contains("statusCode: 200,"));
        QVERIFY(js.contains("'content-type': 'application/json'"));
        QVERIFY(js.contains("message: 'Hello from fn!'"));

        const QByteArray node =
            handlerTemplate(function(QStringLiteral("nodejs20.x"), QStringLiteral("index.handler")));
        QVERIFY2(node.contains("export const handler = async (event, context) => {"), node.constData());

        const QByteArray py =
            handlerTemplate(function(QStringLiteral("python3.12"), QStringLiteral("app.lambda_handler")));
        QVERIFY2(py.contains("def lambda_handler(event, context):"), py.constData());
        QVERIFY(py.contains("\"statusCode\": 200,"));
        QVERIFY(py.contains("json.dumps({\"message\": \"Hello from fn!\""));

        const QByteArray sh =
            handlerTemplate(function(QStringLiteral("provided.al2023"), QStringLiteral("x")));
        QVERIFY2(sh.startsWith("#!/bin/sh\n"), sh.constData());
        QVERIFY(sh.contains("/2018-06-01/runtime/invocation"));
        QVERIFY(sh.contains("Hello from fn!"));
    }

    void nestedMembersAndDefaultExports() {
        const QByteArray js =
            handlerTemplate(function(QStringLiteral("javascript"), QStringLiteral("index.handlers.main")));
        QVERIFY2(js.contains("exports.handlers = {\n  main: (event, context) => {\n    const path"),
                 js.constData());
        const QByteArray node =
            handlerTemplate(function(QStringLiteral("nodejs20.x"), QStringLiteral("index.default")));
        QVERIFY2(node.contains("export default async (event, context) => {"), node.constData());
    }

    void noTemplateForMembersNoCodeCanDefine() {
        QVERIFY(handlerTemplate(function(QStringLiteral("python3.12"), QStringLiteral("app.my-handler")))
                    .isEmpty());
        QVERIFY(
            handlerTemplate(function(QStringLiteral("nodejs20.x"), QStringLiteral("index.2fast"))).isEmpty());
        QVERIFY(
            handlerTemplate(function(QStringLiteral("ruby3.3"), QStringLiteral("app.handler"))).isEmpty());
    }

    void quotesInNamesCannotBreakTheCode() {
        Function f = function(QStringLiteral("javascript"), QStringLiteral("index.handler"));
        f.name = QStringLiteral("it's \"quoted\"\\\n%1");
        const QByteArray js = handlerTemplate(f);
        QVERIFY2(js.contains("message: 'Hello from it s  quoted   %1!'"), js.constData());
        f.runtime = QStringLiteral("python3.12");
        QVERIFY(handlerTemplate(f).contains("\"Hello from it s  quoted   %1!\""));
    }

    void importStubsAreTheTemplateAnswering501() {
        Function f = function(QStringLiteral("javascript"), QStringLiteral("src/index.handler"),
                              QStringLiteral("functions/f"));
        const std::optional<ImportedFile> stub = codeStub(f);
        QVERIFY(stub);
        QVERIFY(stub->stub);
        QCOMPARE(stub->path, QStringLiteral("functions/f/src/index.js"));
        QVERIFY2(stub->bytes.contains("statusCode: 501,"), stub->bytes.constData());
        QVERIFY(!codeOf(stub->bytes).contains("async"));
        f.runtime = QStringLiteral("python3.12");
        f.handler = QStringLiteral("pkg.app.handler");
        QCOMPARE(codeStub(f)->path, QStringLiteral("functions/f/pkg/app.py"));
        f.runtime = QStringLiteral("provided.al2");
        QVERIFY(!codeStub(f)); // a bootstrap must be executable, which an imported file cannot say
    }
};

QTEST_GUILESS_MAIN(TestHandlerFile)
#include "tst_handlerfile.moc"
