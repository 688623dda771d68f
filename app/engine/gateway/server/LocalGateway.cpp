#include "LocalGateway.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace gatehouse {

namespace {

bool isServedHere(const Api &api) {
    return api.type == ApiType::Http || api.type == ApiType::Rest;
}

// "Amazon API Gateway quotas": JWKS and OIDC discovery requests time out after 1500 ms.
constexpr int kJwksTimeoutMs = 1500;
constexpr qint64 kMaxJwksBytes = 1024 * 1024;

} // namespace

LocalGateway::LocalGateway(Invoker *invoker, LogStore *logs, LocalGatewayOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_services(std::make_shared<GatewayServices>(invoker, logs)) {}

LocalGateway::~LocalGateway() {
    stop();
}

void LocalGateway::setObserver(std::function<void(const GatewayEvent &)> observer) {
    m_services->observer = std::move(observer);
}

QMap<QString, quint16> LocalGateway::requestedPorts(const Project &project) const {
    QMap<QString, quint16> ports;
    int next = 0;
    for (const Api &api : project.apis) {
        if (!isServedHere(api)) continue;
        quint16 port = quint16(std::clamp(api.port, 0, 65535));
        if (port == 0 && m_options.basePort) port = quint16(*m_options.basePort + next++);
        ports.insert(api.name, port);
    }
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
    const QMap<QString, quint16> ports = requestedPorts(project);

    // Removed APIs and APIs whose port changed stop first, so a port can move between APIs.
    for (auto it = m_served.begin(); it != m_served.end();) {
        if (ports.contains(it.key()) && ports.value(it.key()) == it->requestedPort) {
            ++it;
            continue;
        }
        delete it->endpoint;
        it = m_served.erase(it);
    }
    m_order.clear();
    for (const Api &api : project.apis) {
        if (!isServedHere(api)) {
            outcome.notices.append(tr("WebSocket API '%1' is not served by this version").arg(api.name));
            continue;
        }
        m_order.append(api.name);
        auto snapshot = std::make_shared<const ApiSnapshot>(project, api, projectFolder, jwks);
        describeProblems(*snapshot, outcome);
        if (auto it = m_served.find(api.name); it != m_served.end()) {
            it->endpoint->setSnapshot(std::move(snapshot));
            continue;
        }
        http::HttpServerConfig config;
        config.address = m_options.host;
        config.port = ports.value(api.name);
        config.workerThreads = m_options.workerThreads;
        auto *endpoint = new ApiEndpoint(m_services, std::move(snapshot), config, this);
        if (const http::HttpListenResult listened = endpoint->listen(); !listened.ok()) {
            outcome.errors.append(tr("API '%1': %2").arg(api.name, listened.error));
            delete endpoint;
            continue;
        }
        m_served.insert(api.name, {endpoint, config.port});
    }
    return outcome;
}

void LocalGateway::stop() {
    for (const Served &served : std::as_const(m_served))
        delete served.endpoint;
    m_served.clear();
    m_order.clear();
}

QList<ApiEndpointInfo> LocalGateway::endpoints() const {
    QList<ApiEndpointInfo> list;
    for (const QString &name : m_order) {
        const auto it = m_served.constFind(name);
        if (it == m_served.cend()) continue;
        const std::shared_ptr<const ApiSnapshot> snapshot = it->endpoint->snapshot();
        ApiEndpointInfo info;
        info.apiName = name;
        info.type = snapshot->api.type;
        info.url = it->endpoint->url();
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
