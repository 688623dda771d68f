#include "SqsBroker.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QUuid>

namespace gatehouse::sqs {

SqsBroker::SqsBroker(Clock clock)
    : m_clock(std::move(clock)) {
    if (!m_clock) m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

SqsBroker::~SqsBroker() = default;

qint64 SqsBroker::now() const {
    return m_clock();
}

void SqsBroker::setQueues(const QList<Queue> &queues, const QString &region, const QString &accountId) {
    Calls calls;
    {
        const QMutexLocker lock(&m_mutex);
        std::map<QString, std::unique_ptr<SqsQueue>> next;
        for (const Queue &config : queues) {
            const QString arn = QStringLiteral("arn:aws:sqs:%1:%2:%3").arg(region, accountId, config.name);
            auto kept = m_queues.find(config.name);
            if (kept != m_queues.end() && kept->second->arn() == arn) {
                kept->second->setConfig(config);
                next[config.name] = std::move(kept->second);
            } else {
                next[config.name] = std::make_unique<SqsQueue>(config, arn);
                next[config.name]->setCreatedMs(m_clock());
            }
        }
        m_queues = std::move(next);
        serveWaitersLocked(calls, false); // waiters of removed queues get nothing
    }
    for (const auto &call : calls)
        call();
}

SqsQueue *SqsBroker::findLocked(const QString &name) const {
    const auto found = m_queues.find(name);
    return found == m_queues.end() ? nullptr : found->second.get();
}

bool SqsBroker::hasQueue(const QString &name) const {
    const QMutexLocker lock(&m_mutex);
    return findLocked(name) != nullptr;
}

QStringList SqsBroker::queueNames() const {
    const QMutexLocker lock(&m_mutex);
    QStringList names;
    for (const auto &entry : m_queues)
        names.append(entry.first);
    return names;
}

std::optional<Queue> SqsBroker::queueConfig(const QString &name) const {
    const QMutexLocker lock(&m_mutex);
    if (SqsQueue *queue = findLocked(name)) return queue->config();
    return std::nullopt;
}

QString SqsBroker::queueArn(const QString &name) const {
    const QMutexLocker lock(&m_mutex);
    SqsQueue *queue = findLocked(name);
    return queue ? queue->arn() : QString();
}

bool SqsBroker::send(const QString &queueName, Message message, std::optional<int> delaySeconds,
                     QString *messageId) {
    Calls calls;
    {
        const QMutexLocker lock(&m_mutex);
        SqsQueue *queue = findLocked(queueName);
        if (!queue) return false;
        if (message.messageId.isEmpty())
            message.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        message.sentMs = m_clock();
        if (messageId) *messageId = message.messageId;
        queue->send(std::move(message), delaySeconds.value_or(0));
        serveWaitersLocked(calls, false);
    }
    for (const auto &call : calls)
        call();
    return true;
}

QList<Message> SqsBroker::receiveLocked(SqsQueue &queue, int max, std::optional<int> visibilityTimeout) {
    QList<Message> deadLettered;
    QList<Message> received = queue.receive(
        max, visibilityTimeout.value_or(queue.config().visibilityTimeoutSeconds), m_clock(), &deadLettered);
    if (!deadLettered.isEmpty()) {
        // A redrive keeps the message (id, body, attributes, sent time: retention still counts from the
        // original enqueue for standard queues) and starts its receive count anew.
        SqsQueue *target = findLocked(queue.config().deadLetterQueue);
        for (Message &message : deadLettered) {
            if (!target) continue; // validation reports a dead-letter queue that does not exist
            message.receiveCount = 0;
            message.firstReceiveMs = 0;
            message.receiptHandle.clear();
            message.deadLetterSourceArn = queue.arn();
            target->send(std::move(message), 0); // visible at once: the delay counts from sentMs
        }
    }
    return received;
}

std::optional<QList<Message>> SqsBroker::receive(const QString &queueName, int max,
                                                 std::optional<int> visibilityTimeout) {
    Calls calls;
    QList<Message> received;
    {
        const QMutexLocker lock(&m_mutex);
        SqsQueue *queue = findLocked(queueName);
        if (!queue) return std::nullopt;
        received = receiveLocked(*queue, max, visibilityTimeout);
        serveWaitersLocked(calls, false); // a redrive may have fed a dead-letter queue's long poll
    }
    for (const auto &call : calls)
        call();
    return received;
}

bool SqsBroker::receiveOrWait(const QString &queueName, int max, std::optional<int> visibilityTimeout,
                              int waitSeconds, ReceiveCallback callback) {
    QList<Message> received;
    {
        const QMutexLocker lock(&m_mutex);
        SqsQueue *queue = findLocked(queueName);
        if (!queue) return false;
        received = receiveLocked(*queue, max, visibilityTimeout);
        if (received.isEmpty() && waitSeconds > 0) {
            m_waiters.append(Waiter{queueName, max, visibilityTimeout, m_clock() + qint64(waitSeconds) * 1000,
                                    std::move(callback)});
            return true;
        }
    }
    callback(std::move(received));
    return true;
}

void SqsBroker::serveWaitersLocked(Calls &calls, bool expireAll) {
    const qint64 now = m_clock();
    for (qsizetype i = 0; i < m_waiters.size();) {
        Waiter &waiter = m_waiters[i];
        SqsQueue *queue = findLocked(waiter.queue);
        QList<Message> received;
        if (queue && !expireAll) received = receiveLocked(*queue, waiter.max, waiter.visibilityTimeout);
        if (received.isEmpty() && queue && !expireAll && waiter.deadlineMs > now) {
            ++i;
            continue;
        }
        calls.append([callback = std::move(waiter.callback), received = std::move(received)]() mutable {
            callback(std::move(received));
        });
        m_waiters.removeAt(i);
    }
}

std::optional<SqsQueue::HandleOutcome> SqsBroker::deleteMessage(const QString &queueName,
                                                                const QString &receiptHandle) {
    const QMutexLocker lock(&m_mutex);
    SqsQueue *queue = findLocked(queueName);
    if (!queue) return std::nullopt;
    return queue->remove(receiptHandle);
}

std::optional<SqsQueue::HandleOutcome>
SqsBroker::changeVisibility(const QString &queueName, const QString &receiptHandle, int timeoutSeconds) {
    const QMutexLocker lock(&m_mutex);
    SqsQueue *queue = findLocked(queueName);
    if (!queue) return std::nullopt;
    return queue->changeVisibility(receiptHandle, timeoutSeconds, m_clock());
}

bool SqsBroker::purge(const QString &queueName) {
    const QMutexLocker lock(&m_mutex);
    SqsQueue *queue = findLocked(queueName);
    if (!queue) return false;
    queue->purge();
    return true;
}

std::optional<SqsQueue::Counts> SqsBroker::counts(const QString &queueName) const {
    const QMutexLocker lock(&m_mutex);
    SqsQueue *queue = findLocked(queueName);
    if (!queue) return std::nullopt;
    queue->expire(m_clock());
    return queue->counts(m_clock());
}

std::optional<std::map<QString, QString>> SqsBroker::attributes(const QString &queueName) const {
    const QMutexLocker lock(&m_mutex);
    SqsQueue *queue = findLocked(queueName);
    if (!queue) return std::nullopt;
    const qint64 now = m_clock();
    queue->expire(now);
    const SqsQueue::Counts counts = queue->counts(now);
    const Queue &config = queue->config();
    const auto n = [](qint64 value) { return QString::number(value); };
    // GetQueueAttributes
    // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html).
    std::map<QString, QString> out{
        {QStringLiteral("QueueArn"), queue->arn()},
        {QStringLiteral("ApproximateNumberOfMessages"), n(counts.visible)},
        {QStringLiteral("ApproximateNumberOfMessagesNotVisible"), n(counts.inFlight)},
        {QStringLiteral("ApproximateNumberOfMessagesDelayed"), n(counts.delayed)},
        {QStringLiteral("CreatedTimestamp"), n(queue->createdMs() / 1000)},
        {QStringLiteral("LastModifiedTimestamp"), n(queue->createdMs() / 1000)},
        {QStringLiteral("VisibilityTimeout"), n(config.visibilityTimeoutSeconds)},
        {QStringLiteral("MaximumMessageSize"), n(262144)},
        {QStringLiteral("MessageRetentionPeriod"), n(config.messageRetentionSeconds)},
        {QStringLiteral("DelaySeconds"), n(0)},
        {QStringLiteral("ReceiveMessageWaitTimeSeconds"), n(0)},
        {QStringLiteral("SqsManagedSseEnabled"), QStringLiteral("false")},
    };
    if (config.fifo) out[QStringLiteral("FifoQueue")] = QStringLiteral("true");
    if (!config.deadLetterQueue.isEmpty()) {
        SqsQueue *target = findLocked(config.deadLetterQueue);
        const QString targetArn =
            target ? target->arn() : queue->arn().section(u':', 0, 4) + u':' + config.deadLetterQueue;
        out[QStringLiteral("RedrivePolicy")] =
            QStringLiteral(R"({"deadLetterTargetArn":"%1","maxReceiveCount":%2})")
                .arg(targetArn)
                .arg(config.maxReceiveCount);
    }
    return out;
}

void SqsBroker::tick() {
    Calls calls;
    {
        const QMutexLocker lock(&m_mutex);
        const qint64 now = m_clock();
        for (auto &entry : m_queues)
            entry.second->expire(now);
        serveWaitersLocked(calls, false);
    }
    for (const auto &call : calls)
        call();
}

} // namespace gatehouse::sqs
