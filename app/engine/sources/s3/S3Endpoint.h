// The running project's local S3 endpoint: its buckets' store under the project folder, the S3 API
// on its own HTTP server, and the notifications that invoke functions. LocalCloud starts one beside
// the Invoke API; the studio's bucket browser can write through store() and notifier() for the same
// events.
#pragma once

#include "BucketNotifier.h"
#include "BucketStore.h"
#include "S3Api.h"
#include "http/HttpServer.h"

#include <memory>

namespace gatehouse {
class Invoker;
}

namespace gatehouse::s3 {

class S3Endpoint {
public:
    // `invoker` must outlive the endpoint. Requests are answered on the endpoint's worker threads.
    S3Endpoint(Invoker *invoker, const Project &project, const QString &projectFolder,
               http::HttpServerConfig config);
    ~S3Endpoint();

    [[nodiscard]] http::HttpListenResult listen();
    // Buckets, notification rules and credentials of the changed project. Thread-safe.
    void updateProject(const Project &project);
    QUrl url() const; // http://127.0.0.1:PORT, for --endpoint-url

    BucketStore *store() { return &m_store; }
    const BucketNotifier *notifier() const { return &m_notifier; }

    // The largest single request body (PutObject, UploadPart). S3 takes 5 GiB in one PUT; bodies are
    // buffered in memory here, so the local limit is lower: larger files go multipart (`aws s3 cp` and
    // the SDKs' Upload switch at 8 MB / 5 MB).
    static constexpr qint64 kMaxBodyBytes = qint64(1) << 30;

private:
    BucketStore m_store;
    BucketNotifier m_notifier;
    S3Api m_api;
    std::unique_ptr<http::HttpServer> m_server;
};

} // namespace gatehouse::s3
