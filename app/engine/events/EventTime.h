// The two timestamp spellings of AWS event sources: ISO 8601 UTC with milliseconds (S3's eventTime)
// and with whole seconds (EventBridge's time), both ending in 'Z' whatever the input's time zone.
#pragma once

#include <QDateTime>
#include <QString>

namespace gatehouse {

// "2019-09-03T19:37:27.192Z" (S3 "Event message structure": "ISO-8601 format, for example
// 1970-01-01T00:00:00.000Z").
inline QString iso8601Milliseconds(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

// "2015-10-08T16:53:06Z": EventBridge events carry no fraction of a second.
inline QString iso8601Seconds(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

} // namespace gatehouse
