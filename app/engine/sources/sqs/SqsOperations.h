// The SQS actions on the local queues, independent of the wire protocol: a request and a result in the
// JSON protocol's shapes (SQS API Reference,
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/ API_SendMessage.html,
// API_SendMessageBatch.html, API_ReceiveMessage.html, API_DeleteMessage.html, API_DeleteMessageBatch.html,
// API_ChangeMessageVisibility.html, API_GetQueueUrl.html, API_GetQueueAttributes.html, API_ListQueues.html,
// API_PurgeQueue.html). SqsApi translates the query protocol into and out of these shapes.
#pragma once

#include "SqsApiError.h"
#include "gateway/JsonText.h"

#include <QString>
#include <functional>
#include <variant>

namespace gatehouse::sqs {

class SqsBroker;

using Outcome = std::variant<OrderedJson, ApiError>;

struct OperationContext {
    QString baseUrl;   // "http://127.0.0.1:PORT": queue URLs are baseUrl/ACCOUNT/NAME
    QString accountId; // the account segment of queue URLs
    QString senderId;  // SenderId of sent messages: the caller's access key id, or the account
};

QString queueUrl(const OperationContext &context, const QString &name);
// The queue name a QueueUrl names (its last path segment); empty when it names none.
QString queueNameOfUrl(const QString &url);

bool isKnownAction(const QString &action);
// Runs one action; `done` is called exactly once, possibly later (a long-polling ReceiveMessage) and on
// another thread.
void runOperation(SqsBroker &broker, const OperationContext &context, const QString &action,
                  const OrderedJson &request, std::function<void(Outcome)> done);

} // namespace gatehouse::sqs
