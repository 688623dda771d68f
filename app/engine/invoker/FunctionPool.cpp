#include "FunctionPool.h"

#include "ExecutionEnvironment.h"

#include <algorithm>

namespace gatehouse {

FunctionPool::FunctionPool(Function function, QString codeDir)
    : m_function(std::move(function))
    , m_codeDir(std::move(codeDir)) {}

FunctionPool::Slot *FunctionPool::find(ExecutionEnvironment *environment) {
    for (Slot &s : m_slots)
        if (s.environment == environment) return &s;
    return nullptr;
}

ExecutionEnvironment *FunctionPool::takeIdle(bool anyThreadOnly, const void *caller) {
    // The caller's own last one, else the most recently used: Lambda keeps reusing the warmest
    // environment, which lets the others age out and be reaped when traffic drops.
    Slot *best = nullptr;
    for (Slot &s : m_slots) {
        if (s.busy || s.generation != m_generation || (!s.anyThread && anyThreadOnly && s.home != caller))
            continue;
        const bool callers = caller && s.lastCaller == caller;
        const bool bestCallers = best && caller && best->lastCaller == caller;
        if (!best || (callers && !bestCallers) ||
            (callers == bestCallers && s.idleSinceMs > best->idleSinceMs))
            best = &s;
    }
    if (!best) return nullptr;
    best->busy = true;
    if (caller) best->lastCaller = caller;
    return best->environment;
}

void FunctionPool::addBusy(ExecutionEnvironment *environment) {
    m_slots.push_back(Slot{environment, m_generation, true, environment->invokableFromAnyThread(), 0, nullptr,
                           environment->thread()});
}

bool FunctionPool::release(ExecutionEnvironment *environment, bool reusable, qint64 nowMs) {
    Slot *slot = find(environment);
    if (!slot) return false;
    if (!reusable || m_retired || slot->generation != m_generation) {
        remove(environment);
        return false;
    }
    slot->busy = false;
    slot->idleSinceMs = nowMs;
    return true;
}

bool FunctionPool::isCurrent(ExecutionEnvironment *environment) const {
    const auto slot = std::find_if(m_slots.begin(), m_slots.end(),
                                   [&](const Slot &s) { return s.environment == environment; });
    return slot != m_slots.end() && !m_retired && slot->generation == m_generation;
}

void FunctionPool::remove(ExecutionEnvironment *environment) {
    std::erase_if(m_slots, [&](const Slot &s) { return s.environment == environment; });
}

int FunctionPool::busyCount() const {
    return int(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.busy; }));
}

ExecutionEnvironment *FunctionPool::oldestIdle(qint64 *idleSinceMs) const {
    const Slot *oldest = nullptr;
    for (const Slot &s : m_slots)
        if (!s.busy && (!oldest || s.idleSinceMs < oldest->idleSinceMs)) oldest = &s;
    if (oldest && idleSinceMs) *idleSinceMs = oldest->idleSinceMs;
    return oldest ? oldest->environment : nullptr;
}

std::vector<ExecutionEnvironment *> FunctionPool::takeIdleSince(qint64 cutoffMs) {
    std::vector<ExecutionEnvironment *> out;
    for (const Slot &s : m_slots)
        if (!s.busy && s.idleSinceMs <= cutoffMs) out.push_back(s.environment);
    for (ExecutionEnvironment *e : out)
        remove(e);
    return out;
}

qint64 FunctionPool::earliestIdleSince() const {
    qint64 earliest = -1;
    for (const Slot &s : m_slots)
        if (!s.busy && (earliest < 0 || s.idleSinceMs < earliest)) earliest = s.idleSinceMs;
    return earliest;
}

std::vector<ExecutionEnvironment *> FunctionPool::takeAllIdle() {
    std::vector<ExecutionEnvironment *> out;
    for (const Slot &s : m_slots)
        if (!s.busy) out.push_back(s.environment);
    for (ExecutionEnvironment *e : out)
        remove(e);
    return out;
}

std::vector<ExecutionEnvironment *> FunctionPool::recycle(Function function, QString codeDir) {
    m_function = std::move(function);
    m_codeDir = std::move(codeDir);
    ++m_generation;
    return takeAllIdle();
}

bool FunctionPool::environmentsSeeChange(const Function &before, const Function &after) {
    return before.name != after.name || before.runtime != after.runtime || before.handler != after.handler ||
           before.codeUri != after.codeUri || before.memoryMB != after.memoryMB ||
           before.timeoutSeconds != after.timeoutSeconds || before.architecture != after.architecture ||
           before.environment != after.environment;
}

std::vector<ExecutionEnvironment *> FunctionPool::retire() {
    m_retired = true;
    ++m_generation;
    return takeAllIdle();
}

} // namespace gatehouse
