#include "CodeTabs.h"

#include "CodeEditor.h"
#include "CodeFiles.h"
#include "DialogSeams.h"
#include "EditorPage.h"
#include "code/HandlerFile.h"

#include <QDir>
#include <QFileInfo>
#include <QScopedValueRollback>
#include <QTabBar>

namespace gatehouse {

namespace {

constexpr int kDiskCheckDelayMs = 100;

QString shown(const QString &path) {
    return QDir::toNativeSeparators(path);
}

bool sameFile(const QString &a, const QString &b) {
    if (a == b) return true;
    const QString canonical = QFileInfo(a).canonicalFilePath();
    return !canonical.isEmpty() && canonical == QFileInfo(b).canonicalFilePath();
}

} // namespace

CodeTabs::CodeTabs(QWidget *parent)
    : QTabWidget(parent) {
    setObjectName(QStringLiteral("codeTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    setUsesScrollButtons(true);
    connect(this, &QTabWidget::tabCloseRequested, this, &CodeTabs::closeTab);
    m_diskCheck.setSingleShot(true);
    m_diskCheck.setInterval(kDiskCheckDelayMs);
    connect(&m_diskCheck, &QTimer::timeout, this, qOverload<>(&CodeTabs::checkDisk));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_diskCheck, qOverload<>(&QTimer::start));
    // The folders too: a file deleted and created again (git checkout) is no longer watched itself.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_diskCheck, qOverload<>(&QTimer::start));
}

void CodeTabs::setHomePage(QWidget *page, const QString &title) {
    if (m_home) {
        removeTab(indexOf(m_home));
        m_home->deleteLater();
    }
    m_home = page;
    insertTab(0, page, title);
    // Not closable: no close button on either side (styles put it on the left or the right).
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    setCurrentIndex(0);
}

CodeEditor *CodeTabs::openFunction(const Function &function, const QString &projectFolder) {
    const HandlerFile file = handlerFile(function, projectFolder);
    if (file.path.isEmpty()) {
        const RuntimeFamily family = runtimeFamily(function.runtime);
        QString why;
        if (family == RuntimeFamily::Unknown)
            why = tr("Gatehouse cannot open the code of function %1: runtime %2 is not one it runs.")
                      .arg(function.name, function.runtime);
        else if (family == RuntimeFamily::Python)
            why =
                tr("The handler \"%1\" of function %2 does not name a module in its code folder. Write it as "
                   "module.function, for example app.lambda_handler.")
                    .arg(function.handler, function.name);
        else
            why = tr("The handler \"%1\" of function %2 does not name a file in its code folder. Write it as "
                     "file.function, for example index.handler.")
                      .arg(function.handler, function.name);
        DialogSeams::notify(this, QMessageBox::Information, tr("No handler file"), why);
        return nullptr;
    }
    if (const int open = tabForFile(file.path); open >= 0) {
        pageAt(open)->addFunctionName(function.name);
        updateTabText(pageAt(open));
        setCurrentIndex(open);
        return pageAt(open)->editor();
    }
    if (!file.exists) {
        QString error;
        if (!codefiles::writeStarter(function, file, &error)) {
            DialogSeams::notify(this, QMessageBox::Warning, tr("Cannot create the handler file"), error);
            return nullptr;
        }
        emit statusMessage(
            tr("Wrote a starter handler for function %1 to %2").arg(function.name, shown(file.path)));
    }
    EditorPage *page = createPage(file.path, function.name, file.executable);
    // Shown before the text is set: QScintilla sizes its scroll bars for the size the editor has then.
    setCurrentIndex(addTab(page, function.name));
    QString error;
    if (!page->load(&error)) {
        removeTab(indexOf(page));
        delete page;
        DialogSeams::notify(this, QMessageBox::Warning, tr("Cannot open the handler file"), error);
        return nullptr;
    }
    if (page->isReadOnly())
        emit statusMessage(tr("%1 is not UTF-8 text: it is open read-only").arg(shown(file.path)));
    updateTabText(page);
    watch(file.path);
    page->editor()->setFocus(Qt::OtherFocusReason);
    return page->editor();
}

EditorPage *CodeTabs::createPage(const QString &path, const QString &functionName, bool executable) {
    auto *page = new EditorPage(path, this);
    page->addFunctionName(functionName);
    page->setExecutable(executable);
    connect(page, &EditorPage::saveRequested, this, [this, page] { saveTab(indexOf(page)); });
    connect(page->editor(), &QsciScintilla::modificationChanged, this, [this, page] { updateTabText(page); });
    return page;
}

bool CodeTabs::saveCurrent() {
    return saveTab(currentIndex());
}

bool CodeTabs::saveTab(int index) {
    EditorPage *page = pageAt(index);
    if (!page) return false;
    QString error;
    if (!page->save(&error)) {
        DialogSeams::notify(this, QMessageBox::Warning, tr("Cannot save"), error);
        return false;
    }
    updateTabText(page); // a file saved again after it was deleted had an unmodified editor
    emit statusMessage(tr("Saved %1").arg(shown(page->path())));
    for (const QString &name : page->functionNames())
        emit functionCodeSaved(name, page->path());
    return true;
}

bool CodeTabs::closeTab(int index) {
    EditorPage *page = pageAt(index);
    if (!page) {
        // Other pages (request composers) keep nothing unsaved that a question could rescue.
        QWidget *other = widget(index);
        if (!other || other == m_home) return false;
        removeTab(index);
        other->deleteLater();
        return true;
    }
    if (!confirmClose(page)) return false;
    removePage(page);
    return true;
}

bool CodeTabs::confirmClose(EditorPage *page) {
    if (!page->isModified()) return true;
    setCurrentWidget(page);
    const QMessageBox::StandardButton answer = DialogSeams::question(
        this, tr("Unsaved changes"),
        tr("Save the changes to %1 before closing it?").arg(QFileInfo(page->path()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return saveTab(indexOf(page));
    return answer == QMessageBox::Discard;
}

bool CodeTabs::maybeSaveAll() {
    for (EditorPage *page : pages())
        if (!confirmClose(page)) return false;
    return true;
}

void CodeTabs::closeAll() {
    for (EditorPage *page : pages())
        removePage(page);
    m_diskCheck.stop();
}

void CodeTabs::removePage(EditorPage *page) {
    removeTab(indexOf(page));
    unwatch(page->path());
    page->deleteLater();
}

CodeEditor *CodeTabs::currentEditor() const {
    EditorPage *page = currentPage();
    return page ? page->editor() : nullptr;
}

EditorPage *CodeTabs::currentPage() const {
    return pageAt(currentIndex());
}

EditorPage *CodeTabs::pageAt(int index) const {
    return qobject_cast<EditorPage *>(widget(index));
}

int CodeTabs::tabForFunction(const QString &functionName) const {
    for (int i = 0; i < count(); ++i)
        if (const EditorPage *page = pageAt(i); page && page->functionNames().contains(functionName))
            return i;
    return -1;
}

int CodeTabs::tabForFile(const QString &path) const {
    for (int i = 0; i < count(); ++i)
        if (const EditorPage *page = pageAt(i); page && sameFile(page->path(), path)) return i;
    return -1;
}

CodeEditor *CodeTabs::editorForFunction(const QString &functionName) const {
    const EditorPage *page = pageAt(tabForFunction(functionName));
    return page ? page->editor() : nullptr;
}

QList<EditorPage *> CodeTabs::pages() const {
    QList<EditorPage *> result;
    for (int i = 0; i < count(); ++i)
        if (EditorPage *page = pageAt(i)) result.append(page);
    return result;
}

void CodeTabs::updateTabText(EditorPage *page) {
    const int index = indexOf(page);
    if (index < 0) return;
    const QString name = page->functionNames().value(0);
    setTabText(index,
               page->isModified() ? tr("%1*", "the tab of a file with unsaved changes").arg(name) : name);
    QString tip = shown(page->path());
    if (page->functionNames().size() > 1)
        tip +=
            QLatin1Char('\n') + tr("The handler of %1").arg(page->functionNames().join(QLatin1String(", ")));
    setTabToolTip(index, tip);
}

void CodeTabs::watch(const QString &path) {
    const QString folder = QFileInfo(path).absolutePath();
    if (!m_watcher.files().contains(path)) m_watcher.addPath(path);
    if (!m_watcher.directories().contains(folder)) m_watcher.addPath(folder);
}

void CodeTabs::unwatch(const QString &path) {
    const QString folder = QFileInfo(path).absolutePath();
    bool folderInUse = false;
    for (const EditorPage *page : pages())
        folderInUse = folderInUse || QFileInfo(page->path()).absolutePath() == folder;
    m_watcher.removePath(path);
    if (!folderInUse) m_watcher.removePath(folder);
}

void CodeTabs::checkDisk() {
    if (m_checkingDisk) { // a question is open (a nested event loop): look again once it is answered
        m_diskCheck.start();
        return;
    }
    const QScopedValueRollback busy(m_checkingDisk, true);
    QList<QPointer<EditorPage>> open;
    for (EditorPage *page : pages())
        open.append(page);
    for (const QPointer<EditorPage> &page : open) {
        if (!page) continue; // closed while a question about another file was open
        // A file replaced by a rename (every atomic save, ours included) drops out of the watcher.
        if (QFileInfo::exists(page->path())) watch(page->path());
        checkDisk(page);
    }
}

void CodeTabs::checkDisk(EditorPage *page) {
    QByteArray disk;
    switch (page->diskState(&disk)) {
    case EditorPage::DiskState::Unchanged:
        return;
    case EditorPage::DiskState::Missing:
        if (page->isMissingOnDisk()) return; // said already
        page->markMissingOnDisk();
        updateTabText(page);
        emit statusMessage(
            tr("%1 was deleted or moved away; saving writes it again").arg(shown(page->path())));
        return;
    case EditorPage::DiskState::Changed:
        break;
    }
    if (disk == page->editor()->text().toUtf8()) { // the file holds the editor's text: nothing to reload
        page->setKnownDiskContents(disk);
        page->editor()->setModified(false);
        updateTabText(page);
        return;
    }
    if (page->isModified()) {
        setCurrentWidget(page);
        const QMessageBox::StandardButton answer =
            DialogSeams::question(this, tr("File changed on disk"),
                                  tr("%1 was changed by another program, and you have unsaved changes to it "
                                     "here.\n\nReload it from "
                                     "disk and discard your changes?")
                                      .arg(shown(page->path())),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            page->setKnownDiskContents(disk); // asked once per change, not again for the same one
            return;
        }
    }
    reload(page);
}

void CodeTabs::reload(EditorPage *page) {
    QString error;
    if (page->load(&error))
        emit statusMessage(tr("Reloaded %1: it was changed on disk").arg(shown(page->path())));
    else
        emit statusMessage(error);
}

} // namespace gatehouse
