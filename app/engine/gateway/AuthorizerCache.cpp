#include "AuthorizerCache.h"

#include <QMutexLocker>
#include <algorithm>

namespace gatehouse {

AuthorizerCache::AuthorizerCache(SteadyMillis clock, qsizetype capacity)
    : m_clock(std::move(clock))
    , m_capacity(std::max<qsizetype>(1, capacity)) {}

int AuthorizerCache::effectiveTtlSeconds(const Authorizer &authorizer) {
    return std::clamp(authorizer.resultTtlSeconds.value_or(300), 0, 3600);
}

bool AuthorizerCache::cachable(const Authorizer &authorizer, const QString &identityKey) {
    return effectiveTtlSeconds(authorizer) > 0 && !identityKey.isEmpty();
}

std::optional<AuthorizerAnswer> AuthorizerCache::find(const Authorizer &authorizer,
                                                      const QString &identityKey) {
    if (!cachable(authorizer, identityKey)) return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const QString key = authorizer.name + QLatin1Char('\n') + identityKey;
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd()) return std::nullopt;
    if (m_clock() >= it->expiresAtMs) {
        m_entries.remove(key);
        return std::nullopt;
    }
    return it->answer;
}

void AuthorizerCache::store(const Authorizer &authorizer, const QString &identityKey,
                            const AuthorizerAnswer &answer) {
    if (!cachable(authorizer, identityKey)) return;
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock();
    if (m_entries.size() >= m_capacity) {
        // Expired entries go first; otherwise the oldest insertion makes room.
        m_entries.removeIf([now](QHash<QString, Entry>::iterator it) { return now >= it->expiresAtMs; });
        while (m_entries.size() >= m_capacity) {
            auto oldest = m_entries.begin();
            for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
                if (it->order < oldest->order) oldest = it;
            m_entries.erase(oldest);
        }
    }
    m_entries.insert(authorizer.name + QLatin1Char('\n') + identityKey,
                     {answer, now + qint64(effectiveTtlSeconds(authorizer)) * 1000, m_nextOrder++});
}

void AuthorizerCache::clear() {
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

qsizetype AuthorizerCache::size() const {
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

} // namespace gatehouse
