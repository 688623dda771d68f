#include "BucketFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace gatehouse::s3::bucketfiles {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::s3::BucketStore", text);
}

BucketStore::Outcome ioError(const QString &what) {
    return {BucketStore::Error::Io, what};
}

QByteArray readFile(const QString &path, bool *ok) {
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok) *ok = opened;
    return opened ? file.readAll() : QByteArray();
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("gatehouse::s3::BucketStore", "cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace gatehouse::s3::bucketfiles
