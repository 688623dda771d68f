// BucketStore's multipart uploads: an upload is a folder of part files until it is completed into one
// object (S3 User Guide, "Uploading and copying objects using multipart upload",
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html).
#include "BucketFiles.h"
#include "BucketStore.h"
#include "ObjectKeyFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace gatehouse::s3 {

using bucketfiles::tr;

namespace {

QString partFile(const QString &folder, int partNumber) {
    return folder + QStringLiteral("/part-%1").arg(partNumber, 5, 10, QLatin1Char('0'));
}

QString unquoted(QString eTag) {
    if (eTag.size() >= 2 && eTag.startsWith(QLatin1Char('"')) && eTag.endsWith(QLatin1Char('"')))
        eTag = eTag.mid(1, eTag.size() - 2);
    return eTag.toLower();
}

// The MD5 of a file's content, read in pieces (parts are up to 5 GiB).
QByteArray md5Of(QFile &file) {
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&file);
    return hash.result();
}

} // namespace

BucketStore::Outcome BucketStore::createUpload(const QString &bucket, const ObjectMetadata &meta,
                                               QString *uploadId) {
    if (const Outcome ready = ensureBucket(bucket); !ready.ok()) return ready;
    const QString id = newUploadId();
    const QString folder = uploadFolder(bucket, id);
    if (!QDir().mkpath(folder)) return {Error::Io, tr("cannot create %1").arg(folder)};
    ObjectMetadata initial = meta;
    initial.dataFile = QStringLiteral("upload.data"); // unused until completion; keeps the file readable
    initial.lastModified = QDateTime::currentDateTimeUtc();
    QSaveFile file(folder + QStringLiteral("/upload.json"));
    const QByteArray json = metadataJson(initial);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return {Error::Io, tr("cannot write %1: %2").arg(file.fileName(), file.errorString())};
    *uploadId = id;
    return {};
}

std::optional<ObjectMetadata> BucketStore::uploadOf(const QString &bucket, const QString &uploadId) const {
    if (!isWellFormedUploadId(uploadId)) return std::nullopt;
    QFile file(uploadFolder(bucket, uploadId) + QStringLiteral("/upload.json"));
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    return metadataFromJson(file.readAll());
}

BucketStore::Outcome BucketStore::putPart(const QString &bucket, const QString &uploadId, int partNumber,
                                          const QByteArray &data, QString *eTag) {
    if (!uploadOf(bucket, uploadId)) return {Error::NoSuchUpload, {}};
    QSaveFile file(partFile(uploadFolder(bucket, uploadId), partNumber));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return {Error::Io, tr("cannot write %1: %2").arg(file.fileName(), file.errorString())};
    *eTag = QLatin1Char('"') +
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()) +
            QLatin1Char('"');
    return {};
}

BucketStore::Outcome BucketStore::completeUpload(const QString &bucket, const QString &uploadId,
                                                 const QList<CompletedPart> &parts, ObjectMetadata *stored) {
    const std::optional<ObjectMetadata> upload = uploadOf(bucket, uploadId);
    if (!upload) return {Error::NoSuchUpload, {}};
    const QString folder = uploadFolder(bucket, uploadId);
    if (parts.isEmpty()) return {Error::InvalidPart, {}};
    // "The list of parts was not in ascending order. The parts list must be specified in order by
    // part number." (CompleteMultipartUpload, InvalidPartOrder).
    for (qsizetype i = 1; i < parts.size(); ++i)
        if (parts[i].partNumber <= parts[i - 1].partNumber) return {Error::InvalidPartOrder, {}};

    // Check every part against what was uploaded before writing anything, and gather the MD5s whose
    // MD5 is the multipart ETag ("<hex of md5(md5s)>-<number of parts>").
    QByteArray md5s;
    qint64 total = 0;
    Outcome tooSmall;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QFile file(partFile(folder, parts[i].partNumber));
        if (!file.open(QIODevice::ReadOnly))
            return {Error::InvalidPart, tr("part %1 was not uploaded").arg(parts[i].partNumber)};
        const QByteArray md5 = md5Of(file);
        if (unquoted(parts[i].eTag) != QString::fromLatin1(md5.toHex()))
            return {Error::InvalidPart, tr("part %1's ETag does not match").arg(parts[i].partNumber)};
        // Reported only once every part is known to exist and match, as S3 does.
        if (i + 1 < parts.size() && file.size() < kMinPartBytes && tooSmall.ok())
            tooSmall = {Error::EntityTooSmall, tr("part %1 is smaller than 5 MiB").arg(parts[i].partNumber)};
        md5s += md5;
        total += file.size();
    }
    if (!tooSmall.ok()) return tooSmall;
    ObjectMetadata meta = *upload;
    meta.size = total;
    meta.eTag = QStringLiteral("\"%1-%2\"")
                    .arg(QString::fromLatin1(QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex()))
                    .arg(parts.size());
    const Outcome committed = commit(
        bucket, meta,
        [&](QIODevice &out, ObjectMetadata &) {
            for (const CompletedPart &part : parts) {
                QFile file(partFile(folder, part.partNumber));
                if (!file.open(QIODevice::ReadOnly)) return false;
                while (!file.atEnd()) {
                    const QByteArray piece = file.read(1024 * 1024);
                    if (piece.isEmpty() || out.write(piece) != piece.size()) return false;
                }
            }
            return true;
        },
        stored);
    if (committed.ok()) QDir(folder).removeRecursively();
    return committed;
}

BucketStore::Outcome BucketStore::abortUpload(const QString &bucket, const QString &uploadId) {
    if (!uploadOf(bucket, uploadId)) return {Error::NoSuchUpload, {}};
    QDir(uploadFolder(bucket, uploadId)).removeRecursively();
    return {};
}

} // namespace gatehouse::s3
