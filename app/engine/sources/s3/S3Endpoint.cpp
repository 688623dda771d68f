#include "S3Endpoint.h"

#include "ObjectKeyFiles.h"
#include "S3Call.h"

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

namespace {

S3Endpoint::WriteResult failure(const S3Error &error) {
    S3Endpoint::WriteResult result;
    result.errorCode = QString::fromLatin1(error.code);
    result.message = error.message;
    return result;
}

} // namespace

S3Endpoint::WriteResult S3Endpoint::putObject(const QString &bucket, ObjectMetadata meta, QIODevice &source,
                                              const std::function<void(qint64)> &progress) {
    // The checks S3Api::dispatch makes before a PutObject reaches the store.
    if (!m_api.hasBucket(bucket)) return failure(errors::noSuchBucket(bucket));
    if (!isValidObjectKey(meta.key)) return failure(errors::keyTooLong());
    if (meta.contentType.isEmpty()) meta.contentType = QStringLiteral("binary/octet-stream"); // S3's default
    WriteResult result;
    const BucketStore::Outcome outcome =
        m_store.putFrom(bucket, std::move(meta), source, &result.object, progress);
    if (!outcome.ok()) return failure(errors::internalError(outcome.message));
    S3ObjectEvent event;
    event.eventName = QStringLiteral("ObjectCreated:Put");
    event.bucket = bucket;
    event.key = result.object.key;
    event.size = result.object.size;
    event.eTag = result.object.eTag;
    event.versionId = result.object.versionId;
    m_notifier.notify(event);
    return result;
}

S3Endpoint::WriteResult S3Endpoint::deleteObject(const QString &bucket, const QString &key) {
    if (!m_api.hasBucket(bucket)) return failure(errors::noSuchBucket(bucket));
    if (!isValidObjectKey(key)) return failure(errors::keyTooLong());
    WriteResult result;
    Removal removal;
    const BucketStore::Outcome outcome = m_store.deleteObject(bucket, key, {}, &removal);
    if (!outcome.ok()) return failure(errors::internalError(outcome.message));
    result.existed = removal.happened;
    if (result.existed) {
        // A versioned bucket keeps the object behind a delete marker, as DeleteObject does.
        S3ObjectEvent event;
        event.eventName = removalEventName({}, removal);
        event.bucket = bucket;
        event.key = key;
        event.versionId = removal.versionId;
        m_notifier.notify(event);
    }
    return result;
}

QUrl S3Endpoint::url() const {
    return m_server->url();
}

} // namespace gatehouse::s3
