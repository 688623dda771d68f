#include "LoadTestResult.h"

#include <QCoreApplication>

namespace gatehouse::testing {

QString loadErrorKindName(LoadErrorKind kind) {
    switch (kind) {
    case LoadErrorKind::Connect:
        return QStringLiteral("connect");
    case LoadErrorKind::Timeout:
        return QStringLiteral("timeout");
    case LoadErrorKind::Closed:
        return QStringLiteral("closed");
    case LoadErrorKind::Malformed:
        return QStringLiteral("malformed");
    }
    return {};
}

QString loadErrorKindLabel(LoadErrorKind kind) {
    const char *text = "";
    switch (kind) {
    case LoadErrorKind::Connect:
        text = QT_TRANSLATE_NOOP("gatehouse::testing", "connection failed");
        break;
    case LoadErrorKind::Timeout:
        text = QT_TRANSLATE_NOOP("gatehouse::testing", "timed out");
        break;
    case LoadErrorKind::Closed:
        text = QT_TRANSLATE_NOOP("gatehouse::testing", "connection closed");
        break;
    case LoadErrorKind::Malformed:
        text = QT_TRANSLATE_NOOP("gatehouse::testing", "malformed response");
        break;
    }
    return QCoreApplication::translate("gatehouse::testing", text);
}

qint64 LoadTestResult::failures() const {
    qint64 n = 0;
    for (qint64 count : errors)
        n += count;
    return n;
}

qint64 LoadTestResult::statusClassCount(int hundreds) const {
    qint64 n = 0;
    for (auto it = statusCounts.cbegin(); it != statusCounts.cend(); ++it)
        if (it.key() / 100 == hundreds) n += it.value();
    return n;
}

double LoadTestResult::requestsPerSecond() const {
    return elapsedMs > 0 ? double(completed) * 1000.0 / elapsedMs : 0.0;
}

double LoadTestResult::meanMs() const {
    return latency.isEmpty() ? 0.0 : double(latency.sumMicros()) / double(latency.count()) / 1000.0;
}

} // namespace gatehouse::testing
