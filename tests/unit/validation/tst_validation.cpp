// Specification of project validation: broken projects and the diagnostics they must produce (rows
// in ValidationRows*.cpp), valid projects producing none, and the checks that look at code on disk.
#include "TestSupport.h"
#include "ValidationRows.h"
#include "io/ProjectJson.h"
#include "validation/ProjectValidator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace gatehouse::test {

void addRow(const char *name, const QByteArray &json, const char *path, const char *message, Expect expect) {
    QTest::newRow(name) << json << QString::fromUtf8(path) << QString::fromUtf8(message)
                        << (expect == Expect::Error);
}

QByteArray withHello(const QByteArray &more) {
    return R"({"formatVersion": 1, "name": "t", "functions": [{"name": "hello", "runtime": "javascript",
              "handler": "index.handler", "timeoutSeconds": 3}])" +
           more + "}";
}

QByteArray withApi(const char *type, const QByteArray &routes, const QByteArray &extra) {
    return withHello(QByteArray(R"(, "apis": [{"name": "a", "type": ")") + type + R"(", "routes": )" +
                     routes + extra + "}]");
}

QByteArray route(const char *method, const char *path, const QByteArray &extra) {
    QByteArray json = QByteArray(R"({"method": ")") + method + R"(", "path": ")" + path + "\"";
    if (!extra.contains(R"("integration")"))
        json += R"(, "integration": {"type": "lambda", "function": "hello"})";
    return json + extra + "}";
}

QByteArray wsRoute(const char *key, const QByteArray &extra) {
    return QByteArray(R"({"routeKey": ")") + key +
           R"(", "integration": {"type": "lambda", "function": "hello"})" + extra + "}";
}

} // namespace gatehouse::test

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

const QString kFile = QStringLiteral("gatehouse.json");

QString describe(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.isEmpty() ? QStringLiteral("(none)") : lines.join(QLatin1Char('\n'));
}

const Diagnostic *find(const Diagnostics &diagnostics, const QString &path, const QString &message) {
    for (const Diagnostic &d : diagnostics)
        if (d.path == path && d.message.contains(message)) return &d;
    return nullptr;
}

// Loads `json` and validates it; returns the reader's and the validator's diagnostics together.
Diagnostics loadAndValidate(const QByteArray &json, const ValidationOptions &options = {}) {
    const ProjectReadResult read = projectFromJsonText(json, options.fileName);
    Diagnostics all = read.diagnostics;
    if (read.readable) all.append(validateProject(read.project, options));
    return all;
}

void writeFile(const QString &path, const QByteArray &content, bool executable = false) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (executable) permissions |= QFileDevice::ExeOwner;
    QVERIFY(file.setPermissions(permissions));
}

// A project using every kind of part, all valid: guards against false positives.
QByteArray everyFeatureProject() {
    QFile file(sourcePath(QStringLiteral("tests/unit/validation/data/every-feature.json")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void brokenProjectReportsDiagnostic_data();
    void brokenProjectReportsDiagnostic();
    void malformedJsonReportsLineAndColumn();
    void emptyProjectIsValid();
    void projectUsingEveryFeatureIsValid();
    void projectUsingEveryFeatureIsValidOnDisk();
    void bundledSampleHasNoErrorsOrWarnings();
    void missingHandlerFileIsReportedWithExpectedPath();
    void missingCodeFolderIsReported();
    void pythonHandlerNamesModuleFile();
    void providedRuntimeNeedsExecutableBootstrap();
    void unknownReferenceSuggestsNearestName();
    void unknownReferenceListsAvailableNames();
    void diagnosticsNameTheConfiguredFile();
};

void TestValidation::brokenProjectReportsDiagnostic_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("isError");
    addLoadRows();
    addSettingsRows();
    addFunctionRows();
    addRouteRows();
    addApiRows();
    addAuthorizerRows();
    addEventSourceRows();
}

void TestValidation::brokenProjectReportsDiagnostic() {
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(bool, isError);

    const ProjectReadResult read = projectFromJsonText(json, kFile);
    const Diagnostics validation = read.readable ? validateProject(read.project) : Diagnostics{};
    const Diagnostic *fromValidator = find(validation, path, message);
    const Diagnostic *found = fromValidator ? fromValidator : find(read.diagnostics, path, message);
    QVERIFY2(found, qPrintable(QStringLiteral("no diagnostic at '%1' containing \"%2\"; got:\n%3")
                                   .arg(path, message, describe(read.diagnostics + validation))));
    QCOMPARE(found->isError(), isError);
    QCOMPARE(found->file, kFile);
    if (fromValidator) {
        // The row's project must be well-formed, so the rule under test is the only thing it breaks.
        QVERIFY2(read.diagnostics.isEmpty(), qPrintable(describe(read.diagnostics)));
        QVERIFY2(!found->hint.isEmpty(), qPrintable(found->toString()));
    }
}

void TestValidation::malformedJsonReportsLineAndColumn() {
    const Diagnostics diagnostics = loadAndValidate("{\n  \"formatVersion\": 1,\n  \"name\": ]\n}");
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.front().line, 3);
    QCOMPARE(diagnostics.front().column, 11);
    QVERIFY(diagnostics.front().message.startsWith(QLatin1String("invalid JSON")));
}

