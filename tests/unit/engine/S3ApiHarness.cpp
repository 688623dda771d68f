#include "S3ApiHarness.h"

#include <QHostAddress>
#include <QXmlStreamReader>
#include <algorithm>

namespace gatehouse::test {

void S3ApiHarness::start() {
    deliveries.clear();
    m_api.reset(); // it points at the notifier and the store
    m_store = std::make_unique<s3::BucketStore>(m_dir.path());
    m_notifier =
        std::make_unique<s3::BucketNotifier>([this](const QString &function, const QByteArray &payload) {
            deliveries.append({function, *parseJson(payload)});
        });
    m_notifier->updateProject(project);
    m_api = std::make_unique<s3::S3Api>(m_store.get(), m_notifier.get());
    m_api->updateProject(project);
}

http::HttpResponse S3ApiHarness::send(const QByteArray &method, const QByteArray &target,
                                      const QByteArray &body, const RequestHeaders &headers) const {
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    const bool ownHost =
        std::any_of(headers.cbegin(), headers.cend(), [](const auto &h) { return h.first == "Host"; });
    if (!ownHost) request.headers.add("Host", "127.0.0.1:4566");
    for (const auto &[name, value] : headers)
        request.headers.add(name, value);
    request.body = body;
    request.remoteAddress = QHostAddress(QHostAddress::LocalHost);
    return m_api->respond(request);
}

bool S3ApiTestCase::startApi(const QList<Bucket> &buckets) {
    m_s3 = std::make_unique<S3ApiHarness>();
    if (!m_s3->isValid()) return false;
    m_s3->project.buckets = buckets;
    m_s3->start();
    return true;
}

BucketNotification makeNotification(const QString &function, const QStringList &events, const QString &prefix,
                                    const QString &suffix) {
    BucketNotification notification;
    if (!events.isEmpty()) notification.events = events;
    notification.prefix = prefix;
    notification.suffix = suffix;
    notification.function = function;
    return notification;
}

Bucket makeBucket(const QString &name, const QList<BucketNotification> &notifications, bool versioning) {
    Bucket bucket;
    bucket.name = name;
    bucket.versioning = versioning;
    bucket.notifications = notifications;
    return bucket;
}

QString xmlText(const QByteArray &xml, const QString &name) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == name) return reader.readElementText();
    }
    return {};
}

int countOf(const QByteArray &xml, const QByteArray &element) {
    return int(xml.count("<" + element + ">"));
}

QString text(const OrderedJson &value) {
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

s3::ObjectMetadata object(const QString &key) {
    s3::ObjectMetadata meta;
    meta.key = key;
    meta.contentType = QStringLiteral("text/plain");
    return meta;
}

} // namespace gatehouse::test
