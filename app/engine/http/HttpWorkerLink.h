// The thread-safe way to run code on one worker thread from any thread. It outlives the worker:
// once the worker has detached, work sent through it is dropped instead of touching freed memory.
#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QThread>
#include <utility>

namespace gatehouse::http {

class HttpWorkerLink {
public:
    // `thread` is where `context` lives (or is about to be moved to); tasks run there.
    HttpWorkerLink(QObject *context, QThread *thread)
        : m_context(context)
        , m_thread(thread) {}

    // Runs `task()` on the worker's thread: at once when called there, otherwise queued. Does nothing
    // after detach(). The lock is released before a direct call, so the task may use the link again.
    template <typename F> void run(F &&task) {
        QMutexLocker lock(&m_mutex);
        if (!m_context) return;
        if (QThread::currentThread() == m_thread) {
            lock.unlock();
            task();
            return;
        }
        // Posting under the lock: detach() cannot complete (and the worker cannot be deleted) meanwhile.
        QMetaObject::invokeMethod(m_context, std::forward<F>(task), Qt::QueuedConnection);
    }

    bool isWorkerThread() const { return QThread::currentThread() == m_thread; }

    // Called by the worker, on its thread, before it tears down its connections.
    void detach() {
        QMutexLocker lock(&m_mutex);
        m_context = nullptr;
    }

private:
    QMutex m_mutex;
    QObject *m_context;
    QThread *m_thread;
};

} // namespace gatehouse::http
