// What the in-process S3 API tests (tst_s3_api, tst_s3_post, tst_s3_versions) share: a BucketStore in
// a throwaway folder, a BucketNotifier that records each delivery instead of invoking, and an S3Api
// answering hand-made requests, with a test-class base that starts them per test; plus small readers
// for the XML answers and the JSON events, and the object metadata the store tests (tst_s3_store)
// write with.
#pragma once

#include "gateway/JsonText.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "project/Project.h"
#include "sources/s3/BucketNotifier.h"
#include "sources/s3/BucketStore.h"
#include "sources/s3/S3Api.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QTemporaryDir>
#include <memory>

namespace gatehouse::test {

using RequestHeaders = QList<QPair<QByteArray, QByteArray>>;

// One notification the notifier would have sent: the function it names and the parsed event.
struct Delivery {
    QString function;
    OrderedJson event;
};

class S3ApiHarness {
public:
    bool isValid() const { return m_dir.isValid(); }
    QString folder() const { return m_dir.path(); }

    // A new store, notifier and API over `project` (set it first); earlier deliveries are forgotten.
    void start();
    // Hands the changed `project` (credentials, versioning) to the API, as a reload would.
    void updateApi() { m_api->updateProject(project); }
    // `method target` to S3Api::respond from 127.0.0.1, with Host 127.0.0.1:4566 unless `headers`
    // names one; the target's query (after '?') goes to the request's query.
    http::HttpResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                            const RequestHeaders &headers = {}) const;
    s3::S3Api &api() { return *m_api; }

    Project project;
    QList<Delivery> deliveries;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<s3::BucketStore> m_store;
    std::unique_ptr<s3::BucketNotifier> m_notifier;
    std::unique_ptr<s3::S3Api> m_api;
};

// The base of the S3 API test classes: a fresh harness per test function (startApi() in init()), and
// send() to its API.
class S3ApiTestCase : public QObject {
protected:
    // A new harness whose project has `buckets`, started; false when its folder could not be made.
    bool startApi(const QList<Bucket> &buckets);
    http::HttpResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                            const RequestHeaders &headers = {}) const {
        return m_s3->send(method, target, body, headers);
    }

    std::unique_ptr<S3ApiHarness> m_s3;
};

// A notification that runs `function` for `events` (BucketNotification's default when empty) on the
// keys with `prefix` and `suffix`.
BucketNotification makeNotification(const QString &function, const QStringList &events = {},
                                    const QString &prefix = {}, const QString &suffix = {});
Bucket makeBucket(const QString &name, const QList<BucketNotification> &notifications = {},
                  bool versioning = false);

// The text of the first element called `name` in an XML body ("" when there is none).
QString xmlText(const QByteArray &xml, const QString &name);
// How many `<element>` start tags an XML body has.
int countOf(const QByteArray &xml, const QByteArray &element);
// A JSON string's text ("" for anything else).
QString text(const OrderedJson &value);
// Metadata for a text/plain object called `key`.
s3::ObjectMetadata object(const QString &key);

} // namespace gatehouse::test
