// Drives the code editor tabs the way a user does: opening a function's handler (or getting its
// template), typing, Ctrl+S, the find bar, closing with unsaved edits (answers scripted through
// DialogSeams) and files changed by other programs, on real widgets under the offscreen platform.
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "TestSupport.h"
#include "code/HandlerTemplate.h"
#include "editor/CodeEditor.h"
#include "editor/CodeTabs.h"
#include "editor/EditorPage.h"
#include "editor/FindBar.h"
#include "io/ProjectFile.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerpython.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace gatehouse;

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Another program writing the file in place (truncate, then write), as most editors and `echo >` do.
void writeInPlace(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

bool askedQuestion(const QString &title) {
    for (const DialogSeams::Shown &shown : DialogSeams::shown())
        if (shown.kind == QLatin1String("question") && shown.title == title) return true;
    return false;
}

// The selection as character offsets (the sample's code is ASCII, so bytes and characters agree).
std::pair<long, long> selection(CodeEditor *editor) {
    return {editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART),
            editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND)};
}

} // namespace

class TestCodeEditor : public QObject {
    Q_OBJECT
private:
    QTemporaryDir *m_dir = nullptr;
    QString m_folder;
    Project m_project;
    // A window like the main window: the tabs, and a Save action of its own on Ctrl+S.
    std::unique_ptr<QWidget> m_window;
    CodeTabs *m_tabs = nullptr;
    QAction *m_windowSave = nullptr;

    const Function &function(const QString &name) const {
        const Function *f = m_project.findFunction(name);
        if (!f) qFatal("the sample has no function %s", qPrintable(name));
        return *f;
    }

    QString pathOf(const QString &relative) const { return QDir(m_folder).filePath(relative); }

    CodeEditor *open(const QString &name) {
        CodeEditor *editor = m_tabs->openFunction(function(name), m_folder);
        if (editor && !QTest::qWaitForWindowActive(m_window.get())) qWarning("window not active");
        if (editor) editor->setFocus();
        return editor;
    }

    // A function that is not in the sample, so its code folder is empty.
    Function freshFunction(const QString &runtime, const QString &handler) const {
        Function f;
        f.name = QStringLiteral("fresh");
        f.runtime = runtime;
        f.handler = handler;
        f.codeUri = QStringLiteral("functions/fresh");
        return f;
    }

private slots:
    void initTestCase() { DialogSeams::setScripted(true); }

    void init() {
        DialogSeams::clear();
        m_dir = new QTemporaryDir;
        m_folder = m_dir->filePath(QStringLiteral("project"));
        QVERIFY(test::copyTree(test::samplePath(), m_folder));
        const auto loaded = ProjectFile::load(m_folder);
        QVERIFY(loaded.readable);
        m_project = loaded.project;

        m_window = std::make_unique<QWidget>();
        m_tabs = new CodeTabs(m_window.get());
        auto *layout = new QVBoxLayout(m_window.get());
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_tabs);
        m_windowSave = new QAction(QStringLiteral("Save project"), m_window.get());
        m_windowSave->setShortcut(QKeySequence::Save);
        m_window->addAction(m_windowSave);
        m_tabs->setHomePage(new QLabel(QStringLiteral("canvas")), QStringLiteral("Design"));
        m_window->resize(900, 560);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup() {
        m_window.reset();
        DialogSeams::clear();
        delete m_dir;
    }

