// The running project's local S3 endpoint: its buckets' store under the project folder, the S3 API
// on its own HTTP server, and the notifications that invoke functions. LocalCloud starts one beside
// the Invoke API; the studio's bucket browser writes through putObject() and deleteObject() for the
// same events.
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

    // The studio's writes (the bucket browser): checked, stored and notified as PutObject and
    // DeleteObject through the API are, so a file uploaded in the window invokes the same functions
    // with the same event as `aws s3 cp`. Thread-safe; the caller keeps the endpoint alive meanwhile.
    struct WriteResult {
        QString errorCode; // S3's code (NoSuchBucket, KeyTooLongError, InternalError); empty when done
        QString message;
        ObjectMetadata object; // putObject: what was stored
        bool existed = false;  // deleteObject: whether there was an object (only then a notification)
        bool ok() const { return errorCode.isEmpty(); }
    };
    // Streams `source` to its end into meta.key (ObjectCreated:Put); `progress` gets the bytes stored.
    WriteResult putObject(const QString &bucket, ObjectMetadata meta, QIODevice &source,
                          const std::function<void(qint64)> &progress = {});
    // Removes the key (ObjectRemoved:Delete when it existed; a missing key is no error, as in S3).
    WriteResult deleteObject(const QString &bucket, const QString &key);

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
