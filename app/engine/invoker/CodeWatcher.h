// Notices edits to functions' code folders, so the invoker can recycle their environments (hot reload).
#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>

namespace gatehouse {

// QFileSystemWatcher is not recursive and loses a file that an editor replaces (write to a temporary
// file, rename over the original), so every folder and file under a code folder is watched and the
// list is rebuilt after each change. node_modules and hidden folders are skipped: they can hold
// tens of thousands of files (inotify watches are a limited resource) and rarely change by hand.
class CodeWatcher : public QObject {
    Q_OBJECT
public:
    explicit CodeWatcher(QObject *parent = nullptr);

    // function name → absolute code folder. Replaces the previous set.
    void setFolders(const QHash<QString, QString> &folders);

Q_SIGNALS:
    void codeChanged(const QString &function);

private:
    void onChanged(const QString &path);
    void watchFolder(const QString &folder);

    QFileSystemWatcher m_watcher;
    QHash<QString, QString> m_folders;
};

} // namespace gatehouse