void TestValidation::emptyProjectIsValid() {
    const Diagnostics diagnostics = loadAndValidate(R"({"formatVersion": 1, "name": "empty"})");
    QVERIFY2(diagnostics.isEmpty(), qPrintable(describe(diagnostics)));
}

void TestValidation::projectUsingEveryFeatureIsValid() {
    const Diagnostics diagnostics = loadAndValidate(everyFeatureProject());
    QVERIFY2(diagnostics.isEmpty(), qPrintable(describe(diagnostics)));
}

void TestValidation::projectUsingEveryFeatureIsValidOnDisk() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("fn/api/src/index.mjs")), "export const handlers = {};\n");
    writeFile(dir.filePath(QStringLiteral("pkg/auth.py")), "def handler(event, context):\n    return {}\n");
    writeFile(dir.filePath(QStringLiteral("bootstrap")), "#!/bin/sh\n", true);
    ValidationOptions options;
    options.projectFolder = dir.path();
    const Diagnostics diagnostics = loadAndValidate(everyFeatureProject(), options);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(describe(diagnostics)));
}

void TestValidation::bundledSampleHasNoErrorsOrWarnings() {
    QFile file(QDir(samplePath()).filePath(kFile));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ValidationOptions options;
    options.projectFolder = samplePath();
    const Diagnostics diagnostics = loadAndValidate(file.readAll(), options);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(describe(diagnostics)));
}

void TestValidation::missingHandlerFileIsReportedWithExpectedPath() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("functions/hello")));
    writeFile(dir.filePath(QStringLiteral("functions/hello/other.js")), "// not the handler\n");
    ValidationOptions options;
    options.projectFolder = dir.path();
    const Diagnostics diagnostics = loadAndValidate(
        R"({"formatVersion": 1, "functions": [{"name": "hello", "runtime": "nodejs20.x", "handler": "index.handler",
                                               "codeUri": "functions/hello"}]})",
        options);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.front().path, QStringLiteral("functions[0].handler"));
    QVERIFY2(diagnostics.front().message.contains(QLatin1String("'functions/hello/index.js'")),
             qPrintable(diagnostics.front().message));
    QVERIFY(diagnostics.front().isError());

    writeFile(dir.filePath(QStringLiteral("functions/hello/index.cjs")),
              "exports.handler = async () => 1;\n");
    QVERIFY2(validateProject(projectFromJsonText(R"({"formatVersion": 1, "functions": [{"name": "hello",
                                 "runtime": "nodejs20.x", "handler": "index.handler", "codeUri": "functions/hello"}]})",
                                                 kFile)
                                 .project,
                             options)
                 .isEmpty(),
             "an index.cjs file satisfies the handler");
}

