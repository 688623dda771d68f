// Round trips: project -> SAM -> import -> SAM and project -> OpenAPI -> import -> OpenAPI give the same
// bytes; foreign templates settle after one import; the sample project survives SAM unchanged.
#include "ExportTestSupport.h"
#include "export/ProjectExporter.h"
#include "import/ProjectImporter.h"
#include "io/ProjectJson.h"

#include <QDirIterator>
#include <QtTest>

using namespace gatehouse;

namespace {

Project reimport(const ExportedFile &file, ImportFormat format) {
    const ImportResult r = importFile(file.bytes, file.path, format);
    if (!r.ok()) qWarning("%s", qPrintable(test::describe(r.diagnostics)));
    return r.project;
}

QStringList fixtures(const QStringList &patterns) {
    QStringList names = QDir(test::sourcePath(QStringLiteral("tests/data/import")))
                            .entryList(patterns, QDir::Files, QDir::Name);
    return names;
}

} // namespace

class TestExportRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void samRoundTripIsByteStable_data() {
        QTest::addColumn<QString>("project");
        QTest::newRow("sample") << test::samplePath();
        QTest::newRow("edge cases") << test::sourcePath(QStringLiteral("tests/data/export/edge-project"));
    }
    void samRoundTripIsByteStable() {
        QFETCH(QString, project);
        const ExportResult first = exportProject(test::loadProject(project), ExportFormat::Sam);
        QVERIFY(first.ok());
        const ExportResult second =
            exportProject(reimport(first.files.first(), ImportFormat::Sam), ExportFormat::Sam);
        QCOMPARE(QString::fromUtf8(second.files.first().bytes), QString::fromUtf8(first.files.first().bytes));
    }

    void sampleSurvivesSamUnchangedExceptWhatSamCannotHold() {
        Project sample = test::sampleProject();
        const ExportResult exported = exportProject(sample, ExportFormat::Sam);
        Project back = reimport(exported.files.first(), ImportFormat::Sam);
        sample.requests.clear();
        sample.environments.clear();
        QCOMPARE(QString::fromUtf8(projectToJsonText(back)), QString::fromUtf8(projectToJsonText(sample)));
    }

    void openApiRoundTripIsByteStable_data() {
        QTest::addColumn<QString>("project");
        QTest::newRow("sample") << test::samplePath();
        QTest::newRow("edge cases") << test::sourcePath(QStringLiteral("tests/data/export/edge-project"));
    }
    void openApiRoundTripIsByteStable() {
        QFETCH(QString, project);
        for (bool json : {false, true}) {
            ExportOptions options;
            options.openApiJson = json;
            const ExportResult first =
                exportProject(test::loadProject(project), ExportFormat::OpenApi, options);
            QVERIFY(first.ok());
            for (const ExportedFile &document : first.files) {
                const ExportResult second =
                    exportProject(reimport(document, ImportFormat::OpenApi), ExportFormat::OpenApi, options);
                QCOMPARE(second.files.size(), 1);
                QCOMPARE(QString::fromUtf8(second.files.first().bytes), QString::fromUtf8(document.bytes));
            }
        }
    }

    // A foreign template is normalised by the first import; from then on the round trip is stable.
    void foreignTemplatesSettleAfterOneImport_data() {
        QTest::addColumn<QString>("file");
        for (const QString &name : fixtures({QStringLiteral("sam-*.yaml"), QStringLiteral("sam-*.json")}))
            QTest::newRow(qPrintable(name)) << name;
    }
    void foreignTemplatesSettleAfterOneImport() {
        QFETCH(QString, file);
        const ImportResult imported = importFile(
            test::readSource(QStringLiteral("tests/data/import/") + file), file, ImportFormat::Sam);
        QVERIFY(imported.ok());
        const ExportResult once = exportProject(imported.project, ExportFormat::Sam);
        QVERIFY2(once.ok(), qPrintable(test::describe(once.diagnostics)));
        const ExportResult twice =
            exportProject(reimport(once.files.first(), ImportFormat::Sam), ExportFormat::Sam);
        QCOMPARE(QString::fromUtf8(twice.files.first().bytes), QString::fromUtf8(once.files.first().bytes));
    }

    void foreignOpenApiSettlesAfterOneImport_data() {
        QTest::addColumn<QString>("file");
        for (const QString &name : fixtures({QStringLiteral("openapi-*")}))
            QTest::newRow(qPrintable(name)) << name;
    }
    void foreignOpenApiSettlesAfterOneImport() {
        QFETCH(QString, file);
        const ImportResult imported = importFile(
            test::readSource(QStringLiteral("tests/data/import/") + file), file, ImportFormat::OpenApi);
        QVERIFY(imported.ok());
        const ExportResult once = exportProject(imported.project, ExportFormat::OpenApi);
        QVERIFY2(once.ok(), qPrintable(test::describe(once.diagnostics)));
        const ExportResult twice =
            exportProject(reimport(once.files.first(), ImportFormat::OpenApi), ExportFormat::OpenApi);
        QCOMPARE(QString::fromUtf8(twice.files.first().bytes), QString::fromUtf8(once.files.first().bytes));
    }

    void postmanRoundTripIsByteStable() {
        const ExportResult first = exportProject(test::edgeProject(), ExportFormat::Postman);
        QList<ImportSource> sources;
        for (const ExportedFile &f : first.files)
            sources.append({f.path, f.bytes});
        const ImportResult back = importFiles(sources, ImportFormat::Postman);
        QVERIFY2(back.ok(), qPrintable(test::describe(back.diagnostics)));
        const ExportResult second = exportProject(back.project, ExportFormat::Postman);
        QCOMPARE(second.files.size(), first.files.size());
        for (qsizetype i = 0; i < first.files.size(); ++i) {
            QCOMPARE(second.files[i].path, first.files[i].path);
            QCOMPARE(QString::fromUtf8(second.files[i].bytes), QString::fromUtf8(first.files[i].bytes));
        }
    }
};

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_export_roundtrip.moc"
