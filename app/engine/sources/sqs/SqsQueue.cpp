#include "SqsQueue.h"

#include "invoker/ThreadRandom.h"

#include <QRandomGenerator>

namespace gatehouse::sqs {

namespace {
const QLatin1String kHandlePrefix("AQEB"); // how every captured SQS receipt handle starts
}

SqsQueue::SqsQueue(Queue config, QString arn)
    : m_config(std::move(config))
    , m_arn(std::move(arn)) {}

void SqsQueue::send(Message message, int delaySeconds) {
    message.visibleAtMs = message.sentMs + qint64(delaySeconds) * 1000;
    m_messages.push_back(std::move(message));
}

QList<Message> SqsQueue::receive(int max, int visibilityTimeoutSeconds, qint64 nowMs,
                                 QList<Message> *deadLettered) {
    expire(nowMs);
    QList<Message> out;
    // "When the ReceiveCount for a message exceeds the maxReceiveCount for a queue, Amazon SQS moves the
    // message to a dead-letter queue": a message that was received maxReceiveCount times moves on its
    // next receive instead of being delivered again.
    const bool redrive = !m_config.deadLetterQueue.isEmpty() && m_config.maxReceiveCount > 0;
    for (auto it = m_messages.begin(); it != m_messages.end() && out.size() < max;) {
        if (it->visibleAtMs > nowMs) {
            ++it;
            continue;
        }
        if (redrive && it->receiveCount >= m_config.maxReceiveCount) {
            if (deadLettered) deadLettered->append(std::move(*it));
            it = m_messages.erase(it);
            continue;
        }
        ++it->receiveCount;
        if (it->firstReceiveMs == 0) it->firstReceiveMs = nowMs;
        it->receiptHandle = newReceiptHandle(it->messageId);
        it->visibleAtMs = nowMs + qint64(visibilityTimeoutSeconds) * 1000;
        out.append(*it);
        ++it;
    }
    return out;
}

Message *SqsQueue::findByHandle(const QString &receiptHandle, HandleOutcome *outcome) {
    const QString id = messageIdOfHandle(receiptHandle);
    if (id.isEmpty()) {
        *outcome = HandleOutcome::Invalid;
        return nullptr;
    }
    *outcome = HandleOutcome::Done;
    for (Message &message : m_messages)
        if (message.messageId == id) return message.receiptHandle == receiptHandle ? &message : nullptr;
    return nullptr;
}

SqsQueue::HandleOutcome SqsQueue::remove(const QString &receiptHandle) {
    HandleOutcome outcome;
    Message *message = findByHandle(receiptHandle, &outcome);
    if (message) {
        const QString id = message->messageId;
        std::erase_if(m_messages, [&id](const Message &m) { return m.messageId == id; });
    }
    return outcome;
}

SqsQueue::HandleOutcome SqsQueue::changeVisibility(const QString &receiptHandle, int timeoutSeconds,
                                                   qint64 nowMs) {
    HandleOutcome outcome;
    Message *message = findByHandle(receiptHandle, &outcome);
    if (outcome != HandleOutcome::Done) return outcome;
    // ChangeMessageVisibility: a message that is not in flight (visible again, or gone) cannot be changed.
    if (!message || message->visibleAtMs <= nowMs) return HandleOutcome::NotInflight;
    message->visibleAtMs = nowMs + qint64(timeoutSeconds) * 1000;
    return HandleOutcome::Done;
}

int SqsQueue::expire(qint64 nowMs) {
    const qint64 oldest = nowMs - qint64(m_config.messageRetentionSeconds) * 1000;
    return int(std::erase_if(m_messages, [oldest](const Message &m) { return m.sentMs <= oldest; }));
}

SqsQueue::Counts SqsQueue::counts(qint64 nowMs) const {
    Counts counts;
    for (const Message &message : m_messages) {
        if (message.visibleAtMs <= nowMs)
            ++counts.visible;
        else if (message.receiveCount > 0)
            ++counts.inFlight;
        else
            ++counts.delayed;
    }
    return counts;
}

qint64 SqsQueue::nextVisibleMs(qint64 nowMs) const {
    qint64 next = 0;
    for (const Message &message : m_messages)
        if (message.visibleAtMs > nowMs && (next == 0 || message.visibleAtMs < next))
            next = message.visibleAtMs;
    return next;
}

QString SqsQueue::newReceiptHandle(const QString &messageId) {
    // Opaque to clients, a few hundred base64 characters like SQS's own: random bytes, then the id.
    QByteArray bytes = randomBytes(96, *QRandomGenerator::global());
    bytes.append('|');
    bytes.append(messageId.toLatin1());
    return QString(kHandlePrefix) + QString::fromLatin1(bytes.toBase64());
}

QString SqsQueue::messageIdOfHandle(const QString &receiptHandle) {
    if (!receiptHandle.startsWith(kHandlePrefix)) return {};
    const auto decoded = QByteArray::fromBase64Encoding(receiptHandle.mid(kHandlePrefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() <= 97 || decoded.decoded.at(96) != '|') return {};
    return QString::fromLatin1(decoded.decoded.mid(97));
}

} // namespace gatehouse::sqs
