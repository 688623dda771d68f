// Buckets (AWS::S3::Bucket + S3 events) and queues (AWS::SQS::Queue with RedrivePolicy + SQS events)
// (SAM spec "S3" and "SQS" event sources: .../sam-property-function-s3.html,
// .../sam-property-function-sqs.html; CloudFormation "AWS::SQS::Queue":
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html).
#include "SamTemplate.h"
#include "export/Intrinsics.h"

#include <QCoreApplication>

namespace gatehouse::sam {

void addBuckets(SamTemplate &t) {
    for (qsizetype i = 0; i < t.project.buckets.size(); ++i) {
        const Bucket &b = t.project.buckets[i];
        const QString id = t.bucketIds.value(b.name);
        // No BucketName: S3 names are global, so CloudFormation picks a unique one on deploy; the
        // project's name is kept in Metadata for the way back.
        t.resources[id.toStdString()] = OrderedJson{{"Type", "AWS::S3::Bucket"}};
        // CloudFormation AWS::S3::Bucket VersioningConfiguration
        // (.../aws-properties-s3-bucket-versioningconfig.html).
        if (b.versioning)
            t.resources[id.toStdString()]["Properties"]["VersioningConfiguration"] = {{"Status", "Enabled"}};
        for (qsizetype n = 0; n < b.notifications.size(); ++n) {
            const BucketNotification &note = b.notifications[n];
            const QString path = elementPath(elementPath("buckets", i), "notifications", n);
            const QString functionId = t.functionId(note.function, fieldPath(path, "function"));
            if (functionId.isEmpty()) continue;
            OrderedJson props = OrderedJson::object();
            props["Bucket"] = cfn::ref(id);
            OrderedJson events = OrderedJson::array();
            for (const QString &e : note.events)
                events.push_back(e.toStdString());
            props["Events"] = events.size() == 1 ? events[0] : events;
            OrderedJson rules = OrderedJson::array();
            if (!note.prefix.isEmpty())
                rules.push_back({{"Name", "prefix"}, {"Value", note.prefix.toStdString()}});
            if (!note.suffix.isEmpty())
                rules.push_back({{"Name", "suffix"}, {"Value", note.suffix.toStdString()}});
            if (!rules.empty()) props["Filter"]["S3Key"]["Rules"] = std::move(rules);
            t.addEvent(functionId, id + QStringLiteral("Upload"),
                       OrderedJson{{"Type", "S3"}, {"Properties", std::move(props)}});
        }
    }
}

void addQueues(SamTemplate &t) {
    for (qsizetype i = 0; i < t.project.queues.size(); ++i) {
        const Queue &q = t.project.queues[i];
        const QString path = elementPath("queues", i);
        const QString id = t.queueIds.value(q.name);
        OrderedJson props = OrderedJson::object();
        if (q.fifo) props["FifoQueue"] = true;
        props["VisibilityTimeout"] = q.visibilityTimeoutSeconds;
        props["MessageRetentionPeriod"] = q.messageRetentionSeconds;
        if (!q.deadLetterQueue.isEmpty()) {
            const QString dlq = t.queueIds.value(q.deadLetterQueue);
            if (dlq.isEmpty()) {
                t.report.warning(
                    fieldPath(path, "deadLetterQueue"),
                    QCoreApplication::translate("gatehouse::Export",
                                                "dead-letter queue '%1' does not exist; the redrive "
                                                "policy is not exported to %2")
                        .arg(q.deadLetterQueue, t.title()));
            } else {
                props["RedrivePolicy"] =
                    OrderedJson{{"deadLetterTargetArn", cfn::getAtt(dlq, QStringLiteral("Arn"))},
                                {"maxReceiveCount", q.maxReceiveCount}};
            }
        }
        t.resources[id.toStdString()] =
            OrderedJson{{"Type", "AWS::SQS::Queue"}, {"Properties", std::move(props)}};
        if (!q.trigger) continue;
        const QueueTrigger &trigger = *q.trigger;
        const QString functionId =
            t.functionId(trigger.function, fieldPath(fieldPath(path, "trigger"), "function"));
        if (functionId.isEmpty()) continue;
        OrderedJson event = OrderedJson::object();
        event["Queue"] = cfn::getAtt(id, QStringLiteral("Arn"));
        event["BatchSize"] = trigger.batchSize;
        if (trigger.maximumBatchingWindowSeconds > 0)
            event["MaximumBatchingWindowInSeconds"] = trigger.maximumBatchingWindowSeconds;
        if (trigger.reportBatchItemFailures)
            event["FunctionResponseTypes"] = OrderedJson::array({"ReportBatchItemFailures"});
        if (!trigger.enabled) event["Enabled"] = false;
        t.addEvent(functionId, id + QStringLiteral("Messages"),
                   OrderedJson{{"Type", "SQS"}, {"Properties", std::move(event)}});
    }
}

} // namespace gatehouse::sam
