#include "BucketUploadPlan.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMimeDatabase>
#include <algorithm>

namespace gatehouse {

namespace {

BucketUpload uploadOf(const QFileInfo &file, const QString &key) {
    static const QMimeDatabase mimes;
    return {file.absoluteFilePath(), key, mimes.mimeTypeForFile(file).name(), file.size()};
}

} // namespace

BucketUploadPlan planBucketUploads(const QStringList &paths, const QString &prefix) {
    BucketUploadPlan plan;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isFile() && info.isReadable()) {
            plan.uploads.append(uploadOf(info, prefix + info.fileName()));
        } else if (info.isDir()) {
            const QDir root(info.absoluteFilePath());
            // Symbolic links are not followed: a link to a parent folder would never end.
            QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            QList<BucketUpload> inFolder;
            while (it.hasNext()) {
                const QFileInfo file(it.next());
                if (file.isSymLink()) continue;
                inFolder.append(uploadOf(file, prefix + info.fileName() + QLatin1Char('/') +
                                                   root.relativeFilePath(file.absoluteFilePath())));
            }
            std::sort(inFolder.begin(), inFolder.end(),
                      [](const BucketUpload &a, const BucketUpload &b) { return a.key < b.key; });
            plan.uploads.append(inFolder);
        } else {
            plan.skipped.append(path);
        }
    }
    return plan;
}

} // namespace gatehouse
