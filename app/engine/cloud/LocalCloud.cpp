#include "LocalCloud.h"

#include "AdminEndpoint.h"
#include "http/HttpServer.h"
#include "invokeapi/LambdaInvokeApi.h"
#include "sources/destinations/AsyncDestinations.h"
#include "sources/s3/S3Endpoint.h"
#include "sources/sqs/LocalQueues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace gatehouse {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse", text);
}

// Where the Invoke API (`after` = 0) and the admin endpoint (1) listen when only a base port was given:
// right after the APIs that took consecutive ports from it, so `--port 3000` with two APIs gives 3000 and
// 3001 to the APIs, 3002 to the Invoke API and 3003 to the admin endpoint.
std::optional<quint16> portAfterApis(const Project &project, const LocalCloudOptions &options, int after) {
    if (!options.basePort) return std::nullopt;
    int consecutive = 0;
    LocalGateway::requestedPorts(project, options.basePort, &consecutive);
    return quint16(*options.basePort + consecutive + after);
}

// Lambda's view of a finished invocation, in the metrics store's units.
InvocationSample invocationSampleOf(const InvocationResult &result) {
    const auto micros = [](double ms) { return qint64(std::llround(ms * 1000.0)); };
    return InvocationSample{.function = result.functionName,
                            .error = !result.succeeded(),
                            .coldStart = result.coldStart,
                            .durationMicros = micros(result.durationMs),
                            .initDurationMicros = result.coldStart && result.initDurationMs > 0
                                                      ? micros(result.initDurationMs)
                                                      : -1};
}

// On AWS a function reaches the @connections API at https://{domainName}/{stage}; locally the port
// matters, so functions behind a WebSocket API's routes get GATEHOUSE_WEBSOCKET_CALLBACK_URL (the
// sample chat reads it). A value the function sets itself wins.
Project withWebSocketCallbackUrls(Project project, const LocalGateway &gateway) {
    QHash<QString, QString> urls; // function name -> callback URL
    const QList<ApiEndpointInfo> endpoints = gateway.endpoints();
    for (const Api &api : std::as_const(project.apis)) {
        if (api.type != ApiType::WebSocket) continue;
        for (const ApiEndpointInfo &info : endpoints) {
            if (info.apiName != api.name || info.stages.isEmpty()) continue;
            QUrl url = info.stages.first().url;
            url.setScheme(QStringLiteral("http"));
            for (const Route &route : api.routes)
                if (route.integration.type == IntegrationType::Lambda &&
                    !urls.contains(route.integration.function))
                    urls.insert(route.integration.function, url.toString());
        }
    }
    static const QString name = QStringLiteral("GATEHOUSE_WEBSOCKET_CALLBACK_URL");
    for (Function &function : project.functions) {
        const auto url = urls.constFind(function.name);
        if (url == urls.cend()) continue;
        const bool own = std::any_of(function.environment.cbegin(), function.environment.cend(),
                                     [](const NameValue &variable) { return variable.name == name; });
        if (!own) function.environment.append({name, *url});
    }
    return project;
}

// AWS SDKs read AWS_ENDPOINT_URL_SQS (the SDKs' "service-specific endpoints" setting: AWS SDKs and Tools
// Reference Guide, https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html), so a
// function's unmodified SQS client reaches the local queues. A value the function sets itself wins.
Project withSqsEndpoint(Project project, const QUrl &sqsUrl) {
    if (sqsUrl.isEmpty()) return project;
    static const QString name = QStringLiteral("AWS_ENDPOINT_URL_SQS");
    for (Function &function : project.functions) {
        const bool own = std::any_of(function.environment.cbegin(), function.environment.cend(),
                                     [](const NameValue &variable) { return variable.name == name; });
        if (!own) function.environment.append({name, sqsUrl.toString()});
    }
    return project;
}

} // namespace

QString apiTypeLabel(ApiType type) {
    switch (type) {
    case ApiType::Http:
        return tr("HTTP API");
    case ApiType::Rest:
        return tr("REST API");
    case ApiType::WebSocket:
        return tr("WebSocket API");
    }
    return {};
}

