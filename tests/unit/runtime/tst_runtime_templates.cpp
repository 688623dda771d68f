// The handler templates a new function gets (models/code/HandlerTemplate) really run: each is written
// where handlerFile() says and invoked through the Invoker on its runtime, with an API Gateway event, and
// answers a response API Gateway can send back. The import stubs built from them answer 501.
#include "RuntimeFixture.h"
#include "code/HandlerFile.h"
#include "code/HandlerTemplate.h"
#include "import/CodeStubs.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace gatehouse;

namespace {

// An HTTP API (payload format 2.0) event, trimmed to what the templates read.
const QByteArray kEvent =
    R"({"version": "2.0", "rawPath": "/greet", "headers": {}, "isBase64Encoded": false})";

// Writes `code` where the function's handler file goes; false when there is no such place.
bool writeHandler(const test::InvokerFixture &f, const Function &fn, const QByteArray &code) {
    const HandlerFile file = handlerFile(fn, f.folder());
    if (file.path.isEmpty() || file.exists || code.isEmpty()) return false;
    f.write(QDir(f.folder()).relativeFilePath(file.path), code);
    if (file.executable)
        QFile::setPermissions(file.path, QFile::permissions(file.path) | QFileDevice::ExeOwner);
    return true;
}

} // namespace

class TestRuntimeTemplates : public QObject {
    Q_OBJECT
private slots:
    void templateAnswersApiGateway_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<bool>("readsThePath");
        QTest::newRow("javascript") << "javascript"
                                    << "index.handler" << true;
        QTest::newRow("javascript, nested member") << "javascript"
                                                   << "src/app.handlers.main" << true;
        QTest::newRow("nodejs20.x") << "nodejs20.x"
                                    << "index.handler" << true;
        QTest::newRow("nodejs22.x, default export") << "nodejs22.x"
                                                    << "index.default" << true;
        QTest::newRow("python3.12") << "python3.12"
                                    << "app.lambda_handler" << true;
        QTest::newRow("python3.11, package module") << "python3.11"
                                                    << "pkg.app.handler" << true;
        // The shell bootstrap cannot parse JSON without extra tools, so it answers without the path.
        QTest::newRow("provided.al2023") << "provided.al2023"
                                         << "function.handler" << false;
    }
    void templateAnswersApiGateway() {
        QFETCH(QString, runtime);
        QFETCH(QString, handler);
        QFETCH(bool, readsThePath);
        if (const QString problem = test::runtimeUnavailable(runtime);
            runtime != QLatin1String("javascript") && !problem.isEmpty())
            QSKIP(qPrintable(problem));
        test::InvokerFixture f;
        Function &fn = test::addRuntimeFunction(f, QStringLiteral("greeter"), runtime, {}, handler);
        QVERIFY(writeHandler(f, fn, handlerTemplate(fn)));

        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("greeter"), kEvent);
        QVERIFY2(r.succeeded(), qPrintable(r.payload + '\n' + r.logLines.join(QLatin1Char('\n')).toUtf8()));
        const QJsonObject response = test::jsonObject(r.payload);
        QCOMPARE(response.value(QStringLiteral("statusCode")).toInt(), 200);
        QCOMPARE(response.value(QStringLiteral("headers")).toObject().value(QStringLiteral("content-type")),
                 QStringLiteral("application/json"));
        const QJsonObject body =
            QJsonDocument::fromJson(response.value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Hello from greeter!"));
        if (readsThePath) QCOMPARE(body.value(QStringLiteral("path")).toString(), QStringLiteral("/greet"));
    }

    // The stubs an import writes for code-less functions share the templates, so they run too.
    void importStubAnswers501_data() {
        QTest::addColumn<QString>("runtime");
        QTest::newRow("javascript") << "javascript";
        QTest::newRow("nodejs20.x") << "nodejs20.x";
        QTest::newRow("python3.12") << "python3.12";
    }
    void importStubAnswers501() {
        QFETCH(QString, runtime);
        if (const QString problem = test::runtimeUnavailable(runtime);
            runtime != QLatin1String("javascript") && !problem.isEmpty())
            QSKIP(qPrintable(problem));
        test::InvokerFixture f;
        Function &fn = test::addRuntimeFunction(f, QStringLiteral("imported"), runtime, {},
                                                runtime.startsWith(QLatin1String("python"))
                                                    ? QStringLiteral("app.handler")
                                                    : QStringLiteral("index.handler"));
        const std::optional<ImportedFile> stub = codeStub(fn);
        QVERIFY(stub);
        f.write(stub->path, stub->bytes);

        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("imported"), kEvent);
        QVERIFY2(r.succeeded(), qPrintable(r.payload + '\n' + r.logLines.join(QLatin1Char('\n')).toUtf8()));
        QCOMPARE(test::jsonObject(r.payload).value(QStringLiteral("statusCode")).toInt(), 501);
    }
};

QTEST_GUILESS_MAIN(TestRuntimeTemplates)
#include "tst_runtime_templates.moc"
