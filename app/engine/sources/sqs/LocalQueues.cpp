#include "LocalQueues.h"

#include "QueueTriggerPoller.h"
#include "SqsApi.h"
#include "http/HttpServer.h"
#include "invoker/Invoker.h"
#include "telemetry/LogStore.h"

#include <QDateTime>

namespace gatehouse::sqs {

LocalQueues::LocalQueues(Invoker *invoker, LogStore *logs, LocalQueuesOptions options, QObject *parent)
    : QObject(parent)
    , m_invoker(invoker)
    , m_logs(logs)
    , m_options(std::move(options))
    , m_broker(m_options.clock)
    , m_api(std::make_unique<SqsApi>(&m_broker)) {
    connect(&m_timer, &QTimer::timeout, this, &LocalQueues::tick);
    connect(m_invoker, &Invoker::asyncEventDiscarded, this, &LocalQueues::onEventDiscarded);
}

LocalQueues::~LocalQueues() {
    m_timer.stop();
    m_server.reset(); // no request reaches the broker any more
}

QString LocalQueues::start(const Project &project) {
    http::HttpServerConfig config;
    config.address = m_options.host;
    config.port = m_options.port.value_or(0);
    config.workerThreads = 1;
    // SendMessageBatch carries up to 10 messages of 256 KiB; leave room for the encoding.
    config.maxBodyBytes = 4 * 1024 * 1024;
    // A long poll waits up to 20 s for an answer: the server must not time the exchange out first.
    config.requestTimeoutMs = 60000;
    SqsApi *api = m_api.get();
    m_server = std::make_unique<http::HttpServer>(
        [api](http::HttpRequest request, http::HttpResponder responder) {
            api->handle(std::move(request), std::move(responder));
        },
        config);
    if (const http::HttpListenResult listened = m_server->listen(); !listened.ok()) {
        m_server.reset();
        return listened.error;
    }
    update(project);
    m_timer.start(m_options.tickMs);
    return {};
}

void LocalQueues::update(const Project &project) {
    m_region = project.settings.region;
    m_accountId = project.settings.accountId;
    m_broker.setQueues(project.queues, m_region, m_accountId);
    m_api->setBaseUrl(url().toString(), m_options.urlAccountId);
    m_functionDeadLetterQueues.clear();
    for (const Function &function : project.functions)
        if (!function.deadLetterQueue.isEmpty())
            m_functionDeadLetterQueues.insert(function.name, function.deadLetterQueue);

    std::map<QString, QueueTriggerPoller *> next;
    for (const Queue &queue : project.queues) {
        if (queue.fifo && m_logs) {
            LogRecord notice;
            notice.timeMs = QDateTime::currentMSecsSinceEpoch();
            notice.source = QStringLiteral("gatehouse");
            notice.level = LogRecord::Level::Warn;
            notice.message =
                tr("Queue %1 is a FIFO queue: it runs as a standard queue locally (no ordering by "
                   "message group, no deduplication)")
                    .arg(queue.name);
            m_logs->append(std::move(notice));
        }
        if (!queue.trigger || queue.trigger->function.isEmpty()) continue;
        auto kept = m_pollers.find(queue.name);
        if (kept != m_pollers.end()) {
            kept->second->setTrigger(*queue.trigger);
            next[queue.name] = kept->second;
            m_pollers.erase(kept);
        } else {
            next[queue.name] =
                new QueueTriggerPoller(&m_broker, m_invoker, m_logs,
                                       SqsQueueRef{queue.name, m_region, m_accountId}, *queue.trigger, this);
        }
    }
    for (auto &[name, poller] : m_pollers)
        poller->deleteLater(); // its batch in flight, if any, finishes without it
    m_pollers = std::move(next);
}

QUrl LocalQueues::url() const {
    return m_server ? m_server->url() : QUrl();
}

QString LocalQueues::queueUrl(const QString &queue) const {
    return url().toString() + u'/' + m_options.urlAccountId + u'/' + queue;
}

QueueTriggerPoller *LocalQueues::poller(const QString &queue) const {
    const auto found = m_pollers.find(queue);
    return found == m_pollers.end() ? nullptr : found->second;
}

void LocalQueues::tick() {
    m_broker.tick();
    for (auto &[name, poller] : m_pollers)
        poller->poll();
}

void LocalQueues::onEventDiscarded(const InvocationResult &result, const QByteArray &event) {
    const QString queue = m_functionDeadLetterQueues.value(result.functionName);
    if (queue.isEmpty()) return;
    // "Lambda sends the event to the dead-letter queue as-is, with additional information in attributes":
    // RequestID (String), ErrorCode (Number, the 3-digit HTTP status code), ErrorMessage (String, the first
    // 1 KB of the error message).
    Message message;
    message.body = event;
    message.senderId = m_accountId;
    message.attributes[QStringLiteral("RequestID")] = {
        QStringLiteral("String"), result.requestId.toUtf8(), {}};
    message.attributes[QStringLiteral("ErrorCode")] = {
        QStringLiteral("Number"), QByteArray::number(result.statusCode), {}};
    QByteArray errorMessage = result.errorMessage.toUtf8().left(1024);
    if (errorMessage.isEmpty()) errorMessage = result.errorType.toUtf8();
    if (errorMessage.isEmpty()) errorMessage = "Unknown error";
    message.attributes[QStringLiteral("ErrorMessage")] = {QStringLiteral("String"), errorMessage, {}};
    const bool sent = m_broker.send(queue, std::move(message));
    if (m_logs) {
        m_logs->append(platformLogLine(
            result.functionName, result.requestId, LogRecord::Level::Error,
            sent ? tr("Asynchronous event sent to the dead-letter queue %1").arg(queue)
                 : tr("The dead-letter queue %1 does not exist; the event is lost").arg(queue)));
    }
    if (sent) Q_EMIT deadLettered(result.functionName, queue, result.requestId);
}

} // namespace gatehouse::sqs
