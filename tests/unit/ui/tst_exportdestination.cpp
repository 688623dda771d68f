// Where the export dialog writes (folder or file, defaults beside the project, the CLI's -o rules)
// and how the import dialog names what it will create and the environments it brings along.
#include "ExportDestination.h"
#include "ImportFiles.h"
#include "ImportSummary.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

ExportResult resultWith(const QStringList &paths) {
    ExportResult result;
    for (const QString &path : paths)
        result.files.append({path, path.toUtf8(), ExportedFile::Kind::Document});
    return result;
}

} // namespace

class TestExportDestination : public QObject {
    Q_OBJECT
private slots:
    void defaultsSitBesideTheProjectFolder() {
        const ExportResult several = resultWith({"template.yaml", "functions/a/index.js"});
        const ExportResult one = resultWith({"hello-http.openapi.yaml"});
        QVERIFY(!ExportDestination::isSingleFile(several));
        QVERIFY(ExportDestination::isSingleFile(one));
        QCOMPARE(
            ExportDestination::defaultPath(QStringLiteral("/work/hello-api"), ExportFormat::Sam, several),
            QStringLiteral("/work/hello-api-sam"));
        QCOMPARE(
            ExportDestination::defaultPath(QStringLiteral("/work/hello-api/"), ExportFormat::OpenApi, one),
            QStringLiteral("/work/hello-http.openapi.yaml"));
    }

    void relativePathsCountFromTheProjectsParent() {
        QCOMPARE(ExportDestination::absolutePath(QStringLiteral("out/x.yaml"), QStringLiteral("/work/p")),
                 QStringLiteral("/work/out/x.yaml"));
        QCOMPARE(ExportDestination::absolutePath(QStringLiteral("out/"), QStringLiteral("/work/p")),
                 QStringLiteral("/work/out/"));
        QCOMPARE(ExportDestination::absolutePath(QStringLiteral("  "), QStringLiteral("/work/p")), QString());
    }

    void aSingleFileTakesTheGivenNameUnlessTheDestinationIsAFolder() {
        QTemporaryDir dir;
        const ExportResult one = resultWith({"hello-http.openapi.yaml"});
        ExportDestination::Target target =
            ExportDestination::targetFor(one, dir.filePath(QStringLiteral("api.yaml")));
        QCOMPARE(target.folder, dir.path());
        QCOMPARE(target.files.first().path, QStringLiteral("api.yaml"));
        QCOMPARE(target.mainFilePath, dir.filePath(QStringLiteral("api.yaml")));
        target = ExportDestination::targetFor(one, dir.path());
        QCOMPARE(target.files.first().path, QStringLiteral("hello-http.openapi.yaml"));
        target = ExportDestination::targetFor(one, dir.filePath(QStringLiteral("new")) + QLatin1Char('/'));
        QCOMPARE(target.folder, dir.filePath(QStringLiteral("new")));
        QCOMPARE(target.files.first().path, QStringLiteral("hello-http.openapi.yaml"));

        const ExportResult several = resultWith({"template.yaml", "functions/a/index.js"});
        target = ExportDestination::targetFor(several, dir.filePath(QStringLiteral("out")));
        QCOMPARE(target.folder, dir.filePath(QStringLiteral("out")));
        QCOMPARE(target.files[1].path, QStringLiteral("functions/a/index.js"));
        QVERIFY(ExportDestination::targetFor(several, QString()).folder.isEmpty());
    }

    void aChosenDestinationFollowsTheExportsShape() {
        using ExportDestination::adjusted;
        // file -> folder: the file's folder; folder -> file: the new document inside it.
        QCOMPARE(adjusted(QStringLiteral("/x/a.yaml"), true, QStringLiteral("a.yaml"), false, {}),
                 QStringLiteral("/x"));
        QCOMPARE(adjusted(QStringLiteral("/x"), false, {}, true, QStringLiteral("b.json")),
                 QStringLiteral("/x/b.json"));
        // YAML -> JSON renames a default-named file, but not one the user named.
        QCOMPARE(adjusted(QStringLiteral("/x/a.openapi.yaml"), true, QStringLiteral("a.openapi.yaml"), true,
                          QStringLiteral("a.openapi.json")),
                 QStringLiteral("/x/a.openapi.json"));
        QCOMPARE(adjusted(QStringLiteral("/x/mine.yaml"), true, QStringLiteral("a.openapi.yaml"), true,
                          QStringLiteral("a.openapi.json")),
                 QStringLiteral("/x/mine.yaml"));
    }

    void importSummaryCountsWhatTheProjectHolds() {
        ImportResult result;
        QCOMPARE(ImportSummary::text(result), QStringLiteral("Nothing to import."));
        result.project.functions.resize(2);
        result.project.apis.resize(1);
        result.project.apis[0].routes.resize(3);
        result.project.queues.resize(1);
        result.files.append({QStringLiteral("src/a.js"), "x", false});
        result.files.append({QStringLiteral("src/b.js"), "x", true});
        // Without the English plural forms installed, tr() keeps the "(s)".
        QCOMPARE(ImportSummary::text(result),
                 QStringLiteral("2 function(s), 1 API(s) with 3 route(s), 1 queue(s); 2 code file(s) "
                                "(1 placeholder(s))"));
    }

    void postmanEnvironmentsAreNamedByTheirLastPart() {
        QCOMPARE(ImportFiles::environmentName(QStringLiteral("/x/store.staging.postman_environment.json")),
                 QStringLiteral("staging"));
        QCOMPARE(ImportFiles::environmentName(QStringLiteral("/x/local.postman_environment.json")),
                 QStringLiteral("local"));
    }

    void folderNamesComeFromProjectNames() {
        QCOMPARE(ImportSummary::folderName(QStringLiteral("Store API")), QStringLiteral("Store API"));
        QCOMPARE(ImportSummary::folderName(QStringLiteral("a/b:c")), QStringLiteral("a-b-c"));
        QCOMPARE(ImportSummary::folderName(QStringLiteral("../up")), QStringLiteral("-up"));
        QCOMPARE(ImportSummary::folderName(QStringLiteral("  ")), QStringLiteral("imported-project"));
        QCOMPARE(ImportSummary::folderName(QStringLiteral("\uc1fc\ud551")), QStringLiteral("\uc1fc\ud551"));
    }
};

QTEST_GUILESS_MAIN(TestExportDestination)
#include "tst_exportdestination.moc"
