#include "HttpServer.h"

#include "HttpAcceptor.h"
#include "HttpServerShared.h"
#include "HttpWorker.h"

#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <http_parser.h>
#include <mutex>
#include <sys/resource.h>
#include <unistd.h>

namespace gatehouse::http {

namespace {

// Owns an accepted descriptor on its way to a worker. If the hand-off is dropped (the worker is
// shutting down) the descriptor is closed instead of leaking.
class DescriptorInTransit {
public:
    DescriptorInTransit(qintptr descriptor, std::shared_ptr<HttpServerShared> shared)
        : m_descriptor(descriptor)
        , m_shared(std::move(shared)) {}
    DescriptorInTransit(const DescriptorInTransit &) = delete;
    DescriptorInTransit &operator=(const DescriptorInTransit &) = delete;
    ~DescriptorInTransit() {
        if (m_descriptor < 0) return;
        ::close(int(m_descriptor));
        m_shared->openConnections.fetch_sub(1, std::memory_order_relaxed);
    }
    qintptr take() { return std::exchange(m_descriptor, -1); }

private:
    qintptr m_descriptor;
    std::shared_ptr<HttpServerShared> m_shared;
};

// http_parser's own header cap (80 KiB by default) is process-wide. Ours is exact and per server, so
// the parser's only needs raising when a server allows more; it is never lowered.
void allowParserHeaderBytes(qint64 bytes) {
    static std::mutex mutex;
    static qint64 allowed = HTTP_MAX_HEADER_SIZE;
    std::lock_guard lock(mutex);
    if (bytes + 1024 <= allowed) return;
    allowed = qMin<qint64>(bytes + 1024, 0x7fffffff);
    http_parser_set_max_header_size(uint32_t(allowed));
}

// Each connection is a descriptor; a soft limit of 1024 would make accept() fail long before
// maxConnections. Raising the soft limit up to the hard one needs no privileges.
void allowOpenFiles(int connections) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = rlim_t(connections) + 1024; // files, pipes, children, other servers
    if (limit.rlim_cur >= wanted) return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : qMin(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
}

QString hostAndPort(const QHostAddress &address, quint16 port) {
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

} // namespace

HttpServer::HttpServer(HttpHandler handler, HttpServerConfig config, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<HttpServerShared>())
    , m_acceptor(new HttpAcceptor([this](qintptr descriptor) { dispatch(descriptor); }, this)) {
    m_shared->config = std::move(config);
    m_shared->handler = std::move(handler);
    // QTcpServer stops accepting for good after an accept() error such as EMFILE (out of descriptors)
    // or ECONNABORTED (a client reset before we took it). Try again shortly instead.
    connect(m_acceptor, &QTcpServer::acceptError, this, [this] {
        QTimer::singleShot(50, m_acceptor, [acceptor = m_acceptor] {
            if (acceptor->isListening()) acceptor->resumeAccepting();
        });
    });
}

HttpServer::~HttpServer() {
    close();
}

const HttpServerConfig &HttpServer::config() const {
    return m_shared->config;
}

HttpListenResult HttpServer::listen() {
    const HttpServerConfig &c = m_shared->config;
    if (m_acceptor->isListening())
        return {QStringLiteral("The server already listens on %1").arg(hostAndPort(address(), port()))};
    if (!m_shared->handler) return {QStringLiteral("The server has no request handler")};
    allowParserHeaderBytes(c.maxHeaderBytes);
    allowOpenFiles(c.maxConnections);
    if (!m_acceptor->listen(c.address, c.port)) {
        return {QStringLiteral("Cannot listen on %1: %2. Choose another port, stop the program using it, "
                               "or use port 0 to pick a free one.")
                    .arg(hostAndPort(c.address, c.port), m_acceptor->errorString())};
    }
    startWorkers();
    return {};
}

void HttpServer::close() {
    m_acceptor->close();
    stopWorkers();
}

bool HttpServer::isListening() const {
    return m_acceptor->isListening();
}

quint16 HttpServer::port() const {
    return m_acceptor->serverPort();
}

QHostAddress HttpServer::address() const {
    return m_acceptor->serverAddress();
}

QUrl HttpServer::url() const {
    return QUrl(QStringLiteral("http://") + hostAndPort(address(), port()));
}

int HttpServer::openConnections() const {
    return m_shared->openConnections.load(std::memory_order_relaxed);
}

void HttpServer::startWorkers() {
    const int wanted = m_shared->config.workerThreads;
    const int count = wanted < 0 ? qMax(1, QThread::idealThreadCount()) : wanted;
    if (count == 0) {
        m_workers.append(new HttpWorker(m_shared, thread())); // serve on our own thread
        return;
    }
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("gatehouse-http-%1").arg(i));
        auto *worker = new HttpWorker(m_shared, thread);
        worker->moveToThread(thread);
        thread->start();
        m_threads.append(thread);
        m_workers.append(worker);
    }
}

void HttpServer::stopWorkers() {
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        HttpWorker *worker = m_workers.at(i);
        QThread *thread = i < m_threads.size() ? m_threads.at(i) : nullptr;
        if (!thread) {
            delete worker;
            continue;
        }
        // shutdown() must run on the worker's thread: its sockets and timers belong there.
        QMetaObject::invokeMethod(worker, &HttpWorker::shutdown, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete worker; // idle now: everything it owned was torn down on its thread
        delete thread;
    }
    m_workers.clear();
    m_threads.clear();
}

void HttpServer::dispatch(qintptr descriptor) {
    if (m_workers.isEmpty()) {
        ::close(int(descriptor));
        return;
    }
    if (m_shared->openConnections.load(std::memory_order_relaxed) >= m_shared->config.maxConnections) {
        refuse(descriptor);
        return;
    }
    m_shared->openConnections.fetch_add(1, std::memory_order_relaxed);
    HttpWorker *worker = m_workers.at(m_nextWorker++ % m_workers.size());
    auto transit = std::make_shared<DescriptorInTransit>(descriptor, m_shared);
    worker->link()->run([worker, transit] { worker->adopt(transit->take()); });
}

void HttpServer::refuse(qintptr descriptor) {
    // Polite refusal: a real 503 the client can read, then close. Rare, so done on this thread.
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    static const QByteArray body = R"({"message":"Too many connections"})";
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                  "Connection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

} // namespace gatehouse::http
