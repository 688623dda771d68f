// Checks of the buckets: S3 naming rules, notification event types and targets, and the rule S3
// applies to overlapping notifications ("Configuration is ambiguously defined").
#include "NamingRules.h"
#include "ValidationChecks.h"

#include <QCoreApplication>

namespace gatehouse::validation {

namespace {

// Event types a notification can subscribe to ("Supported event types for SQS, SNS, and Lambda",
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html).
const QStringList &s3EventTypes() {
    static const QStringList types = {
        QStringLiteral("s3:ObjectCreated:*"),
        QStringLiteral("s3:ObjectCreated:Put"),
        QStringLiteral("s3:ObjectCreated:Post"),
        QStringLiteral("s3:ObjectCreated:Copy"),
        QStringLiteral("s3:ObjectCreated:CompleteMultipartUpload"),
        QStringLiteral("s3:ObjectRemoved:*"),
        QStringLiteral("s3:ObjectRemoved:Delete"),
        QStringLiteral("s3:ObjectRemoved:DeleteMarkerCreated"),
        QStringLiteral("s3:ObjectRestore:*"),
        QStringLiteral("s3:ObjectRestore:Post"),
        QStringLiteral("s3:ObjectRestore:Completed"),
        QStringLiteral("s3:ObjectRestore:Delete"),
        QStringLiteral("s3:ReducedRedundancyLostObject"),
        QStringLiteral("s3:Replication:*"),
        QStringLiteral("s3:Replication:OperationFailedReplication"),
        QStringLiteral("s3:Replication:OperationMissedThreshold"),
        QStringLiteral("s3:Replication:OperationReplicatedAfterThreshold"),
        QStringLiteral("s3:Replication:OperationNotTracked"),
        QStringLiteral("s3:LifecycleExpiration:*"),
        QStringLiteral("s3:LifecycleExpiration:Delete"),
        QStringLiteral("s3:LifecycleExpiration:DeleteMarkerCreated"),
        QStringLiteral("s3:LifecycleTransition"),
        QStringLiteral("s3:IntelligentTiering"),
        QStringLiteral("s3:ObjectTagging:*"),
        QStringLiteral("s3:ObjectTagging:Put"),
        QStringLiteral("s3:ObjectTagging:Delete"),
        QStringLiteral("s3:ObjectAcl:Put"),
    };
    return types;
}

// "s3:ObjectCreated:*" covers every "s3:ObjectCreated:..." type.
bool eventsOverlap(const QString &a, const QString &b) {
    if (a == b) return true;
    const auto covers = [](const QString &wild, const QString &other) {
        return wild.endsWith(QLatin1String(":*")) && other.startsWith(wild.chopped(1));
    };
    return covers(a, b) || covers(b, a);
}

// The first event type two notifications share, or empty.
QString sharedEvent(const BucketNotification &a, const BucketNotification &b) {
    for (const QString &x : a.events)
        for (const QString &y : b.events)
            if (eventsOverlap(x, y)) return x.endsWith(QLatin1Char('*')) ? y : x;
    return {};
}

// S3 refuses two rules for the same event type whose key filters can both match one key: prefixes
// overlap when one starts the other, suffixes when one ends the other; an empty filter matches all.
// (Knowledge center "lambda-s3-event-configuration-error"; user guide "notification-how-to-filtering".)
bool filtersOverlap(const BucketNotification &a, const BucketNotification &b) {
    const bool prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
    const bool suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
    return prefixes && suffixes;
}

void checkNotifications(const Project &project, const Bucket &bucket, const QString &bucketPath,
                        Reporter &r) {
    const QString listPath = at(bucketPath, "notifications");
    for (qsizetype n = 0; n < bucket.notifications.size(); ++n) {
        const BucketNotification &rule = bucket.notifications[n];
        const QString path = at(listPath, n);
        checkFunctionReference(r, project, at(path, "function"), rule.function);
        if (rule.events.isEmpty())
            r.error(at(path, "events"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "a notification needs at least one event type"),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. [\"s3:ObjectCreated:*\"]"));
        for (qsizetype e = 0; e < rule.events.size(); ++e) {
            // "s3:ObjectRemoved:DeleteMarkerCreated ... when a delete marker is created for a versioned
            // object" (Event notification types): without versioning a delete removes the object.
            if (rule.events[e] == QLatin1String("s3:ObjectRemoved:DeleteMarkerCreated") && !bucket.versioning)
                r.warning(at(at(path, "events"), e),
                          QCoreApplication::translate("gatehouse::Validation",
                                                      "delete markers are created only in a bucket with "
                                                      "versioning; this event never happens here"),
                          QCoreApplication::translate("gatehouse::Validation",
                                                      "set \"versioning\": true, or subscribe to "
                                                      "s3:ObjectRemoved:Delete"));
            if (!s3EventTypes().contains(rule.events[e]))
                r.error(at(at(path, "events"), e),
                        QCoreApplication::translate("gatehouse::Validation", "'%1' is not an S3 event type")
                            .arg(rule.events[e]),
                        referenceHint(rule.events[e], s3EventTypes()));
        }
        for (qsizetype m = 0; m < n; ++m) {
            const BucketNotification &other = bucket.notifications[m];
            const QString event = sharedEvent(rule, other);
            if (event.isEmpty() || !filtersOverlap(rule, other)) continue;
            r.error(path,
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "overlaps %1 for '%2' with overlapping prefix and suffix filters; S3 "
                        "rejects this as \"Configuration is ambiguously defined\"")
                        .arg(at(listPath, m), event),
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "make the prefixes or suffixes disjoint, or merge the two rules"));
            break;
        }
    }
}

} // namespace

void checkBuckets(const Project &project, Reporter &r) {
    QStringList names;
    for (qsizetype b = 0; b < project.buckets.size(); ++b) {
        const Bucket &bucket = project.buckets[b];
        const QString path = at(QStringLiteral("buckets"), b);
        names.append(bucket.name);
        if (bucket.name.isEmpty()) {
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "a bucket needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. \"my-uploads\""));
        } else if (const QString problem = naming::bucketNameProblem(bucket.name); !problem.isEmpty()) {
            r.error(at(path, "name"), problem,
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "use 3 to 63 lowercase letters, digits, dots and hyphens, starting "
                        "and ending with a letter or digit"));
        }
        checkNotifications(project, bucket, path, r);
    }
    checkUniqueNames(r, names, [](qsizetype b) { return at(QStringLiteral("buckets"), b); });
}

} // namespace gatehouse::validation