LocalCloud::LocalCloud(LocalCloudOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

LocalCloud::~LocalCloud() {
    stop();
}

void LocalCloud::setGatewayObserver(std::function<void(const GatewayEvent &)> observer) {
    m_observer = std::move(observer);
    if (m_gateway) m_gateway->setObserver(m_observer);
}

void LocalCloud::recordInvocations() {
    // Both stores take records from any thread: they are told on the thread where each invocation
    // starts and ends (an HTTP worker, an environment's thread), not through the invoker's signals,
    // which would wake the invoker's thread for every invocation. Throttles are rare: a signal will do.
    MetricsStore *metrics = m_metrics.get();
    CostMeter *cost = m_cost.get();
    m_invoker->setObserver(
        {.started = [metrics](const QString &function) { metrics->recordInvocationStarted(function); },
         .finished =
             [metrics, cost](const InvocationResult &result) {
                 metrics->recordInvocationFinished(invocationSampleOf(result));
                 cost->recordInvocation(result.functionName, result.memorySizeMB, result.billedDurationMs);
             }});
    connect(m_invoker.get(), &Invoker::invocationThrottled, this,
            [metrics](const QString &function) { metrics->recordThrottle(function); });
}

LocalGateway::Outcome LocalCloud::start(const Project &project, const QString &projectFolder) {
    stop();
    m_projectName = project.name;
    m_bucketNames.clear();
    for (const Bucket &bucket : project.buckets)
        m_bucketNames.append(bucket.name);
    m_metrics = std::make_unique<MetricsStore>(m_options.metricsClock, m_options.metricsLimits);
    m_cost = std::make_unique<CostMeter>();
    m_cost->setFunctions(project.functions);
    m_logs = std::make_unique<LogStore>(m_options.logCapacity);
    m_invoker = std::make_unique<Invoker>(project, projectFolder, m_logs.get(), m_options.invoker);
    recordInvocations();

    LocalGatewayOptions gatewayOptions;
    gatewayOptions.host = m_options.host;
    gatewayOptions.basePort = m_options.basePort;
    gatewayOptions.workerThreads = m_options.workerThreads;
    gatewayOptions.webSocketLimits = m_options.webSocketLimits;
    gatewayOptions.metrics = m_metrics.get();
    gatewayOptions.cost = m_cost.get();
    m_gateway = std::make_unique<LocalGateway>(m_invoker.get(), m_logs.get(), gatewayOptions);
    m_gateway->setObserver(m_observer);
    LocalGateway::Outcome outcome = m_gateway->start(project, projectFolder);

    if (outcome.ok()) {
        m_invokeApi = std::make_unique<LambdaInvokeApi>(m_invoker.get(), project);
        http::HttpServerConfig config;
        config.address = m_options.host;
        config.port = m_options.invokeApiPort.value_or(portAfterApis(project, m_options, 0).value_or(0));
        // Lambda's own request limit is 6 MB; the HTTP layer refuses far larger bodies before
        // buffering them and the Invoke API answers the exact Lambda error for the rest.
        config.maxBodyBytes = 16 * 1024 * 1024;
        config.workerThreads = 1;
        config.protocolErrorResponse = &LambdaInvokeApi::protocolErrorResponse;
        LambdaInvokeApi *api = m_invokeApi.get();
        m_invokeServer = std::make_unique<http::HttpServer>(
            [api](http::HttpRequest request, http::HttpResponder responder) {
                api->handle(std::move(request), std::move(responder));
            },
            config);
        if (const http::HttpListenResult listened = m_invokeServer->listen(); !listened.ok())
            outcome.errors.append(tr("Lambda Invoke API: %1").arg(listened.error));
    }
    if (outcome.ok()) {
        http::HttpServerConfig config;
        config.address = m_options.host;
        config.port = m_options.adminPort.value_or(portAfterApis(project, m_options, 1).value_or(0));
        m_admin = std::make_unique<AdminEndpoint>(m_metrics.get(), m_cost.get(), config);
        if (const http::HttpListenResult listened = m_admin->listen(); !listened.ok())
            outcome.errors.append(tr("Admin endpoint: %1").arg(listened.error));
    }
    if (outcome.ok()) {
        http::HttpServerConfig config;
        config.address = m_options.host;
        config.port = m_options.s3Port.value_or(portAfterApis(project, m_options, 2).value_or(0));
        config.workerThreads = m_options.workerThreads;
        m_s3 = std::make_unique<s3::S3Endpoint>(m_invoker.get(), project, projectFolder, config);
        if (const http::HttpListenResult listened = m_s3->listen(); !listened.ok())
            outcome.errors.append(tr("S3 endpoint: %1").arg(listened.error));
    }
    if (outcome.ok()) {
        sqs::LocalQueuesOptions queueOptions;
        queueOptions.host = m_options.host;
        queueOptions.port = m_options.sqsPort ? m_options.sqsPort : portAfterApis(project, m_options, 3);
        queueOptions.clock = m_options.queueClock;
        m_queues = std::make_unique<sqs::LocalQueues>(m_invoker.get(), m_logs.get(), queueOptions);
        if (const QString error = m_queues->start(project); !error.isEmpty())
            outcome.errors.append(tr("SQS endpoint: %1").arg(error));
        m_destinations =
            std::make_unique<AsyncDestinations>(m_invoker.get(), m_queues->broker(), m_logs.get());
        m_destinations->update(project);
    }
    if (outcome.ok())
        m_invoker->updateProject(withSqsEndpoint(withWebSocketCallbackUrls(project, *m_gateway), sqsUrl()),
                                 projectFolder);
    if (outcome.ok()) {
        m_scheduler = std::make_unique<Scheduler>(m_invoker.get());
        m_scheduler->setProject(project);
    }
    if (!outcome.ok()) stop();
    return outcome;
}

LocalGateway::Outcome LocalCloud::update(const Project &project, const QString &projectFolder) {
    if (!isRunning()) return start(project, projectFolder);
    m_projectName = project.name;
    // The invoker first, so that new routes find their functions; then again once a new WebSocket
    // API has its port (an unchanged project is no change for the invoker).
    m_invoker->updateProject(withSqsEndpoint(withWebSocketCallbackUrls(project, *m_gateway), sqsUrl()),
                             projectFolder);
    m_invokeApi->updateProject(project);
    m_s3->updateProject(project);
    m_bucketNames.clear();
    for (const Bucket &bucket : project.buckets)
        m_bucketNames.append(bucket.name);
    m_cost->setFunctions(project.functions);
    LocalGateway::Outcome outcome = m_gateway->update(project, projectFolder);
    m_invoker->updateProject(withSqsEndpoint(withWebSocketCallbackUrls(project, *m_gateway), sqsUrl()),
                             projectFolder);
    if (m_queues) m_queues->update(project);
    if (m_destinations) m_destinations->update(project);
    m_scheduler->setProject(project);
    return outcome;
}

void LocalCloud::stop() {
    // Front doors first, so nothing new reaches the invoker while it shuts its environments down; the
    // metrics and the cost meter last, once nothing records into them.
    m_scheduler.reset();
    m_s3.reset();
    m_admin.reset();
    m_destinations.reset();
    m_queues.reset();
    m_invokeServer.reset();
    m_gateway.reset();
    m_invokeApi.reset();
    m_invoker.reset();
    m_logs.reset();
    m_cost.reset();
    m_metrics.reset();
}

QUrl LocalCloud::invokeApiUrl() const {
    return m_invokeServer ? m_invokeServer->url() : QUrl();
}

QUrl LocalCloud::adminUrl() const {
    return m_admin ? m_admin->url() : QUrl();
}

QUrl LocalCloud::sqsUrl() const {
    return m_queues ? m_queues->url() : QUrl();
}

QUrl LocalCloud::metricsUrl() const {
    return m_admin ? m_admin->metricsUrl() : QUrl();
}

QUrl LocalCloud::s3Url() const {
    return m_s3 ? m_s3->url() : QUrl();
}

QJsonObject LocalCloud::endpointsJson() const {
    QJsonArray apis;
    if (m_gateway) {
        for (const ApiEndpointInfo &info : m_gateway->endpoints()) {
            QJsonArray stages;
            for (const ApiEndpointInfo::StageUrl &stage : info.stages)
                stages.append(QJsonObject{{QStringLiteral("name"), stage.stage},
                                          {QStringLiteral("url"), stage.url.toString()}});
            apis.append(QJsonObject{{QStringLiteral("name"), info.apiName},
                                    {QStringLiteral("type"), apiTypeToString(info.type)},
                                    {QStringLiteral("url"), info.url.toString()},
                                    {QStringLiteral("port"), info.url.port()},
                                    {QStringLiteral("stages"), stages}});
        }
    }
    QJsonObject endpoints{{QStringLiteral("project"), m_projectName},
                          {QStringLiteral("invokeApi"), invokeApiUrl().toString()},
                          {QStringLiteral("apis"), apis}};
    // A key of its own rather than an entry of "apis": readers of "apis" expect a name and stages.
    if (m_admin)
        endpoints.insert(QStringLiteral("admin"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("admin")},
                                     {QStringLiteral("url"), adminUrl().toString()},
                                     {QStringLiteral("metrics"), metricsUrl().toString()}});
    if (m_s3)
        endpoints.insert(QStringLiteral("s3"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("s3")},
                                     {QStringLiteral("url"), s3Url().toString()},
                                     {QStringLiteral("buckets"), QJsonArray::fromStringList(m_bucketNames)}});
    if (m_queues) {
        QJsonArray queues;
        for (const QString &name : m_queues->broker()->queueNames())
            queues.append(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("url"), m_queues->queueUrl(name)}});
        endpoints.insert(QStringLiteral("sqs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("sqs")},
                                                            {QStringLiteral("url"), sqsUrl().toString()},
                                                            {QStringLiteral("queues"), queues}});
    }
    return endpoints;
}

} // namespace gatehouse
