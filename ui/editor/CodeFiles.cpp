#include "CodeFiles.h"

#include "code/HandlerTemplate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse::codefiles {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::codefiles", text);
}

} // namespace

bool read(const QString &path, QByteArray *bytes, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

bool write(const QString &path, const QByteArray &bytes, bool executable, QString *error) {
    const auto fail = [&](const QString &reason) {
        if (error) *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(info.absolutePath())));
    const bool existed = info.exists();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    if (file.write(bytes) != bytes.size()) return fail(file.errorString());
    if (!file.commit()) return fail(file.errorString());
    // QSaveFile gives the new file the old one's permissions; a new file gets the umask's.
    if (!existed && executable) {
        const QFileDevice::Permissions execute =
            QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        if (!QFile::setPermissions(path, QFile::permissions(path) | execute))
            return fail(tr("cannot make it executable"));
    }
    return true;
}

bool writeStarter(const Function &function, const HandlerFile &file, QString *error) {
    const QByteArray code = handlerTemplate(function);
    if (code.isEmpty()) {
        if (error)
            *error = tr("Gatehouse has no template for the handler \"%1\" of function %2: the part after the "
                        "file name must be a name the code can define.")
                         .arg(function.handler, function.name);
        return false;
    }
    return write(file.path, code, file.executable, error);
}

} // namespace gatehouse::codefiles
