// Runs `gatehouse serve` as a child process for end-to-end tests: waits for its endpoints file,
// keeps its output, and stops it with SIGTERM. Plus a small blocking HTTP client over
// QNetworkAccessManager for talking to it.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QUrl>
#include <memory>

namespace gatehouse::test {

class ServeProcess {
public:
    ~ServeProcess();
    // Starts `gatehouse serve PROJECT --endpoints-file ... extraArguments` and waits until the
    // endpoints file appears (true) or the process exits (false: see exitCode()/err()).
    bool start(const QString &project, const QString &endpointsFile, const QStringList &extraArguments = {},
               int timeoutMs = 20000);
    // SIGTERM, then waits for the exit; returns the exit code (-1 if it had to be killed).
    int stop(int timeoutMs = 10000);
    bool waitForExit(int timeoutMs);

    QJsonObject endpoints() const { return m_endpoints; }
    // The base URL of the named API's stage ("$default" for the root of an HTTP API).
    QUrl stageUrl(const QString &api, const QString &stage) const;
    QUrl apiUrl(const QString &api) const;
    QByteArray out();
    QByteArray err();
    int exitCode() const;
    QProcess &process() { return *m_process; }

private:
    void drain();
    std::unique_ptr<QProcess> m_process;
    QJsonObject m_endpoints;
    QByteArray m_out;
    QByteArray m_err;
};

struct HttpReply {
    int status = 0; // 0: no HTTP answer (see error)
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray body;
    QString error;
    QByteArray header(const QByteArray &name) const;
    QList<QByteArray> headerValues(const QByteArray &name) const;
    QJsonObject json() const;
};

class HttpClient {
public:
    HttpReply send(const QByteArray &method, const QUrl &url,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {},
                   int timeoutMs = 15000);
    HttpReply get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        return send("GET", url, headers);
    }
    QNetworkReply *start(const QByteArray &method, const QUrl &url,
                         const QList<QPair<QByteArray, QByteArray>> &headers = {},
                         const QByteArray &body = {});
    static HttpReply collect(QNetworkReply *reply);

private:
    QNetworkAccessManager m_network;
};

// Sends raw bytes on a new TCP connection and returns what came back until the server closed the
// connection or `timeoutMs` passed.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 10000);

} // namespace gatehouse::test
