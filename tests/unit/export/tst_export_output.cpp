// Writing an export: the output folder (atomic writes, unchanged files left alone, nothing outside
// the folder, a dry-run plan for the export dialog) and OpenAPI narrowed to one API.
#include "ExportTestSupport.h"
#include "export/OutputFolder.h"
#include "export/ProjectExporter.h"
#include "export/openapi/OpenApiSelection.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportOutput : public QObject {
    Q_OBJECT
private slots:
    void writingKeepsIdenticalFilesAndReplacesOthersOnlyWhenAllowed() {
        QTemporaryDir dir;
        const QList<OutputFile> files{{QStringLiteral("a.yaml"), "a: 1\n"},
                                      {QStringLiteral("sub/b.js"), "b"}};
        OutputReport report = writeOutputFiles(dir.path(), files);
        QVERIFY(report.ok());
        QCOMPARE(report.written, (QStringList{"a.yaml", "sub/b.js"}));

        const QList<OutputFile> changed{{QStringLiteral("a.yaml"), "a: 2\n"},
                                        {QStringLiteral("sub/b.js"), "b"}};
        report = writeOutputFiles(dir.path(), changed, false);
        QCOMPARE(report.kept, QStringList{"a.yaml"});
        QCOMPARE(report.unchanged, QStringList{"sub/b.js"});
        QCOMPARE(readFile(dir.filePath(QStringLiteral("a.yaml"))), QByteArray("a: 1\n"));

        report = writeOutputFiles(dir.path(), changed, true);
        QCOMPARE(report.written, QStringList{"a.yaml"});
        QCOMPARE(readFile(dir.filePath(QStringLiteral("a.yaml"))), QByteArray("a: 2\n"));
    }

    void planSaysWhatWritingWouldDoWithoutWriting() {
        QTemporaryDir dir;
        QVERIFY(writeOutputFiles(dir.path(),
                                 {{QStringLiteral("same.txt"), "x"}, {QStringLiteral("other.txt"), "1"}})
                    .ok());
        const QString target = dir.filePath(QStringLiteral("not-yet"));
        const QList<OutputFile> files{{QStringLiteral("same.txt"), "x"},
                                      {QStringLiteral("other.txt"), "2"},
                                      {QStringLiteral("new/file.txt"), "n"}};
        const OutputReport plan = planOutputFiles(dir.path(), files);
        QVERIFY(plan.ok());
        QCOMPARE(plan.unchanged, QStringList{"same.txt"});
        QCOMPARE(plan.kept, QStringList{"other.txt"});
        QCOMPARE(plan.written, QStringList{"new/file.txt"});
        QCOMPARE(readFile(dir.filePath(QStringLiteral("other.txt"))), QByteArray("1"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new"))));

        // A folder that does not exist yet is planned, not created.
        QCOMPARE(planOutputFiles(target, files).written.size(), 3);
        QVERIFY(!QFile::exists(target));
    }

    void pathsOutsideTheFolderAreRefused() {
        QTemporaryDir dir;
        const QList<OutputFile> files{{QStringLiteral("../escape.txt"), "x"}};
        QVERIFY(!planOutputFiles(dir.filePath(QStringLiteral("out")), files).ok());
        QVERIFY(!writeOutputFiles(dir.filePath(QStringLiteral("out")), files).ok());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("escape.txt"))));
    }

    void openApiOfOneApiIsThatApisDocumentWithoutTheOthersWarnings() {
        const Project project = test::sampleProject();
        QCOMPARE(openApiExportableApis(project), (QList<qsizetype>{0, 1})); // apis[2] is WebSocket
        const ExportResult all = exportProject(project, ExportFormat::OpenApi);
        const ExportResult rest = exportOpenApiOfApi(project, 1, {});
        QVERIFY(rest.ok());
        QCOMPARE(rest.files.size(), 1);
        QCOMPARE(rest.files.first().path, QStringLiteral("pets-rest.openapi.yaml"));
        QCOMPARE(rest.files.first().bytes, all.files[1].bytes);
        // hello-http's stage variables and the WebSocket API concern the other APIs.
        QVERIFY(test::hasDiagnostic(all.diagnostics, QStringLiteral("apis[0].stages[0].variables"),
                                    QStringLiteral("stage variables")));
        for (const Diagnostic &d : rest.diagnostics)
            QVERIFY2(!d.path.startsWith(QLatin1String("apis[0]")) &&
                         !d.path.startsWith(QLatin1String("apis[2]")),
                     qPrintable(d.toString()));
        // Project-wide warnings stay.
        QVERIFY(test::hasDiagnostic(rest.diagnostics, QStringLiteral("requests"),
                                    QStringLiteral("saved requests")));
    }

    void openApiOfAWebSocketApiIsAnError() {
        const ExportResult r = exportOpenApiOfApi(test::sampleProject(), 2, {});
        QVERIFY(!r.ok());
        QVERIFY(r.files.isEmpty());
        QVERIFY(test::hasDiagnostic(r.diagnostics, QStringLiteral("apis[2]"),
                                    QStringLiteral("no HTTP or REST API"), Diagnostic::Severity::Error));
    }
};

QTEST_GUILESS_MAIN(TestExportOutput)
#include "tst_export_output.moc"
