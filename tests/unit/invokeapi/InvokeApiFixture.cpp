#include "InvokeApiFixture.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

namespace gatehouse::test {

namespace {
const QByteArray kEcho = "exports.handler = function (event) { return event; };";
const QByteArray kFails = "exports.handler = function () { throw new TypeError('boom from handler'); };";
// 200 lines of 45 bytes: about 9 KB of function output, more than the 4 KB log tail.
const QByteArray kChatty =
    "exports.handler = function () {\n"
    "  for (var i = 0; i < 200; i++) console.log('chatty line ' + (1000 + i) + ' of the tail');\n"
    "  return 'done';\n"
    "};";
const QByteArray kContext =
    "exports.handler = function (event, context) {\n"
    "  return { clientContext: context.clientContext === undefined ? null : context.clientContext,\n"
    "           arn: context.invokedFunctionArn };\n"
    "};";
const QByteArray kSlow = "exports.handler = (e) => new Promise((ok) => setTimeout(() => ok('slow done'), "
                         "e.ms === undefined ? 1000 : e.ms));";
} // namespace

QByteArray ApiReply::header(const QByteArray &name) const {
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

bool ApiReply::hasHeader(const QByteArray &name) const {
    for (const auto &pair : headers)
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0) return true;
    return false;
}

QJsonObject ApiReply::json() const {
    return QJsonDocument::fromJson(body).object();
}

InvokeApiFixture::InvokeApiFixture(int workerThreads) {
    m_functions.addFunction(QStringLiteral("echo"), {{"index.js", kEcho}});
    m_functions.addFunction(QStringLiteral("fails"), {{"index.js", kFails}});
    m_functions.addFunction(QStringLiteral("chatty"), {{"index.js", kChatty}});
    m_functions.addFunction(QStringLiteral("context"), {{"index.js", kContext}});
    Function &slow = m_functions.addFunction(QStringLiteral("slow"), {{"index.js", kSlow}});
    slow.reservedConcurrency = 1;
    slow.timeoutSeconds = 10;
    Invoker &invoker = m_functions.start();
    m_api = std::make_unique<LambdaInvokeApi>(&invoker, m_functions.project);
    http::HttpServerConfig config;
    config.workerThreads = workerThreads;
    LambdaInvokeApi *api = m_api.get();
    m_server = std::make_unique<http::HttpServer>(
        [api](http::HttpRequest request, http::HttpResponder responder) {
            api->handle(std::move(request), std::move(responder));
        },
        config);
    if (const http::HttpListenResult result = m_server->listen(); !result.ok()) {
        qWarning().noquote() << result.error;
        m_server.reset();
    }
}

InvokeApiFixture::~InvokeApiFixture() {
    m_server.reset(); // first: no handler may run while the API and the invoker go away
    m_api.reset();
}

QUrl InvokeApiFixture::endpoint() const {
    return m_server ? m_server->url() : QUrl();
}

QNetworkReply *InvokeApiFixture::start(const QByteArray &method, const QByteArray &target,
                                       const QByteArray &body,
                                       const QList<QPair<QByteArray, QByteArray>> &headers) {
    // StrictMode keeps the target's percent-encoding (%3A in ARNs) exactly as written.
    QNetworkRequest request(QUrl::fromEncoded(endpoint().toEncoded() + target, QUrl::StrictMode));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return m_network.sendCustomRequest(request, method, body);
}

ApiReply InvokeApiFixture::send(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers) {
    return wait(start(method, target, body, headers));
}

ApiReply InvokeApiFixture::invoke(const QByteArray &encodedName, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers,
                                  const QByteArray &query) {
    QByteArray target = "/2015-03-31/functions/" + encodedName + "/invocations";
    if (!query.isEmpty()) target += '?' + query;
    return send("POST", target, body, headers);
}

ApiReply InvokeApiFixture::wait(QNetworkReply *reply, int timeoutMs) {
    ApiReply out;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(timeoutMs);
    }
    out.finished = reply->isFinished();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return out;
}

QString errorType(const ApiReply &reply) {
    return QString::fromUtf8(reply.header("x-amzn-ErrorType"));
}

QString errorMessage(const ApiReply &reply) {
    return reply.json().value(QStringLiteral("message")).toString();
}

} // namespace gatehouse::test
