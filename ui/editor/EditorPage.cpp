#include "EditorPage.h"

#include "CodeEditor.h"
#include "CodeFiles.h"
#include "FindBar.h"

#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace gatehouse {

EditorPage::EditorPage(const QString &path, QWidget *parent)
    : QWidget(parent)
    , m_path(path)
    , m_editor(new CodeEditor(this))
    , m_findBar(new FindBar(m_editor, this)) {
    setObjectName(QStringLiteral("editorPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);
}

void EditorPage::addFunctionName(const QString &name) {
    if (!m_functions.contains(name)) m_functions.append(name);
}

bool EditorPage::isModified() const {
    return m_editor->isModified() || !m_diskKnown;
}

bool EditorPage::isReadOnly() const {
    return m_editor->isReadOnly();
}

bool EditorPage::load(QString *error) {
    QByteArray bytes;
    if (!codefiles::read(m_path, &bytes, error)) return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    const bool reloading = m_diskKnown || !m_editor->text().isEmpty();
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    const int firstVisible = m_editor->firstVisibleLine();
    m_editor->setReadOnly(false);
    m_editor->setCode(m_path, text);
    if (reloading) {
        m_editor->setCursorPosition(qMin(line, m_editor->lines() - 1), index);
        m_editor->setFirstVisibleLine(firstVisible);
    }
    m_editor->setReadOnly(decoder.hasError());
    m_diskBytes = bytes;
    m_diskKnown = true;
    return true;
}

bool EditorPage::save(QString *error) {
    if (isReadOnly()) {
        if (error)
            *error =
                tr("%1 is not UTF-8 text, so it was opened read-only.").arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    const QByteArray bytes = m_editor->text().toUtf8();
    if (!codefiles::write(m_path, bytes, m_executable, error)) return false;
    m_diskBytes = bytes;
    m_diskKnown = true;
    m_editor->setModified(false);
    return true;
}

EditorPage::DiskState EditorPage::diskState(QByteArray *contents) const {
    QByteArray bytes;
    if (!QFileInfo(m_path).isFile() || !codefiles::read(m_path, &bytes, nullptr)) return DiskState::Missing;
    if (contents) *contents = bytes;
    return m_diskKnown && bytes == m_diskBytes ? DiskState::Unchanged : DiskState::Changed;
}

void EditorPage::setKnownDiskContents(const QByteArray &contents) {
    m_diskBytes = contents;
    m_diskKnown = true;
}

void EditorPage::markMissingOnDisk() {
    // QScintilla can only clear its modified flag, so the page keeps this part of it.
    m_diskBytes.clear();
    m_diskKnown = false;
}

bool EditorPage::event(QEvent *event) {
    if (event->type() == QEvent::ShortcutOverride &&
        CodeEditor::isPageCommand(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void EditorPage::keyPressEvent(QKeyEvent *event) {
    if (event->matches(QKeySequence::Save)) {
        emit saveRequested();
    } else if (event->matches(QKeySequence::Find)) {
        m_findBar->open();
    } else if (event->matches(QKeySequence::FindNext) || event->matches(QKeySequence::FindPrevious)) {
        // F3 with nothing to find yet asks for the text first.
        if (m_findBar->input()->text().isEmpty())
            m_findBar->open();
        else if (event->matches(QKeySequence::FindNext))
            m_findBar->findNext();
        else
            m_findBar->findPrevious();
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace gatehouse
