// The record Lambda sends to an asynchronous invocation's destination: what was asked, what came back
// and why the record was sent (Lambda Developer Guide, "Capturing records of Lambda asynchronous
// invocations", https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html,
// "Example invocation record").
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace gatehouse {

struct InvocationRecordInput {
    QDateTime timestamp; // when the record is made
    QString requestId;   // the invocation's request id (the same on every attempt)
    QString functionArn; // unqualified; the record names version $LATEST
    QString condition;   // "Success", "RetriesExhausted" or "EventAgeExceeded"
    int approximateInvokeCount = 1;
    QByteArray requestPayload; // the event, JSON text
    // The last attempt's outcome; absent for an event discarded before it ever ran.
    bool hasResponse = true;
    QString functionError;      // "" on success, "Unhandled" after a function error
    QByteArray responsePayload; // what the function returned, or its error object
};

// {"version":"1.0","timestamp":…,"requestContext":{…},"requestPayload":…,"responseContext":{…},
//  "responsePayload":…}. A payload that is not JSON is carried as a JSON string; an empty one as null.
QByteArray invocationRecordJson(const InvocationRecordInput &input);

} // namespace gatehouse