    void opensTheHandlerWithTheJavaScriptLexer() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString path = pathOf(QStringLiteral("functions/hello/index.js"));
        QCOMPARE(m_tabs->count(), 2);
        QCOMPARE(m_tabs->currentIndex(), 1);
        QCOMPARE(m_tabs->tabText(1), QStringLiteral("hello"));
        QCOMPARE(m_tabs->tabToolTip(1), QDir::toNativeSeparators(path));
        QCOMPARE(editor->text().toUtf8(), readFile(path));
        QVERIFY(!editor->isModified());
        QVERIFY(qobject_cast<QsciLexerJavaScript *>(editor->lexer()));
        QCOMPARE(editor->language(), CodeEditor::Language::JavaScript);
        QVERIFY(editor->marginWidth(0) > 0);
        QVERIFY(editor->marginLineNumbers(0));
        QVERIFY(editor->folding() != QsciScintilla::NoFoldStyle);
        QVERIFY(editor->autoIndent());
        QVERIFY(!editor->indentationsUseTabs());
        // The sample indents its JavaScript with 4 spaces; new lines follow the file, not the default 2.
        QCOMPARE(editor->indentationWidth(), 4);
        QCOMPARE(editor->lexer()->font(QsciLexerJavaScript::Keyword).family(),
                 CodeEditor::codeFont().family());

