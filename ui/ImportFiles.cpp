#include "ImportFiles.h"

#include "io/ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gatehouse {

namespace {
const QString kEnvironmentSuffix = QStringLiteral(".postman_environment.json");
} // namespace

std::optional<ImportSource> ImportFiles::read(const QString &path, qint64 maxBytes, Diagnostics &problems) {
    const QString fileName = QFileInfo(path).fileName();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        Diagnostic d;
        d.file = fileName;
        d.message = tr("cannot read the file: %1").arg(in.errorString());
        problems.append(d);
        return std::nullopt;
    }
    return ImportSource{fileName, in.read(maxBytes + 1)};
}

QStringList ImportFiles::environmentsBeside(const QString &collectionPath) {
    const QFileInfo collection(collectionPath);
    const QDir folder = collection.absoluteDir();
    QStringList files;
    const QStringList names =
        folder.entryList({QLatin1Char('*') + kEnvironmentSuffix}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names)
        if (name != collection.fileName()) files.append(folder.filePath(name));
    return files;
}

QString ImportFiles::environmentName(const QString &path) {
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(kEnvironmentSuffix)) name.chop(kEnvironmentSuffix.size());
    // Postman names exports "<collection>.<environment>"; the last part is the environment.
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.mid(dot + 1) : name;
}

ImportFiles::Written ImportFiles::writeProject(const ImportResult &result, const QString &folder,
                                               bool replace) {
    QList<OutputFile> code;
    for (const ImportedFile &f : result.files)
        code.append({f.path, f.bytes});
    Written written;
    written.code = writeOutputFiles(folder, code, replace);
    written.error = written.code.error;
    if (written.ok() && !ProjectFile::save(result.project, folder, &written.error) && written.error.isEmpty())
        written.error = tr("the project file could not be written");
    return written;
}

} // namespace gatehouse
