#include "BucketStore.h"

#include "BucketFiles.h"

#include "ObjectKeyFiles.h"
#include "gateway/JsonText.h"
#include "io/LocalStateFolder.h"
#include "validation/NamingRules.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QSaveFile>
#include <algorithm>

namespace gatehouse::s3 {

using bucketfiles::ioError;
using bucketfiles::readFile;
using bucketfiles::tr;
using bucketfiles::writeAtomically;

namespace {

OrderedJson headersJson(const HeaderList &list) {
    OrderedJson object = OrderedJson::object();
    for (const auto &[name, value] : list)
        object[utf8(name)] = utf8(value);
    return object;
}

HeaderList headersFrom(const OrderedJson &object) {
    HeaderList list;
    if (!object.is_object()) return list;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.value().is_string())
            list.append(
                {QString::fromStdString(it.key()), QString::fromStdString(it.value().get<std::string>())});
    return list;
}

QString stringAt(const OrderedJson &object, const char *name) {
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

QByteArray metadataJson(const ObjectMetadata &meta) {
    OrderedJson json;
    json["key"] = utf8(meta.key);
    json["size"] = meta.size;
    json["eTag"] = utf8(meta.eTag);
    json["contentType"] = utf8(meta.contentType);
    json["lastModified"] = utf8(meta.lastModified.toUTC().toString(Qt::ISODate));
    json["userMetadata"] = headersJson(meta.userMetadata);
    json["headers"] = headersJson(meta.headers);
    json["dataFile"] = utf8(meta.dataFile);
    // Only versions carry these, so the metadata of unversioned objects stays as it was.
    if (!meta.versionId.isEmpty()) json["versionId"] = utf8(meta.versionId);
    if (meta.deleteMarker) json["deleteMarker"] = true;
    if (meta.sequence > 0) json["sequence"] = meta.sequence;
    return QByteArray::fromStdString(json.dump(2, ' ', false, OrderedJson::error_handler_t::replace));
}

std::optional<ObjectMetadata> metadataFromJson(const QByteArray &text) {
    const std::optional<OrderedJson> json = parseJson(text);
    if (!json || !json->is_object()) return std::nullopt;
    ObjectMetadata meta;
    meta.key = stringAt(*json, "key");
    const auto size = json->find("size");
    if (meta.key.isEmpty() || size == json->end() || !size->is_number_integer()) return std::nullopt;
    meta.size = size->get<qint64>();
    meta.eTag = stringAt(*json, "eTag");
    meta.contentType = stringAt(*json, "contentType");
    meta.lastModified = QDateTime::fromString(stringAt(*json, "lastModified"), Qt::ISODate).toUTC();
    if (const auto it = json->find("userMetadata"); it != json->end()) meta.userMetadata = headersFrom(*it);
    if (const auto it = json->find("headers"); it != json->end()) meta.headers = headersFrom(*it);
    meta.dataFile = stringAt(*json, "dataFile");
    meta.versionId = stringAt(*json, "versionId");
    if (const auto it = json->find("deleteMarker"); it != json->end() && it->is_boolean())
        meta.deleteMarker = it->get<bool>();
    if (const auto it = json->find("sequence"); it != json->end() && it->is_number_integer())
        meta.sequence = it->get<qint64>();
    if (!meta.versionId.isEmpty() && !isWellFormedVersionId(meta.versionId)) return std::nullopt;
    // A delete marker has no content.
    if (meta.deleteMarker) {
        meta.dataFile.clear();
        meta.size = 0;
        return meta;
    }
    // The data file must be one of ours, in the same folder: a hand-edited metadata file cannot point
    // a read elsewhere.
    if (meta.dataFile.contains(QLatin1Char('/')) || meta.dataFile.contains(QLatin1Char('\\')) ||
        !meta.dataFile.endsWith(QLatin1String(".data")) || meta.dataFile.startsWith(QLatin1Char('.')))
        return std::nullopt;
    return meta;
}

BucketStore::BucketStore(QString projectFolder)
    : m_projectFolder(std::move(projectFolder)) {}

QString BucketStore::bucketFolder(const QString &bucket) const {
    return m_projectFolder + QStringLiteral("/.gatehouse/buckets/") + bucket;
}

QString BucketStore::objectsFolder(const QString &bucket) const {
    return bucketFolder(bucket) + QStringLiteral("/objects");
}

QString BucketStore::uploadFolder(const QString &bucket, const QString &uploadId) const {
    return bucketFolder(bucket) + QStringLiteral("/uploads/") + uploadId;
}

BucketStore::Outcome BucketStore::ensureBucket(const QString &bucket) {
    // Project buckets are validated already; this keeps a bad name from ever becoming a path.
    if (!naming::bucketNameProblem(bucket).isEmpty())
        return ioError(tr("'%1' is not a valid bucket name").arg(bucket));
    // Everything under .gatehouse/ is local state (bucket contents, ...), never part of the project.
    if (QString error; ensureLocalStateFolder(m_projectFolder, &error).isEmpty()) return ioError(error);
    for (const QString &folder : {objectsFolder(bucket), bucketFolder(bucket) + QStringLiteral("/uploads")})
        if (!QDir().mkpath(folder)) return ioError(tr("cannot create %1").arg(folder));
    return {};
}

std::optional<ObjectMetadata> BucketStore::head(const QString &bucket, const QString &key) const {
    if (!isValidObjectKey(key)) return std::nullopt;
    bool ok = false;
    const QByteArray json = readFile(
        objectsFolder(bucket) + QLatin1Char('/') + objectFileStem(key) + QStringLiteral(".json"), &ok);
    if (!ok) return std::nullopt;
    std::optional<ObjectMetadata> meta = metadataFromJson(json);
    // A hash collision or a hand-copied file: the stored key must be the one asked for.
    if (!meta || meta->key != key || meta->deleteMarker) return std::nullopt;
    return meta;
}

BucketStore::Outcome BucketStore::read(const QString &bucket, const QString &key, qint64 offset,
                                       qint64 length, ObjectMetadata *meta, QByteArray *data,
                                       const QString &versionId) const {
    // A writer may replace the object between reading its metadata and opening its data file; the
    // new metadata names the new file, so look again (bounded: a key rewritten non-stop still ends).
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::optional<ObjectMetadata> current =
            versionId.isEmpty() ? head(bucket, key) : version(bucket, key, versionId);
        if (!current || current->deleteMarker) return {Error::NoSuchKey, {}};
        QFile file(dataPath(bucket, *current));
        if (!file.open(QIODevice::ReadOnly)) continue;
        *meta = *current;
        if (offset > 0 && !file.seek(offset)) return ioError(tr("cannot read %1").arg(file.fileName()));
        *data = length < 0 ? file.readAll() : file.read(length);
        return {};
    }
    return ioError(tr("the object '%1' kept changing while it was read").arg(key));
}

BucketStore::Outcome BucketStore::commit(const QString &bucket, ObjectMetadata meta,
                                         const std::function<bool(QIODevice &, ObjectMetadata &)> &write,
                                         ObjectMetadata *stored) {
    if (const Outcome ready = ensureBucket(bucket); !ready.ok()) return ready;
    const QString stem = objectFileStem(meta.key);
    // A versioned write: versioning is on, or the key has versions already (then versioning was
    // suspended or switched off later, and the write replaces the "null" version).
    const bool versioned = versioning(bucket) == Versioning::Enabled || hasVersions(bucket, meta.key);
    const QString folder = versioned ? versionsFolder(bucket, meta.key) : objectsFolder(bucket);
    if (versioned) {
        if (!QDir().mkpath(folder)) return ioError(tr("cannot create %1").arg(folder));
        meta.versionId = versioning(bucket) == Versioning::Enabled ? newVersionId() : QStringLiteral("null");
        meta.dataFile = meta.versionId + QLatin1Char('.') + newGeneration() + QStringLiteral(".data");
    } else {
        meta.versionId.clear();
        meta.sequence = 0;
        meta.dataFile = stem + QLatin1Char('.') + newGeneration() + QStringLiteral(".data");
    }
    meta.deleteMarker = false;
    {
        QSaveFile data(folder + QLatin1Char('/') + meta.dataFile);
        if (!data.open(QIODevice::WriteOnly) || !write(data, meta) || !data.commit())
            return ioError(tr("cannot write %1: %2").arg(data.fileName(), data.errorString()));
    }
    meta.lastModified = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    if (versioned) {
        const QString written = folder + QLatin1Char('/') + meta.dataFile;
        return addVersion(bucket, std::move(meta), written, stored);
    }
    QMutexLocker lock(&m_commitMutex);
    const std::optional<ObjectMetadata> previous = head(bucket, meta.key);
    QString error;
    if (!writeAtomically(folder + QLatin1Char('/') + stem + QStringLiteral(".json"), metadataJson(meta),
                         &error)) {
        QFile::remove(folder + QLatin1Char('/') + meta.dataFile);
        return ioError(error);
    }
    if (previous && previous->dataFile != meta.dataFile)
        QFile::remove(folder + QLatin1Char('/') + previous->dataFile);
    if (stored) *stored = meta;
    return {};
}

BucketStore::Outcome BucketStore::put(const QString &bucket, ObjectMetadata meta, const QByteArray &data,
                                      ObjectMetadata *stored) {
    meta.size = data.size();
    meta.eTag = QLatin1Char('"') +
                QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()) +
                QLatin1Char('"');
    return commit(
        bucket, std::move(meta),
        [&data](QIODevice &out, ObjectMetadata &) { return out.write(data) == data.size(); }, stored);
}

