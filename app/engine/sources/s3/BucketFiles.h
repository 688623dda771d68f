// File steps the bucket store's parts share (BucketStore.cpp, BucketVersions.cpp, BucketMultipart.cpp):
// their translation context, an I/O failure as an Outcome, whole files read and atomically replaced.
#pragma once

#include "BucketStore.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::s3::bucketfiles {

// QCoreApplication::translate in the store's context ("gatehouse::s3::BucketStore").
QString tr(const char *text);
BucketStore::Outcome ioError(const QString &what);
QByteArray readFile(const QString &path, bool *ok = nullptr);
// Replaces `path` in one step (QSaveFile); on failure `error` says which file and why.
bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace gatehouse::s3::bucketfiles
