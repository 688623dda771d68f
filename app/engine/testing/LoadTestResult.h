// What a load test measured: every response's latency in a fixed-size histogram, the status codes,
// the requests that got no response by reason, bytes, and the rate over the run.
#pragma once

#include "telemetry/LatencyHistogram.h"

#include <QMap>
#include <QString>

namespace gatehouse::testing {

// Why a request got no HTTP response.
enum class LoadErrorKind {
    Connect,  // refused, unreachable, or the name did not resolve
    Timeout,  // no complete response within the request timeout
    Closed,   // the server closed or reset the connection before the response ended
    Malformed // what came back was not HTTP/1.x
};
QString loadErrorKindName(LoadErrorKind kind);  // stable English identifiers: "connect", "timeout", ...
QString loadErrorKindLabel(LoadErrorKind kind); // translated, for display

struct LoadTestResult {
    qint64 sent = 0;      // requests written (each is answered, fails or is cancelled)
    qint64 completed = 0; // responses plus failures
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0; // whole responses, headers included
    double elapsedMs = 0;     // from the start to the last completion (or the cancel)
    bool cancelled = false;
    LatencyHistogram latency;       // responses only, send to last byte, in microseconds
    QMap<int, qint64> statusCounts; // status code -> responses
    QMap<LoadErrorKind, qint64> errors;
    QString firstError; // the first failure's message, to explain a run that failed throughout

    qint64 responses() const { return qint64(latency.count()); }
    qint64 failures() const;                     // no response
    qint64 statusClassCount(int hundreds) const; // 2 -> the 2xx responses
    double requestsPerSecond() const;            // completed per second of the run
    double percentileMs(double q) const { return double(latency.percentileMicros(q)) / 1000.0; }
    double meanMs() const;
    double maxMs() const { return double(latency.maxMicros()) / 1000.0; }
};

} // namespace gatehouse::testing
