#include "BucketObjectModel.h"

#include "sources/s3/ObjectListing.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QStyle>

namespace gatehouse {

BucketFolderListing listBucketFolder(const QList<s3::ObjectMetadata> &objects, const QString &prefix) {
    BucketFolderListing listing;
    s3::ListRequest request;
    request.prefix = prefix;
    request.delimiter = QStringLiteral("/");
    // Page by page as a client would; bounded by the number of objects (each page takes at least one).
    for (qsizetype pages = 0; pages <= objects.size(); ++pages) {
        const std::optional<s3::ListPage> page = s3::listObjects(objects, request);
        if (!page) break;
        listing.folders.append(page->commonPrefixes);
        listing.objects.append(page->contents);
        if (!page->truncated) break;
        request.continuationToken = page->nextContinuationToken;
    }
    return listing;
}

BucketObjectModel::BucketObjectModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void BucketObjectModel::setListing(const QString &prefix, const BucketFolderListing &listing) {
    beginResetModel();
    m_prefix = prefix;
    m_folders = listing.folders;
    m_objects = listing.objects;
    endResetModel();
}

QString BucketObjectModel::keyAt(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    return isFolder(row) ? m_folders.at(row) : m_objects.at(row - m_folders.size()).key;
}

const s3::ObjectMetadata *BucketObjectModel::objectAt(int row) const {
    if (row < m_folders.size() || row >= rowCount()) return nullptr;
    return &m_objects.at(row - m_folders.size());
}

int BucketObjectModel::rowOfKey(const QString &key) const {
    for (int row = 0; row < rowCount(); ++row)
        if (keyAt(row) == key) return row;
    return -1;
}

int BucketObjectModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_folders.size() + m_objects.size());
}

int BucketObjectModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BucketObjectModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row();
    const QString key = keyAt(row);
    if (role == KeyRole) return key;
    if (role == IsFolderRole) return isFolder(row);
    const s3::ObjectMetadata *object = objectAt(row);
    if (role == SizeRole) return object ? object->size : qint64(-1);
    if (role == Qt::ToolTipRole) return key; // the whole key, exactly as stored
    if (role == Qt::DecorationRole && index.column() == NameColumn)
        return QApplication::style()->standardIcon(object ? QStyle::SP_FileIcon : QStyle::SP_DirIcon);
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case NameColumn: {
        // The part below the current prefix; an object named like the prefix itself (a console
        // "folder" marker, "photos/") has no such part and shows its whole key.
        const QString name = key.mid(m_prefix.size());
        return name.isEmpty() ? key : name;
    }
    case SizeColumn:
        return object ? QLocale().formattedDataSize(object->size) : QString();
    case LastModifiedColumn:
        return object ? QLocale().toString(object->lastModified.toLocalTime(), QLocale::ShortFormat)
                      : QString();
    case ContentTypeColumn:
        return object ? object->contentType : QString();
    case ETagColumn:
        return object ? object->eTag : QString();
    default:
        return {};
    }
}

QVariant BucketObjectModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case LastModifiedColumn:
        return tr("Last modified");
    case ContentTypeColumn:
        return tr("Content type");
    case ETagColumn:
        return tr("ETag");
    default:
        return {};
    }
}

} // namespace gatehouse
