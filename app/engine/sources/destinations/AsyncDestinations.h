// Where the outcomes of asynchronous invocations go: each function's on-success and on-failure
// destination (one of the project's queues or functions) receives Lambda's invocation record (Lambda
// Developer Guide, "Capturing records of Lambda asynchronous invocations",
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html). The dead-letter
// queue, which gets the bare event, stays with the queues (LocalQueues). LocalCloud creates it beside
// them, on the invoker's thread.
#pragma once

#include "project/Project.h"

#include <QHash>
#include <QObject>

namespace gatehouse {

class Invoker;
class LogStore;
struct InvocationResult;
namespace sqs {
class SqsBroker;
}

class AsyncDestinations : public QObject {
    Q_OBJECT
public:
    // `invoker`, `broker` and `logs` must outlive this object.
    AsyncDestinations(Invoker *invoker, sqs::SqsBroker *broker, LogStore *logs, QObject *parent = nullptr);

    void update(const Project &project);

Q_SIGNALS:
    // A record went to `target` ("queue NAME" or "function NAME" in the log's words) or could not.
    void recordDelivered(const QString &function, const QString &condition, const QString &target);
    void deliveryFailed(const QString &function, const QString &condition, const QString &reason);

private:
    void onSucceeded(const InvocationResult &result, const QByteArray &event);
    void onDiscarded(const InvocationResult &result, const QByteArray &event, const QString &condition);
    void send(const InvocationResult &result, const QByteArray &event, const QString &condition,
              const AsyncDestination &destination, bool hasResponse);
    void log(const InvocationResult &result, const QString &message, bool error);

    Invoker *m_invoker;
    sqs::SqsBroker *m_broker;
    LogStore *m_logs;
    QHash<QString, AsyncInvokeConfig> m_configs; // by function
    QString m_region;
    QString m_accountId;
};

} // namespace gatehouse
