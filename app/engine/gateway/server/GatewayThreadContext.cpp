#include "GatewayThreadContext.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>

namespace gatehouse {

namespace {
qint64 nowMs() {
    return QDeadlineTimer::current().deadline();
}
} // namespace

GatewayThreadContext *GatewayThreadContext::current() {
    thread_local QPointer<GatewayThreadContext> context;
    if (!context) {
        context = new GatewayThreadContext;
        // The documented worker pattern: deleted on its own thread as that thread finishes.
        QObject::connect(QThread::currentThread(), &QThread::finished, context.data(), &QObject::deleteLater);
    }
    return context.data();
}

GatewayThreadContext::GatewayThreadContext() {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &GatewayThreadContext::fireDue);
}

QNetworkAccessManager *GatewayThreadContext::network() {
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        // API Gateway hands redirects back to the client instead of following them.
        m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return m_network;
}

GatewayThreadContext::DeadlineId GatewayThreadContext::addDeadline(qint64 inMs,
                                                                   std::function<void()> onExpiry) {
    const DeadlineId id{nowMs() + inMs, m_nextSequence++};
    const bool earliest = m_deadlines.empty() || id < m_deadlines.begin()->first;
    m_deadlines.emplace(id, std::move(onExpiry));
    if (earliest) rearm();
    return id;
}

void GatewayThreadContext::cancelDeadline(const DeadlineId &id) {
    // The timer stays armed for the removed entry; firing early on nothing due is harmless.
    m_deadlines.erase(id);
}

void GatewayThreadContext::fireDue() {
    const qint64 now = nowMs();
    while (!m_deadlines.empty() && m_deadlines.begin()->first.first <= now) {
        auto node = m_deadlines.extract(m_deadlines.begin());
        node.mapped()(); // may add or cancel deadlines
    }
    rearm();
}

void GatewayThreadContext::rearm() {
    if (m_deadlines.empty()) return m_timer.stop();
    m_timer.start(int(std::max<qint64>(0, m_deadlines.begin()->first.first - nowMs())));
}

} // namespace gatehouse