BucketStore::Outcome BucketStore::putFrom(const QString &bucket, ObjectMetadata meta, QIODevice &source,
                                          ObjectMetadata *stored,
                                          const std::function<void(qint64)> &progress) {
    QString readError;
    const Outcome outcome = commit(
        bucket, std::move(meta),
        [&](QIODevice &out, ObjectMetadata &written) {
            QCryptographicHash md5(QCryptographicHash::Md5);
            QByteArray buffer(1024 * 1024, Qt::Uninitialized);
            qint64 size = 0;
            for (;;) {
                // -1 is a failed read, which must not store a cut object; 0 is the end.
                const qint64 got = source.read(buffer.data(), buffer.size());
                if (got < 0) {
                    readError = source.errorString().isEmpty() ? tr("read failed") : source.errorString();
                    return false;
                }
                if (got == 0) break;
                md5.addData(QByteArrayView(buffer.constData(), got));
                if (out.write(buffer.constData(), got) != got) return false;
                size += got;
                if (progress) progress(size);
            }
            written.size = size;
            written.eTag = QLatin1Char('"') + QString::fromLatin1(md5.result().toHex()) + QLatin1Char('"');
            return true;
        },
        stored);
    if (!readError.isEmpty()) return ioError(tr("cannot read the content: %1").arg(readError));
    return outcome;
}

