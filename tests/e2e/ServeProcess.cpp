#include "ServeProcess.h"

#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpSocket>
#include <csignal>

namespace gatehouse::test {

ServeProcess::~ServeProcess() {
    if (m_process && m_process->state() != QProcess::NotRunning) stop();
}

bool ServeProcess::start(const QString &project, const QString &endpointsFile,
                         const QStringList &extraArguments, int timeoutMs) {
    QFile::remove(endpointsFile);
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    m_process->setProcessEnvironment(environment);
    m_process->start(executablePath(), QStringList{QStringLiteral("serve"), project,
                                                   QStringLiteral("--endpoints-file"), endpointsFile} +
                                           extraArguments);
    if (!m_process->waitForStarted(timeoutMs)) return false;
    const bool appeared =
        waitFor([&] { return QFile::exists(endpointsFile) || m_process->state() == QProcess::NotRunning; },
                timeoutMs);
    if (!appeared || !QFile::exists(endpointsFile)) return false;
    QFile file(endpointsFile);
    if (!file.open(QIODevice::ReadOnly)) return false;
    m_endpoints = QJsonDocument::fromJson(file.readAll()).object();
    return !m_endpoints.isEmpty();
}

int ServeProcess::stop(int timeoutMs) {
    if (!m_process) return -1;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!m_process->waitForFinished(timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(timeoutMs);
            drain();
            return -1;
        }
    }
    drain();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool ServeProcess::waitForExit(int timeoutMs) {
    const bool exited = m_process->state() == QProcess::NotRunning || m_process->waitForFinished(timeoutMs);
    drain();
    return exited;
}

int ServeProcess::exitCode() const {
    return m_process ? m_process->exitCode() : -1;
}

void ServeProcess::drain() {
    if (!m_process) return;
    m_out += m_process->readAllStandardOutput();
    m_err += m_process->readAllStandardError();
}

QByteArray ServeProcess::out() {
    drain();
    return m_out;
}

QByteArray ServeProcess::err() {
    drain();
    return m_err;
}

QUrl ServeProcess::apiUrl(const QString &api) const {
    for (const QJsonValue &entry : m_endpoints.value(QStringLiteral("apis")).toArray())
        if (entry[QStringLiteral("name")].toString() == api)
            return QUrl(entry[QStringLiteral("url")].toString());
    return {};
}

QUrl ServeProcess::stageUrl(const QString &api, const QString &stage) const {
    for (const QJsonValue &entry : m_endpoints.value(QStringLiteral("apis")).toArray()) {
        if (entry[QStringLiteral("name")].toString() != api) continue;
        for (const QJsonValue &s : entry[QStringLiteral("stages")].toArray())
            if (s[QStringLiteral("name")].toString() == stage)
                return QUrl(s[QStringLiteral("url")].toString());
    }
    return {};
}

QByteArray HttpReply::header(const QByteArray &name) const {
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) return v;
    return {};
}

QList<QByteArray> HttpReply::headerValues(const QByteArray &name) const {
    QList<QByteArray> values;
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) values.append(v);
    return values;
}

QJsonObject HttpReply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QNetworkReply *HttpClient::start(const QByteArray &method, const QUrl &url,
                                 const QList<QPair<QByteArray, QByteArray>> &headers,
                                 const QByteArray &body) {
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept-Encoding", "identity");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return m_network.sendCustomRequest(request, method, body);
}

HttpReply HttpClient::collect(QNetworkReply *reply) {
    if (!reply->isFinished()) waitFor([reply] { return reply->isFinished(); }, 20000);
    HttpReply out;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    out.status = status.isValid() ? status.toInt() : 0;
    // Qt folds repeated fields (set-cookie) into one; keep them apart as the server sent them.
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &part : value.split('\n'))
                out.headers.append({name, part});
        } else {
            out.headers.append({name, value});
        }
    }
    out.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && out.status == 0) out.error = reply->errorString();
    reply->deleteLater();
    return out;
}

HttpReply HttpClient::send(const QByteArray &method, const QUrl &url,
                           const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                           int timeoutMs) {
    QNetworkReply *reply = start(method, url, headers, body);
    waitFor([reply] { return reply->isFinished(); }, timeoutMs);
    if (!reply->isFinished()) {
        reply->abort();
        HttpReply timedOut;
        timedOut.error = QStringLiteral("timed out");
        reply->deleteLater();
        return timedOut;
    }
    return collect(reply);
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs)) return {};
    socket.write(bytes);
    QByteArray answer;
    waitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    answer += socket.readAll();
    return answer;
}

} // namespace gatehouse::test
