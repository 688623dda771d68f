#include "JsEnvironment.h"

#include "JsRuntime.h"

#include <QThread>

namespace gatehouse {

JsEnvironment::JsEnvironment(EnvironmentSpec spec, QObject *parent)
    : ExecutionEnvironment(std::move(spec), parent)
    , m_thread(new QThread)
    , m_runtime(new JsRuntime(this->spec())) {
    m_thread->setObjectName(QStringLiteral("lambda:") + functionName());
    m_runtime->moveToThread(m_thread);
    // The runtime (and its engine) must be destroyed on the thread that used it: `finished` is
    // emitted by the thread itself after its event loop ends.
    JsRuntime *runtime = m_runtime;
    connect(
        m_thread, &QThread::finished, m_thread, [runtime] { delete runtime; }, Qt::DirectConnection);
    // Emitted on the environment's thread: the Invoker takes it there, so that a result reaches its
    // caller without a detour through the invoker's thread.
    connect(m_runtime, &JsRuntime::finished, this, &ExecutionEnvironment::finished, Qt::DirectConnection);
    m_thread->start();
}

JsEnvironment::~JsEnvironment() {
    m_runtime->requestStop();
    m_thread->quit();
    if (m_thread->wait(10000)) {
        delete m_thread;
        return;
    }
    // Stuck in native code that cannot be interrupted: let the thread end on its own rather than
    // block the invoker; it deletes the runtime and then itself.
    qWarning("gatehouse: the execution environment of %s did not stop in time", qPrintable(functionName()));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
}

void JsEnvironment::invoke(const InvocationRequest &request) {
    JsRuntime *runtime = m_runtime;
    QMetaObject::invokeMethod(
        m_runtime, [runtime, request] { Q_EMIT runtime->finished(runtime->run(request)); },
        Qt::QueuedConnection);
}

} // namespace gatehouse
