// What a responder holds on to: whether the client is still connected (readable from any thread)
// and a way to run code on the connection's thread while the connection still exists.
#pragma once

#include "HttpWorkerLink.h"

#include <atomic>
#include <memory>

namespace gatehouse::http {

class HttpConnection;

class HttpConnectionHandle {
public:
    HttpConnectionHandle(HttpConnection *connection, std::shared_ptr<HttpWorkerLink> link)
        : m_connection(connection)
        , m_link(std::move(link)) {}

    bool isAlive() const { return m_alive.load(std::memory_order_acquire); }
    // Called once, on the connection's thread, when the socket is gone: later work becomes a no-op.
    void markClosed() { m_alive.store(false, std::memory_order_release); }

    // Runs `task(connection)` on the connection's thread if the connection is still alive by then.
    template <typename F> static void run(const std::shared_ptr<HttpConnectionHandle> &handle, F task) {
        if (!handle->isAlive()) return;
        handle->m_link->run([handle, task = std::move(task)]() mutable {
            // Re-checked on the connection's thread: alive there means the object exists.
            if (handle->isAlive()) task(*handle->m_connection);
        });
    }

private:
    std::atomic<bool> m_alive{true};
    HttpConnection *m_connection;
    std::shared_ptr<HttpWorkerLink> m_link;
};

} // namespace gatehouse::http
