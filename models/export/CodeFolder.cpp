#include "CodeFolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace gatehouse {

QString normalizedRelativePath(const QString &path) {
    QString p = path;
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (p.startsWith(QLatin1Char('/')) || (p.size() > 1 && p.at(1) == QLatin1Char(':'))) return {};
    QStringList parts;
    for (const QString &part : p.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".")) continue;
        if (part == QLatin1String("..")) {
            if (parts.isEmpty()) return {};
            parts.removeLast();
            continue;
        }
        parts.append(part);
    }
    return parts.join(QLatin1Char('/'));
}

CodeFolderRead readCodeFolder(const QString &root, const QString &folder, const CodeFolderLimits &limits) {
    CodeFolderRead result;
    const QString relative =
        folder.isEmpty() || folder == QLatin1String(".") ? QString() : normalizedRelativePath(folder);
    if (!folder.isEmpty() && folder != QLatin1String(".") && relative.isEmpty()) {
        result.error = QStringLiteral("'%1' is outside the project folder").arg(folder);
        return result;
    }
    const QDir rootDir(root);
    const QString absolute = relative.isEmpty() ? rootDir.absolutePath() : rootDir.absoluteFilePath(relative);
    if (!QFileInfo(absolute).isDir()) {
        result.error = QStringLiteral("folder '%1' does not exist").arg(relative.isEmpty() ? root : relative);
        return result;
    }
    qint64 total = 0;
    // Hidden entries (.git, .aws-sam) are tooling state, not code to deploy; symlinks are not followed so a
    // link cannot pull files from outside the folder.
    QDirIterator it(absolute, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(it.next());
    paths.sort(); // deterministic order
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isSymLink()) continue;
        const QString inFolder = QDir(absolute).relativeFilePath(path);
        if (inFolder.startsWith(QLatin1String("..")) ||
            inFolder.split(QLatin1Char('/')).contains(QLatin1String("gatehouse.json")))
            continue;
        if (inFolder.startsWith(QLatin1Char('.')) || inFolder.contains(QLatin1String("/."))) continue;
        if (result.files.size() >= limits.maxFiles || total + info.size() > limits.maxTotalBytes) {
            result.error =
                QStringLiteral("the code is larger than %1 files or %2 MB; the rest was not copied")
                    .arg(limits.maxFiles)
                    .arg(limits.maxTotalBytes / (1024 * 1024));
            break;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("cannot read '%1': %2").arg(inFolder, file.errorString());
            continue;
        }
        CodeFile code;
        code.path = relative.isEmpty() ? inFolder : relative + QLatin1Char('/') + inFolder;
        code.bytes = file.readAll();
        total += code.bytes.size();
        result.files.append(std::move(code));
    }
    return result;
}

} // namespace gatehouse
