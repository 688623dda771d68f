// One open handler file: its editor and find bar, the functions it belongs to, and what the file held on
// disk when it was last read or written, so that the tabs can tell their own saves from other programs'.
#pragma once

#include <QByteArray>
#include <QStringList>
#include <QWidget>

namespace gatehouse {

class CodeEditor;
class FindBar;

class EditorPage : public QWidget {
    Q_OBJECT
public:
    explicit EditorPage(const QString &path, QWidget *parent = nullptr);

    QString path() const { return m_path; }
    CodeEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }

    // The functions whose handler this file is (functions may share a file); the first names the tab.
    QStringList functionNames() const { return m_functions; }
    void addFunctionName(const QString &name);

    // A custom runtime's bootstrap: written again after it was deleted, it must be executable again.
    void setExecutable(bool executable) { m_executable = executable; }

    // Unsaved: edited since the last load or save, or the file is gone from the disk.
    bool isModified() const;

    // Reads the file into the editor, keeping the cursor and scroll position when it was open already.
    // A file that is not UTF-8 opens read-only (see isReadOnly): saving would change bytes the user
    // never saw.
    bool load(QString *error);
    bool isReadOnly() const;
    // Writes the editor's text to the file atomically.
    bool save(QString *error);

    enum class DiskState { Unchanged, Changed, Missing };
    // Compares the file with what this page last read or wrote; `contents` receives what it holds now.
    DiskState diskState(QByteArray *contents = nullptr) const;
    // Takes `contents` as what the file holds, without touching the editor (the user kept their text,
    // or the file came back with the editor's text).
    void setKnownDiskContents(const QByteArray &contents);
    // The file is gone: the text counts as unsaved until it is written again.
    void markMissingOnDisk();
    bool isMissingOnDisk() const { return !m_diskKnown; }

signals:
    void saveRequested();

protected:
    // Save, Find, Find next and Find previous belong to the editor while it has the focus, even when the
    // main window has its own Save action: accepting the override keeps the window's shortcut out.
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString m_path;
    CodeEditor *m_editor;
    FindBar *m_findBar;
    QStringList m_functions;
    bool m_executable = false;
    QByteArray m_diskBytes; // what the file held at the last load or save
    bool m_diskKnown = false;
};

} // namespace gatehouse
