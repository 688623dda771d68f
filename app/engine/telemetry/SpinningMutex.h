// A mutex that spins briefly before it sleeps, for locks held for a microsecond or so by threads that are
// all running: the log store and the invoker's bookkeeping under a busy gateway.
#pragma once

#include <mutex>
#include <thread>

namespace gatehouse {

// std::mutex and QMutex put a thread that finds the lock taken to sleep at once, and waking it again
// costs a context switch (tens of microseconds on an idle VM core), far more than the holder's work.
// This one retries for a bounded number of pauses first (the holder, running on another core, is about
// to let go) and only then blocks. Measured with tests/bench/invoker.sh: two threads invoking through one
// Invoker and LogStore (see ARCHITECTURE.md, "Inline invocations").
class SpinningMutex {
public:
    void lock() {
        for (int i = 0; i < kSpins; ++i) {
            if (m_mutex.try_lock()) return;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#else
            std::this_thread::yield();
#endif
        }
        m_mutex.lock();
    }
    bool try_lock() {
        return m_mutex.try_lock();
    }
    void unlock() {
        m_mutex.unlock();
    }

private:
    static constexpr int kSpins = 256;
    std::mutex m_mutex;
};

} // namespace gatehouse
