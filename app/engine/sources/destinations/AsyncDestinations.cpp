#include "AsyncDestinations.h"

#include "events/InvocationRecord.h"
#include "invoker/Invoker.h"
#include "invoker/LambdaLogFormat.h"
#include "sources/sqs/SqsBroker.h"
#include "telemetry/LogStore.h"

#include <QDateTime>

namespace gatehouse {

AsyncDestinations::AsyncDestinations(Invoker *invoker, sqs::SqsBroker *broker, LogStore *logs,
                                     QObject *parent)
    : QObject(parent)
    , m_invoker(invoker)
    , m_broker(broker)
    , m_logs(logs) {
    connect(m_invoker, &Invoker::asyncEventSucceeded, this, &AsyncDestinations::onSucceeded);
    connect(m_invoker, &Invoker::asyncEventDiscarded, this, &AsyncDestinations::onDiscarded);
}

void AsyncDestinations::update(const Project &project) {
    m_region = project.settings.region;
    m_accountId = project.settings.accountId;
    m_configs.clear();
    for (const Function &function : project.functions)
        if (function.asyncInvoke.onSuccess.isSet() || function.asyncInvoke.onFailure.isSet())
            m_configs.insert(function.name, function.asyncInvoke);
}

void AsyncDestinations::onSucceeded(const InvocationResult &result, const QByteArray &event) {
    const auto config = m_configs.constFind(result.functionName);
    if (config == m_configs.cend() || !config->onSuccess.isSet()) return;
    send(result, event, QStringLiteral("Success"), config->onSuccess, true);
}

void AsyncDestinations::onDiscarded(const InvocationResult &result, const QByteArray &event,
                                    const QString &condition) {
    const auto config = m_configs.constFind(result.functionName);
    if (config == m_configs.cend() || !config->onFailure.isSet()) return;
    // An event that grew too old while it waited for capacity never ran: no response to report.
    const bool ran = !(condition == QLatin1String("EventAgeExceeded") && result.payload.isEmpty());
    send(result, event, condition, config->onFailure, ran);
}

void AsyncDestinations::send(const InvocationResult &result, const QByteArray &event,
                             const QString &condition, const AsyncDestination &destination,
                             bool hasResponse) {
    InvocationRecordInput input;
    input.timestamp = QDateTime::currentDateTimeUtc();
    input.requestId = result.requestId;
    input.functionArn = lambdalog::functionArn(m_region, m_accountId, result.functionName);
    input.condition = condition;
    input.approximateInvokeCount = hasResponse ? result.attempt : std::max(0, result.attempt - 1);
    input.requestPayload = event;
    input.hasResponse = hasResponse;
    input.functionError = result.functionError;
    input.responsePayload = result.payload;
    const QByteArray record = invocationRecordJson(input);

    if (!destination.queue.isEmpty()) {
        sqs::Message message;
        message.body = record;
        message.senderId = m_accountId;
        if (m_broker && m_broker->send(destination.queue, std::move(message))) {
            log(result, tr("Invocation record (%1) sent to queue %2").arg(condition, destination.queue),
                false);
            Q_EMIT recordDelivered(result.functionName, condition, tr("queue %1").arg(destination.queue));
        } else {
            const QString reason = tr("the destination queue %1 does not exist").arg(destination.queue);
            log(result, tr("Invocation record (%1) not delivered: %2").arg(condition, reason), true);
            Q_EMIT deliveryFailed(result.functionName, condition, reason);
        }
        return;
    }
    // A function destination is invoked asynchronously with the record as its event.
    InvokeOptions options;
    options.type = InvokeOptions::Type::Event;
    const QString target = destination.function;
    m_invoker->invoke(
        target, record, options, this, [this, result, condition, target](const InvocationResult &accepted) {
            if (accepted.isPlatformError()) {
                const QString reason = tr("function %1 refused it: %2 %3")
                                           .arg(target, accepted.errorType, accepted.errorMessage);
                log(result, tr("Invocation record (%1) not delivered: %2").arg(condition, reason), true);
                Q_EMIT deliveryFailed(result.functionName, condition, reason);
                return;
            }
            log(result,
                tr("Invocation record (%1) sent to function %2 (request %3)")
                    .arg(condition, target, accepted.requestId),
                false);
            Q_EMIT recordDelivered(result.functionName, condition, tr("function %1").arg(target));
        });
}

void AsyncDestinations::log(const InvocationResult &result, const QString &message, bool error) {
    if (m_logs)
        m_logs->append(platformLogLine(result.functionName, result.requestId,
                                       error ? LogRecord::Level::Error : LogRecord::Level::Info, message));
}

} // namespace gatehouse
