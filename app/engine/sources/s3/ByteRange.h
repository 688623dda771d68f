// The Range header of GetObject: one "bytes=first-last", "bytes=first-" or "bytes=-suffix" range
// (RFC 9110 §14.1.2). "Amazon S3 doesn't support retrieving multiple ranges of data per GET request"
// (S3 API reference, "GetObject", https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html),
// so a header it cannot use is ignored and the whole object is sent, as RFC 9110 allows.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace gatehouse::s3 {

struct ByteRange {
    enum class Kind { Whole, Partial, Unsatisfiable };
    Kind kind = Kind::Whole;
    qint64 first = 0;
    qint64 length = 0; // Partial only
};

ByteRange resolveRange(const QByteArray &header, qint64 objectSize);

} // namespace gatehouse::s3
