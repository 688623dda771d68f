#include "BucketDownload.h"

#include "sources/s3/BucketStore.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace gatehouse {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::BucketDownload", text);
}
constexpr qint64 kPieceBytes = 4 * 1024 * 1024;
} // namespace

QString downloadBucketObject(const QString &projectFolder, const QString &bucket, const QString &key,
                             const QString &targetFile) {
    const s3::BucketStore store(projectFolder);
    QSaveFile out(targetFile);
    if (!out.open(QIODevice::WriteOnly)) return tr("Cannot write %1: %2").arg(targetFile, out.errorString());
    QString version; // the data file of the first piece: every piece must come from the same one
    for (qint64 offset = 0;;) {
        s3::ObjectMetadata meta;
        QByteArray piece;
        const s3::BucketStore::Outcome read = store.read(bucket, key, offset, kPieceBytes, &meta, &piece);
        if (read.error == s3::BucketStore::Error::NoSuchKey) return tr("The object no longer exists.");
        if (!read.ok()) return read.message;
        if (version.isEmpty()) version = meta.dataFile;
        if (meta.dataFile != version) return tr("The object changed while it was downloaded; try again.");
        if (!piece.isEmpty() && out.write(piece) != piece.size())
            return tr("Cannot write %1: %2").arg(targetFile, out.errorString());
        offset += piece.size();
        if (offset >= meta.size || piece.isEmpty()) break;
    }
    if (!out.commit()) return tr("Cannot write %1: %2").arg(targetFile, out.errorString());
    return {};
}

} // namespace gatehouse
