// Delivers a bucket's event notifications: after an object is created or removed, every notification
// rule of the bucket whose event type and key filters match invokes its function asynchronously (Event
// invocation type) with the S3 event JSON (S3 User Guide, "Amazon S3 Event Notifications" and "Event
// message structure", https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html).
// Used by the S3 API and, for the same events, by anything else that writes a bucket (the studio).
#pragma once

#include "events/S3Notification.h"
#include "project/Project.h"

#include <QMutex>
#include <QString>
#include <functional>
#include <memory>

namespace gatehouse {
class Invoker;
}

namespace gatehouse::s3 {

// Whether a rule's event type ("s3:ObjectCreated:*", "s3:ObjectRemoved:Delete", ...) covers an event
// ("ObjectCreated:Put"): equal, or the rule's type ends in ":*" and names the event's family.
bool notificationEventMatches(const QString &ruleEvent, const QString &eventName);
// The whole rule: one of its events matches and the key starts with its prefix and ends with its suffix
// ("notification-how-to-filtering": filters on the key name as stored, case-sensitive).
bool notificationMatches(const BucketNotification &rule, const QString &eventName, const QString &key);

class BucketNotifier {
public:
    // Receives (function, payload) for each delivery; the default sends an Event invocation to `invoker`.
    using Deliver = std::function<void(const QString &function, const QByteArray &payload)>;

    explicit BucketNotifier(Invoker *invoker);
    explicit BucketNotifier(Deliver deliver);

    // The buckets' rules and the region; thread-safe.
    void updateProject(const Project &project);
    // One record per matching rule, each its own invocation (S3 sends one record per event). `event`
    // needs eventName, bucket, key, and for ObjectCreated size and eTag; region, time, sequencer and ids
    // are filled in when empty. Returns the number of invocations sent. Thread-safe.
    int notify(S3ObjectEvent event) const;

private:
    struct Rules;
    Deliver m_deliver;
    mutable QMutex m_mutex;
    std::shared_ptr<const Rules> m_rules;
};

} // namespace gatehouse::s3
