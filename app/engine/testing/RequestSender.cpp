#include "RequestSender.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <memory>
#include <utility>

namespace gatehouse::testing {

RequestSender::RequestSender(QObject *parent)
    : QObject(parent) {}

RequestSender::~RequestSender() {
    abortAll();
}

void RequestSender::send(const OutgoingRequest &request, Callback done) {
    QNetworkRequest networkRequest(request.url);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                request.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                        : QNetworkRequest::ManualRedirectPolicy);
    bool hasContentType = false;
    for (const auto &[name, value] : request.headers) {
        networkRequest.setRawHeader(name, value);
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    // Postman sends a raw body as text/plain unless told otherwise; Qt would warn and guess a form.
    if (!request.body.isEmpty() && !hasContentType)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));

    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply *reply = m_network.sendCustomRequest(networkRequest, request.method, request.body);
    m_pending.append(reply);
    // setTransferTimeout() only limits silence between bytes; a slow trickle must fail too.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(deadline, &QTimer::timeout, reply, [reply] {
        reply->setProperty("gatehouseTimedOut", true);
        reply->abort();
    });
    deadline->start(request.timeoutMs);

    connect(reply, &QNetworkReply::finished, this, [this, reply, clock, done = std::move(done), request] {
        m_pending.removeOne(reply);
        reply->deleteLater();
        HttpExchange exchange;
        exchange.elapsedMs = clock->elapsed();
        exchange.timedOut = reply->property("gatehouseTimedOut").toBool();
        exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (exchange.timedOut) {
            exchange.status = 0; // a partial response is no response
            exchange.error = tr("no response within %1 ms").arg(request.timeoutMs);
        } else if (exchange.hasResponse()) {
            exchange.headers = reply->rawHeaderPairs();
            exchange.body = reply->readAll();
        } else {
            exchange.error = reply->errorString();
        }
        done(exchange);
    });
}

void RequestSender::abortAll() {
    const QList<QNetworkReply *> replies = std::exchange(m_pending, {});
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace gatehouse::testing
