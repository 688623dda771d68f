// Checks of the queues: SQS names and FIFO suffixes, queue attributes, dead-letter redrive, and the
// Lambda event source mapping that feeds a function.
#include "NamingRules.h"
#include "ValidationChecks.h"

#include <QCoreApplication>

namespace gatehouse::validation {

namespace {

void checkQueueName(const Queue &q, const QString &path, Reporter &r) {
    const bool fifoSuffix = q.name.endsWith(QLatin1String(".fifo"));
    if (q.name.isEmpty())
        r.error(at(path, "name"),
                QCoreApplication::translate("gatehouse::Validation", "a queue needs a name"),
                QCoreApplication::translate("gatehouse::Validation", "e.g. \"orders\" or \"orders.fifo\""));
    else if (q.fifo && !fifoSuffix)
        r.error(
            at(path, "name"),
            QCoreApplication::translate("gatehouse::Validation", "a FIFO queue's name must end in '.fifo'"),
            QCoreApplication::translate("gatehouse::Validation", "rename it to '%1.fifo'").arg(q.name));
    else if (!q.fifo && fifoSuffix)
        r.error(
            at(path, "fifo"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "queue '%1' ends in '.fifo' but fifo is false")
                .arg(q.name),
            QCoreApplication::translate("gatehouse::Validation", "set \"fifo\": true, or rename the queue"));
    else if (!naming::isValidQueueName(q.name, q.fifo))
        r.error(at(path, "name"),
                QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid queue name")
                    .arg(q.name),
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "use up to 80 letters, digits, '-' or '_' (FIFO names include '.fifo')"));
}

void checkDeadLetterQueue(const Project &project, const Queue &q, const QString &path, Reporter &r) {
    // Redrive policy: maxReceiveCount 1 to 1000; the dead-letter queue has the same type as its source
    // (SQS developer guide, "Using dead-letter queues", sqs-dead-letter-queues.html).
    checkRange(r, path, "maxReceiveCount", q.maxReceiveCount, 1, 1000,
               QCoreApplication::translate("gatehouse::Validation", "SQS allows 1 to 1000 receives"));
    if (q.deadLetterQueue.isEmpty()) return;
    const QString dlqPath = at(path, "deadLetterQueue");
    if (q.deadLetterQueue == q.name) {
        r.error(dlqPath,
                QCoreApplication::translate("gatehouse::Validation",
                                            "a queue cannot be its own dead-letter queue"),
                QCoreApplication::translate("gatehouse::Validation", "name another queue"));
        return;
    }
    const Queue *dlq = project.findQueue(q.deadLetterQueue);
    if (!dlq) {
        QStringList names;
        for (const Queue &other : project.queues)
            if (other.name != q.name) names.append(other.name);
        r.error(dlqPath,
                QCoreApplication::translate("gatehouse::Validation", "references unknown queue '%1'")
                    .arg(q.deadLetterQueue),
                referenceHint(q.deadLetterQueue, names));
    } else if (dlq->fifo != q.fifo) {
        r.error(
            dlqPath,
            q.fifo
                ? QCoreApplication::translate("gatehouse::Validation",
                                              "the dead-letter queue of a FIFO queue must be a FIFO queue")
                : QCoreApplication::translate("gatehouse::Validation",
                                              "the dead-letter queue of a standard queue must be a standard "
                                              "queue"),
            QCoreApplication::translate("gatehouse::Validation", "choose a queue of the same type"));
    }
}

void checkTrigger(const Project &project, const Queue &q, const QString &path, Reporter &r) {
    const QueueTrigger &t = *q.trigger;
    const QString triggerPath = at(path, "trigger");
    // Lambda with SQS (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): batch size up to
    // 10,000 (FIFO: 10); above 10 needs a batching window of at least 1 s; the window is at most 300 s.
    if (q.fifo)
        checkRange(
            r, triggerPath, "batchSize", t.batchSize, 1, 10,
            QCoreApplication::translate("gatehouse::Validation", "FIFO queues allow batches of 1 to 10"));
    else
        checkRange(r, triggerPath, "batchSize", t.batchSize, 1, 10000,
                   QCoreApplication::translate("gatehouse::Validation",
                                               "standard queues allow batches of 1 to 10000"));
    checkRange(r, triggerPath, "maximumBatchingWindowSeconds", t.maximumBatchingWindowSeconds, 0, 300,
               QCoreApplication::translate("gatehouse::Validation", "use 0 to 300 seconds"));
    if (t.batchSize > 10 && t.maximumBatchingWindowSeconds < 1)
        r.error(at(triggerPath, "maximumBatchingWindowSeconds"),
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "a batch size above 10 needs maximumBatchingWindowSeconds of at least 1"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "set it to 1 or more, or use batches of 10"));
    if (!checkFunctionReference(r, project, at(triggerPath, "function"), t.function)) return;
    const Function *f = project.findFunction(t.function);
    const int functionTimeout = f->timeoutSeconds;
    const QString visibilityPath = at(path, "visibilityTimeoutSeconds");
    // Lambda refuses a mapping whose queue hides messages for less time than the function may run;
    // the guide recommends six times the function timeout plus the batching window.
    const int recommended = 6 * functionTimeout + t.maximumBatchingWindowSeconds;
    if (q.visibilityTimeoutSeconds < functionTimeout)
        r.error(visibilityPath,
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "visibility timeout %1 s is shorter than the timeout of function '%2' "
                    "(%3 s)")
                    .arg(q.visibilityTimeoutSeconds)
                    .arg(f->name)
                    .arg(functionTimeout),
                QCoreApplication::translate("gatehouse::Validation", "raise it; AWS recommends %1 s")
                    .arg(recommended));
    else if (q.visibilityTimeoutSeconds < recommended)
        r.warning(
            visibilityPath,
            QCoreApplication::translate("gatehouse::Validation",
                                        "visibility timeout %1 s is less than 6 × the timeout of function "
                                        "'%2' (%3 s)")
                .arg(q.visibilityTimeoutSeconds)
                .arg(f->name)
                .arg(recommended),
            QCoreApplication::translate("gatehouse::Validation",
                                        "AWS recommends six times the function timeout, so messages are not "
                                        "redelivered while still being processed"));
}

} // namespace

void checkQueues(const Project &project, Reporter &r) {
    QStringList names;
    for (qsizetype i = 0; i < project.queues.size(); ++i) {
        const Queue &q = project.queues[i];
        const QString path = at(QStringLiteral("queues"), i);
        names.append(q.name);
        checkQueueName(q, path, r);
        // SetQueueAttributes limits:
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
        checkRange(
            r, path, "visibilityTimeoutSeconds", q.visibilityTimeoutSeconds, 0, 43200,
            QCoreApplication::translate("gatehouse::Validation", "SQS allows 0 to 43200 seconds (12 hours)"));
        checkRange(r, path, "messageRetentionSeconds", q.messageRetentionSeconds, 60, 1209600,
                   QCoreApplication::translate("gatehouse::Validation",
                                               "SQS allows 60 seconds to 1209600 seconds (14 days)"));
        checkDeadLetterQueue(project, q, path, r);
        if (q.trigger) checkTrigger(project, q, path, r);
    }
    checkUniqueNames(r, names, [](qsizetype i) { return at(QStringLiteral("queues"), i); });
}

} // namespace gatehouse::validation
