// Every function's pool, and which pool each live execution environment belongs to.
#pragma once

#include "FunctionPool.h"

#include <QHash>
#include <memory>
#include <unordered_map>
#include <vector>

namespace gatehouse {

class ExecutionEnvironment;

// Bookkeeping across pools for the Invoker: lookups, the project-wide counts that the concurrency cap
// is checked against, and the choices of which idle environments to evict or reap. A pool of a
// removed function stays reachable through its environments until the last one is gone.
class PoolRegistry {
public:
    std::shared_ptr<FunctionPool> pool(const QString &function) const { return m_pools.value(function); }
    const QHash<QString, std::shared_ptr<FunctionPool>> &pools() const { return m_pools; }
    void add(const Function &function, const QString &codeDir);
    std::shared_ptr<FunctionPool> take(const QString &function) { return m_pools.take(function); }

    void adopt(ExecutionEnvironment *environment, const std::shared_ptr<FunctionPool> &pool);
    std::shared_ptr<FunctionPool> ownerOf(ExecutionEnvironment *environment) const;
    // Forgets the environment (it is being destroyed) and removes it from its pool.
    void forget(ExecutionEnvironment *environment);
    int environmentCount() const { return int(m_owner.size()); }

    // The idle environment unused for longest, across all pools (the one to evict), or null.
    ExecutionEnvironment *oldestIdle() const;
    // Idle environments idle since before cutoffMs, removed from their pools (the ones to reap).
    std::vector<ExecutionEnvironment *> takeIdleSince(qint64 cutoffMs);
    // Earliest idle-since time among all idle environments, or -1 (when the next reap is due).
    qint64 earliestIdleSince() const;
    // function → code folder, for the code watcher.
    QHash<QString, QString> codeFolders() const;

private:
    QHash<QString, std::shared_ptr<FunctionPool>> m_pools;
    // Not a QHash: Qt 6.4's QHash picks its hash function for a pointer key by a lookup that differs
    // between translation units where the pointee is complete (a QObject subclass: ADL finds the
    // global qHash(const T *)) and where it is only declared. The two hash differently, and in an
    // optimised build an entry inserted in one file was not found from another.
    std::unordered_map<ExecutionEnvironment *, std::shared_ptr<FunctionPool>> m_owner;
};

} // namespace gatehouse
