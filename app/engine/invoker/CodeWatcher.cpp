#include "CodeWatcher.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

namespace gatehouse {

namespace {
constexpr int kMaxPathsPerFolder = 2000;

bool skipped(const QString &name) {
    return name == QLatin1String("node_modules") || name.startsWith(u'.');
}
} // namespace

CodeWatcher::CodeWatcher(QObject *parent)
    : QObject(parent) {
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &CodeWatcher::onChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &CodeWatcher::onChanged);
}

void CodeWatcher::setFolders(const QHash<QString, QString> &folders) {
    if (folders == m_folders) return;
    m_folders = folders;
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    if (!watched.isEmpty()) m_watcher.removePaths(watched);
    QSet<QString> distinct;
    for (const QString &folder : folders)
        distinct.insert(folder);
    for (const QString &folder : distinct)
        watchFolder(folder);
}

void CodeWatcher::watchFolder(const QString &folder) {
    if (!QFileInfo(folder).isDir()) return;
    QStringList paths{folder};
    QStringList pendingDirs;
    // Breadth-first by hand so skipped folders are never entered.
    for (QString dir = folder;;) {
        QDirIterator entries(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        while (entries.hasNext() && paths.size() < kMaxPathsPerFolder) {
            const QString path = entries.next();
            if (skipped(entries.fileName())) continue;
            paths.append(path);
            if (entries.fileInfo().isDir()) pendingDirs.append(path);
        }
        if (pendingDirs.isEmpty() || paths.size() >= kMaxPathsPerFolder) break;
        dir = pendingDirs.takeFirst();
    }
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    const QSet<QString> already(watched.cbegin(), watched.cend());
    QStringList fresh;
    for (const QString &p : paths)
        if (!already.contains(p)) fresh.append(p);
    if (!fresh.isEmpty()) m_watcher.addPaths(fresh);
}

void CodeWatcher::onChanged(const QString &path) {
    QSet<QString> refresh;
    for (auto it = m_folders.cbegin(); it != m_folders.cend(); ++it) {
        const QString &folder = it.value();
        if (path == folder || path.startsWith(folder + QLatin1Char('/'))) {
            refresh.insert(folder);
            Q_EMIT codeChanged(it.key());
        }
    }
    for (const QString &folder : refresh)
        watchFolder(folder);
}

} // namespace gatehouse
