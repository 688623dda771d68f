// What an upload from the studio writes: each chosen or dropped local file becomes one object under
// the browser's prefix, a folder its files under "<prefix><folder name>/<relative path>" (as
// `aws s3 cp --recursive` names them), with a content type guessed from the file (QMimeDatabase; S3
// itself stores whatever the client sends, and the console guesses the same way).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

struct BucketUpload {
    QString file; // local path
    QString key;
    QString contentType;
    qint64 size = 0;
};

struct BucketUploadPlan {
    QList<BucketUpload> uploads;
    QStringList skipped; // paths that are neither a readable file nor a folder
};

BucketUploadPlan planBucketUploads(const QStringList &paths, const QString &prefix);

} // namespace gatehouse
