// Drives the real main window the way a user does (keyboard in the tree, shortcuts, dialogs answered
// through DialogSeams) and checks what ends up in the document and on disk.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "RecentProjects.h"
#include "TestSupport.h"
#include "Translations.h"
#include "canvas/DesignerPage.h"
#include "canvas/DesignerScene.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "document/ProjectDocument.h"
#include "itemmodels/DiagnosticsModel.h"
#include "itemmodels/ProjectTreeModel.h"
#include "properties/PropertyEditor.h"
#include "widgets/DiagnosticsSummary.h"
#include "widgets/DiagnosticsView.h"
#include "widgets/ProjectTreeView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace gatehouse;

namespace {

int functionIndex(const Project &project, const QString &name) {
    for (int i = 0; i < project.functions.size(); ++i)
        if (project.functions[i].name == name) return i;
    return -1;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QAction *action(MainWindow &window, const char *name) {
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    // A fresh copy of the sample for each test; the window is shown, exposed and active.
    QString sampleCopy(const QString &name = QStringLiteral("project")) {
        const QString folder = m_dir->filePath(name);
        if (!test::copyTree(test::samplePath(), folder)) return {};
        return folder;
    }

    std::unique_ptr<MainWindow> showWindow(const QString &path) {
        auto window = AppStartup::createMainWindow(path);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qWarning("window did not become active");
        return window;
    }

    // Opens the in-place editor on `index` with F2 and returns it.
    QLineEdit *startEditing(ProjectTreeView *tree, const QModelIndex &index) {
        tree->setFocus();
        tree->setCurrentIndex(index);
        QTest::keyClick(tree, Qt::Key_F2);
        if (!test::waitFor([] { return qobject_cast<QLineEdit *>(QApplication::focusWidget()) != nullptr; }))
            return nullptr;
        return qobject_cast<QLineEdit *>(QApplication::focusWidget());
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

    void treeShowsTheRoutesOfHelloHttp() {
        const auto window = showWindow(sampleCopy());
        ProjectTreeModel *model = window->projectTreeModel();
        const QModelIndex http = model->indexOf({EntityKind::Api, 0, -1});
        QCOMPARE(http.data().toString(), QStringLiteral("hello-http"));
        QStringList routes;
        for (int r = 0; r < model->rowCount(http); ++r)
            routes << model->index(r, 0, http).data().toString();
        QCOMPARE(routes, (QStringList{QStringLiteral("GET /hello"), QStringLiteral("GET /items/{id}"),
                                      QStringLiteral("POST /echo"), QStringLiteral("$default")}));
        // Opened with the routes in sight.
        QVERIFY(window->projectTree()->isExpanded(http));
        QVERIFY(window->projectTree()->visualRect(model->index(0, 0, http)).isValid());
    }

    void renamingFunctionInTheTreeFollowsReferencesUndoesAndSaves() {
        const QString folder = sampleCopy();
        const auto window = showWindow(folder);
        ProjectDocument *document = window->document();
        ProjectTreeView *tree = window->projectTree();
        const int hello = functionIndex(document->project(), QStringLiteral("hello"));
        QVERIFY(hello >= 0);

        QLineEdit *editor =
            startEditing(tree, window->projectTreeModel()->indexOf({EntityKind::Function, hello, -1}));
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("hello"));
        QCOMPARE(editor->selectedText(), QStringLiteral("hello")); // typing replaces the old name
        QTest::keyClicks(editor, QStringLiteral("greet"));
        QTest::keyClick(editor, Qt::Key_Return);

        QTRY_COMPARE(document->project().functions[hello].name, QStringLiteral("greet"));
        QCOMPARE(document->project().apis[0].routes[0].integration.function, QStringLiteral("greet"));
        QVERIFY(window->isWindowModified());
        QTRY_VERIFY(tree->hasFocus());

        QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document->project().functions[hello].name, QStringLiteral("hello"));
        QCOMPARE(document->project().apis[0].routes[0].integration.function, QStringLiteral("hello"));
        QVERIFY(!window->isWindowModified());

        QTest::keySequence(tree, QKeySequence(QKeySequence::Redo));
        QCOMPARE(document->project().apis[0].routes[0].integration.function, QStringLiteral("greet"));
        QVERIFY(window->isWindowModified());

        QTest::keyClick(tree, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!window->isWindowModified());
        QVERIFY(window->undoStack()->isClean());
        ProjectDocument reloaded;
        QVERIFY(reloaded.open(folder));
        QVERIFY(reloaded.project() == document->project());
        QCOMPARE(reloaded.project().apis[0].routes[0].integration.function, QStringLiteral("greet"));
    }

    void escapeCancelsTheRename() {
        const auto window = showWindow(sampleCopy());
        QLineEdit *editor = startEditing(window->projectTree(),
                                         window->projectTreeModel()->indexOf({EntityKind::Function, 1, -1}));
        QVERIFY(editor);
        QTest::keyClicks(editor, QStringLiteral("discarded"));
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(window->projectTree()->hasFocus());
        QCOMPARE(window->document()->project().functions[1].name, QStringLiteral("getItem"));
        QCOMPARE(window->undoStack()->count(), 0);
    }

    void deleteKeyRemovesTheSelectedFunctionUndoably() {
        const auto window = showWindow(sampleCopy());
        ProjectTreeView *tree = window->projectTree();
        tree->setFocus();
        QVERIFY(tree->selectEntity({EntityKind::Function, 0, -1}));
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(window->document()->project().functions.size(), 7);
        QCOMPARE(functionIndex(window->document()->project(), QStringLiteral("hello")), -1);
        // The neighbour takes the selection, and the expansion survives the reset.
        QCOMPARE(tree->currentEntity(), (EntityRef{EntityKind::Function, 0, -1}));
        QVERIFY(tree->isExpanded(window->projectTreeModel()->indexOf({EntityKind::Api, 0, -1})));
        QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window->document()->project().functions[0].name, QStringLiteral("hello"));
    }

