#include "SampleProjects.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace gatehouse::SampleProjects {

QString bundledPath(const QString &name) {
    return QStringLiteral(":/samples/") + name;
}

bool copyTo(const QString &targetFolder, QString *errorMessage, const QString &name) {
    const QDir target(targetFolder);
    if (QFileInfo::exists(target.filePath(QStringLiteral("gatehouse.json"))))
        return true; // keep the user's edits
    const QString source = bundledPath(name);
    if (!QFileInfo(source).isDir()) {
        if (errorMessage) *errorMessage = QStringLiteral("no bundled sample named %1").arg(name);
        return false;
    }
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString relative = QDir(source).relativeFilePath(from);
        const QString to = target.filePath(relative);
        if (QFileInfo::exists(to)) continue; // never overwrite a file the user already has
        if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(from, to)) {
            if (errorMessage)
                *errorMessage = QStringLiteral("cannot write %1").arg(QDir::toNativeSeparators(to));
            return false;
        }
        // Files copied out of Qt resources are read-only; the copy is the user's to edit.
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

} // namespace gatehouse::SampleProjects
