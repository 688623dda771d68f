// Starts an HttpServer for one test on a free loopback port (port 0), failing loudly if it cannot.
#pragma once

#include "http/HttpServer.h"

#include <QDebug>
#include <memory>

namespace gatehouse::http::test {

inline std::unique_ptr<HttpServer> startServer(HttpHandler handler, HttpServerConfig config = {}) {
    auto server = std::make_unique<HttpServer>(std::move(handler), std::move(config));
    if (const HttpListenResult result = server->listen(); !result.ok()) {
        qWarning().noquote() << result.error;
        return nullptr;
    }
    return server;
}

} // namespace gatehouse::http::test
