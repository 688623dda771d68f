// One local standard queue's messages and their life cycle, at the times the caller passes in (so tests
// drive it with a clock of their own): delay, visibility timeout per receive, retention, and the messages
// that a redrive policy moves to the dead-letter queue. Not thread-safe: SqsBroker guards it.
// Sources: SQS Developer Guide "Amazon SQS visibility timeout", "Amazon SQS delay queues", "Using
// dead-letter queues" (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/).
#pragma once

#include "SqsMessage.h"
#include "project/Queue.h"

#include <QList>
#include <deque>

namespace gatehouse::sqs {

class SqsQueue {
public:
    explicit SqsQueue(Queue config, QString arn);

    const Queue &config() const { return m_config; }
    const QString &arn() const { return m_arn; }
    void setConfig(Queue config) { m_config = std::move(config); }
    qint64 createdMs() const { return m_createdMs; }
    void setCreatedMs(qint64 ms) { m_createdMs = ms; }

    // Enqueues a message whose id, body, attributes, sender and sentMs are set; it becomes visible
    // after `delaySeconds`.
    void send(Message message, int delaySeconds);
    // Up to `max` visible messages, oldest first, each hidden for `visibilityTimeoutSeconds` under a new
    // receipt handle. Messages already received maxReceiveCount times (with a dead-letter queue set) are
    // not returned but moved into `deadLettered` for the caller to hand to that queue.
    QList<Message> receive(int max, int visibilityTimeoutSeconds, qint64 nowMs, QList<Message> *deadLettered);

    enum class HandleOutcome { Done, Invalid, NotInflight };
    // Deletes the message the handle was issued for. A stale handle of a message received again since, or
    // of one already gone, succeeds without deleting anything, as SQS documents for DeleteMessage.
    HandleOutcome remove(const QString &receiptHandle);
    HandleOutcome changeVisibility(const QString &receiptHandle, int timeoutSeconds, qint64 nowMs);
    void purge() { m_messages.clear(); }
    // Drops messages older than messageRetentionSeconds. Returns how many.
    int expire(qint64 nowMs);

    struct Counts {
        int visible = 0;
        int inFlight = 0; // received and not visible again yet
        int delayed = 0;  // not received yet and still in their delay
    };
    Counts counts(qint64 nowMs) const;
    // The earliest time a hidden message becomes visible; 0 when none is hidden.
    qint64 nextVisibleMs(qint64 nowMs) const;

    // Receipt handles carry the message id, so that a handle is recognised without a table of them.
    static QString newReceiptHandle(const QString &messageId);
    static QString messageIdOfHandle(const QString &receiptHandle); // empty when not one of ours

private:
    Message *findByHandle(const QString &receiptHandle, HandleOutcome *outcome);

    Queue m_config;
    QString m_arn;
    qint64 m_createdMs = 0;
    std::deque<Message> m_messages; // in send order
};

} // namespace gatehouse::sqs
