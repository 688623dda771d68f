// AWS::S3::Bucket (with NotificationConfiguration.LambdaConfigurations) and AWS::SQS::Queue (with
// RedrivePolicy). CloudFormation: .../aws-resource-s3-bucket.html, .../aws-resource-sqs-queue.html.
#include "SamReader.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

// Filter.S3Key.Rules: [{Name: prefix|suffix, Value}] (names are case-insensitive in S3).
void readFilterRules(SamReader &r, const OrderedJson *filter, BucketNotification &note, const QString &path) {
    const OrderedJson *rules = json::member(json::member(filter, "S3Key"), "Rules");
    if (!rules || !rules->is_array()) return;
    for (size_t i = 0; i < rules->size(); ++i) {
        const OrderedJson &rule = (*rules)[i];
        const QString name = json::textOr(json::member(rule, "Name")).toLower();
        const auto value = r.text(json::member(rule, "Value"), sourcePath(path, qsizetype(i)));
        if (!value) continue;
        if (name == QLatin1String("prefix"))
            note.prefix = *value;
        else if (name == QLatin1String("suffix"))
            note.suffix = *value;
        else
            r.ctx.warning(sourcePath(path, qsizetype(i)),
                          QCoreApplication::translate("gatehouse::Import", "filter rule '%1' is not imported")
                              .arg(name));
    }
}

void readBucket(SamReader &r, const TemplateResource &res) {
    Bucket bucket;
    bucket.name = r.bucketNames.value(res.id);
    const OrderedJson &props = res.properties;
    const OrderedJson *lambdas =
        json::member(json::member(props, "NotificationConfiguration"), "LambdaConfigurations");
    if (lambdas && lambdas->is_array()) {
        for (size_t i = 0; i < lambdas->size(); ++i) {
            const OrderedJson &config = (*lambdas)[i];
            const QString path = sourcePath(
                res.path + QStringLiteral(".Properties.NotificationConfiguration.LambdaConfigurations"),
                qsizetype(i));
            const QString functionId = TemplateValues::referencedId(
                json::member(config, "Function") ? *json::member(config, "Function") : OrderedJson());
            if (!r.functionNames.contains(functionId)) {
                r.ctx.warning(path,
                              QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "the notification's function is not in the template; it is not imported"));
                continue;
            }
            BucketNotification note;
            note.function = r.functionNames.value(functionId);
            if (const auto event = r.text(json::member(config, "Event"), path + QStringLiteral(".Event")))
                note.events = {*event};
            readFilterRules(r, json::member(config, "Filter"), note,
                            path + QStringLiteral(".Filter.S3Key.Rules"));
            bucket.notifications.append(note);
        }
    }
    // VersioningConfiguration.Status: Enabled, or Suspended (which keeps old versions but adds none: a
    // bucket without versioning here).
    if (const OrderedJson *versioning = json::member(props, "VersioningConfiguration"))
        bucket.versioning = json::textOr(json::member(versioning, "Status")) == QLatin1String("Enabled");
    QStringList handled = {QStringLiteral("BucketName"), QStringLiteral("VersioningConfiguration")};
    if (lambdas) {
        handled.append(QStringLiteral("NotificationConfiguration"));
        for (const QString &other : json::keys(json::member(props, "NotificationConfiguration")))
            if (other != QLatin1String("LambdaConfigurations"))
                r.ctx.warning(res.path + QStringLiteral(".Properties.NotificationConfiguration.") + other,
                              QCoreApplication::translate("gatehouse::Import",
                                                          "bucket notifications to %1 are not imported: "
                                                          "Gatehouse buckets notify functions only")
                                  .arg(other));
    }
    r.warnUnhandled(res, props, handled, QStringLiteral("AWS::S3::Bucket"));
    r.project.buckets.append(bucket);
    r.consumed.insert(res.id);
}

void readQueue(SamReader &r, const TemplateResource &res) {
    Queue q;
    q.name = r.queueNames.value(res.id);
    const OrderedJson &props = res.properties;
    const QString at = res.path + QStringLiteral(".Properties.");
    if (const auto fifo = json::boolean(json::member(props, "FifoQueue"))) q.fifo = *fifo;
    if (const auto v =
            r.integer(json::member(props, "VisibilityTimeout"), at + QStringLiteral("VisibilityTimeout")))
        q.visibilityTimeoutSeconds = *v;
    if (const auto v = r.integer(json::member(props, "MessageRetentionPeriod"),
                                 at + QStringLiteral("MessageRetentionPeriod")))
        q.messageRetentionSeconds = *v;
    if (const OrderedJson *redrive = json::member(props, "RedrivePolicy")) {
        bool local = false;
        q.deadLetterQueue = queueName(r, json::member(redrive, "deadLetterTargetArn"),
                                      at + QStringLiteral("RedrivePolicy.deadLetterTargetArn"), &local);
        if (!q.deadLetterQueue.isEmpty() && !local)
            r.ctx.warning(
                at + QStringLiteral("RedrivePolicy"),
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "dead-letter queue '%1' is not in the template; create it in the project to use it")
                    .arg(q.deadLetterQueue));
        if (const auto max = r.integer(json::member(redrive, "maxReceiveCount"),
                                       at + QStringLiteral("RedrivePolicy.maxReceiveCount")))
            q.maxReceiveCount = *max;
    }
    r.warnUnhandled(res, props,
                    {QStringLiteral("QueueName"), QStringLiteral("FifoQueue"),
                     QStringLiteral("VisibilityTimeout"), QStringLiteral("MessageRetentionPeriod"),
                     QStringLiteral("RedrivePolicy")},
                    QStringLiteral("AWS::SQS::Queue"));
    r.project.queues.append(q);
    r.consumed.insert(res.id);
}

} // namespace

QString queueName(SamReader &r, const OrderedJson *value, const QString &path, bool *local) {
    *local = false;
    if (!value) return {};
    const QString id = TemplateValues::referencedId(*value);
    if (r.queueNames.contains(id)) {
        *local = true;
        return r.queueNames.value(id);
    }
    const std::optional<QString> arn = r.text(value, path);
    return arn ? arn->section(QLatin1Char(':'), -1) : QString();
}

void readStorage(SamReader &r) {
    for (const TemplateResource &res : r.resources) {
        if (res.type == QLatin1String("AWS::S3::Bucket"))
            readBucket(r, res);
        else if (res.type == QLatin1String("AWS::SQS::Queue"))
            readQueue(r, res);
    }
}

} // namespace gatehouse::sam
