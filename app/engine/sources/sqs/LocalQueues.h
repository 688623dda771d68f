// The project's queues while it runs: the in-memory broker, the SQS API endpoint, one poller per queue
// trigger (event source mapping), and the dead-letter queues of asynchronous invocations that failed
// every attempt (Lambda Developer Guide, "Capturing records of Lambda asynchronous invocations",
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html). LocalCloud starts,
// updates and stops it with the rest.
#pragma once

#include "SqsBroker.h"
#include "project/Project.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <map>
#include <memory>
#include <optional>

namespace gatehouse {
class Invoker;
class LogStore;
struct InvocationResult;
namespace http {
class HttpServer;
}
} // namespace gatehouse

namespace gatehouse::sqs {

class QueueTriggerPoller;
class SqsApi;

struct LocalQueuesOptions {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    std::optional<quint16> port; // unset: a free port
    SqsBroker::Clock clock;      // empty: the system clock (tests inject one)
    int tickMs = 100;            // how often long polls, batching windows and triggers are looked at
    // The account in queue URLs (http://host:port/<account>/<queue>); LocalStack's, that SDK examples use.
    QString urlAccountId = QStringLiteral("000000000000");
};

class LocalQueues : public QObject {
    Q_OBJECT
public:
    // `invoker` and `logs` must outlive this object, which lives on the invoker's thread.
    LocalQueues(Invoker *invoker, LogStore *logs, LocalQueuesOptions options = {}, QObject *parent = nullptr);
    ~LocalQueues() override;

    // Listens and starts the triggers. An error text when the port cannot be had.
    QString start(const Project &project);
    // Queues keep their messages across reloads; triggers follow the project.
    void update(const Project &project);

    SqsBroker *broker() { return &m_broker; }
    QUrl url() const; // http://127.0.0.1:PORT, the endpoint for SDKs and `aws sqs --endpoint-url`
    QString queueUrl(const QString &queue) const;
    QueueTriggerPoller *poller(const QString &queue) const;
    // Runs one round now (tests with an injected clock call this instead of waiting for the timer).
    void tick();

Q_SIGNALS:
    // An asynchronous invocation's event went to the function's dead-letter queue.
    void deadLettered(const QString &function, const QString &queue, const QString &requestId);

private:
    void onEventDiscarded(const InvocationResult &result, const QByteArray &event);

    Invoker *m_invoker;
    LogStore *m_logs;
    LocalQueuesOptions m_options;
    SqsBroker m_broker;
    std::unique_ptr<SqsApi> m_api;
    std::unique_ptr<http::HttpServer> m_server;
    std::map<QString, QueueTriggerPoller *> m_pollers; // by queue; children of this object
    QHash<QString, QString> m_functionDeadLetterQueues;
    QString m_region;
    QString m_accountId;
    QTimer m_timer;
};

} // namespace gatehouse::sqs
