// Saves an object of a project's bucket to a local file, read straight from the bucket's folder in
// pieces (a large object is never held in memory whole) and written through QSaveFile (a failed or
// changed download leaves no half file). Reading needs no running cloud and no lock: BucketStore's
// readers are safe beside the S3 endpoint's writers. Meant for a worker thread.
#pragma once

#include <QString>

namespace gatehouse {

// Empty on success, else what went wrong.
QString downloadBucketObject(const QString &projectFolder, const QString &bucket, const QString &key,
                             const QString &targetFile);

} // namespace gatehouse
