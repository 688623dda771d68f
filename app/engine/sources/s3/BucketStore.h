// A project's buckets on disk: `<project>/.gatehouse/buckets/<bucket>/` (the `.gatehouse` folder gets a
// `.gitignore` of "*" when it is created, so local data stays out of the project's repository).
//
//   <bucket>/objects/<stem>.json             metadata: the real key, size, ETag, content type, last
//                                            modified, user metadata, the name of the data file
//   <bucket>/objects/<stem>.<generation>.data the content
//   <bucket>/uploads/<uploadId>/upload.json  an unfinished multipart upload, its parts beside it as
//                                            "part-<n>" files
//   <bucket>/versions/<stem>/<versionId>.json one version of a key in a versioned bucket, or a delete
//                                            marker; its content beside it as "<versionId>.<gen>.data"
// (<stem>: ObjectKeyFiles.h). Once a key has versions (its versions/<stem>/ folder exists), that folder
// is the truth about it and objects/<stem>.json is a copy of its newest version, present only while
// that version is not a delete marker, so reads and listings of current objects work alike for both
// kinds of bucket (S3 User Guide, "How S3 Versioning works" and "Working with delete markers").
// Writes go through QSaveFile; a new version of an object gets a new data
// file and becomes visible when its metadata file is renamed into place, after which the old data
// file is removed. So a crash never leaves metadata that describes other bytes, and readers need no
// lock: one that opened the old data file keeps reading it (POSIX), one that finds it gone re-reads
// the metadata. Thread-safe; several BucketStores over one folder in one process are not.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <functional>
#include <optional>

namespace gatehouse::s3 {

using HeaderList = QList<QPair<QString, QString>>;

struct ObjectMetadata {
    QString key;
    qint64 size = 0;
    QString eTag; // as S3 sends it, quotes included: "\"<md5 hex>\"" or "\"<hex>-<parts>\""
    QString contentType;
    QDateTime lastModified;  // UTC, whole seconds (what Last-Modified can say)
    HeaderList userMetadata; // names without "x-amz-meta-", lower case (as S3 stores them)
    // System metadata S3 keeps and returns: Cache-Control, Content-Disposition, Content-Encoding,
    // Content-Language, Expires.
    HeaderList headers;
    QString dataFile; // internal: the data file's name in objects/ (or in the key's versions folder)
    // Versioned buckets: the version's id ("null" for the version written while versioning was off or
    // suspended); empty for an object of a bucket that never had versioning.
    QString versionId;
    bool deleteMarker = false; // a delete marker: a version without content
    qint64 sequence = 0;       // internal: orders a key's versions, the newest highest
};

// A bucket's versioning state (S3 API reference, "PutBucketVersioning"): never enabled, enabled, or
// suspended (new writes replace the "null" version; versions kept so far stay).
enum class Versioning { Off, Enabled, Suspended };

struct ObjectVersion {
    ObjectMetadata meta;
    bool isLatest = false;
};

// What a delete did (S3 API reference, "DeleteObject": x-amz-delete-marker, x-amz-version-id).
struct Removal {
    bool happened = false;     // an object or version was removed, or a delete marker added
    bool deleteMarker = false; // the version added (no versionId asked) or removed was a delete marker
    QString versionId;         // of that marker or version; empty for a bucket without versioning
};

struct CompletedPart {
    int partNumber = 0;
    QString eTag; // quotes optional
};

class BucketStore {
public:
    // Why an operation failed; S3's error code for each is chosen by the API layer.
    enum class Error { None, NoSuchKey, NoSuchUpload, InvalidPart, InvalidPartOrder, EntityTooSmall, Io };
    struct Outcome {
        Error error = Error::None;
        QString message; // for Io: what failed, with the path
        bool ok() const { return error == Error::None; }
    };

    explicit BucketStore(QString projectFolder);

    QString projectFolder() const { return m_projectFolder; }
    QString bucketFolder(const QString &bucket) const; // <project>/.gatehouse/buckets/<bucket>
    // Creates the bucket's folders (and .gatehouse/.gitignore) if needed.
    Outcome ensureBucket(const QString &bucket);

    // The bucket's versioning; Off until set. Thread-safe.
    void setVersioning(const QString &bucket, Versioning state);
    Versioning versioning(const QString &bucket) const;

