#include "LocalGateway.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace gatehouse {

namespace {

// "Amazon API Gateway quotas": JWKS and OIDC discovery requests time out after 1500 ms.
constexpr int kJwksTimeoutMs = 1500;
constexpr qint64 kMaxJwksBytes = 1024 * 1024;

} // namespace

LocalGateway::LocalGateway(Invoker *invoker, LogStore *logs, LocalGatewayOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_services(std::make_shared<GatewayServices>(invoker, logs)) {
    m_services->metrics = m_options.metrics;
    m_services->cost = m_options.cost;
}

LocalGateway::~LocalGateway() {
    stop();
}

void LocalGateway::setObserver(std::function<void(const GatewayEvent &)> observer) {
    m_services->observer = std::move(observer);
}

QMap<QString, quint16> LocalGateway::requestedPorts(const Project &project, std::optional<quint16> basePort,
                                                    int *consecutive) {
    QMap<QString, quint16> ports;
    int next = 0;
    for (const Api &api : project.apis) {
        quint16 port = quint16(std::clamp(api.port, 0, 65535));
        if (port == 0 && basePort) port = quint16(*basePort + next++);
        ports.insert(api.name, port);
    }
    if (consecutive) *consecutive = next;
    return ports;
}

FetchedJwks LocalGateway::fetchJwks(const Project &project) const {
    FetchedJwks fetched;
    const QStringList urls = jwksUrlsOf(project);
    if (urls.isEmpty()) return fetched;
    QNetworkAccessManager network;
    QEventLoop loop;
    int pending = int(urls.size());
    for (const QString &url : urls) {
        QNetworkRequest request{QUrl(url)};
        request.setTransferTimeout(kJwksTimeoutMs);
        QNetworkReply *reply = network.get(request);
        connect(reply, &QNetworkReply::finished, &loop, [&, reply, url] {
            if (reply->error() == QNetworkReply::NoError) fetched.insert(url, reply->read(kMaxJwksBytes));
            reply->deleteLater();
            if (--pending == 0) loop.quit();
        });
    }
    QTimer::singleShot(kJwksTimeoutMs + 500, &loop, &QEventLoop::quit); // a last resort bound
    loop.exec();
    return fetched;
}

void LocalGateway::describeProblems(const ApiSnapshot &snapshot, Outcome &outcome) const {
    for (const QString &problem : snapshot.problems)
        outcome.notices.append(tr("API '%1': %2").arg(snapshot.api.name, problem));
}

LocalGateway::Outcome LocalGateway::start(const Project &project, const QString &projectFolder) {
    stop();
    Outcome outcome = update(project, projectFolder);
    if (!outcome.ok()) stop();
    return outcome;
}

LocalGateway::Outcome LocalGateway::update(const Project &project, const QString &projectFolder) {
    Outcome outcome;
    const FetchedJwks jwks = fetchJwks(project);
    const QMap<QString, quint16> ports = requestedPorts(project, m_options.basePort);

    QHash<QString, ApiType> types;
    for (const Api &api : project.apis)
        types.insert(api.name, api.type);
    // Removed APIs, APIs whose port changed and APIs that changed between WebSocket and HTTP/REST
    // stop first, so a port can move between APIs.
    for (auto it = m_served.begin(); it != m_served.end();) {
        const bool webSocket = types.value(it.key()) == ApiType::WebSocket;
        if (ports.contains(it.key()) && ports.value(it.key()) == it->requestedPort &&
            webSocket == (it->webSocket != nullptr)) {
            ++it;
            continue;
        }
        it->destroy();
        it = m_served.erase(it);
    }
    m_order.clear();
    for (const Api &api : project.apis) {
        m_order.append(api.name);
        auto snapshot = std::make_shared<const ApiSnapshot>(project, api, projectFolder, jwks);
        describeProblems(*snapshot, outcome);
        if (auto it = m_served.find(api.name); it != m_served.end()) {
            // Hot reload: open WebSocket connections stay open and use the new routes.
            if (it->webSocket)
                it->webSocket->setSnapshot(std::move(snapshot));
            else
                it->endpoint->setSnapshot(std::move(snapshot));
            continue;
        }
        http::HttpServerConfig config;
        config.address = m_options.host;
        config.port = ports.value(api.name);
        config.workerThreads = m_options.workerThreads;
        if (api.type == ApiType::WebSocket) {
            auto *endpoint = new WebSocketApiEndpoint(m_services, std::move(snapshot), config,
                                                      m_options.webSocketLimits, this);
            if (const http::HttpListenResult listened = endpoint->listen(); !listened.ok()) {
                outcome.errors.append(tr("API '%1': %2").arg(api.name, listened.error));
                delete endpoint;
                continue;
            }
            m_served.insert(api.name, {nullptr, endpoint, config.port});
            continue;
        }
        auto *endpoint = new ApiEndpoint(m_services, std::move(snapshot), config, this);
        if (const http::HttpListenResult listened = endpoint->listen(); !listened.ok()) {
            outcome.errors.append(tr("API '%1': %2").arg(api.name, listened.error));
            delete endpoint;
            continue;
        }
        m_served.insert(api.name, {endpoint, nullptr, config.port});
    }
    return outcome;
}

void LocalGateway::stop() {
    for (Served &served : m_served)
        served.destroy();
    m_served.clear();
    m_order.clear();
}

WebSocketApiEndpoint *LocalGateway::webSocketEndpoint(const QString &apiName) const {
    const auto it = m_served.constFind(apiName);
    return it == m_served.cend() ? nullptr : it->webSocket;
}

QList<ApiEndpointInfo> LocalGateway::endpoints() const {
    QList<ApiEndpointInfo> list;
    for (const QString &name : m_order) {
        const auto it = m_served.constFind(name);
        if (it == m_served.cend()) continue;
        const std::shared_ptr<const ApiSnapshot> snapshot =
            it->webSocket ? it->webSocket->snapshot() : it->endpoint->snapshot();
        ApiEndpointInfo info;
        info.apiName = name;
        info.type = snapshot->api.type;
        info.url = it->webSocket ? it->webSocket->url() : it->endpoint->url();
        QList<Stage> stages = snapshot->api.stages;
        if (stages.isEmpty() && info.type == ApiType::Http) stages.append(Stage{}); // the implicit $default
        for (const Stage &stage : stages) {
            QUrl url = info.url;
            const bool root = info.type == ApiType::Http && stage.name == QLatin1String("$default");
            url.setPath(root ? QStringLiteral("/") : QLatin1Char('/') + stage.name);
            info.stages.append({stage.name, url});
        }
        list.append(info);
    }
    return list;
}

} // namespace gatehouse
