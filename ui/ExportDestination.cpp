#include "ExportDestination.h"

#include <QDir>
#include <QFileInfo>

namespace gatehouse::ExportDestination {

namespace {

QString mainFileName(const ExportResult &result) {
    return result.files.isEmpty() ? QString() : QFileInfo(result.files.first().path).fileName();
}

bool namesAFolder(const QString &path) {
    return path.endsWith(QLatin1Char('/')) || path.endsWith(QDir::separator()) || QFileInfo(path).isDir();
}

} // namespace

bool isSingleFile(const ExportResult &result) {
    return result.files.size() == 1;
}

QString defaultPath(const QString &projectFolder, ExportFormat format, const ExportResult &result) {
    const QFileInfo project(QDir::cleanPath(projectFolder));
    const QDir parent = project.absoluteDir();
    if (isSingleFile(result)) return parent.filePath(mainFileName(result));
    return parent.filePath(project.fileName() + QLatin1Char('-') + exportFormatName(format));
}

QString absolutePath(const QString &path, const QString &projectFolder) {
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty()) return {};
    const QString expanded = QDir::fromNativeSeparators(trimmed);
    const bool trailingSlash = expanded.endsWith(QLatin1Char('/'));
    const QDir base = QFileInfo(QDir::cleanPath(projectFolder)).absoluteDir();
    QString absolute = QDir::cleanPath(base.absoluteFilePath(expanded));
    if (trailingSlash && !absolute.endsWith(QLatin1Char('/'))) absolute += QLatin1Char('/');
    return absolute;
}

Target targetFor(const ExportResult &result, const QString &absolutePath) {
    Target target;
    if (absolutePath.isEmpty() || result.files.isEmpty()) return target;
    QString mainName;
    if (isSingleFile(result) && !namesAFolder(absolutePath)) {
        const QFileInfo file(absolutePath);
        target.folder = file.absolutePath();
        mainName = file.fileName();
    } else {
        target.folder = QDir::cleanPath(absolutePath);
    }
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        const ExportedFile &f = result.files[i];
        target.files.append({i == 0 && !mainName.isEmpty() ? mainName : f.path, f.bytes});
    }
    target.mainFilePath = QDir(target.folder).filePath(target.files.first().path);
    return target;
}

QString adjusted(const QString &path, bool wasSingleFile, const QString &oldMainName, bool isSingleFile,
                 const QString &newMainName) {
    if (path.trimmed().isEmpty()) return path;
    if (wasSingleFile && !isSingleFile) return QFileInfo(path).path();
    if (!wasSingleFile && isSingleFile) return QDir(path).filePath(newMainName);
    if (isSingleFile && QFileInfo(path).fileName() == oldMainName)
        return QDir(QFileInfo(path).path()).filePath(newMainName);
    return path;
}

} // namespace gatehouse::ExportDestination