BucketStore::Outcome BucketStore::remove(const QString &bucket, const QString &key, bool *existed) {
    if (versioning(bucket) != Versioning::Off || hasVersions(bucket, key)) {
        Removal removal;
        const Outcome outcome = deleteObject(bucket, key, {}, &removal);
        if (existed) *existed = removal.happened;
        return outcome;
    }
    QMutexLocker lock(&m_commitMutex);
    const std::optional<ObjectMetadata> meta = head(bucket, key);
    if (existed) *existed = meta.has_value();
    if (!meta) return {};
    const QString folder = objectsFolder(bucket);
    const QString metaPath = folder + QLatin1Char('/') + objectFileStem(key) + QStringLiteral(".json");
    if (!QFile::remove(metaPath)) return ioError(tr("cannot remove %1").arg(metaPath));
    QFile::remove(folder + QLatin1Char('/') + meta->dataFile);
    return {};
}

QList<ObjectMetadata> BucketStore::list(const QString &bucket) const {
    QList<ObjectMetadata> objects;
    const QDir folder(objectsFolder(bucket));
    const QStringList files = folder.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        std::optional<ObjectMetadata> meta = metadataFromJson(readFile(folder.filePath(name)));
        // Only files whose name is their key's stem: stray or damaged files are not objects.
        if (meta && name == objectFileStem(meta->key) + QStringLiteral(".json"))
            objects.append(std::move(*meta));
    }
    std::sort(objects.begin(), objects.end(), [](const ObjectMetadata &a, const ObjectMetadata &b) {
        return a.key.toUtf8() < b.key.toUtf8();
    });
    return objects;
}

} // namespace gatehouse::s3
