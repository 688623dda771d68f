#include "LocalStateFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace gatehouse {

QString ensureLocalStateFolder(const QString &projectFolder, QString *error) {
    const auto fail = [error](const QString &message) {
        if (error) *error = message;
        return QString();
    };
    const QString folder = QDir(projectFolder).filePath(QStringLiteral(".gatehouse"));
    if (!QDir().mkpath(folder))
        return fail(
            QCoreApplication::translate("gatehouse::LocalStateFolder", "cannot create %1").arg(folder));
    const QString ignore = folder + QStringLiteral("/.gitignore");
    if (QFile::exists(ignore)) return folder;
    QSaveFile file(ignore);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(
            "# Gatehouse's local data (buckets, request history, ...): not part of the project.\n*\n") < 0 ||
        !file.commit())
        return fail(QCoreApplication::translate("gatehouse::LocalStateFolder", "cannot write %1: %2")
                        .arg(ignore, file.errorString()));
    return folder;
}

} // namespace gatehouse
