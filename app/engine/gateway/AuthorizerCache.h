// Caches Lambda authorizer answers the way API Gateway does: keyed by the identity source values
// (REST TOKEN: the token; REQUEST: every source), for authorizerResultTtlInSeconds — 300 when unset,
// 0 disables, at most 3600 (API reference text quoted in aws-cloudformation roadmap #470; "Caching
// authorizer responses" for HTTP APIs: caching needs at least one identity source). Failures are
// never cached. The clock is injected; memory is bounded by evicting the oldest entries.
#pragma once

#include "LambdaAuthorizerResult.h"
#include "Throttling.h"

#include <QHash>
#include <QMutex>

namespace gatehouse {

class AuthorizerCache {
public:
    explicit AuthorizerCache(SteadyMillis clock, qsizetype capacity = 10000);

    static int effectiveTtlSeconds(const Authorizer &authorizer);

    std::optional<AuthorizerAnswer> find(const Authorizer &authorizer, const QString &identityKey);
    void store(const Authorizer &authorizer, const QString &identityKey, const AuthorizerAnswer &answer);
    void clear();
    qsizetype size() const;

private:
    struct Entry {
        AuthorizerAnswer answer;
        qint64 expiresAtMs = 0;
        quint64 order = 0;
    };
    static bool cachable(const Authorizer &authorizer, const QString &identityKey);

    SteadyMillis m_clock;
    qsizetype m_capacity;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries; // key: authorizer name + identity values
    quint64 m_nextOrder = 0;
};

} // namespace gatehouse