        // Opening it again (or another function sharing the file) focuses the same tab.
        m_tabs->setCurrentIndex(0);
        QCOMPARE(open(QStringLiteral("hello")), editor);
        QCOMPARE(m_tabs->count(), 2);
        QCOMPARE(m_tabs->currentIndex(), 1);
        QCOMPARE(m_tabs->tabForFunction(QStringLiteral("hello")), 1);
        QCOMPARE(m_tabs->editorForFunction(QStringLiteral("hello")), editor);
    }

    void languageFromTheNameOrTheFirstLine_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("firstLine");
        QTest::addColumn<CodeEditor::Language>("language");
        QTest::newRow(".js") << "index.js"
                             << "" << CodeEditor::Language::JavaScript;
        QTest::newRow(".mjs") << "index.mjs"
                              << "" << CodeEditor::Language::JavaScript;
        QTest::newRow(".cjs") << "lib/a.CJS"
                              << "" << CodeEditor::Language::JavaScript;
        QTest::newRow(".py") << "app.py"
                             << "" << CodeEditor::Language::Python;
        QTest::newRow(".sh") << "build.sh"
                             << "" << CodeEditor::Language::Shell;
        QTest::newRow("bootstrap") << "bootstrap"
                                   << "" << CodeEditor::Language::Shell;
        QTest::newRow("bootstrap in Python") << "bootstrap"
                                             << "#!/usr/bin/env python3" << CodeEditor::Language::Python;
        QTest::newRow("bootstrap in Node.js") << "bootstrap"
                                              << "#!/usr/bin/node" << CodeEditor::Language::JavaScript;
        QTest::newRow("script without suffix") << "run"
                                               << "#!/bin/bash" << CodeEditor::Language::Shell;
        QTest::newRow("json file") << "package.json"
                                   << "{" << CodeEditor::Language::Json;
        QTest::newRow("other file") << "notes.txt"
                                    << "{" << CodeEditor::Language::Plain;
        QTest::newRow("no suffix, no #!") << "README"
                                          << "hello" << CodeEditor::Language::Plain;
    }
    void languageFromTheNameOrTheFirstLine() {
        QFETCH(QString, path);
        QFETCH(QString, firstLine);
        QFETCH(CodeEditor::Language, language);
        QCOMPARE(CodeEditor::languageFor(path, firstLine), language);
    }

    void plainTextStillFollowsThePalette() {
        QWidget parent;
        QPalette sepia;
        sepia.setColor(QPalette::Base, QColor(0xfd, 0xf6, 0xe3));
        sepia.setColor(QPalette::Text, QColor(0x58, 0x6e, 0x75));
        parent.setPalette(sepia);
        CodeEditor editor(&parent); // born with the palette: no change event tells it
        editor.setCode(QStringLiteral("notes.txt"), QStringLiteral("plain\n"));
        QCOMPARE(editor.language(), CodeEditor::Language::Plain);
        QVERIFY(!editor.lexer());
        QCOMPARE(editor.paper(), sepia.color(QPalette::Base));
        QCOMPARE(editor.color(), sepia.color(QPalette::Text));
        QVERIFY(editor.marginWidth(0) > 0);
    }

    void pythonGetsItsLexerAndFourSpaces() {
        CodeEditor *editor = open(QStringLiteral("listPets"));
        QVERIFY(editor);
        QVERIFY(qobject_cast<QsciLexerPython *>(editor->lexer()));
        QCOMPARE(editor->indentationWidth(), 4);
        QCOMPARE(m_tabs->tabToolTip(m_tabs->currentIndex()),
                 QDir::toNativeSeparators(pathOf(QStringLiteral("functions/pets/app.py"))));
    }

    void lineNumberMarginGrowsWithTheLineCount() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const int narrow = editor->marginWidth(0);
        editor->append(QString(1200, QLatin1Char('\n')));
        QVERIFY(editor->lines() > 1000);
        QVERIFY2(editor->marginWidth(0) > narrow, qPrintable(QString::number(editor->marginWidth(0))));
    }

    void typingThenCtrlSSavesTheFileAndSignals() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString path = pathOf(QStringLiteral("functions/hello/index.js"));
        const QByteArray before = readFile(path);
        QSignalSpy saved(m_tabs, &CodeTabs::functionCodeSaved);
        QSignalSpy windowSaves(m_windowSave, &QAction::triggered);

        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(editor, "// edited in Gatehouse");
        QVERIFY(editor->isModified());
        QCOMPARE(m_tabs->tabText(1), QStringLiteral("hello*"));
        QCOMPARE(readFile(path), before); // nothing written yet

        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(readFile(path), before + "// edited in Gatehouse");
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0][0].toString(), QStringLiteral("hello"));
        QCOMPARE(saved[0][1].toString(), path);
        QVERIFY(!editor->isModified());
        QCOMPARE(m_tabs->tabText(1), QStringLiteral("hello"));
        // The editor's Ctrl+S, not the window's: no ambiguous shortcut, and the project is not saved.
        QCOMPARE(windowSaves.size(), 0);
        // QSaveFile leaves nothing behind.
        QCOMPARE(QDir(QFileInfo(path).path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("index.js")});

        // The save replaced the file (a rename), which a file watcher loses: later changes are still seen.
        writeInPlace(path, "exports.handler = () => 'changed';\n");
        QVERIFY(test::waitFor(
            [&] { return editor->text() == QLatin1String("exports.handler = () => 'changed';\n"); }));
        QVERIFY(!askedQuestion(QStringLiteral("File changed on disk")));
    }

    void ctrlFFindsAndEnterAndF3Cycle() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString text = editor->text();
        const long first = text.indexOf(QLatin1String("function"));
        const long second = text.indexOf(QLatin1String("function"), first + 1);
        QVERIFY(first >= 0 && second > first && text.indexOf(QLatin1String("function"), second + 1) < 0);

        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        FindBar *bar = m_tabs->currentPage()->findBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(QApplication::focusWidget(), bar->input());
        QTest::keyClicks(bar->input(), "function");
        QCOMPARE(selection(editor), std::make_pair(first, first + 8));
        QCOMPARE(editor->selectedText(), QStringLiteral("function"));

        QTest::keyClick(bar->input(), Qt::Key_Return);
        QCOMPARE(selection(editor), std::make_pair(second, second + 8));
        QTest::keyClick(bar->input(), Qt::Key_Return); // wraps around
        QCOMPARE(selection(editor), std::make_pair(first, first + 8));
        QTest::keyClick(bar->input(), Qt::Key_Return, Qt::ShiftModifier); // backwards, wrapping
        QCOMPARE(selection(editor), std::make_pair(second, second + 8));
        QTest::keyClick(bar->input(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(selection(editor), std::make_pair(first, first + 8));
        QTest::keyClick(bar->input(), Qt::Key_F3);
        QCOMPARE(selection(editor), std::make_pair(second, second + 8));
        QVERIFY(bar->status()->text().isEmpty());

        // Esc closes the bar and gives the keyboard back; F3 in the editor still finds.
        QTest::keyClick(bar->input(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QCOMPARE(QApplication::focusWidget(), editor);
        QTest::keyClick(editor, Qt::Key_F3);
        QCOMPARE(selection(editor), std::make_pair(first, first + 8));

        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier); // the selection becomes the text
        QCOMPARE(bar->input()->text(), QStringLiteral("function"));
        QTest::keyClicks(bar->input(), "zzz"); // replaces the selected text
        QCOMPARE(bar->input()->text(), QStringLiteral("zzz"));
        QCOMPARE(bar->status()->text(), QStringLiteral("No matches"));
        QVERIFY(bar->status()->isVisible());
    }

    void regularExpressionsAndMatchCase() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString text = editor->text();
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        FindBar *bar = m_tabs->currentPage()->findBar();

        QTest::mouseClick(bar->regularExpression(), Qt::LeftButton);
        QVERIFY(bar->regularExpression()->isChecked());
        QTest::keyClicks(bar->input(), "process_\\w+\\(");
        const long at = text.indexOf(QLatin1String("process_env("));
        QCOMPARE(selection(editor), std::make_pair(at, at + 12));

        bar->input()->clear();
        QTest::keyClicks(bar->input(), "(unclosed");
        QCOMPARE(bar->status()->text(), QStringLiteral("Invalid regular expression"));

        QTest::mouseClick(bar->regularExpression(), Qt::LeftButton); // off: "(" is plain text again
        bar->input()->clear();
        QTest::keyClicks(bar->input(), "EXPORTS.HANDLER");
        QCOMPARE(editor->selectedText(), QStringLiteral("exports.handler"));
        QTest::mouseClick(bar->matchCase(), Qt::LeftButton);
        QCOMPARE(bar->status()->text(), QStringLiteral("No matches"));
        QTest::mouseClick(bar->matchCase(), Qt::LeftButton);
        QVERIFY(bar->status()->text().isEmpty());
    }

    void missingHandlerGetsItsRuntimesTemplate_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("handler");
        QTest::addColumn<QString>("file");
        QTest::addColumn<CodeEditor::Language>("language");
        QTest::newRow("javascript") << "javascript"
                                    << "index.handler"
                                    << "index.js" << CodeEditor::Language::JavaScript;
        QTest::newRow("nodejs20.x") << "nodejs20.x"
                                    << "src/main.handler"
                                    << "src/main.mjs" << CodeEditor::Language::JavaScript;
        QTest::newRow("python3.12") << "python3.12"
                                    << "app.lambda_handler"
                                    << "app.py" << CodeEditor::Language::Python;
        QTest::newRow("provided.al2023") << "provided.al2023"
                                         << "function.handler"
                                         << "bootstrap" << CodeEditor::Language::Shell;
    }
    void missingHandlerGetsItsRuntimesTemplate() {
        QFETCH(QString, runtime);
        QFETCH(QString, handler);
        QFETCH(QString, file);
        QFETCH(CodeEditor::Language, language);
        const Function f = freshFunction(runtime, handler);
        const QString path = pathOf(QStringLiteral("functions/fresh/") + file);
        QVERIFY(!QFileInfo::exists(QFileInfo(path).path()));
        QSignalSpy status(m_tabs, &CodeTabs::statusMessage);

        CodeEditor *editor = m_tabs->openFunction(f, m_folder);
        QVERIFY(editor);
        QCOMPARE(readFile(path), handlerTemplate(f));
        QCOMPARE(editor->text().toUtf8(), handlerTemplate(f));
        QCOMPARE(editor->language(), language);
        QVERIFY(!editor->isModified());
        QCOMPARE(status.size(), 1);
        QVERIFY2(status[0][0].toString().contains(QDir::toNativeSeparators(path)),
                 qPrintable(status[0][0].toString()));
        const bool executable = runtime.startsWith(QLatin1String("provided"));
        QCOMPARE(QFileInfo(path).isExecutable(), executable);
        if (language == CodeEditor::Language::Shell) QVERIFY(qobject_cast<QsciLexerBash *>(editor->lexer()));

        // Saving keeps a bootstrap executable.
        editor->append(QStringLiteral("\n# more\n"));
        QVERIFY(m_tabs->saveCurrent());
        QCOMPARE(QFileInfo(path).isExecutable(), executable);
    }

    void functionsWithoutAFileAreExplained() {
        Function f = freshFunction(QStringLiteral("python3.12"), QStringLiteral("lambda_handler"));
        QVERIFY(!m_tabs->openFunction(f, m_folder));
        QCOMPARE(m_tabs->count(), 1);
        QCOMPARE(DialogSeams::shown().size(), 1);
        QVERIFY(DialogSeams::shown()[0].text.contains(QLatin1String("\"lambda_handler\"")));
        QVERIFY(DialogSeams::shown()[0].text.contains(QLatin1String("module.function")));
        QVERIFY(!QFileInfo::exists(pathOf(QStringLiteral("functions/fresh"))));
    }

    void closingAModifiedTabAsks() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString path = pathOf(QStringLiteral("functions/hello/index.js"));
        const QByteArray before = readFile(path);
        QTest::keyClicks(editor, "oops");
        QWidget *closeButton = m_tabs->tabBar()->tabButton(1, QTabBar::RightSide);
        QVERIFY(closeButton);

        DialogSeams::queueAnswer(QMessageBox::Cancel);
        QTest::mouseClick(closeButton, Qt::LeftButton);
        QVERIFY(askedQuestion(QStringLiteral("Unsaved changes")));
        QCOMPARE(m_tabs->count(), 2);
        QVERIFY(editor->isModified());
        DialogSeams::queueAnswer(QMessageBox::Cancel);
        QVERIFY(!m_tabs->maybeSaveAll()); // closing the window is cancelled too

        DialogSeams::queueAnswer(QMessageBox::Discard);
        QTest::mouseClick(closeButton, Qt::LeftButton);
        QCOMPARE(m_tabs->count(), 1);
        QCOMPARE(m_tabs->tabForFunction(QStringLiteral("hello")), -1);
        QCOMPARE(readFile(path), before);
    }

    void closingWithSaveWrites() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        QTest::keyClicks(editor, "// kept");
        QTest::keyClick(editor, Qt::Key_Return);
        QSignalSpy saved(m_tabs, &CodeTabs::functionCodeSaved);
        DialogSeams::queueAnswer(QMessageBox::Save);
        QVERIFY(m_tabs->maybeSaveAll());
        QCOMPARE(saved.size(), 1);
        QVERIFY(readFile(pathOf(QStringLiteral("functions/hello/index.js"))).startsWith("// kept\n"));
        QVERIFY(m_tabs->closeTab(1)); // saved: no question
        QCOMPARE(DialogSeams::shown().size(), 1);
    }

    void homePageStaysAndCloseAllKeepsIt() {
        QCOMPARE(m_tabs->tabBar()->tabButton(0, QTabBar::RightSide), nullptr);
        QCOMPARE(m_tabs->tabBar()->tabButton(0, QTabBar::LeftSide), nullptr);
        QVERIFY(!m_tabs->closeTab(0));
        QVERIFY(open(QStringLiteral("hello")));
        QVERIFY(open(QStringLiteral("listPets")));
        QCOMPARE(m_tabs->count(), 3);
        m_tabs->closeAll();
        QCOMPARE(m_tabs->count(), 1);
        QCOMPARE(m_tabs->widget(0), m_tabs->homePage());
    }

    void externalChangeReloadsAnUnmodifiedTab() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString path = pathOf(QStringLiteral("functions/hello/index.js"));
        QSignalSpy status(m_tabs, &CodeTabs::statusMessage);
        writeInPlace(path, "exports.handler = () => 'from another editor';\n");
        QVERIFY(test::waitFor([&] { return editor->text().contains(QLatin1String("from another editor")); }));
        QVERIFY(!editor->isModified());
        QVERIFY(!status.isEmpty() && status.last()[0].toString().startsWith(QLatin1String("Reloaded")));
    }

    void externalChangeWithUnsavedEditsAsks() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString path = pathOf(QStringLiteral("functions/hello/index.js"));
        QTest::keyClicks(editor, "// mine ");

        // "No": the editor keeps the user's text, and the same change is not asked about again.
        DialogSeams::queueAnswer(QMessageBox::No);
        writeInPlace(path, "// theirs\n");
        QVERIFY(test::waitFor([] { return askedQuestion(QStringLiteral("File changed on disk")); }));
        QVERIFY(editor->text().startsWith(QLatin1String("// mine ")));
        QVERIFY(editor->isModified());

        // "Yes" on a later change: reloaded, the edits gone.
        DialogSeams::clear();
        DialogSeams::queueAnswer(QMessageBox::Yes);
        writeInPlace(path, "// theirs, again\n");
        QVERIFY(test::waitFor([&] { return editor->text() == QLatin1String("// theirs, again\n"); }));
        QVERIFY(askedQuestion(QStringLiteral("File changed on disk")));
        QVERIFY(!editor->isModified());
    }

    void deletedFileCountsAsUnsaved() {
        CodeEditor *editor = open(QStringLiteral("hello"));
        QVERIFY(editor);
        const QString path = pathOf(QStringLiteral("functions/hello/index.js"));
        const QString text = editor->text();
        QVERIFY(QFile::remove(path));
        QVERIFY(test::waitFor([&] { return m_tabs->currentPage()->isModified(); }));
        QCOMPARE(m_tabs->tabText(1), QStringLiteral("hello*"));
        QCOMPARE(editor->text(), text);
        DialogSeams::queueAnswer(QMessageBox::Cancel);
        QVERIFY(!m_tabs->closeTab(1)); // unsaved: asks
        QVERIFY(m_tabs->saveCurrent());
        QCOMPARE(QString::fromUtf8(readFile(path)), text);
        QCOMPARE(m_tabs->tabText(1), QStringLiteral("hello"));
    }

    // Screenshots of a JavaScript and a Python file, in the default and a dark palette. The pixels
    // under the code must be the palette's Base colour, so a theme never leaves white paper behind.
    // With GATEHOUSE_SCREENSHOT_DIR set the images are saved there to be looked at.
    void screenshotsFollowThePalette_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void screenshotsFollowThePalette() {
        QFETCH(bool, dark);
        if (dark) {
            m_window->setPalette(test::darkPalette());
        }
        CodeEditor *js = open(QStringLiteral("hello"));
        QVERIFY(js);
        js->setCursorPosition(2, 4);
        QTest::keyClick(js, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(m_tabs->currentPage()->findBar()->input(), "handler");
        CodeEditor *py = open(QStringLiteral("listPets"));
        QVERIFY(py);
        const QString suffix = dark ? QStringLiteral("-dark") : QString();
        const QColor base = m_tabs->palette().color(QPalette::Base);
        for (CodeEditor *editor : {js, py}) {
            m_tabs->setCurrentIndex(m_tabs->indexOf(editor->parentWidget()));
            const QImage shot = m_tabs->grab().toImage();
            QVERIFY(!shot.isNull());
            // The bottom right corner of the text area: paper, below the code's last line.
            const QWidget *area = editor->viewport();
            const QPoint paper = area->mapTo(m_tabs, QPoint(area->width() - 5, area->height() - 5));
            QCOMPARE(shot.pixelColor(paper * shot.devicePixelRatio()).rgb(), base.rgb());
            if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
                const QString name = editor == js ? QStringLiteral("editor-js") : QStringLiteral("editor-py");
                QVERIFY(shot.save(QDir(dir).filePath(name + suffix + QStringLiteral(".png"))));
            }
        }
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
