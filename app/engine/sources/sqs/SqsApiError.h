// An SQS API error as both protocols answer it: the JSON protocol's `__type` ("com.amazonaws.sqs#…") and
// the query protocol's code, which the JSON protocol repeats in the x-amzn-query-error header for clients
// written against the query codes. Codes and statuses: the SQS API Reference's error lists
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html and each
// action's "Errors" section), which botocore's service model repeats.
#pragma once

#include <QString>

namespace gatehouse::sqs {

struct ApiError {
    QString type;      // JSON protocol shape name: "QueueDoesNotExist"
    QString queryCode; // query protocol code: "AWS.SimpleQueueService.NonExistentQueue"
    int status = 400;
    QString message;
    bool senderFault = true;

    static ApiError queueDoesNotExist() {
        return {QStringLiteral("QueueDoesNotExist"),
                QStringLiteral("AWS.SimpleQueueService.NonExistentQueue"), 400,
                QStringLiteral("The specified queue does not exist.")};
    }
    static ApiError receiptHandleIsInvalid(const QString &handle) {
        return {QStringLiteral("ReceiptHandleIsInvalid"), QStringLiteral("ReceiptHandleIsInvalid"), 400,
                QStringLiteral("The input receipt handle \"%1\" is not a valid receipt handle.").arg(handle)};
    }
    static ApiError messageNotInflight() {
        return {QStringLiteral("MessageNotInflight"),
                QStringLiteral("AWS.SimpleQueueService.MessageNotInflight"), 400,
                QStringLiteral("Message does not exist or is not available for visibility timeout change.")};
    }
    static ApiError invalidParameterValue(const QString &message) {
        return {QStringLiteral("InvalidParameterValue"), QStringLiteral("InvalidParameterValue"), 400,
                message};
    }
    static ApiError missingParameter(const QString &name) {
        return {QStringLiteral("MissingParameter"), QStringLiteral("MissingParameter"), 400,
                QStringLiteral("The request must contain the parameter %1.").arg(name)};
    }
    static ApiError invalidMessageContents(const QString &message) {
        return {QStringLiteral("InvalidMessageContents"), QStringLiteral("InvalidMessageContents"), 400,
                message};
    }
    static ApiError invalidAttributeName(const QString &name) {
        return {QStringLiteral("InvalidAttributeName"), QStringLiteral("InvalidAttributeName"), 400,
                QStringLiteral("Unknown Attribute %1.").arg(name)};
    }
    static ApiError emptyBatch() {
        return {QStringLiteral("EmptyBatchRequest"),
                QStringLiteral("AWS.SimpleQueueService.EmptyBatchRequest"), 400,
                QStringLiteral("There should be at least one SendMessageBatchRequestEntry in the request.")};
    }
    static ApiError tooManyEntries(qsizetype count) {
        return {QStringLiteral("TooManyEntriesInBatchRequest"),
                QStringLiteral("AWS.SimpleQueueService.TooManyEntriesInBatchRequest"), 400,
                QStringLiteral("Maximum number of entries per request are 10. You have sent %1.").arg(count)};
    }
    static ApiError idsNotDistinct(const QString &id) {
        return {QStringLiteral("BatchEntryIdsNotDistinct"),
                QStringLiteral("AWS.SimpleQueueService.BatchEntryIdsNotDistinct"), 400,
                QStringLiteral("Id %1 repeated.").arg(id)};
    }
    static ApiError invalidBatchEntryId() {
        return {QStringLiteral("InvalidBatchEntryId"),
                QStringLiteral("AWS.SimpleQueueService.InvalidBatchEntryId"), 400,
                QStringLiteral("A batch entry id can only contain alphanumeric characters, hyphens and "
                               "underscores. It can be at most 80 letters long.")};
    }
    static ApiError invalidAction(const QString &action) {
        return {QStringLiteral("InvalidAction"), QStringLiteral("InvalidAction"), 400,
                QStringLiteral("The action %1 is not valid for this endpoint.").arg(action)};
    }
    static ApiError malformed(const QString &message) {
        return {QStringLiteral("SerializationException"), QStringLiteral("MalformedQueryString"), 400,
                message};
    }
};

} // namespace gatehouse::sqs
