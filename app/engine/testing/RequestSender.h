// Sends OutgoingRequests asynchronously over QNetworkAccessManager with a deadline for the whole
// exchange and no redirect following unless asked; the collection runner and the studio share it.
#pragma once

#include "HttpExchange.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <functional>

class QNetworkReply;

namespace gatehouse::testing {

class RequestSender : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpExchange &)>;

    explicit RequestSender(QObject *parent = nullptr);
    ~RequestSender() override;

    // Starts the exchange; `done` runs exactly once on this object's thread, unless abortAll() or
    // the sender's destruction comes first.
    void send(const OutgoingRequest &request, Callback done);
    void abortAll();
    int pending() const { return int(m_pending.size()); }

private:
    QNetworkAccessManager m_network;
    QList<QNetworkReply *> m_pending;
};

} // namespace gatehouse::testing
