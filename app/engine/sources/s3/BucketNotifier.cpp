#include "BucketNotifier.h"

#include "invoker/Invoker.h"

#include <QHash>
#include <QMutexLocker>

namespace gatehouse::s3 {

struct BucketNotifier::Rules {
    QString region;
    QHash<QString, QList<BucketNotification>> byBucket;
};

bool notificationEventMatches(const QString &ruleEvent, const QString &eventName) {
    const QString full = QStringLiteral("s3:") + eventName;
    if (ruleEvent == full) return true;
    return ruleEvent.endsWith(QLatin1String(":*")) && full.startsWith(ruleEvent.chopped(1));
}

bool notificationMatches(const BucketNotification &rule, const QString &eventName, const QString &key) {
    const bool event = std::any_of(rule.events.cbegin(), rule.events.cend(), [&](const QString &type) {
        return notificationEventMatches(type, eventName);
    });
    return event && key.startsWith(rule.prefix) && key.endsWith(rule.suffix);
}

BucketNotifier::BucketNotifier(Invoker *invoker)
    : BucketNotifier(Deliver([invoker](const QString &function, const QByteArray &payload) {
        InvokeOptions options;
        options.type = InvokeOptions::Type::Event;
        // The outcome arrives through Invoker::asyncInvocationCompleted (and the logs); nothing waits here.
        invoker->invoke(function, payload, options, nullptr, [](const InvocationResult &) {});
    })) {}

BucketNotifier::BucketNotifier(Deliver deliver)
    : m_deliver(std::move(deliver))
    , m_rules(std::make_shared<Rules>()) {}

void BucketNotifier::updateProject(const Project &project) {
    auto rules = std::make_shared<Rules>();
    rules->region = project.settings.region;
    for (const Bucket &bucket : project.buckets)
        rules->byBucket.insert(bucket.name, bucket.notifications);
    QMutexLocker lock(&m_mutex);
    m_rules = std::move(rules);
}

int BucketNotifier::notify(S3ObjectEvent event) const {
    std::shared_ptr<const Rules> rules;
    {
        QMutexLocker lock(&m_mutex);
        rules = m_rules;
    }
    const auto bucket = rules->byBucket.constFind(event.bucket);
    if (bucket == rules->byBucket.cend()) return 0;
    if (!event.time.isValid()) event.time = QDateTime::currentDateTimeUtc();
    if (!rules->region.isEmpty()) event.region = rules->region;
    if (event.sequencer.isEmpty()) event.sequencer = newS3Sequencer(event.time);
    if (event.requestId.isEmpty()) event.requestId = newS3RequestId();
    if (event.hostId.isEmpty()) event.hostId = newS3HostId();
    // The notification's eTag is the bare value, without the quotes of the ETag header.
    if (event.eTag.startsWith(QLatin1Char('"')) && event.eTag.endsWith(QLatin1Char('"')) &&
        event.eTag.size() >= 2)
        event.eTag = event.eTag.mid(1, event.eTag.size() - 2);
    int sent = 0;
    for (qsizetype i = 0; i < bucket->size(); ++i) {
        const BucketNotification &rule = bucket->at(i);
        if (rule.function.isEmpty() || !notificationMatches(rule, event.eventName, event.key)) continue;
        S3ObjectEvent record = event;
        // A rule has no id in the project; its position names it, stable while the rules are.
        record.configurationId = QStringLiteral("gatehouse-%1-notification-%2").arg(event.bucket).arg(i + 1);
        m_deliver(rule.function, jsonBytes(s3Event({record})));
        ++sent;
    }
    return sent;
}

} // namespace gatehouse::s3
