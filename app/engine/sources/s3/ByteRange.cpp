#include "ByteRange.h"

namespace gatehouse::s3 {

ByteRange resolveRange(const QByteArray &header, qint64 objectSize) {
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes=")) return {};
    const QByteArray spec = value.mid(6).trimmed();
    if (spec.contains(',')) return {}; // several ranges: not supported, the whole object
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0) return {};
    const QByteArray firstText = spec.left(dash).trimmed();
    const QByteArray lastText = spec.mid(dash + 1).trimmed();
    bool ok = false;
    if (firstText.isEmpty()) { // suffix: the last N bytes
        const qint64 suffix = lastText.toLongLong(&ok);
        if (!ok || suffix < 0) return {};
        if (suffix == 0 || objectSize == 0) return {ByteRange::Kind::Unsatisfiable};
        const qint64 length = std::min(suffix, objectSize);
        return {ByteRange::Kind::Partial, objectSize - length, length};
    }
    const qint64 first = firstText.toLongLong(&ok);
    if (!ok || first < 0) return {};
    qint64 last = objectSize - 1;
    if (!lastText.isEmpty()) {
        last = lastText.toLongLong(&ok);
        if (!ok || last < first) return {}; // invalid syntax: ignored (RFC 9110)
        last = std::min(last, objectSize - 1);
    }
    if (first >= objectSize) return {ByteRange::Kind::Unsatisfiable};
    return {ByteRange::Kind::Partial, first, last - first + 1};
}

} // namespace gatehouse::s3
