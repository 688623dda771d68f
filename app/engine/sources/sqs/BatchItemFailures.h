// Reading a function's partial batch response for an SQS event source mapping with
// ReportBatchItemFailures (Lambda Developer Guide, "Handling errors for an SQS event source in Lambda",
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting):
// {"batchItemFailures": [{"itemIdentifier": "<messageId>"}, ...]}.
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <optional>

namespace gatehouse::sqs {

// The message ids to retry; an empty set is a complete success ("an empty batchItemFailures list, a null
// batchItemFailures list, an empty EventResponse, a null EventResponse"). nullopt means the whole batch
// failed: "an invalid JSON response, an empty string itemIdentifier, a null itemIdentifier, an
// itemIdentifier with a bad key name, an itemIdentifier value with a message ID that doesn't exist".
// A response that is valid JSON but no object (a function returning "done") carries no failures.
std::optional<QSet<QString>> batchItemFailures(const QByteArray &payload,
                                               const QSet<QString> &batchMessageIds);

} // namespace gatehouse::sqs
