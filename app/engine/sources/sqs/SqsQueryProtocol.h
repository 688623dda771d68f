// The SQS query protocol (form-encoded Action=SendMessage&QueueUrl=…, XML answers) that older SDKs and
// Debian's awscli 2.9 speak, translated to and from the JSON protocol's shapes SqsOperations works with.
// Member names follow the query protocol's flattened lists: MessageAttribute.1.Name,
// SendMessageBatchRequestEntry.1.Id, AttributeName.1, … (SQS API Reference, "Making query API
// requests":
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-xml.html;
// response elements per action in the API Reference).
#pragma once

#include "SqsApiError.h"
#include "gateway/JsonText.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace gatehouse::sqs::query {

// Form parameters (Action and Version excluded) as the JSON protocol's request.
OrderedJson requestFromForm(const QUrlQuery &form);
// <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata><RequestId>…</RequestId>…
QByteArray responseXml(const QString &action, const OrderedJson &result, const QString &requestId);
// <ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message><Detail/></Error><RequestId>…
QByteArray errorXml(const ApiError &error, const QString &requestId);

} // namespace gatehouse::sqs::query
