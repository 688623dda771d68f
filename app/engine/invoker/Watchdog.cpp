#include "Watchdog.h"

#include "MemoryProbe.h"

namespace gatehouse {

namespace {
constexpr auto kMemorySamplePeriod = std::chrono::milliseconds(25);
}

Watchdog::Watchdog()
    : m_thread([this] { run(); }) {}

Watchdog::~Watchdog() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

quint64 Watchdog::arm(Clock::time_point deadline, qint64 memoryGrowthLimitBytes, Action action,
                      qint64 residentNow) {
    const qint64 base = memoryGrowthLimitBytes <= 0 ? 0
                        : residentNow >= 0          ? residentNow
                                                    : memoryprobe::residentBytes();
    bool notify = false;
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        ticket = m_nextTicket++;
        m_entries.emplace(ticket,
                          Entry{deadline, memoryGrowthLimitBytes, base, std::move(action), std::nullopt});
        // Waking the thread costs a context switch; at tens of thousands of invocations per second only
        // do it when the new entry needs attention before the thread would wake anyway.
        const auto needed =
            memoryGrowthLimitBytes > 0 ? std::min(deadline, Clock::now() + kMemorySamplePeriod) : deadline;
        notify = needed < m_sleepingUntil;
    }
    if (notify) m_wake.notify_one();
    return ticket;
}

std::optional<Watchdog::Trip> Watchdog::disarm(quint64 ticket) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(ticket);
    if (it == m_entries.end()) return std::nullopt;
    const auto tripped = it->second.tripped;
    m_entries.erase(it);
    return tripped;
}

void Watchdog::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        auto wakeAt = Clock::time_point::max();
        bool sampleMemory = false;
        for (const auto &[ticket, entry] : m_entries) {
            if (entry.tripped) continue;
            wakeAt = std::min(wakeAt, entry.deadline);
            sampleMemory = sampleMemory || entry.memoryLimit > 0;
        }
        if (sampleMemory) wakeAt = std::min(wakeAt, Clock::now() + kMemorySamplePeriod);
        m_sleepingUntil = wakeAt;
        if (wakeAt == Clock::time_point::max())
            m_wake.wait(lock);
        else
            m_wake.wait_until(lock, wakeAt);
        m_sleepingUntil = Clock::time_point::min(); // awake: arm() need not notify
        if (m_stop) break;

        const auto now = Clock::now();
        qint64 resident = -1;
        for (auto &[ticket, entry] : m_entries) {
            if (entry.tripped) continue;
            if (now >= entry.deadline) {
                entry.tripped = Trip::Deadline;
            } else if (entry.memoryLimit > 0) {
                if (resident < 0) resident = memoryprobe::residentBytes();
                if (resident - entry.memoryBase > entry.memoryLimit) entry.tripped = Trip::Memory;
            }
            if (entry.tripped && entry.action) entry.action(*entry.tripped);
        }
    }
}

} // namespace gatehouse
