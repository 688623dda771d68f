// BucketStore's versions: a versioned key keeps every version (and delete marker) in its own folder,
// versions/<sha256 of key>/, named by version id, never by anything taken from the key (S3 User Guide,
// "How S3 Versioning works", "Working with delete markers" and "Deleting object versions from a
// versioning-enabled bucket").
#include "BucketFiles.h"
#include "BucketStore.h"
#include "ObjectKeyFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSaveFile>
#include <algorithm>

namespace gatehouse::s3 {

using bucketfiles::ioError;
using bucketfiles::tr;
using bucketfiles::writeAtomically;

namespace {

std::optional<ObjectMetadata> readMetadata(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    return metadataFromJson(file.readAll());
}

void newestFirst(QList<ObjectMetadata> &versions) {
    std::sort(versions.begin(), versions.end(),
              [](const ObjectMetadata &a, const ObjectMetadata &b) { return a.sequence > b.sequence; });
}

// The versions in one key's folder that really are that folder's (a stray or hand-copied file is not).
QList<ObjectMetadata> versionsIn(const QString &folderPath, const QString &stem) {
    QList<ObjectMetadata> versions;
    const QDir folder(folderPath);
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        std::optional<ObjectMetadata> meta = readMetadata(folder.filePath(name));
        if (meta && !meta->versionId.isEmpty() && name == meta->versionId + QStringLiteral(".json") &&
            objectFileStem(meta->key) == stem)
            versions.append(std::move(*meta));
    }
    newestFirst(versions);
    return versions;
}

QDateTime nowInSeconds() {
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

} // namespace

void BucketStore::setVersioning(const QString &bucket, Versioning state) {
    QMutexLocker lock(&m_stateMutex);
    m_versioning.insert(bucket, state);
}

Versioning BucketStore::versioning(const QString &bucket) const {
    QMutexLocker lock(&m_stateMutex);
    return m_versioning.value(bucket, Versioning::Off);
}

QString BucketStore::versionsFolder(const QString &bucket, const QString &key) const {
    return bucketFolder(bucket) + QStringLiteral("/versions/") + objectFileStem(key);
}

QString BucketStore::dataPath(const QString &bucket, const ObjectMetadata &meta) const {
    return (meta.versionId.isEmpty() ? objectsFolder(bucket) : versionsFolder(bucket, meta.key)) +
           QLatin1Char('/') + meta.dataFile;
}

bool BucketStore::hasVersions(const QString &bucket, const QString &key) const {
    return QFileInfo(versionsFolder(bucket, key)).isDir();
}

QList<ObjectMetadata> BucketStore::versionsOf(const QString &bucket, const QString &key) const {
    QList<ObjectMetadata> versions = versionsIn(versionsFolder(bucket, key), objectFileStem(key));
    versions.removeIf([&key](const ObjectMetadata &meta) { return meta.key != key; });
    return versions;
}

std::optional<ObjectMetadata> BucketStore::latest(const QString &bucket, const QString &key) const {
    if (!isValidObjectKey(key)) return std::nullopt;
    if (!hasVersions(bucket, key)) return head(bucket, key);
    const QList<ObjectMetadata> versions = versionsOf(bucket, key);
    if (versions.isEmpty()) return std::nullopt;
    return versions.first();
}

std::optional<ObjectMetadata> BucketStore::version(const QString &bucket, const QString &key,
                                                   const QString &versionId) const {
    if (!isValidObjectKey(key) || !isWellFormedVersionId(versionId)) return std::nullopt;
    if (!hasVersions(bucket, key)) {
        // An object written without versioning is the key's "null" version.
        if (versionId != QLatin1String("null")) return std::nullopt;
        std::optional<ObjectMetadata> current = head(bucket, key);
        if (current && current->versionId.isEmpty()) return current;
        return std::nullopt;
    }
    std::optional<ObjectMetadata> meta =
        readMetadata(versionsFolder(bucket, key) + QLatin1Char('/') + versionId + QStringLiteral(".json"));
    if (!meta || meta->key != key || meta->versionId != versionId) return std::nullopt;
    return meta;
}

BucketStore::Outcome BucketStore::keepUnversionedObject(const QString &bucket, const QString &key) {
    const std::optional<ObjectMetadata> current = head(bucket, key);
    if (!current || !current->versionId.isEmpty()) return {};
    // Objects stored before versioning was enabled have the version id null (S3 User Guide, "How S3
    // Versioning works"): it stays, as the oldest version.
    const QString folder = versionsFolder(bucket, key);
    if (!QDir().mkpath(folder)) return ioError(tr("cannot create %1").arg(folder));
    ObjectMetadata kept = *current;
    kept.versionId = QStringLiteral("null");
    kept.dataFile = QStringLiteral("null.") + newGeneration() + QStringLiteral(".data");
    const QList<ObjectMetadata> versions = versionsOf(bucket, key);
    kept.sequence = (versions.isEmpty() ? 0 : versions.first().sequence) + 1;
    const QString from = objectsFolder(bucket) + QLatin1Char('/') + current->dataFile;
    if (!QFile::rename(from, folder + QLatin1Char('/') + kept.dataFile))
        return ioError(tr("cannot move %1 into %2").arg(from, folder));
    QString error;
    if (!writeAtomically(folder + QStringLiteral("/null.json"), metadataJson(kept), &error))
        return ioError(error);
    return {};
}

BucketStore::Outcome BucketStore::refreshCurrent(const QString &bucket, const QString &key) {
    const QString current =
        objectsFolder(bucket) + QLatin1Char('/') + objectFileStem(key) + QStringLiteral(".json");
    const QList<ObjectMetadata> versions = versionsOf(bucket, key);
    // "If the current version of the object is a delete marker, Amazon S3 behaves as if the object was
    // deleted": no current object.
    if (versions.isEmpty() || versions.first().deleteMarker) {
        if (QFile::exists(current) && !QFile::remove(current))
            return ioError(tr("cannot remove %1").arg(current));
        return {};
    }
    QString error;
    if (!writeAtomically(current, metadataJson(versions.first()), &error)) return ioError(error);
    return {};
}

BucketStore::Outcome BucketStore::addVersion(const QString &bucket, ObjectMetadata meta,
                                             const QString &writtenData, ObjectMetadata *stored) {
    QMutexLocker lock(&m_commitMutex);
    const auto dropWritten = [&writtenData] {
        if (!writtenData.isEmpty()) QFile::remove(writtenData);
    };
    if (const Outcome kept = keepUnversionedObject(bucket, meta.key); !kept.ok()) {
        dropWritten();
        return kept;
    }
    const QString folder = versionsFolder(bucket, meta.key);
    // With versioning suspended, a write replaces the "null" version, whatever its place.
    const std::optional<ObjectMetadata> replaced = version(bucket, meta.key, meta.versionId);
    const QList<ObjectMetadata> versions = versionsOf(bucket, meta.key);
    meta.sequence = (versions.isEmpty() ? 0 : versions.first().sequence) + 1;
    QString error;
    if (!writeAtomically(folder + QLatin1Char('/') + meta.versionId + QStringLiteral(".json"),
                         metadataJson(meta), &error)) {
        dropWritten();
        return ioError(error);
    }
    const Outcome refreshed = refreshCurrent(bucket, meta.key);
    if (replaced && !replaced->deleteMarker && replaced->dataFile != meta.dataFile)
        QFile::remove(folder + QLatin1Char('/') + replaced->dataFile);
    if (stored) *stored = meta;
    return refreshed;
}

BucketStore::Outcome BucketStore::deleteObject(const QString &bucket, const QString &key,
                                               const QString &versionId, Removal *removal) {
    *removal = {};
    if (versionId.isEmpty()) {
        const Versioning state = versioning(bucket);
        if (state == Versioning::Off && !hasVersions(bucket, key))
            return remove(bucket, key, &removal->happened);
        if (const Outcome ready = ensureBucket(bucket); !ready.ok()) return ready;
        // "a simple DELETE cannot permanently delete an object. Instead, Amazon S3 inserts a delete
        // marker" (Deleting object versions); suspended: the marker is the "null" version.
        const QString folder = versionsFolder(bucket, key);
        if (!QDir().mkpath(folder)) return ioError(tr("cannot create %1").arg(folder));
        ObjectMetadata marker;
        marker.key = key;
        marker.deleteMarker = true;
        marker.versionId = state == Versioning::Enabled ? newVersionId() : QStringLiteral("null");
        marker.lastModified = nowInSeconds();
        ObjectMetadata stored;
        if (const Outcome added = addVersion(bucket, marker, {}, &stored); !added.ok()) return added;
        removal->happened = true;
        removal->deleteMarker = true;
        removal->versionId = stored.versionId;
        return {};
    }
    if (!isWellFormedVersionId(versionId)) return {};
    QMutexLocker lock(&m_commitMutex);
    if (!hasVersions(bucket, key)) {
        const std::optional<ObjectMetadata> current = version(bucket, key, versionId);
        if (!current) return {};
        const QString meta =
            objectsFolder(bucket) + QLatin1Char('/') + objectFileStem(key) + QStringLiteral(".json");
        if (!QFile::remove(meta)) return ioError(tr("cannot remove %1").arg(meta));
        QFile::remove(dataPath(bucket, *current));
        removal->happened = true;
        removal->versionId = QStringLiteral("null");
        return {};
    }
    const std::optional<ObjectMetadata> target = version(bucket, key, versionId);
    if (!target) return {}; // S3 answers 204 for a version that is not there
    const QString file = versionsFolder(bucket, key) + QLatin1Char('/') + versionId + QStringLiteral(".json");
    if (!QFile::remove(file)) return ioError(tr("cannot remove %1").arg(file));
    // Removing the newest version (or marker) makes the one before it current again.
    const Outcome refreshed = refreshCurrent(bucket, key);
    if (!target->deleteMarker) QFile::remove(dataPath(bucket, *target));
    removal->happened = true;
    removal->deleteMarker = target->deleteMarker;
    removal->versionId = versionId;
    return refreshed;
}

QList<ObjectVersion> BucketStore::listVersions(const QString &bucket) const {
    QList<ObjectVersion> all;
    const QDir objects(objectsFolder(bucket));
    for (const QString &name : objects.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        std::optional<ObjectMetadata> meta = readMetadata(objects.filePath(name));
        // Keys with versions are listed from their folder; this file is only a copy of the newest.
        if (meta && meta->versionId.isEmpty() &&
            name == objectFileStem(meta->key) + QStringLiteral(".json") && !hasVersions(bucket, meta->key))
            all.append({std::move(*meta), true});
    }
    const QDir versions(bucketFolder(bucket) + QStringLiteral("/versions"));
    for (const QString &stem : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QList<ObjectMetadata> ofKey = versionsIn(versions.filePath(stem), stem);
        for (qsizetype i = 0; i < ofKey.size(); ++i)
            all.append({ofKey[i], i == 0});
    }
    // By key; a key's versions stay newest first.
    std::stable_sort(all.begin(), all.end(), [](const ObjectVersion &a, const ObjectVersion &b) {
        return a.meta.key.toUtf8() < b.meta.key.toUtf8();
    });
    return all;
}

} // namespace gatehouse::s3