    void addFunctionCreatesUniqueNameAndStartsEditing() {
        const auto window = showWindow(sampleCopy());
        action(*window, "addFunctionAction")->trigger();
        const Project &project = window->document()->project();
        QCOMPARE(project.functions.size(), 9);
        QCOMPARE(project.functions.last().name, QStringLiteral("newFunction"));
        QCOMPARE(window->projectTree()->currentEntity(), (EntityRef{EntityKind::Function, 8, -1}));
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        QTest::keyClicks(editor, QStringLiteral("resize"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(window->document()->project().functions.last().name, QStringLiteral("resize"));
        action(*window, "addFunctionAction")->trigger();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(window->document()->project().functions.last().name, QStringLiteral("newFunction"));
        QCOMPARE(window->undoStack()->count(), 3);
    }

    void closingWithUnsavedChangesAsks() {
        const QString folder = sampleCopy();
        auto window = showWindow(folder);
        window->projectTree()->setFocus();
        QVERIFY(window->projectTree()->selectEntity({EntityKind::Schedule, 0, -1}));
        QTest::keyClick(window->projectTree(), Qt::Key_Delete);
        QVERIFY(window->isWindowModified());

        DialogSeams::queueAnswer(QMessageBox::Cancel);
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QCOMPARE(DialogSeams::shown().size(), 1);
        QCOMPARE(DialogSeams::shown().first().kind, QStringLiteral("question"));
        QVERIFY(DialogSeams::shown().first().text.contains(QStringLiteral("hello-api")));

        DialogSeams::queueAnswer(QMessageBox::Save);
        QVERIFY(window->close());
        ProjectDocument reloaded;
        QVERIFY(reloaded.open(folder));
        QVERIFY(reloaded.project().schedules.isEmpty());
    }

    void discardingClosesWithoutSaving() {
        const QString folder = sampleCopy();
        const QByteArray before = readFile(folder + QStringLiteral("/gatehouse.json"));
        auto window = showWindow(folder);
        window->projectTree()->setFocus();
        QVERIFY(window->projectTree()->selectEntity({EntityKind::Bucket, 0, -1}));
        QTest::keyClick(window->projectTree(), Qt::Key_Delete);
        DialogSeams::queueAnswer(QMessageBox::Discard);
        QVERIFY(window->close());
        QCOMPARE(readFile(folder + QStringLiteral("/gatehouse.json")), before);
    }

    void openingAnotherProjectAsksAboutUnsavedChanges() {
        const auto window = showWindow(sampleCopy());
        Project edited = window->document()->project();
        edited.description = QStringLiteral("changed");
        window->document()->setProject(edited);
        DialogSeams::queueAnswer(QMessageBox::Cancel);
        QVERIFY(!window->session()->open(sampleCopy(QStringLiteral("other"))));
        QCOMPARE(window->document()->project().description, QStringLiteral("changed"));
        DialogSeams::queueAnswer(QMessageBox::Discard);
        QVERIFY(window->session()->open(sampleCopy(QStringLiteral("other"))));
        QVERIFY(!window->isWindowModified());
        QCOMPARE(window->undoStack()->count(), 0);
    }

    void brokenProjectFileShowsItsDiagnosticInThePanel() {
        const QString broken = test::writeProjectFile(m_dir->filePath(QStringLiteral("broken")),
                                                      "{ \"formatVersion\": 1, \"name\": ");
        const auto window = showWindow(broken);
        DiagnosticsModel *model = window->diagnosticsModel();
        QVERIFY(model->rowCount() >= 1);
        const Diagnostic first = model->diagnosticAt(0);
        QVERIFY(first.isError());
        QCOMPARE(first.file, QStringLiteral("gatehouse.json"));
        QVERIFY(first.line > 0);
        QVERIFY(window->diagnosticsView()->isVisible());
        QCOMPARE(model->index(0, DiagnosticsModel::MessageColumn).data().toString(), first.message);
        QCOMPARE(DialogSeams::shown().size(), 1);
        QCOMPARE(DialogSeams::shown().first().title, QStringLiteral("Cannot Open Project"));
        QVERIFY(DialogSeams::shown().first().text.contains(first.message));
        QVERIFY(window->findChild<DiagnosticsSummary *>()->text().startsWith(QStringLiteral("1 error, ")));
    }

    void missingProjectShowsWhyAndKeepsRunning() {
        const auto window = showWindow(m_dir->filePath(QStringLiteral("nowhere")));
        QVERIFY(window->diagnosticsModel()->rowCount() >= 1);
        QCOMPARE(window->diagnosticsModel()->diagnosticAt(0).message, QStringLiteral("no such file"));
        QVERIFY(window->isVisible());
    }

    void doubleClickOnDiagnosticSelectsItsEntity() {
        const QString folder = sampleCopy();
        QByteArray text = readFile(folder + QStringLiteral("/gatehouse.json"));
        const QByteArray memory = "\"memoryMB\": 256,"; // getItem's
        text.replace(text.indexOf(memory), memory.size(), "\"memoryMB\": \"lots\",");
        test::writeProjectFile(folder, text);
        const auto window = showWindow(folder);

        DiagnosticsModel *model = window->diagnosticsModel();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->diagnosticAt(r).path == QLatin1String("functions[1].memoryMB")) row = r;
        QVERIFY(row >= 0);
        QVERIFY(window->findChild<DiagnosticsSummary *>()->text().startsWith(QStringLiteral("1 error, ")));

        DiagnosticsView *view = window->diagnosticsView();
        view->scrollTo(model->index(row, DiagnosticsModel::MessageColumn));
        const QRect cell = view->visualRect(model->index(row, DiagnosticsModel::MessageColumn));
        QVERIFY(view->viewport()->rect().contains(cell.center()));
        // QTest's widget double-click is a lone DblClick event; a real one starts with a click.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        // The tree and the canvas select the entity; the property editor focuses the field at fault.
        const EntityRef getItem{EntityKind::Function, 1, -1};
        QCOMPARE(window->projectTree()->currentEntity(), getItem);
        QCOMPARE(window->designer()->scene()->currentEntity(), getItem);
        QWidget *field = window->propertyEditor()->fieldEditor(QStringLiteral("memoryMB"));
        QVERIFY(field);
        QTRY_VERIFY(field->hasFocus() || field->isAncestorOf(QApplication::focusWidget()));
    }

    void savingOverInvalidValuesAsksFirst() {
        const QString folder = sampleCopy();
        QByteArray text = readFile(folder + QStringLiteral("/gatehouse.json"));
        text.replace("\"timeoutSeconds\": 30,", "\"timeoutSeconds\": \"half a minute\",");
        test::writeProjectFile(folder, text);
        const auto window = showWindow(folder);
        QCOMPARE(errorCount(window->document()->loadDiagnostics()), 1);

        DialogSeams::queueAnswer(QMessageBox::Cancel);
        QTest::keyClick(window->projectTree(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(readFile(folder + QStringLiteral("/gatehouse.json")), text);
        QCOMPARE(DialogSeams::shown().size(), 1);
        QVERIFY(DialogSeams::shown().first().text.contains(QStringLiteral("replace 1 invalid value ")));

        DialogSeams::queueAnswer(QMessageBox::Save);
        QTest::keyClick(window->projectTree(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(readFile(folder + QStringLiteral("/gatehouse.json")) != text);
        QVERIFY(window->document()->loadDiagnostics().isEmpty());
        // Nothing left to replace: the next save does not ask again.
        QTest::keyClick(window->projectTree(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(DialogSeams::shown().size(), 2);
    }

    void saveAsWritesTheProjectAndItsCodeToTheNewFolder() {
        const auto window = showWindow(sampleCopy());
        const QString target = m_dir->filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(target));
        DialogSeams::queueFileName(target);
        QVERIFY(window->session()->saveAs());
        QCOMPARE(QDir(window->document()->folder()), QDir(target));
        QVERIFY(QFile::exists(target + QStringLiteral("/gatehouse.json")));
        QVERIFY(QFile::exists(target + QStringLiteral("/functions/hello/index.js")));
        QCOMPARE(RecentProjects::entries().first(), QFileInfo(target).absoluteFilePath());
    }

    void openRecentListsOpenedProjectsAndForgetsMissingOnes() {
        RecentProjects::clear();
        const QString first = sampleCopy(QStringLiteral("first"));
        const QString second = sampleCopy(QStringLiteral("second"));
        const auto window = showWindow(first);
        QVERIFY(window->session()->open(second));
        QMenu *recent = window->findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        emit recent->aboutToShow();
        QStringList folders;
        for (QAction *entry : recent->actions())
            if (entry->data().isValid()) folders << entry->data().toString();
        QCOMPARE(folders, (QStringList{second, first}));

        QVERIFY(QDir(first).removeRecursively());
        emit recent->aboutToShow();
        folders.clear();
        for (QAction *entry : recent->actions())
            if (entry->data().isValid()) folders << entry->data().toString();
        QCOMPARE(folders, QStringList{second});
    }

    void preferencesStoreTheLanguageForTheNextStart() {
        const auto window = showWindow(sampleCopy());
        DialogSeams::queueDialog([](QDialog &dialog) {
            auto *preferences = qobject_cast<PreferencesDialog *>(&dialog);
            if (!preferences) return int(QDialog::Rejected);
            preferences->selectLanguage(QStringLiteral("ko"));
            return int(QDialog::Accepted);
        });
        QAction *preferences = nullptr;
        for (QAction *a : window->findChildren<QAction *>())
            if (a->menuRole() == QAction::PreferencesRole) preferences = a;
        QVERIFY(preferences);
        preferences->trigger();
        QCOMPARE(Translations::preferredLanguage(), QStringLiteral("ko"));
        QVERIFY(DialogSeams::shown().size() == 1);
        Translations::setPreferredLanguage({});

        PreferencesDialog dialog;
        QVERIFY(dialog.findChildren<QLabel *>().size() >= 1);
        QCOMPARE(dialog.findChild<QComboBox *>()->count(), 3);
    }

    void aboutShowsVersionQtAndLicence() {
        const QString text = AboutDialog::aboutText();
        QVERIFY(text.contains(QStringLiteral(GATEHOUSE_VERSION)));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
    }

    void windowLayoutIsRestoredOnTheNextStart() {
        const QString folder = sampleCopy();
        {
            auto window = showWindow(folder);
            window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"))->hide();
            QVERIFY(window->close());
        }
        const auto window = showWindow(folder);
        QVERIFY(!window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"))->isVisible());
        QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("projectDock"))->isVisible());
        window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"))->show();
        QVERIFY(window->close());
    }

    // Last: it installs the Korean translator on top of the English one, then removes it.
    void koreanTranslationTranslatesTheMenus() {
        const QList<QTranslator *> before = qApp->findChildren<QTranslator *>();
        QCOMPARE(Translations::install(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        {
            const auto window = showWindow(sampleCopy());
            const QList<QAction *> menus = window->menuBar()->actions();
            QCOMPARE(menus.first()->text(), QStringLiteral("\ud30c\uc77c(&F)"));
            QCOMPARE(menus.at(1)->text(), QStringLiteral("\ud3b8\uc9d1(&E)"));
            QCOMPARE(window->projectTreeModel()->groupIndex(EntityKind::Function).data().toString(),
                     QStringLiteral("\ud568\uc218"));
        }
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            if (before.contains(translator)) continue;
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
