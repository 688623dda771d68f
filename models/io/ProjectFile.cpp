#include "ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse::ProjectFile {

QString resolveProjectFile(const QString &path) {
    const QFileInfo info(path);
    if (info.isDir()) return QDir(info.absoluteFilePath()).absoluteFilePath(QString::fromLatin1(kFileName));
    return info.absoluteFilePath();
}

namespace {
LoadResult failure(const QString &file, const QString &message, const QString &hint) {
    LoadResult result;
    Diagnostic d;
    d.file = file;
    d.message = message;
    d.hint = hint;
    result.diagnostics.append(d);
    return result;
}
} // namespace

LoadResult load(const QString &path) {
    const QString filePath = resolveProjectFile(path);
    const QFileInfo info(filePath);
    const QString shownName = info.fileName();
    if (!info.exists()) {
        return failure(QDir::toNativeSeparators(filePath), QStringLiteral("no such file"),
                       QFileInfo(path).isDir() ? QStringLiteral("this folder is not a Gatehouse project")
                                               : QStringLiteral("check the path"));
    }
    if (info.isDir()) return failure(QDir::toNativeSeparators(filePath), QStringLiteral("is a folder"), {});
    if (info.size() > kMaxFileBytes) {
        // Refuse before reading: a 100 MB file is not a project file and must not be loaded into memory.
        return failure(shownName,
                       QStringLiteral("file is too large (%1 bytes; the limit is %2 bytes)")
                           .arg(info.size())
                           .arg(kMaxFileBytes),
                       QStringLiteral("a project file holds only the design; is this the right file?"));
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return failure(shownName, QStringLiteral("cannot read: %1").arg(file.errorString()), {});
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    ProjectReadResult read = projectFromJsonText(bytes, shownName);
    LoadResult result;
    result.project = std::move(read.project);
    result.diagnostics = std::move(read.diagnostics);
    result.readable = read.readable;
    result.folder = info.absolutePath();
    result.filePath = filePath;
    return result;
}

bool save(const Project &project, const QString &folder, QString *errorMessage) {
    if (!QDir().mkpath(folder)) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot create folder %1").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    QSaveFile file(QDir(folder).absoluteFilePath(QString::fromLatin1(kFileName)));
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorMessage) *errorMessage = file.errorString();
        return false;
    }
    const QByteArray bytes = projectToJsonText(project);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (errorMessage) *errorMessage = file.errorString();
        return false;
    }
    return true;
}

} // namespace gatehouse::ProjectFile
