// One SQS event source mapping: polls its queue and invokes the function synchronously with batches of
// messages, as Lambda's poller does (Lambda Developer Guide, "Using Lambda with Amazon SQS",
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): up to batchSize messages per batch,
// gathered for up to maximumBatchingWindowSeconds; a batch that succeeds is deleted; after a function
// error the batch stays and becomes visible again when its visibility timeout ends, so that maxReceiveCount
// and the queue's redrive decide its fate; with ReportBatchItemFailures only the failed items stay.
// One batch is in flight at a time (Lambda starts with more pollers and scales; locally one keeps the
// order of retries easy to follow).
#pragma once

#include "events/SqsEvent.h"
#include "project/Queue.h"

#include <QObject>
#include <QString>

namespace gatehouse {
class Invoker;
class LogStore;
struct InvocationResult;
} // namespace gatehouse

namespace gatehouse::sqs {

class SqsBroker;
struct Message;

class QueueTriggerPoller : public QObject {
    Q_OBJECT
public:
    // All must outlive the poller; it lives on the invoker's thread.
    QueueTriggerPoller(SqsBroker *broker, Invoker *invoker, LogStore *logs, SqsQueueRef queue,
                       QueueTrigger trigger, QObject *parent = nullptr);

    const QueueTrigger &trigger() const { return m_trigger; }
    void setTrigger(QueueTrigger trigger) { m_trigger = std::move(trigger); }
    bool batchInFlight() const { return m_inFlight; }
    // Takes a batch when one is due (LocalQueues calls this from its timer; tests directly).
    void poll();

Q_SIGNALS:
    // A batch's invocation is over: `retried` messages stay in the queue, the rest were deleted.
    void batchFinished(const QString &requestId, int messages, int retried);

private:
    void onResult(const QList<Message> &batch, const InvocationResult &result);
    void log(const QString &requestId, const QString &text, bool error) const;

    SqsBroker *m_broker;
    Invoker *m_invoker;
    LogStore *m_logs;
    SqsQueueRef m_queue;
    QueueTrigger m_trigger;
    bool m_inFlight = false;
    qint64 m_windowStartMs = 0; // when the batching window opened (first message seen); 0 = closed
};

} // namespace gatehouse::sqs
