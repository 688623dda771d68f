// Token-bucket throttling as API Gateway describes it ("Throttle requests to your REST APIs",
// "Protect your HTTP API" route throttling): a steady rate in requests per second refills a bucket
// whose size is the burst; each request takes one token and an empty bucket means 429. Stages,
// routes and usage plans each get their own bucket, keyed by the caller. The clock is injected so
// tests and the gateway agree on time without sleeping.
#pragma once

#include "project/Common.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <functional>
#include <map>

namespace gatehouse {

using SteadyMillis = std::function<qint64()>; // a monotonic clock in milliseconds

class TokenBucket {
public:
    // The bucket starts full, so a quiet API can absorb a burst at once.
    TokenBucket(double ratePerSecond, double capacity, qint64 nowMs);
    bool tryTake(qint64 nowMs);
    bool hasToken(qint64 nowMs);
    double available(qint64 nowMs);

private:
    void refill(qint64 nowMs);

    double m_rate;
    double m_capacity;
    double m_tokens;
    qint64 m_lastMs;
};

class Throttler {
public:
    explicit Throttler(SteadyMillis clock);

    struct Limit {
        QString key; // e.g. "api/prod" for a stage, "api/prod/GET /items" for a route
        ThrottleSettings settings;
    };
    // Takes one token from every limited bucket, or none when any is empty (a request refused by
    // the route must not use up the stage's allowance). Unset settings never throttle; a rate with
    // no burst gets a bucket of max(1, ceil(rate)); a burst with no rate limits nothing unless it is
    // 0, which blocks every request as AWS does for a 0 limit.
    bool tryAcquire(const QList<Limit> &limits);
    void clear();

private:
    struct Entry {
        ThrottleSettings settings;
        TokenBucket bucket;
    };
    TokenBucket *bucketFor(const Limit &limit, qint64 nowMs, bool &blocked);

    SteadyMillis m_clock;
    QMutex m_mutex;
    std::map<QString, Entry> m_entries; // node-based: bucket pointers survive later inserts
};

} // namespace gatehouse
