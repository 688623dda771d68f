#include "Throttling.h"

#include <QMutexLocker>
#include <cmath>

namespace gatehouse {

TokenBucket::TokenBucket(double ratePerSecond, double capacity, qint64 nowMs)
    : m_rate(std::max(0.0, ratePerSecond))
    , m_capacity(std::max(0.0, capacity))
    , m_tokens(m_capacity)
    , m_lastMs(nowMs) {}

void TokenBucket::refill(qint64 nowMs) {
    if (nowMs <= m_lastMs) return;
    m_tokens = std::min(m_capacity, m_tokens + m_rate * static_cast<double>(nowMs - m_lastMs) / 1000.0);
    m_lastMs = nowMs;
}

bool TokenBucket::hasToken(qint64 nowMs) {
    refill(nowMs);
    // A tiny epsilon keeps 0.1 + 0.9 from missing a whole token through rounding.
    return m_tokens >= 1.0 - 1e-9;
}

bool TokenBucket::tryTake(qint64 nowMs) {
    if (!hasToken(nowMs)) return false;
    m_tokens = std::max(0.0, m_tokens - 1.0);
    return true;
}

double TokenBucket::available(qint64 nowMs) {
    refill(nowMs);
    return m_tokens;
}

Throttler::Throttler(SteadyMillis clock)
    : m_clock(std::move(clock)) {}

TokenBucket *Throttler::bucketFor(const Limit &limit, qint64 nowMs, bool &blocked) {
    const ThrottleSettings &settings = limit.settings;
    blocked = false;
    if (!settings.rateLimit) {
        blocked = settings.burstLimit && *settings.burstLimit <= 0;
        return nullptr;
    }
    auto it = m_entries.find(limit.key);
    if (it == m_entries.end() || !(it->second.settings == settings)) {
        // New or edited limits start from a full bucket.
        const double rate = *settings.rateLimit;
        const double capacity = settings.burstLimit ? *settings.burstLimit : std::max(1.0, std::ceil(rate));
        it = m_entries.insert_or_assign(limit.key, Entry{settings, TokenBucket(rate, capacity, nowMs)}).first;
    }
    return &it->second.bucket;
}

bool Throttler::tryAcquire(const QList<Limit> &limits) {
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock();
    QList<TokenBucket *> buckets;
    for (const Limit &limit : limits) {
        bool blocked = false;
        TokenBucket *bucket = bucketFor(limit, now, blocked);
        if (blocked) return false;
        if (!bucket) continue;
        if (!bucket->hasToken(now)) return false;
        buckets.append(bucket);
    }
    for (TokenBucket *bucket : buckets)
        bucket->tryTake(now);
    return true;
}

void Throttler::clear() {
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

} // namespace gatehouse
