// A thread that enforces invocation deadlines and memory ceilings by tripping actions (interrupting engines).
#pragma once

#include "telemetry/SpinningMutex.h"

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace gatehouse {

// Why a separate thread: the JavaScript engine that must be stopped is busy on its own thread (that is
// the problem), and the invoker's thread may be blocked by a caller; a plain std::thread with a
// condition variable needs no event loop and reacts within a millisecond.
class Watchdog {
public:
    enum class Trip { Deadline, Memory };
    using Clock = std::chrono::steady_clock;
    using Action = std::function<void(Trip)>;

    Watchdog();
    ~Watchdog();
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    // Arms `action` for `deadline`. With memoryGrowthLimitBytes > 0 the action also trips when the
    // process's resident memory grows by more than that since arming (sampled every 25 ms).
    // The action runs at most once, on the watchdog thread, with the watchdog's lock held: it must be
    // quick and must not call back into the Watchdog. `residentNow`: the caller's fresh reading of
    // memoryprobe::residentBytes(), which saves reading it again (-1: the watchdog reads it).
    quint64 arm(Clock::time_point deadline, qint64 memoryGrowthLimitBytes, Action action,
                qint64 residentNow = -1);
    // Removes the entry. When it returns the action is not running and never will. Returns the trip
    // that fired, if one did.
    std::optional<Trip> disarm(quint64 ticket);

private:
    struct Entry {
        Clock::time_point deadline;
        qint64 memoryLimit = 0;
        qint64 memoryBase = 0;
        Action action;
        std::optional<Trip> tripped;
    };
    void run();

    SpinningMutex m_mutex; // arm() and disarm() run twice per invocation, from every environment
    std::condition_variable_any m_wake;
    std::map<quint64, Entry> m_entries;
    Clock::time_point m_sleepingUntil = Clock::time_point::max();
    quint64 m_nextTicket = 1;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace gatehouse
