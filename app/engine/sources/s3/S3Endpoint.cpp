#include "S3Endpoint.h"

namespace gatehouse::s3 {

S3Endpoint::S3Endpoint(Invoker *invoker, const Project &project, const QString &projectFolder,
                       http::HttpServerConfig config)
    : m_store(projectFolder)
    , m_notifier(invoker)
    , m_api(&m_store, &m_notifier) {
    updateProject(project);
    config.maxBodyBytes = kMaxBodyBytes;
    // awscli sends 8 MB parts ten at a time: give a slow disk time rather than a 408.
    config.requestTimeoutMs = 5 * 60 * 1000;
    // Disk-bound: a couple of workers keep concurrent part uploads moving without crowding the
    // API endpoints' threads.
    if (config.workerThreads < 0 || config.workerThreads > 2) config.workerThreads = 2;
    config.protocolErrorResponse = &S3Api::protocolErrorResponse;
    S3Api *api = &m_api;
    m_server = std::make_unique<http::HttpServer>(
        [api](http::HttpRequest request, http::HttpResponder responder) {
            api->handle(std::move(request), std::move(responder));
        },
        std::move(config));
}

S3Endpoint::~S3Endpoint() {
    m_server.reset(); // no request may reach the API once its members go
}

http::HttpListenResult S3Endpoint::listen() {
    return m_server->listen();
}

void S3Endpoint::updateProject(const Project &project) {
    m_notifier.updateProject(project);
    m_api.updateProject(project);
}

QUrl S3Endpoint::url() const {
    return m_server->url();
}

} // namespace gatehouse::s3
