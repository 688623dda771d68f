#include "RecentProjects.h"

#include "io/ProjectFile.h"

#include <QFileInfo>
#include <QSettings>

namespace gatehouse {

namespace {
const QString kKey = QStringLiteral("recentProjects");
} // namespace

QString RecentProjects::normalized(const QString &path) {
    // Always the folder: a project is a folder, whether it was opened by folder or by gatehouse.json.
    return QFileInfo(ProjectFile::resolveProjectFile(path)).absolutePath();
}

void RecentProjects::store(const QStringList &folders) {
    QSettings().setValue(kKey, folders.mid(0, kMaxEntries));
}

QStringList RecentProjects::entries() {
    const QStringList stored = QSettings().value(kKey).toStringList();
    QStringList existing;
    for (const QString &folder : stored)
        if (QFileInfo::exists(ProjectFile::resolveProjectFile(folder)) && !existing.contains(folder))
            existing.append(folder);
    if (existing != stored) store(existing);
    return existing.mid(0, kMaxEntries);
}

void RecentProjects::add(const QString &path) {
    const QString folder = normalized(path);
    QStringList folders = QSettings().value(kKey).toStringList();
    folders.removeAll(folder);
    folders.prepend(folder);
    store(folders);
}

void RecentProjects::remove(const QString &path) {
    QStringList folders = QSettings().value(kKey).toStringList();
    folders.removeAll(normalized(path));
    store(folders);
}

void RecentProjects::clear() {
    QSettings().remove(kKey);
}

} // namespace gatehouse
