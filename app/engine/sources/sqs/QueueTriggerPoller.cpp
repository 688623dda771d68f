#include "QueueTriggerPoller.h"

#include "BatchItemFailures.h"
#include "SqsBroker.h"
#include "invoker/Invoker.h"
#include "telemetry/LogStore.h"

#include <QDateTime>
#include <QTimer>

namespace gatehouse::sqs {

namespace {

SqsReceivedMessage eventMessage(const Message &message) {
    SqsReceivedMessage out;
    out.messageId = message.messageId;
    out.receiptHandle = message.receiptHandle;
    out.body = message.body;
    out.sentTimestampMs = message.sentMs;
    out.firstReceiveTimestampMs = message.firstReceiveMs;
    out.receiveCount = message.receiveCount;
    out.senderId = message.senderId;
    out.messageAttributes = attributesToEventJson(message.attributes);
    out.md5OfMessageAttributes = md5OfMessageAttributes(message.attributes);
    out.deadLetterQueueSourceArn = message.deadLetterSourceArn;
    return out;
}

} // namespace

QueueTriggerPoller::QueueTriggerPoller(SqsBroker *broker, Invoker *invoker, LogStore *logs, SqsQueueRef queue,
                                       QueueTrigger trigger, QObject *parent)
    : QObject(parent)
    , m_broker(broker)
    , m_invoker(invoker)
    , m_logs(logs)
    , m_queue(std::move(queue))
    , m_trigger(std::move(trigger)) {}

void QueueTriggerPoller::poll() {
    if (!m_trigger.enabled || m_inFlight) return;
    const int batchSize = std::max(1, m_trigger.batchSize);
    if (m_trigger.maximumBatchingWindowSeconds > 0) {
        // The batching window: wait for a full batch, but no longer than the window after the first message.
        const auto counts = m_broker->counts(m_queue.name);
        if (!counts || counts->visible == 0) {
            m_windowStartMs = 0;
            return;
        }
        const qint64 now = m_broker->now();
        if (m_windowStartMs == 0) m_windowStartMs = now;
        if (counts->visible < batchSize &&
            now - m_windowStartMs < qint64(m_trigger.maximumBatchingWindowSeconds) * 1000)
            return;
    }
    const auto received = m_broker->receive(m_queue.name, batchSize);
    if (!received || received->isEmpty()) return;
    m_windowStartMs = 0;
    m_inFlight = true;
    QList<SqsReceivedMessage> records;
    for (const Message &message : *received)
        records.append(eventMessage(message));
    const QByteArray event = jsonBytes(sqsEvent(m_queue, records));
    const QList<Message> batch = *received;
    const QString requestId =
        m_invoker->invoke(m_trigger.function, event, InvokeOptions{}, this,
                          [this, batch](const InvocationResult &result) { onResult(batch, result); });
    log(requestId,
        tr("SQS queue %1: batch of %2 message(s) sent to function %3")
            .arg(m_queue.name)
            .arg(batch.size())
            .arg(m_trigger.function),
        false);
}

void QueueTriggerPoller::onResult(const QList<Message> &batch, const InvocationResult &result) {
    m_inFlight = false;
    QSet<QString> retry;
    QString outcome;
    bool error = false;
    if (!result.succeeded()) {
        // The whole batch stays: it becomes visible again when its visibility timeout ends.
        for (const Message &message : batch)
            retry.insert(message.messageId);
        outcome = tr("function error %1 (%2); the batch becomes visible again after the visibility timeout")
                      .arg(result.errorType, result.errorMessage);
        error = true;
    } else if (m_trigger.reportBatchItemFailures) {
        QSet<QString> ids;
        for (const Message &message : batch)
            ids.insert(message.messageId);
        if (const auto failures = batchItemFailures(result.payload, ids)) {
            retry = *failures;
            outcome = retry.isEmpty()
                          ? tr("succeeded; every message deleted")
                          : tr("partial batch response: %1 failed item(s) stay for a retry: %2")
                                .arg(retry.size())
                                .arg(QStringList(retry.cbegin(), retry.cend()).join(QStringLiteral(", ")));
            error = !retry.isEmpty();
        } else {
            retry = ids;
            outcome = tr("invalid partial batch response; the whole batch is retried");
            error = true;
        }
    } else {
        outcome = tr("succeeded; every message deleted");
    }
    for (const Message &message : batch)
        if (!retry.contains(message.messageId)) m_broker->deleteMessage(m_queue.name, message.receiptHandle);
    log(result.requestId, tr("SQS queue %1: %2").arg(m_queue.name, outcome), error);
    Q_EMIT batchFinished(result.requestId, int(batch.size()), int(retry.size()));
    // Drain what is waiting without waiting for the next tick.
    QTimer::singleShot(0, this, &QueueTriggerPoller::poll);
}

void QueueTriggerPoller::log(const QString &requestId, const QString &text, bool error) const {
    if (!m_logs) return;
    {
        LogRecord record;
        record.timeMs = QDateTime::currentMSecsSinceEpoch();
        record.source = m_trigger.function;
        record.requestId = requestId;
        record.level = error ? LogRecord::Level::Warn : LogRecord::Level::Info;
        record.platform = true;
        record.message = text;
        m_logs->append(std::move(record));
    }
}

} // namespace gatehouse::sqs
