// One folder level of a bucket for the bucket browser: the "folders" (common prefixes under the "/"
// delimiter, as the S3 console shows them) and then the objects directly at the prefix, in S3's list
// order, with their size, last modified time, content type and ETag.
#pragma once

#include "sources/s3/BucketStore.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace gatehouse {

// `objects` as BucketStore::list() returns them (sorted), seen from `prefix` with the "/" delimiter
// (ListObjectsV2's rules, s3::listObjects): the common prefixes and the objects at that level.
struct BucketFolderListing {
    QStringList folders; // full prefixes, each ending in "/"
    QList<s3::ObjectMetadata> objects;
};
BucketFolderListing listBucketFolder(const QList<s3::ObjectMetadata> &objects, const QString &prefix);

class BucketObjectModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, SizeColumn, LastModifiedColumn, ContentTypeColumn, ETagColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // the full key (an object) or prefix (a folder)
        IsFolderRole,
        SizeRole, // bytes, as a qint64
    };

    explicit BucketObjectModel(QObject *parent = nullptr);

    void setListing(const QString &prefix, const BucketFolderListing &listing);
    QString prefix() const { return m_prefix; }
    bool isFolder(int row) const { return row < m_folders.size(); }
    QString keyAt(int row) const; // the object's key or the folder's prefix
    // The object of a row that is no folder.
    const s3::ObjectMetadata *objectAt(int row) const;
    int rowOfKey(const QString &key) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_prefix;
    QStringList m_folders;
    QList<s3::ObjectMetadata> m_objects;
};

} // namespace gatehouse
