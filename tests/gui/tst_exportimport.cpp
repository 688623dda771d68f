// File > Export… and File > Import… driven through the real main window and dialogs: the preview and
// the warnings before anything is written, the files on disk afterwards, the questions before
// replacing, and broken input reported in the dialog.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "TestSupport.h"
#include "Translations.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "document/ProjectDocument.h"
#include "export/ProjectExporter.h"
#include "itemmodels/ProjectTreeModel.h"
#include "widgets/ExportFilesView.h"
#include "widgets/WarningsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace gatehouse;

Q_DECLARE_METATYPE(gatehouse::ExportFormat)

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Replaces a line edit's text the way a user does: select all, type.
void typeInto(QLineEdit *edit, const QString &text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void chooseComboData(QComboBox *combo, const QVariant &data) {
    combo->setCurrentIndex(combo->findData(data));
}

QStringList columnTexts(const QTreeWidget *list, int column) {
    QStringList texts;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        texts << list->topLevelItem(row)->text(column);
    return texts;
}

QString groupCount(ProjectTreeModel *model, EntityKind kind) {
    return model->groupIndex(kind).data(ProjectTreeModel::DetailRole).toString();
}

} // namespace

class TestExportImport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    QString sampleCopy(const QString &name = QStringLiteral("hello-api")) {
        const QString folder = m_dir->filePath(name);
        return test::copyTree(test::samplePath(), folder) ? folder : QString();
    }

    // The import fixtures (templates with their code folders) copied, so defaults never point into
    // the source tree.
    QString importFixtures() {
        const QString folder = m_dir->filePath(QStringLiteral("fixtures"));
        return test::copyTree(test::sourcePath(QStringLiteral("tests/data/import")), folder) ? folder
                                                                                             : QString();
    }

    std::unique_ptr<MainWindow> showWindow(const QString &path) {
        auto window = AppStartup::createMainWindow(path);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qWarning("window did not become active");
        return window;
    }

    // Runs `drive` on the dialog that `open` shows through DialogSeams, showing it first so the
    // widgets are driven as a user sees them. QVERIFY failures inside `drive` end the test.
    template <typename Dialog>
    void withDialog(const std::function<void()> &open, const std::function<void(Dialog &)> &drive) {
        bool ran = false;
        DialogSeams::queueDialog([&](QDialog &dialog) {
            auto *typed = qobject_cast<Dialog *>(&dialog);
            if (!typed) return int(QDialog::Rejected);
            ran = true;
            dialog.show();
            if (!QTest::qWaitForWindowExposed(&dialog)) qWarning("dialog was not exposed");
            drive(*typed);
            return dialog.result();
        });
        open();
        QVERIFY2(ran, "the dialog was not opened");
    }

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }

    void init() {
        DialogSeams::clear();
        m_dir = new QTemporaryDir;
    }

    void cleanup() {
        DialogSeams::clear();
        delete m_dir;
    }

    void exportPreviewsEachFormatWithItsWarningsThenWritesTheFiles_data() {
        QTest::addColumn<ExportFormat>("format");
        QTest::addColumn<QString>("marker");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("sam") << ExportFormat::Sam << "AWSTemplateFormatVersion"
                             << "the embedded 'javascript' runtime does not exist on AWS Lambda"
                             << QStringList{"template.yaml", "functions/hello/index.js",
                                            "functions/hello/gatehouse-handler.cjs", "functions/pets/app.py"};
        QTest::newRow("openapi") << ExportFormat::OpenApi << "openapi: 3"
                                 << "WebSocket API 'chat-ws' is not exported"
                                 << QStringList{"hello-http.openapi.yaml", "pets-rest.openapi.yaml"};
        QTest::newRow("serverless") << ExportFormat::Serverless << "service: hello-api"
                                    << "serverless.yml has no stage variables"
                                    << QStringList{"serverless.yml", "functions/echo/index.mjs"};
        QTest::newRow("postman") << ExportFormat::Postman << "\"info\""
                                 << "not part of a Postman collection"
                                 << QStringList{"hello-api.postman_collection.json",
                                                "hello-api.local.postman_environment.json"};
    }
    void exportPreviewsEachFormatWithItsWarningsThenWritesTheFiles() {
        QFETCH(ExportFormat, format);
        QFETCH(QString, marker);
        QFETCH(QString, warning);
        QFETCH(QStringList, files);
        const QString project = sampleCopy();
        const auto window = showWindow(project);
        const QString target = m_dir->filePath(QStringLiteral("out"));
        ExportOptions options;
        options.projectFolder = project;
        const ExportResult expected = exportProject(window->document()->project(), format, options);
        QVERIFY(!expected.diagnostics.isEmpty());

        withDialog<ExportDialog>(
            [&] { QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)); },
            [&](ExportDialog &dialog) {
                chooseComboData(dialog.findChild<QComboBox *>(QStringLiteral("formatCombo")), int(format));
                QCOMPARE(dialog.format(), format);
                QVERIFY(dialog.previewText().contains(marker));
                // The main document is listed first and previewed; the others are a click away.
                QTreeWidget *fileList = dialog.filesView()->fileList();
                QCOMPARE(fileList->currentItem(), fileList->topLevelItem(0));
                for (const QString &file : files)
                    QVERIFY2(columnTexts(fileList, ExportFilesView::FileColumn).contains(file),
                             qPrintable(file));

                WarningsPanel *warnings = dialog.warningsPanel();
                QCOMPARE(warnings->list()->topLevelItemCount(), int(expected.diagnostics.size()));
                QCOMPARE(warnings->countText(), QStringLiteral("%1 warning%2")
                                                    .arg(expected.diagnostics.size())
                                                    .arg(expected.diagnostics.size() == 1 ? "" : "s"));
                const QStringList messages = columnTexts(warnings->list(), WarningsPanel::MessageColumn);
                QVERIFY2(std::any_of(messages.begin(), messages.end(),
                                     [&](const QString &m) { return m.contains(warning); }),
                         qPrintable(messages.join(QLatin1Char('\n'))));
                QVERIFY(warnings->list()->isVisible());

                auto *destination = dialog.findChild<QLineEdit *>(QStringLiteral("destinationEdit"));
                QVERIFY(
                    destination->text().endsWith(QStringLiteral("hello-api-") + exportFormatName(format)));
                typeInto(destination, target);
                QCOMPARE(columnTexts(fileList, ExportFilesView::StateColumn).first(), QStringLiteral("new"));
                QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
            });
        if (QTest::currentTestFailed()) return;

        for (const QString &file : files)
            QVERIFY2(QFile::exists(QDir(target).filePath(file)), qPrintable(file));
        QCOMPARE(readFile(QDir(target).filePath(files.first())), expected.files.first().bytes);
        QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Exported ")));
        QCOMPARE(DialogSeams::shown().size(), 1); // the dialog itself; nothing to replace
    }

    void openApiExportsOneApiToAFileAsYamlOrJson() {
        const QString project = sampleCopy();
        const auto window = showWindow(project);
        const QString target = m_dir->filePath(QStringLiteral("specs/http.json"));
        withDialog<ExportDialog>(
            [&] { window->exportProject(); },
            [&](ExportDialog &dialog) {
                dialog.selectFormat(ExportFormat::OpenApi);
                auto *api = dialog.findChild<QComboBox *>(QStringLiteral("apiCombo"));
                QVERIFY(api->isVisible());
                QCOMPARE(api->count(), 3); // all, hello-http, pets-rest (not chat-ws)
                api->setCurrentIndex(api->findText(QStringLiteral("hello-http")));
                QCOMPARE(dialog.result().files.size(), 1);
                QVERIFY(dialog.destination().endsWith(QStringLiteral("hello-http.openapi.yaml")));
                const QStringList messages =
                    columnTexts(dialog.warningsPanel()->list(), WarningsPanel::MessageColumn);
                QVERIFY(!messages.join(QLatin1Char('\n')).contains(QStringLiteral("chat-ws")));

                QTest::mouseClick(dialog.findChild<QCheckBox *>(QStringLiteral("jsonCheck")), Qt::LeftButton);
                QVERIFY(dialog.previewText().contains(QStringLiteral("\"openapi\"")));
                QVERIFY(dialog.destination().endsWith(QStringLiteral("hello-http.openapi.json")));
                typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("destinationEdit")), target);
                QTest::keyClick(&dialog, Qt::Key_Return);
            });
        if (QTest::currentTestFailed()) return;
        QVERIFY(readFile(target).contains("\"openapi\": \"3.0.1\""));
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList(QDir::Files), QStringList{"http.json"});
    }

    void exportAsksBeforeReplacingFilesWithOtherContents() {
        const QString project = sampleCopy();
        const auto window = showWindow(project);
        const QString target = m_dir->filePath(QStringLiteral("out"));
        const QString collection = target + QStringLiteral("/hello-api.postman_collection.json");
        QVERIFY(writeFile(collection, "{ \"mine\": true }\n"));

        const auto exportPostman = [&](QMessageBox::StandardButton answer) {
            DialogSeams::clear();
            DialogSeams::queueAnswer(answer);
            withDialog<ExportDialog>(
                [&] { window->exportProject(); },
                [&](ExportDialog &dialog) {
                    dialog.selectFormat(ExportFormat::Postman);
                    dialog.setDestination(target);
                    QCOMPARE(columnTexts(dialog.filesView()->fileList(), ExportFilesView::StateColumn),
                             (QStringList{"replaces a file", "new"}));
                    QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
                    // Declined: the dialog stays open with everything as it was.
                    if (answer != QMessageBox::Yes) QVERIFY(dialog.isVisible());
                });
        };
        exportPostman(QMessageBox::Cancel);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(DialogSeams::shown().last().kind, QStringLiteral("question"));
        QVERIFY(
            DialogSeams::shown().last().text.contains(QStringLiteral("hello-api.postman_collection.json")));
        QCOMPARE(readFile(collection), QByteArray("{ \"mine\": true }\n"));
        QVERIFY(!QFile::exists(target + QStringLiteral("/hello-api.local.postman_environment.json")));

        exportPostman(QMessageBox::Yes);
        if (QTest::currentTestFailed()) return;
        QVERIFY(readFile(collection).contains("getpostman.com"));
        QVERIFY(QFile::exists(target + QStringLiteral("/hello-api.local.postman_environment.json")));

        // Same bytes again: nothing to replace, so no question.
        DialogSeams::clear();
        withDialog<ExportDialog>([&] { window->exportProject(); },
                                 [&](ExportDialog &dialog) {
                                     dialog.selectFormat(ExportFormat::Postman);
                                     dialog.setDestination(target);
                                     QVERIFY(dialog.exportFiles());
                                 });
        QCOMPARE(DialogSeams::shown().size(), 1);
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("2 already up to date")));
    }

    void exportNeedsAProjectFolder() {
        const auto window = showWindow(sampleCopy());
        QAction *exportAction = window->findChild<QAction *>(QStringLiteral("exportAction"));
        QVERIFY(exportAction->isEnabled());
        QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(window->session()->newProject());
        QVERIFY(!exportAction->isEnabled());
        QVERIFY(window->findChild<QAction *>(QStringLiteral("importAction"))->isEnabled());
    }

    void importedSamTemplateIsPreviewedThenCreatedAndOpened() {
        const QString fixtures = importFixtures();
        const auto window = showWindow(sampleCopy());
        const QString target = m_dir->filePath(QStringLiteral("shop"));
        DialogSeams::queueFileName(fixtures + QStringLiteral("/sam-shop.yaml"));
        withDialog<ImportDialog>(
            [&] { window->findChild<QAction *>(QStringLiteral("importAction"))->trigger(); },
            [&](ImportDialog &dialog) {
                QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("browseSourceButton")),
                                  Qt::LeftButton);
                QCOMPARE(dialog.effectiveFormat(), std::optional(ImportFormat::Sam));
                QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentText(),
                         QStringLiteral("Detect automatically: AWS SAM"));

                ProjectTreeModel *preview = dialog.previewModel();
                QCOMPARE(groupCount(preview, EntityKind::Function), QStringLiteral("4"));
                QCOMPARE(groupCount(preview, EntityKind::Api), QStringLiteral("3"));
                QCOMPARE(groupCount(preview, EntityKind::Bucket), QStringLiteral("1"));
                QCOMPARE(groupCount(preview, EntityKind::Queue), QStringLiteral("2"));
                QCOMPARE(groupCount(preview, EntityKind::Schedule), QStringLiteral("1"));
                QVERIFY2(dialog.summaryText().startsWith(QStringLiteral("4 functions, 3 APIs with 7 routes")),
                         qPrintable(dialog.summaryText()));

                // The warnings point into the template by line and column.
                QTreeWidget *warnings = dialog.warningsPanel()->list();
                // (The bucket's VersioningConfiguration is imported, so it is no warning.)
                QCOMPARE(warnings->topLevelItemCount(), 8);
                QVERIFY(!warnings->isColumnHidden(WarningsPanel::LineColumn));
                QVERIFY(columnTexts(warnings, WarningsPanel::LineColumn).contains(QStringLiteral("225:5")));
                QCOMPARE(dialog.warningsPanel()->countText(), QStringLiteral("8 warnings"));

                auto *targetEdit = dialog.findChild<QLineEdit *>(QStringLiteral("targetEdit"));
                QCOMPARE(QFileInfo(targetEdit->text()).absolutePath(),
                         QFileInfo(fixtures).absoluteFilePath());
                typeInto(targetEdit, target);
                QVERIFY(dialog.importButton()->isEnabled());
                QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
            });
        if (QTest::currentTestFailed()) return;

        QVERIFY(QFile::exists(target + QStringLiteral("/gatehouse.json")));
        QCOMPARE(QDir(window->document()->folder()), QDir(target));
        QCOMPARE(window->document()->project().functions.size(), 4);
        QVERIFY(!window->isWindowModified());
        const QModelIndex functions = window->projectTreeModel()->groupIndex(EntityKind::Function);
        QCOMPARE(window->projectTreeModel()->rowCount(functions), 4);
        QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Imported sam-shop.yaml")));
    }

    void postmanCollectionBringsTheEnvironmentsBesideIt() {
        const QString fixtures = importFixtures();
        const auto window = showWindow(sampleCopy());
        withDialog<ImportDialog>(
            [&] { window->importProject(); },
            [&](ImportDialog &dialog) {
                dialog.setSourceFile(fixtures + QStringLiteral("/postman-store.postman_collection.json"));
                QCOMPARE(dialog.effectiveFormat(), std::optional(ImportFormat::Postman));
                auto *environments = dialog.findChild<QCheckBox *>(QStringLiteral("environmentsCheck"));
                QVERIFY(environments->isVisible());
                QVERIFY(environments->text().contains(QStringLiteral("staging")));
                const qsizetype withStaging = dialog.result().project.environments.size();
                QVERIFY(dialog.summaryText().contains(QStringLiteral("%1 environments").arg(withStaging)));
                // The space bar, not a click: the check box spans the row, and only its label takes clicks.
                environments->setFocus();
                QTest::keyClick(environments, Qt::Key_Space);
                QVERIFY(!environments->isChecked());
                QCOMPARE(dialog.result().project.environments.size(), withStaging - 1);
                QVERIFY(!dialog.result().project.requests.isEmpty());
                dialog.reject();
            });
    }

    void brokenFileShowsItsErrorAndImportsNothing() {
        const QString broken = m_dir->filePath(QStringLiteral("template.yaml"));
        QVERIFY(writeFile(broken, "Resources:\n  Fn:\n    Type: [AWS::Serverless::Function\n"));
        const QString unknown = m_dir->filePath(QStringLiteral("package.json"));
        QVERIFY(writeFile(unknown, "{ \"name\": \"not-a-template\", \"version\": \"1.0.0\" }\n"));
        const auto window = showWindow(sampleCopy());
        const QString before = window->document()->folder();
        withDialog<ImportDialog>(
            [&] { window->importProject(); },
            [&](ImportDialog &dialog) {
                dialog.setSourceFile(broken);
                WarningsPanel *panel = dialog.warningsPanel();
                QCOMPARE(panel->countText(), QStringLiteral("1 error"));
                const Diagnostic error = panel->diagnostics().first();
                QVERIFY(error.isError());
                QVERIFY(error.line > 0);
                QVERIFY(error.message.contains(QStringLiteral("YAML")));
                QCOMPARE(panel->list()->topLevelItem(0)->text(WarningsPanel::LineColumn),
                         QStringLiteral("%1:%2").arg(error.line).arg(error.column));
                QVERIFY(!dialog.importButton()->isEnabled());
                QCOMPARE(groupCount(dialog.previewModel(), EntityKind::Function), QStringLiteral("0"));
                QVERIFY(dialog.summaryText().contains(QStringLiteral("errors are fixed")));

                // Forcing a format reports the importer's own parse error; no crash, nothing enabled.
                dialog.selectFormat(ImportFormat::OpenApi);
                QVERIFY(hasErrors(panel->diagnostics()));
                QVERIFY(!dialog.importButton()->isEnabled());
                dialog.selectFormat(std::nullopt);

                dialog.setSourceFile(unknown);
                QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentText(),
                         QStringLiteral("Detect automatically: not recognised"));
                QVERIFY(
                    panel->diagnostics().first().message.contains(QStringLiteral("not an AWS SAM template")));
                QVERIFY(!dialog.importButton()->isEnabled());
                QVERIFY(!dialog.importProject());

                dialog.setSourceFile(m_dir->filePath(QStringLiteral("missing.yaml")));
                QVERIFY(
                    panel->diagnostics().first().message.startsWith(QStringLiteral("cannot read the file")));
                dialog.reject();
            });
        QCOMPARE(window->document()->folder(), before);
    }

    void importIntoAnExistingProjectAsksFirst() {
        const QString fixtures = importFixtures();
        const QString existing = sampleCopy(QStringLiteral("existing"));
        const QByteArray before = readFile(existing + QStringLiteral("/gatehouse.json"));
        const auto window = showWindow(sampleCopy());
        DialogSeams::queueAnswer(QMessageBox::Cancel);
        withDialog<ImportDialog>([&] { window->importProject(); },
                                 [&](ImportDialog &dialog) {
                                     dialog.setSourceFile(fixtures +
                                                          QStringLiteral("/openapi-petstore.yaml"));
                                     QCOMPARE(dialog.effectiveFormat(), std::optional(ImportFormat::OpenApi));
                                     dialog.setTargetFolder(existing);
                                     QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
                                     QVERIFY(dialog.isVisible());
                                     QVERIFY(dialog.importedFolder().isEmpty());
                                     dialog.reject();
                                 });
        if (QTest::currentTestFailed()) return;
        QCOMPARE(DialogSeams::shown().last().title, QStringLiteral("Replace Project?"));
        QCOMPARE(readFile(existing + QStringLiteral("/gatehouse.json")), before);
    }
};

QTEST_MAIN(TestExportImport)
#include "tst_exportimport.moc"
