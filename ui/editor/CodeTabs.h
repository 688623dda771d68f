// The central tabs: a permanent home page (the canvas) followed by one editor tab per open handler file.
// Opening a function whose file does not exist writes its runtime's template first; files are saved
// atomically, edits are never lost without asking, and files changed by other programs are reloaded.
#pragma once

#include <QFileSystemWatcher>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

namespace gatehouse {

class CodeEditor;
class EditorPage;
struct Function;

class CodeTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit CodeTabs(QWidget *parent = nullptr);

    // The first tab, which cannot be closed. Replaces (and deletes) a previous home page.
    void setHomePage(QWidget *page, const QString &title);
    QWidget *homePage() const { return m_home; }

    // Opens the function's handler file (see models/code/HandlerFile.h) in a tab, or focuses the tab
    // that has it open. A missing file is first written with the runtime's template (folders created,
    // a bootstrap made executable), which statusMessage reports. Returns the editor, or nullptr with a
    // notice when the function names no file or it cannot be read or written.
    CodeEditor *openFunction(const Function &function, const QString &projectFolder);

    // Saves the current (or the given) editor tab atomically and emits functionCodeSaved for each
    // function using the file. False when there is no editor tab or writing failed (the user is told).
    bool saveCurrent();
    bool saveTab(int index);
    // Closes an editor tab, asking Save / Discard / Cancel when it has unsaved edits, or another page
    // (a request composer) at once. False when it stays open (the home tab, Cancel, or a failed save).
    bool closeTab(int index);
    // For closing the window: asks about each tab with unsaved edits; false when the user cancelled.
    bool maybeSaveAll();
    // Closes every editor tab without asking (another project was opened: call maybeSaveAll first).
    void closeAll();

    CodeEditor *currentEditor() const;
    EditorPage *currentPage() const;
    EditorPage *pageAt(int index) const;                   // nullptr for the home tab
    int tabForFunction(const QString &functionName) const; // -1 when not open
    int tabForFile(const QString &path) const;
    CodeEditor *editorForFunction(const QString &functionName) const;

signals:
    void statusMessage(const QString &message);
    // The handler file of `functionName` was saved: a running local cloud should reload the function.
    void functionCodeSaved(const QString &functionName, const QString &path);

private:
    EditorPage *createPage(const QString &path, const QString &functionName, bool executable);
    bool confirmClose(EditorPage *page);
    void removePage(EditorPage *page);
    void updateTabText(EditorPage *page);
    void watch(const QString &path);
    void unwatch(const QString &path);
    void checkDisk();
    void checkDisk(EditorPage *page);
    void reload(EditorPage *page);
    QList<EditorPage *> pages() const;

    QPointer<QWidget> m_home;
    QFileSystemWatcher m_watcher;
    // Watcher signals come in bursts (a truncate, then writes; a rename over the file): the files are
    // compared once the burst is over.
    QTimer m_diskCheck;
    bool m_checkingDisk = false; // a question about a changed file is open
};

} // namespace gatehouse
