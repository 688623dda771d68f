// What a load test sends and for how long: one prepared request, the number of connections kept busy,
// and a duration or an exact count; checked before a run, and encoded once as HTTP/1.1 bytes.
#pragma once

#include "HttpExchange.h"

#include <QString>

namespace gatehouse::testing {

struct LoadTestOptions {
    OutgoingRequest request; // its timeoutMs is each request's deadline
    int concurrency = 10;    // requests in flight at once, each on a kept-alive connection of its own
    qint64 durationMs = 0;   // send for this long (requests in flight at the end still count) ...
    qint64 count = 0;        // ... or exactly this many requests; one of the two is set

    static constexpr int kMaxConcurrency = 1000;
};

// Empty when the options can run; otherwise what is wrong, for the user.
QString loadTestOptionsError(const LoadTestOptions &options);

// "GET /path?q HTTP/1.1", Host (unless the request has its own), the request's headers without
// Content-Length (recomputed from the body) and the body.
QByteArray encodeLoadRequest(const OutgoingRequest &request);

} // namespace gatehouse::testing
