// The listening socket: a QTcpServer that does not wrap accepted sockets itself but passes the raw
// descriptor on, so the socket object can be created on the worker thread that will own it.
#pragma once

#include <QTcpServer>
#include <functional>

namespace gatehouse::http {

class HttpAcceptor : public QTcpServer {
    Q_OBJECT

public:
    explicit HttpAcceptor(std::function<void(qintptr)> onAccepted, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_onAccepted(std::move(onAccepted)) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_onAccepted(descriptor); }

private:
    std::function<void(qintptr)> m_onAccepted;
};

} // namespace gatehouse::http
