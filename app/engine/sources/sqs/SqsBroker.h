// The project's local queues, shared by the SQS API endpoint (HTTP worker threads), the event source
// mappings and the invoker's dead-letter deliveries: every operation is thread-safe. Long polls
// (ReceiveMessage with WaitTimeSeconds) never block a thread: they wait here as callbacks, answered by
// the send that brings a message or by tick() once their time is up.
//
//   SqsBroker broker(clock);      // clock: UTC milliseconds; empty = the system clock
//   broker.setQueues(project.queues, region, accountId);
//   broker.send("orders", message, 0);
#pragma once

#include "SqsQueue.h"
#include "project/Queue.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace gatehouse::sqs {

class SqsBroker {
public:
    using Clock = std::function<qint64()>; // UTC milliseconds; tests inject their own
    using ReceiveCallback = std::function<void(QList<Message>)>;

    explicit SqsBroker(Clock clock = {});
    ~SqsBroker();

    // Queues of the project: new ones start empty, kept ones keep their messages (with the new settings),
    // removed ones are dropped, and their waiting long polls are answered with nothing.
    void setQueues(const QList<Queue> &queues, const QString &region, const QString &accountId);
    qint64 now() const;
    bool hasQueue(const QString &name) const;
    QStringList queueNames() const;
    std::optional<Queue> queueConfig(const QString &name) const;
    QString queueArn(const QString &name) const;

    // Sets the id, sentMs and visibility; false when there is no such queue. `delaySeconds` unset: the
    // queue's own delay (0).
    bool send(const QString &queue, Message message, std::optional<int> delaySeconds = std::nullopt,
              QString *messageId = nullptr);
    // nullopt when there is no such queue. `visibilityTimeout` unset: the queue's.
    std::optional<QList<Message>> receive(const QString &queue, int max,
                                          std::optional<int> visibilityTimeout = std::nullopt);
    // Like receive(), but when nothing is visible `callback` waits (up to `waitSeconds`) for a message and
    // is then called, on whichever thread sent it or ran tick(). Returns false when there is no such
    // queue (the callback is dropped). The callback may run before this returns.
    bool receiveOrWait(const QString &queue, int max, std::optional<int> visibilityTimeout, int waitSeconds,
                       ReceiveCallback callback);
    std::optional<SqsQueue::HandleOutcome> deleteMessage(const QString &queue, const QString &receiptHandle);
    std::optional<SqsQueue::HandleOutcome> changeVisibility(const QString &queue,
                                                            const QString &receiptHandle, int timeoutSeconds);
    bool purge(const QString &queue);
    std::optional<SqsQueue::Counts> counts(const QString &queue) const;
    // GetQueueAttributes' values (QueueArn, ApproximateNumberOfMessages, VisibilityTimeout,
    // RedrivePolicy...).
    std::optional<std::map<QString, QString>> attributes(const QString &queue) const;

    // Expires old messages, lets the due long polls have what became visible, answers those whose wait is
    // over. Call it regularly (LocalQueues does, from a timer); tests call it after moving their clock.
    void tick();

private:
    struct Waiter {
        QString queue;
        int max = 1;
        std::optional<int> visibilityTimeout;
        qint64 deadlineMs = 0;
        ReceiveCallback callback;
    };
    using Calls = QList<std::function<void()>>;
    QList<Message> receiveLocked(SqsQueue &queue, int max, std::optional<int> visibilityTimeout);
    void serveWaitersLocked(Calls &calls, bool expireAll);
    SqsQueue *findLocked(const QString &name) const;

    Clock m_clock;
    mutable QMutex m_mutex;
    std::map<QString, std::unique_ptr<SqsQueue>> m_queues;
    QList<Waiter> m_waiters;
};

} // namespace gatehouse::sqs
