// How an arbitrary S3 object key becomes a file name inside a bucket's folder, and the key rules S3
// enforces. The scheme: a key's files are named by the lower-case hex SHA-256 of its UTF-8 bytes
// ("<64 hex>.json" for the metadata, "<64 hex>.<16 hex>.data" for the content), and the real key is
// kept inside the metadata. So no key, however crafted ("../x", "/etc/passwd", NUL, "." or "..",
// 1024 bytes, "<hex>.json", case variants), can name a path outside the folder, collide with another
// key's files on a case-insensitive file system, or exceed a file-name length limit.
#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse::s3 {

// "The name for a key is a sequence of Unicode characters whose UTF-8 encoding is at most 1,024 bytes
// long" (S3 User Guide, "Naming Amazon S3 objects",
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html).
inline constexpr qsizetype kMaxKeyBytes = 1024;

// The 64-character file stem of `key`: only [0-9a-f].
QString objectFileStem(const QString &key);

// True for a key S3 would accept: not empty, at most kMaxKeyBytes of UTF-8.
bool isValidObjectKey(const QString &key);

// True when `id` could have come from newUploadId(): only letters and digits, 16 to 128 characters,
// so that a crafted uploadId never names another folder.
bool isWellFormedUploadId(const QString &id);
QString newUploadId();
// A new version id: 32 random letters and digits (S3's are opaque strings of that kind).
QString newVersionId();
// "null" or what newVersionId() could have made (letters and digits, 1 to 64): never a path.
bool isWellFormedVersionId(const QString &id);
// 16 random hex digits: the generation part of a data file's name.
QString newGeneration();

} // namespace gatehouse::s3
