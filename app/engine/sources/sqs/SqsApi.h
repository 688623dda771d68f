// The local SQS endpoint's request handling: both wire protocols of the SQS API on one port, as SQS itself
// accepts them. JSON (current SDKs): POST with "Content-Type: application/x-amz-json-1.0" and
// "X-Amz-Target: AmazonSQS.<Action>", JSON bodies, errors {"__type": "com.amazonaws.sqs#<Shape>",
// "message"} plus the query code in x-amzn-query-error. Query (awscli 2.9, older SDKs): form-encoded
// Action=<Action>&… in the body or the query string, XML answers and <ErrorResponse>s.
// (SQS Developer Guide, "Amazon SQS APIs": https://docs.aws.amazon.com/AWSSimpleQueueService/latest/
// SQSDeveloperGuide/sqs-making-api-requests-json.html and sqs-making-api-requests-xml.html.)
// Signatures are not checked: the endpoint listens on loopback for the local project only.
#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"

#include <QMutex>
#include <QString>

namespace gatehouse::sqs {

class SqsBroker;

class SqsApi {
public:
    // `broker` must outlive this object.
    explicit SqsApi(SqsBroker *broker);

    // Where queue URLs point ("http://127.0.0.1:PORT") and the account segment in them. Thread-safe.
    void setBaseUrl(const QString &baseUrl, const QString &accountId);
    // Thread-safe; never blocks (a long poll answers later through the responder).
    void handle(http::HttpRequest request, http::HttpResponder responder) const;

private:
    SqsBroker *m_broker;
    mutable QMutex m_mutex;
    QString m_baseUrl;
    QString m_accountId;
};

} // namespace gatehouse::sqs