    // The current object (nullopt when there is none or its newest version is a delete marker).
    std::optional<ObjectMetadata> head(const QString &bucket, const QString &key) const;
    // The newest version of a key, delete markers included (head() for a key without versions).
    std::optional<ObjectMetadata> latest(const QString &bucket, const QString &key) const;
    // One version or delete marker; "null" also names the object of a key without versions.
    std::optional<ObjectMetadata> version(const QString &bucket, const QString &key,
                                          const QString &versionId) const;
    // Reads `length` bytes from `offset` (length < 0: to the end) of the object's current version, or
    // of version `versionId` when given (NoSuchKey when it does not exist or is a delete marker).
    Outcome read(const QString &bucket, const QString &key, qint64 offset, qint64 length,
                 ObjectMetadata *meta, QByteArray *data, const QString &versionId = {}) const;
    // Stores `data` under meta.key; fills size, ETag (MD5), last modified. `*stored` gets the result.
    Outcome put(const QString &bucket, ObjectMetadata meta, const QByteArray &data, ObjectMetadata *stored);
    // put() for content read from `source` to its end in chunks, so a large file is never held in
    // memory (the studio's uploads); `progress`, when set, gets the bytes stored so far after each chunk.
    Outcome putFrom(const QString &bucket, ObjectMetadata meta, QIODevice &source, ObjectMetadata *stored,
                    const std::function<void(qint64)> &progress = {});
    // Whether it existed is reported through `*existed`; deleting a missing key is no error (as S3).
    // In a versioned bucket this adds a delete marker (and `*existed` is true, as something happened).
    Outcome remove(const QString &bucket, const QString &key, bool *existed = nullptr);
    // DeleteObject: without `versionId`, removes the object (versioning never enabled) or adds a delete
    // marker (enabled; suspended: a "null" marker replacing the null version); with it, removes that
    // version or marker for good, after which the newest remaining version is current again.
    Outcome deleteObject(const QString &bucket, const QString &key, const QString &versionId,
                         Removal *removal);
    // Every object of the bucket, sorted by the UTF-8 bytes of the key (S3's list order).
    QList<ObjectMetadata> list(const QString &bucket) const;
    // Every version and delete marker, by key and then newest first (ListObjectVersions' order); an
    // object of a key without versions is listed as its "null" version.
    QList<ObjectVersion> listVersions(const QString &bucket) const;

    // Multipart uploads (S3 API reference: CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
    // AbortMultipartUpload).
    Outcome createUpload(const QString &bucket, const ObjectMetadata &meta, QString *uploadId);
    std::optional<ObjectMetadata> uploadOf(const QString &bucket, const QString &uploadId) const;
    Outcome putPart(const QString &bucket, const QString &uploadId, int partNumber, const QByteArray &data,
                    QString *eTag);
    Outcome completeUpload(const QString &bucket, const QString &uploadId, const QList<CompletedPart> &parts,
                           ObjectMetadata *stored);
    Outcome abortUpload(const QString &bucket, const QString &uploadId);

    // "Your proposed upload is smaller than the minimum allowed object size": every part but the last
    // must be at least 5 MiB (S3 User Guide, "Amazon S3 multipart upload limits").
    static constexpr qint64 kMinPartBytes = 5 * 1024 * 1024;

private:
    QString objectsFolder(const QString &bucket) const;
    QString uploadFolder(const QString &bucket, const QString &uploadId) const;
    QString versionsFolder(const QString &bucket, const QString &key) const;
    QString dataPath(const QString &bucket, const ObjectMetadata &meta) const;
    bool hasVersions(const QString &bucket, const QString &key) const;
    QList<ObjectMetadata> versionsOf(const QString &bucket, const QString &key) const; // newest first
    // With m_commitMutex held: moves an object written without versioning into the key's versions
    // as its "null" version, and rewrites (or removes) objects/<stem>.json from the newest version.
    Outcome keepUnversionedObject(const QString &bucket, const QString &key);
    Outcome refreshCurrent(const QString &bucket, const QString &key);
    Outcome addVersion(const QString &bucket, ObjectMetadata meta, const QString &writtenData,
                       ObjectMetadata *stored);
    // Writes a new data file with `write` (which returns false on failure, and may fill in the
    // metadata it learns while writing: size and ETag of streamed content), then swaps the metadata.
    Outcome commit(const QString &bucket, ObjectMetadata meta,
                   const std::function<bool(QIODevice &, ObjectMetadata &)> &write, ObjectMetadata *stored);

    QString m_projectFolder;
    QMutex m_commitMutex;        // orders metadata swaps of the same key (and the removal of old data files)
    mutable QMutex m_stateMutex; // guards m_versioning
    QHash<QString, Versioning> m_versioning;
};

// The metadata file's JSON text and back (nullopt for a damaged file).
QByteArray metadataJson(const ObjectMetadata &meta);
std::optional<ObjectMetadata> metadataFromJson(const QByteArray &json);

} // namespace gatehouse::s3
