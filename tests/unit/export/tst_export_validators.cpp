// Third-party checks of the exports (../shared/validate): the official SAM schema (sam.sh), swagger-parser
// and redocly (openapi.sh), newman running the Postman collection against a throwaway local server
// (postman.sh), and Node.js running the generated wrapper around embedded-JavaScript handlers.
// Skipped when the tools are not installed (/tmp/validate-tools, see ../shared/validate/install.sh).
#include "ExportTestSupport.h"
#include "export/JavaScriptWrapper.h"
#include "export/ProjectExporter.h"
#include "import/ProjectImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

using namespace gatehouse;

namespace {

Project minimalProject() {
    Project p;
    p.name = QStringLiteral("minimal");
    Function f;
    f.name = QStringLiteral("only");
    f.runtime = QStringLiteral("python3.12");
    f.handler = QStringLiteral("app.handler");
    f.codeUri = QStringLiteral("src");
    p.functions.append(f);
    return p;
}

Project importedFixture(const QString &name, ImportFormat format) {
    return importFile(test::readSource(QStringLiteral("tests/data/import/") + name), name, format).project;
}

// A node process serving the sample's routes; its port is the first line it prints.
class StubServer {
public:
    explicit StubServer(const QStringList &extra = {}) {
        m_process.start(
            QStringLiteral("node"),
            QStringList{test::sourcePath(QStringLiteral("tests/data/export/postman-stub-server.js"))} +
                extra);
        if (m_process.waitForStarted(10000) &&
            test::waitFor(
                [this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
                10000))
            m_port = m_process.readLine().trimmed().toInt();
    }
    ~StubServer() {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    bool ok() const { return m_port > 0; }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace

class TestExportValidators : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!test::validateToolsInstalled())
            QSKIP("third-party validators not installed in /tmp/validate-tools (run "
                  "../shared/validate/install.sh)");
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) QSKIP("node is not installed");
    }

    void samSchemaAcceptsTheExports_data() {
        QTest::addColumn<Project>("project");
        QTest::newRow("sample") << test::sampleProject();
        QTest::newRow("edge cases") << test::edgeProject();
        QTest::newRow("minimal") << minimalProject();
        for (const char *fixture :
             {"sam-hello-world.yaml", "sam-shop.yaml", "sam-websocket-chat.yaml", "sam-definition-body.json"})
            QTest::newRow(fixture) << importedFixture(QString::fromLatin1(fixture), ImportFormat::Sam);
        QTest::newRow("openapi import")
            << importedFixture(QStringLiteral("openapi-aws-http.json"), ImportFormat::OpenApi);
    }
    void samSchemaAcceptsTheExports() {
        QFETCH(Project, project);
        const ExportResult r = exportProject(project, ExportFormat::Sam);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QTemporaryDir dir;
        const test::ScriptRun run =
            test::runValidator(QStringLiteral("sam.sh"), {test::writeExport(r, dir.path())});
        QVERIFY2(run.exitCode == 0, run.output.constData());
    }

    // The validator is real: a template with a typo fails it.
    void samSchemaRejectsABrokenTemplate() {
        const test::ScriptRun run =
            test::runValidator(QStringLiteral("sam.sh"),
                               {test::sharedPath(QStringLiteral("validate/fixtures/sam-bad-typo.yaml"))});
        QCOMPARE(run.exitCode, 1);
    }

    void openApiValidatorsAcceptTheExports_data() {
        QTest::addColumn<Project>("project");
        QTest::addColumn<bool>("json");
        QTest::newRow("sample yaml") << test::sampleProject() << false;
        QTest::newRow("sample json") << test::sampleProject() << true;
        QTest::newRow("edge yaml") << test::edgeProject() << false;
        QTest::newRow("edge json") << test::edgeProject() << true;
        for (const char *fixture :
             {"openapi-petstore.yaml", "openapi-aws-http.json", "openapi-rest-3.1.yaml"})
            QTest::newRow(fixture) << importedFixture(QString::fromLatin1(fixture), ImportFormat::OpenApi)
                                   << false;
        QTest::newRow("sam shop") << importedFixture(QStringLiteral("sam-shop.yaml"), ImportFormat::Sam)
                                  << false;
    }
    void openApiValidatorsAcceptTheExports() {
        QFETCH(Project, project);
        QFETCH(bool, json);
        ExportOptions options;
        options.openApiJson = json;
        const ExportResult r = exportProject(project, ExportFormat::OpenApi, options);
        QVERIFY2(r.ok(), qPrintable(test::describe(r.diagnostics)));
        QTemporaryDir dir;
        test::writeExport(r, dir.path());
        for (const ExportedFile &f : r.files) {
            const test::ScriptRun run =
                test::runValidator(QStringLiteral("openapi.sh"), {QDir(dir.path()).filePath(f.path)});
            QVERIFY2(run.exitCode == 0, run.output.constData());
        }
    }