void TestValidation::missingCodeFolderIsReported() {
    QTemporaryDir dir;
    ValidationOptions options;
    options.projectFolder = dir.path();
    const Diagnostics diagnostics = loadAndValidate(
        R"({"formatVersion": 1, "functions": [{"name": "f", "runtime": "javascript", "handler": "index.handler",
                                               "codeUri": "functions/none"}]})",
        options);
    QVERIFY2(find(diagnostics, QStringLiteral("functions[0].codeUri"),
                  QStringLiteral("code folder 'functions/none' does not exist")),
             qPrintable(describe(diagnostics)));
}

void TestValidation::pythonHandlerNamesModuleFile() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("py")));
    ValidationOptions options;
    options.projectFolder = dir.path();
    const QByteArray json = R"({"formatVersion": 1, "functions": [{"name": "f", "runtime": "python3.11",
                                 "handler": "pkg.app.handler", "codeUri": "py"}]})";
    Diagnostics diagnostics = loadAndValidate(json, options);
    QVERIFY2(find(diagnostics, QStringLiteral("functions[0].handler"),
                  QStringLiteral("'py/pkg/app.py' does not exist")),
             qPrintable(describe(diagnostics)));
    writeFile(dir.filePath(QStringLiteral("py/pkg/app.py")), "def handler(e, c): pass\n");
    diagnostics = loadAndValidate(json, options);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(describe(diagnostics)));
}

void TestValidation::providedRuntimeNeedsExecutableBootstrap() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("native")));
    ValidationOptions options;
    options.projectFolder = dir.path();
    const QByteArray json = R"({"formatVersion": 1, "functions": [{"name": "f", "runtime": "provided.al2",
                                 "handler": "main", "codeUri": "native"}]})";
    const QString at = QStringLiteral("functions[0].codeUri");
    QVERIFY(find(loadAndValidate(json, options), at, QStringLiteral("'native/bootstrap' does not exist")));
    writeFile(dir.filePath(QStringLiteral("native/bootstrap")), "#!/bin/sh\n");
    QVERIFY(find(loadAndValidate(json, options), at, QStringLiteral("'native/bootstrap' is not executable")));
    writeFile(dir.filePath(QStringLiteral("native/bootstrap")), "#!/bin/sh\n", true);
    const Diagnostics diagnostics = loadAndValidate(json, options);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(describe(diagnostics)));
}

void TestValidation::unknownReferenceSuggestsNearestName() {
    const Diagnostics diagnostics = loadAndValidate(
        withHello(R"j(, "schedules": [{"name": "t", "function": "Helo", "expression": "rate(1 day)"}])j"));
    const Diagnostic *d = find(diagnostics, QStringLiteral("schedules[0].function"),
                               QStringLiteral("references unknown function 'Helo'"));
    QVERIFY2(d, qPrintable(describe(diagnostics)));
    QCOMPARE(d->hint, QStringLiteral("did you mean 'hello'?"));
}

void TestValidation::unknownReferenceListsAvailableNames() {
    QByteArray functions;
    for (const char *name : {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"})
        functions += QByteArray(functions.isEmpty() ? "" : ", ") + R"({"name": ")" + name +
                     R"(", "runtime": "javascript", "handler": "index.handler"})";
    const Diagnostics diagnostics =
        loadAndValidate(R"({"formatVersion": 1, "functions": [)" + functions +
                        R"(], "queues": [{"name": "q", "trigger": {"function": "zzz"}}]})");
    const Diagnostic *d = find(diagnostics, QStringLiteral("queues[0].trigger.function"),
                               QStringLiteral("references unknown function 'zzz'"));
    QVERIFY2(d, qPrintable(describe(diagnostics)));
    QCOMPARE(d->hint, QStringLiteral("available: 'alpha', 'bravo', 'charlie', 'delta', 'echo', …"));
}

void TestValidation::diagnosticsNameTheConfiguredFile() {
    ValidationOptions options;
    options.fileName = QStringLiteral("custom.json");
    const Diagnostics diagnostics =
        loadAndValidate(withHello(R"(, "buckets": [{"name": "A"}, {"name": "A"}])"), options);
    QVERIFY(diagnostics.size() >= 2);
    for (const Diagnostic &d : diagnostics)
        QCOMPARE(d.file, options.fileName);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
