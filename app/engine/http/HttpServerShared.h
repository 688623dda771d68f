// State the listening HttpServer shares with its workers: the configuration, the handler, and the
// counters that must be exact across threads. Outlives both sides (shared_ptr).
#pragma once

#include "HttpResponder.h"
#include "HttpServerConfig.h"

#include <atomic>

namespace gatehouse::http {

struct HttpServerShared {
    HttpServerConfig config;
    HttpHandler handler;
    std::atomic<int> openConnections{0};
    std::atomic<quint64> nextConnectionId{1};
};

} // namespace gatehouse::http