    void openApiValidatorsRejectABrokenDocument() {
        const test::ScriptRun run =
            test::runValidator(QStringLiteral("openapi.sh"),
                               {test::sharedPath(QStringLiteral("validate/fixtures/openapi-bad.yaml"))});
        QCOMPARE(run.exitCode, 1);
    }

    // newman sends every request of the exported sample collection to a local stand-in for the sample's
    // APIs; the generated test scripts must pass there...
    void postmanCollectionPassesAgainstTheSampleRoutes() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Postman);
        QTemporaryDir dir;
        const QString collection = test::writeExport(r, dir.path());
        StubServer server;
        QVERIFY(server.ok());
        const test::ScriptRun run =
            test::runValidator(QStringLiteral("postman.sh"),
                               {collection, QDir(dir.path()).filePath(r.files[1].path), server.url(),
                                QStringLiteral("--env-var"), QStringLiteral("helloHttp=") + server.url(),
                                QStringLiteral("--env-var"), QStringLiteral("petsRest=") + server.url()});
        QVERIFY2(run.exitCode == 0, run.output.constData());
        QVERIFY(run.output.contains("$.ping equals pong"));
    }

    // ...and fail where the answers are wrong, so they really assert something.
    void postmanAssertionsFailOnWrongAnswers() {
        const ExportResult r = exportProject(test::sampleProject(), ExportFormat::Postman);
        QTemporaryDir dir;
        const QString collection = test::writeExport(r, dir.path());
        StubServer server({QStringLiteral("--wrong")});
        QVERIFY(server.ok());
        const test::ScriptRun run =
            test::runValidator(QStringLiteral("postman.sh"),
                               {collection, server.url(), QStringLiteral("--env-var"),
                                QStringLiteral("helloHttp=") + server.url(), QStringLiteral("--env-var"),
                                QStringLiteral("petsRest=") + server.url()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains("expected 'goodbye' to deeply equal 'hello'"), run.output.constData());
        QVERIFY(run.output.contains("expected response to have status code 200 but got 500"));
    }

    // Every generated script of the edge-case collection runs without a script error: against a server
    // that answers 404 everywhere, the only failures are assertion failures.
    void postmanEdgeCollectionScriptsRun() {
        const ExportResult r = exportProject(test::edgeProject(), ExportFormat::Postman);
        QTemporaryDir dir;
        const QString collection = test::writeExport(r, dir.path());
        const QString report = dir.filePath(QStringLiteral("report.json"));
        StubServer server;
        QVERIFY(server.ok());
        qputenv("NEWMAN_JSON_REPORT", report.toLocal8Bit());
        const test::ScriptRun run = test::runValidator(
            QStringLiteral("postman.sh"),
            {collection, server.url(), QStringLiteral("--env-var"), QStringLiteral("base=") + server.url()});
        qunsetenv("NEWMAN_JSON_REPORT");
        QCOMPARE(run.exitCode, 1); // the assertions fail against 404s, as they should
        QFile file(report);
        QVERIFY2(file.open(QIODevice::ReadOnly), run.output.constData());
        const QJsonObject stats = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject runObject = stats.value(QStringLiteral("run")).toObject();
        QCOMPARE(runObject.value(QStringLiteral("stats"))
                     .toObject()
                     .value(QStringLiteral("requests"))
                     .toObject()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 3);
        const QJsonArray failures = runObject.value(QStringLiteral("failures")).toArray();
        QVERIFY(!failures.isEmpty());
        for (const QJsonValue &failure : failures)
            QCOMPARE(failure.toObject()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                     QStringLiteral("AssertionError"));
    }

    // The sample's embedded-JavaScript functions, exported with their wrapper, run under AWS's own Node.js
    // runtime interface client (aws-lambda-ric, via runtime-api.sh) against a one-event Runtime API.
    void exportedEmbeddedFunctionsRunUnderTheLambdaRuntimeClient_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("hello returns a value")
            << "functions/hello" << QByteArray(R"({"requestContext":{"http":{"sourceIp":"1.2.3.4"}}})")
            << QByteArray("message");
        QTest::newRow("items reads a path parameter")
            << "functions/items" << QByteArray(R"({"pathParameters":{"id":"2"}})") << QByteArray("banana");
        QTest::newRow("tick returns nothing")
            << "functions/tick" << QByteArray(R"({"time":"now"})") << QByteArray("\"body\":\"null\"");
    }
    void exportedEmbeddedFunctionsRunUnderTheLambdaRuntimeClient() {
        QFETCH(QString, folder);
        QFETCH(QByteArray, event);
        QFETCH(QByteArray, expected);
        if (!QFile::exists(test::validateToolsHome() +
                           QStringLiteral("/ric/node_modules/.bin/aws-lambda-ric")))
            QSKIP("aws-lambda-ric is not installed");
        ExportOptions options;
        options.projectFolder = test::samplePath();
        QTemporaryDir dir;
        test::writeExport(exportProject(test::sampleProject(), ExportFormat::Sam, options), dir.path());
        const QString result = dir.filePath(QStringLiteral("result.json"));
        QProcess api;
        api.start(QStringLiteral("node"),
                  {test::sourcePath(QStringLiteral("tests/data/export/runtime-api-stub.js")), result,
                   QString::fromUtf8(event)});
        QVERIFY(api.waitForStarted(10000));
        QVERIFY(test::waitFor([&] { return api.canReadLine(); }, 10000));
        const QString port = QString::fromUtf8(api.readLine().trimmed());
        const test::ScriptRun run =
            test::runValidator(QStringLiteral("runtime-api.sh"),
                               {QStringLiteral("127.0.0.1:") + port, dir.filePath(folder),
                                QStringLiteral("gatehouse-handler.handler"), QStringLiteral("3")});
        api.kill();
        api.waitForFinished(2000);
        QVERIFY2(run.exitCode == 0, run.output.constData());
        QFile file(result);
        QVERIFY2(file.open(QIODevice::ReadOnly), run.output.constData());
        const QByteArray posted = file.readAll();
        QVERIFY2(posted.startsWith("{\"kind\":\"response\"") && posted.contains(expected),
                 (posted + "\n" + run.output).constData());
    }

    // The wrapper runs embedded handlers of every shape on Node.js as Lambda would call them.
    void wrapperAdaptsEveryHandlerShape_data() {
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("CommonJS returning a value")
            << "index.handler"
            << "index.js" << QByteArray("exports.handler = function (event) { return { got: event.x }; };")
            << QByteArray(R"({"result":{"got":1}})");
        QTest::newRow("CommonJS async")
            << "index.handler"
            << "index.js" << QByteArray("exports.handler = async (event) => ({ twice: event.x * 2 });")
            << QByteArray(R"({"result":{"twice":2}})");
        QTest::newRow("callback later")
            << "index.handler"
            << "index.js"
            << QByteArray("exports.handler = (event, context, callback) => { setTimeout(() => callback(null, "
                          "context.awsRequestId), 5); };")
            << QByteArray(R"({"result":"test-request"})");
        QTest::newRow("callback error")
            << "index.handler"
            << "index.js"
            << QByteArray("exports.handler = (event, context, callback) => callback(new Error('nope'));")
            << QByteArray(R"({"error":"nope"})");
        QTest::newRow("thrown error")
            << "index.handler"
            << "index.js" << QByteArray("exports.handler = () => { throw new Error('boom'); };")
            << QByteArray(R"({"error":"boom"})");
        QTest::newRow("no return value") << "index.handler"
                                         << "index.js" << QByteArray("exports.handler = function () {};")
                                         << QByteArray(R"({"result":null})");
        QTest::newRow("ES module .mjs")
            << "app.handler"
            << "app.mjs" << QByteArray("export const handler = async (event) => 'esm ' + event.x;")
            << QByteArray(R"({"result":"esm 1"})");
        QTest::newRow("ES module in .js")
            << "index.handler"
            << "index.js" << QByteArray("export async function handler(event) { return { esm: true }; }")
            << QByteArray(R"({"result":{"esm":true}})");
        QTest::newRow("nested member in a folder")
            << "src/app.handlers.main"
            << "src/app.js" << QByteArray("exports.handlers = { main: (e) => 'nested' };")
            << QByteArray(R"({"result":"nested"})");
        QTest::newRow("module.exports default")
            << "index.handler"
            << "index.cjs" << QByteArray("module.exports = { handler: async () => 'cjs' };")
            << QByteArray(R"({"result":"cjs"})");
        QTest::newRow("missing module")
            << "nothere.handler"
            << "index.js" << QByteArray("exports.handler = () => 1;") << QByteArray("not found");
    }
    void wrapperAdaptsEveryHandlerShape() {
        QFETCH(QString, handler);
        QFETCH(QString, file);
        QFETCH(QByteArray, source);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        const QString wrapper = dir.filePath(QString::fromLatin1(kJavaScriptWrapperFile));
        for (const auto &[path, bytes] :
             {std::pair{wrapper, javaScriptWrapperSource(handler)}, std::pair{dir.filePath(file), source}}) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        QProcess node;
        node.start(QStringLiteral("node"),
                   {test::sourcePath(QStringLiteral("tests/data/export/invoke-wrapper.js")), wrapper,
                    QStringLiteral("{\"x\": 1}")});
        QVERIFY(node.waitForFinished(30000));
        const QByteArray out = node.readAllStandardOutput().trimmed();
        QVERIFY2(out.contains(expected), (out + " / " + node.readAllStandardError()).constData());
    }
};

QTEST_GUILESS_MAIN(TestExportValidators)
#include "tst_export_validators.moc"
