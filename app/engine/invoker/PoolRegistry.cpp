#include "PoolRegistry.h"

namespace gatehouse {

void PoolRegistry::add(const Function &function, const QString &codeDir) {
    m_pools.insert(function.name, std::make_shared<FunctionPool>(function, codeDir));
}

void PoolRegistry::adopt(ExecutionEnvironment *environment, const std::shared_ptr<FunctionPool> &pool) {
    pool->addBusy(environment);
    m_owner.emplace(environment, pool);
}

std::shared_ptr<FunctionPool> PoolRegistry::ownerOf(ExecutionEnvironment *environment) const {
    const auto it = m_owner.find(environment);
    return it == m_owner.end() ? nullptr : it->second;
}

void PoolRegistry::forget(ExecutionEnvironment *environment) {
    const auto it = m_owner.find(environment);
    if (it == m_owner.end()) return;
    it->second->remove(environment);
    m_owner.erase(it);
}

ExecutionEnvironment *PoolRegistry::oldestIdle() const {
    ExecutionEnvironment *victim = nullptr;
    qint64 oldest = 0;
    for (const std::shared_ptr<FunctionPool> &pool : m_pools) {
        qint64 since = 0;
        if (ExecutionEnvironment *candidate = pool->oldestIdle(&since);
            candidate && (!victim || since < oldest)) {
            victim = candidate;
            oldest = since;
        }
    }
    return victim;
}

std::vector<ExecutionEnvironment *> PoolRegistry::takeIdleSince(qint64 cutoffMs) {
    std::vector<ExecutionEnvironment *> out;
    for (const std::shared_ptr<FunctionPool> &pool : m_pools)
        for (ExecutionEnvironment *idle : pool->takeIdleSince(cutoffMs)) {
            m_owner.erase(idle);
            out.push_back(idle);
        }
    return out;
}

qint64 PoolRegistry::earliestIdleSince() const {
    qint64 earliest = -1;
    for (const std::shared_ptr<FunctionPool> &pool : m_pools) {
        const qint64 since = pool->earliestIdleSince();
        if (since >= 0 && (earliest < 0 || since < earliest)) earliest = since;
    }
    return earliest;
}

QHash<QString, QString> PoolRegistry::codeFolders() const {
    QHash<QString, QString> folders;
    for (auto it = m_pools.cbegin(); it != m_pools.cend(); ++it)
        folders.insert(it.key(), it.value()->codeDir());
    return folders;
}

} // namespace gatehouse
